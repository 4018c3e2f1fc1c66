"""The fingerprint of the shipped models and data: what, besides the options and the version, changes a result.

Light on purpose (no scikit-learn, no NumPy): the batch command checks a record
file's settings before anything heavy is imported.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

#: The shipped files whose content decides results, in the order they are hashed.
FINGERPRINTED_FILES = ("similarity/calibration.json", "alignment/alignment.json", "facts/lowercase_words.txt")


@cache
def calibration_fingerprint() -> str:
    """The first 12 hex digits of the SHA-256 of the shipped models and data: calibration.json, alignment.json,
    then the casing list that cuts title-case headlines (facts/lowercase_words.txt)."""
    package = Path(__file__).parent
    return hashlib.sha256(b"".join((package / name).read_bytes() for name in FINGERPRINTED_FILES)).hexdigest()[:12]
