"""Bidirectional controls in articles and names reach no Markdown or HTML report raw (issue 15).

An embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) makes a browser or a Markdown viewer show the
text around it reordered ("Trojan Source"): a report could show another number or name than the article holds.
The terminal view shows them as visible escapes (``\\u202e``); the Markdown and HTML reports, and the batch
summary in Markdown, must too. Right-to-left text itself (Hebrew, Arabic, and the marks U+200E, U+200F and U+061C,
which reorder nothing) stays as it is.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from compare.cli.commands import cli

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
PADDING = "Rescue teams searched the rubble overnight, officials said. " * 5
LEFT = ("The mayor \u202eslepmah\u202c said 25 people died in \u2066Paris\u2069 on Sunday.\n\n"
        "Police in \u05d7\u05d9\u05e4\u05d4 closed the road \u202b\u202a.\n\n" + PADDING)
RIGHT = "The mayor said 24 people died in Paris on Sunday \u2067\u2068.\n\n" + PADDING


def _articles(folder: Path, names: tuple[str, ...]) -> list[Path]:
    paths = []
    for number, name in enumerate(names):
        path = folder / name
        path.write_text(LEFT if number % 2 == 0 else RIGHT, encoding="utf-8")
        paths.append(path)
    return paths


def _assert_shown(report: str, what: str) -> None:
    assert not BIDI.search(report), (what, BIDI.findall(report)[:5])
    assert "u202eslepmah" in report, what  # shown where it was, as an escape
    assert "\u05d7\u05d9\u05e4\u05d4" in report, what  # right-to-left text is left alone


def test_markdown_and_html_reports_show_bidi_controls(tmp_path: Path) -> None:
    articles = _articles(tmp_path, ("left\u202e.txt", "right.txt"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [*map(str, articles), "-o", str(out), "-f", "markdown,html,json"])
    assert result.exit_code == 0, result.stderr
    for suffix in (".md", ".html"):
        (report,) = out.glob(f"*{suffix}")
        _assert_shown(report.read_text(encoding="utf-8"), suffix)
    (report,) = out.glob("left*.json")
    assert not BIDI.search(report.read_text(encoding="utf-8"))  # JSON escapes (\u202e): the value unchanged
    assert "\u202eslepmah" in json.dumps(json.loads(report.read_text(encoding="utf-8")), ensure_ascii=False)


def test_three_source_reports_show_bidi_controls(tmp_path: Path) -> None:
    articles = _articles(tmp_path, ("one.txt", "two\u2067.txt", "three.txt"))
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [*map(str, articles), "-o", str(out), "-f", "markdown,html"])
    assert result.exit_code == 0, result.stderr
    for suffix in (".md", ".html"):
        (report,) = out.glob(f"*{suffix}")
        _assert_shown(report.read_text(encoding="utf-8"), suffix)


def test_the_markdown_batch_summary_shows_bidi_controls_in_ids_and_errors(tmp_path: Path) -> None:
    left, right = _articles(tmp_path, ("a.txt", "b.txt"))
    manifest = tmp_path / "pairs.jsonl"
    manifest.write_text(json.dumps({"id": "p\u202e1", "left": str(left), "right": str(right)}) + "\n"
                        + json.dumps({"id": "p2", "left": str(left), "right": str(tmp_path / "gone\u2066.txt")})
                        + "\n" + json.dumps({"id": "p\n3", "left": str(left), "right": str(right)}) + "\n",
                        encoding="utf-8")
    result = CliRunner().invoke(cli, ["batch", str(manifest), "--format", "markdown", "--workers", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    assert not BIDI.search(result.stdout), result.stdout
    assert "p\\u202e1" in result.stdout
    assert "| p\\x0a3 |" in result.stdout  # a newline in an id breaks no table row
    assert all(line.startswith(("|", "<!--")) for line in result.stdout.splitlines() if line), result.stdout
    output = tmp_path / "records.jsonl"
    result = CliRunner().invoke(cli, ["batch", str(manifest), "--output", str(output), "--workers", "1", "-q"])
    assert result.exit_code == 0, result.stderr
    summary = output.with_suffix(".summary.md").read_text(encoding="utf-8")
    assert not BIDI.search(summary), summary
    assert "gone\\u2066.txt" in summary
