"""A batch job that kills its worker, as the out-of-memory killer would (for test_batch_failures)."""

from __future__ import annotations

import os

from compare.collection.job import BatchSettings, compare_group
from compare.collection.manifest import Group


def die_on_second(job: tuple[Group, BatchSettings]) -> str:
    group, settings = job
    if group.id.endswith("2"):
        os._exit(9)
    return compare_group(group, settings)
