"""Control characters and NUL bytes: refused alike wherever they are when they make a file binary, else stripped.

The whole text is looked at, not a prefix: a few NULs after the first 64 KiB are stripped as a few in the
first are, and a short article with a few control characters is an article, not a binary file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.articles.reader import decode_text
from compare.cli.commands import cli
from compare.errors import ArticleError

SENTENCE = "The council approved the new bridge on Monday, officials said. "
OTHER = "Officials said the council approved the bridge on Monday. Work starts in spring.\n"
# Characters that must never reach a report (C0 controls but tab, newline, form feed and carriage return,
# DEL, C1 controls).
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), *range(0x7f, 0xa0))]


def _report(tmp_path: Path, data: bytes) -> dict:
    story = tmp_path / "story.txt"
    story.write_bytes(data)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    result = CliRunner().invoke(cli, [str(story), str(other), "-q", "-f", "json,terminal", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "out" / "story__other.json").read_text(encoding="utf-8")
    terminal = (tmp_path / "out" / "story__other.txt").read_text(encoding="utf-8")
    report = json.loads(text)
    strings = "".join(_strings(report))
    for control in CONTROLS:
        assert control not in strings, hex(ord(control))
        assert control not in terminal, hex(ord(control))
    return report


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (*_strings(key), *_strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def _long(nuls_at: int, nuls: bytes) -> bytes:
    text = (SENTENCE * (80_000 // len(SENTENCE))).encode()
    return text[:nuls_at] + nuls + text[nuls_at:]


@pytest.mark.parametrize("offset", [100, 70_000], ids=["in-the-first-64-KiB", "after-the-first-64-KiB"])
def test_a_few_nul_bytes_are_stripped_wherever_they_are(tmp_path: Path, offset: int) -> None:
    report = _report(tmp_path, _long(offset, b"\x00" * 5))
    assert "approved the new bridge" in report["left"]["text"]


@pytest.mark.parametrize("offset", [100, 70_000], ids=["in-the-first-64-KiB", "after-the-first-64-KiB"])
def test_many_nul_bytes_are_refused_wherever_they_are(offset: int) -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode_text(_long(offset, b"\x00" * 5_000), label="story.txt")


@pytest.mark.parametrize("controls", ["\x1b", "\x07\x08", "\x00\x1b\x7f", "\x1b[2J\x1b]0;x\x07",
                                      "\x1b[31mred\x1b[0m"],
                         ids=["escape", "bell-backspace", "nul-escape-del", "escape-sequences", "colour-code"])
def test_a_short_article_with_a_few_control_characters_is_an_article(tmp_path: Path, controls: str) -> None:
    article = f"The council approved the bridge on Monday{controls}, officials said. Work starts in spring.\n"
    report = _report(tmp_path, article.encode())
    assert "The council approved the bridge on Monday" in report["left"]["text"]
    assert "officials said" in report["left"]["text"]


def test_a_short_cp1252_article_with_a_control_character_stays_cp1252(tmp_path: Path) -> None:
    article = "Le conseil a approuvé le pont lundi\x1b, a déclaré la mairie. Les travaux débutent.\n"
    report = _report(tmp_path, article.encode("cp1252"))
    assert "approuvé le pont lundi, a déclaré la mairie" in report["left"]["text"]
    assert report["left"]["encoding"] == "cp1252"


@pytest.mark.parametrize("data", [
    b"\x00\x01binary", b"\x00\x01\x02\x03binary\x00", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00binary" * 40,
    (SENTENCE + "\x1b\x07" * 20).encode() * 20, bytes(range(0, 32)) * 100,
], ids=["smallest-binary", "tiny-binary", "elf", "one-control-in-ten", "all-controls"])
def test_what_is_mostly_control_characters_is_still_refused(data: bytes) -> None:
    with pytest.raises(ArticleError, match="binary"):
        decode_text(data, label="x.txt")
