"""The fingerprints of what, besides the options and the version, changes a result: the shipped models and data,
and the code itself.

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


@cache
def code_fingerprint(package: Path = Path(__file__).parent) -> str:
    """The first 12 hex digits of the SHA-256 of every Python source file of the package (path and bytes, in path
    order; compiled caches left out): an edited checkout or an upgrade under the same version number has other
    rules, so a batch does not resume into records another engine made."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.relative_to(package).parts):
        digest.update(path.relative_to(package).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
