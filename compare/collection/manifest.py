"""Reading a collection: a manifest (CSV or JSON Lines) of groups of articles, or a folder of event folders."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import FactcompareError


class ManifestError(FactcompareError):
    """The manifest or collection folder cannot be read."""


@dataclass(frozen=True)
class Group:
    """One comparison job: an id and its articles (two or more paths)."""

    id: str
    articles: tuple[str, ...]


# -- collections -----------------------------------------------------------------

def read_collection(path: Path) -> list[Group]:
    """The groups of a manifest (.csv, .jsonl) or of a folder of event subfolders.

    CSV: columns ``left,right`` (one pair a row, optional ``id``) or ``group,path``
    (one article a row). JSON Lines: ``{"id", "articles": [...]}`` or ``{"id", "left",
    "right"}``. Relative paths are relative to the manifest's folder.
    """
    if path.is_dir():
        return _folder_groups(path.resolve())
    if not path.is_file():
        msg = f"{path}: no such manifest or folder"
        raise ManifestError(msg)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        msg = f"{path}: cannot read the manifest ({error})"
        raise ManifestError(msg) from None
    groups = _jsonl_groups(text, path) if path.suffix.lower() in {".jsonl", ".ndjson"} else _csv_groups(text, path)
    ids = [g.id for g in groups]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        msg = f"{path}: group ids must be unique; repeated: {', '.join(duplicates[:5])}"
        raise ManifestError(msg)
    if not groups:
        msg = f"{path}: the manifest lists no groups"
        raise ManifestError(msg)
    return groups


def _resolve(base: Path, article: str) -> str:
    candidate = Path(article)
    return str(candidate if candidate.is_absolute() else base / candidate)


def _csv_groups(text: str, path: Path) -> list[Group]:
    # The csv module splits the lines itself: a quoted newline stays in its field, U+2028 is no line end.
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = []
    try:
        for row in reader:
            missing = [name for name, value in row.items() if value is None]
            if missing:
                msg = f"{path}:{reader.line_num}: a row without the column(s) {', '.join(missing)}"
                raise ManifestError(msg)
            rows.append(row)
    except csv.Error as error:
        msg = f"{path}:{reader.line_num}: not a CSV manifest ({error})"
        raise ManifestError(msg) from None
    columns = set(reader.fieldnames or ())
    base = path.resolve().parent  # articles named the same whichever path names the manifest
    if {"left", "right"} <= columns:
        return [Group(row.get("id") or str(number), (_resolve(base, row["left"]), _resolve(base, row["right"])))
                for number, row in enumerate(rows, 1)]
    if {"group", "path"} <= columns:
        grouped: dict[str, list[str]] = {}
        for row in rows:
            grouped.setdefault(row["group"], []).append(_resolve(base, row["path"]))
        return [Group(group_id, tuple(paths)) for group_id, paths in grouped.items()]
    msg = f"{path}: a CSV manifest needs the columns left,right (pairs) or group,path (event groups)"
    raise ManifestError(msg)


def _jsonl_groups(text: str, path: Path) -> list[Group]:
    groups = []
    base = path.resolve().parent  # articles named the same whichever path names the manifest
    # Lines end at "\n" only: JSON strings may hold U+2028, U+2029 and U+0085 raw.
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip(" \t\r"):
            continue
        try:
            row = json.loads(line)
            articles = row["articles"] if "articles" in row else [row["left"], row["right"]]
            group_id = str(row.get("id", number))
            if not isinstance(articles, list) or not all(isinstance(a, str) for a in articles):
                raise TypeError
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):  # ValueError: JSON, huge ints
            msg = f"{path}:{number}: expected {{\"id\", \"articles\": [...]}} or {{\"id\", \"left\", \"right\"}}"
            raise ManifestError(msg) from None
        groups.append(Group(group_id, tuple(_resolve(base, str(a)) for a in articles)))
    return groups


def _folder_groups(folder: Path) -> list[Group]:
    groups = []
    for event in sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith(".")):
        articles = sorted(str(p) for p in event.iterdir() if p.is_file() and not p.name.startswith("."))
        groups.append(Group(event.name, tuple(articles)))
    if not groups:
        msg = f"{folder}: no event subfolders (one subfolder of articles per event)"
        raise ManifestError(msg)
    return groups
