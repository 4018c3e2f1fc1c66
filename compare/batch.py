"""Deprecated: the collection code now lives in :mod:`compare.collection`; this shim is kept for one release.

It re-exports the names that ``compare.batch`` offered, for scripts written
against it (nothing in this repository imports it any more); import from
:mod:`compare.collection` and its modules instead.
"""

from .collection.engines import PR_SET_PDEATHSIG, run_dask, run_local
from .collection.job import ANALYSED_CACHE_SIZE, BatchSettings, compare_group, group_record
from .collection.manifest import Group, ManifestError, read_collection
from .collection.records import (
    NOT_OURS,
    RECORD_FILE,
    OlderRecordsError,
    append_records,
    check_discardable,
    collection_digest,
    finished_ids,
    read_records,
    records_header,
    settings_signature,
    start_records,
)

__all__ = ["ANALYSED_CACHE_SIZE", "NOT_OURS", "PR_SET_PDEATHSIG", "RECORD_FILE", "BatchSettings", "Group",
           "ManifestError", "OlderRecordsError", "append_records", "check_discardable", "collection_digest",
           "compare_group", "finished_ids", "group_record", "read_collection", "read_records", "records_header",
           "run_dask", "run_local", "settings_signature", "start_records"]
