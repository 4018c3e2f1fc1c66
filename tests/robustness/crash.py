"""Batch jobs that kill their worker, as the out-of-memory killer would, or never end (for test_batch_failures)."""

from __future__ import annotations

import os
import time

from compare.collection.job import BatchSettings, compare_group
from compare.collection.manifest import Group


def die_on_second(job: tuple[Group, BatchSettings]) -> str:
    group, settings = job
    if group.id.endswith("2"):
        os._exit(9)
    return compare_group(group, settings)


def stall_after_first(job: tuple[Group, BatchSettings]) -> str:
    """The first group done at once, every other one stuck (a pair that takes forever)."""
    group, _settings = job
    if group.id != "p1":
        time.sleep(3600)
    return group.id
