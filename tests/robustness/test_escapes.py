"""Escape sequences in articles and file names reach no terminal raw: the view, the .txt report, check, errors.

Every payload of ``tests/test_visible.py`` (clipboard write, window title, clear screen, fake hyperlink, C1 CSI,
bidi override, backspace and carriage-return overwrites) goes through the real command line, in process.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import compare.cli.console
from compare.cli.commands import cli
from compare.visible import is_visible
from tests.test_visible import PAYLOADS

# Enough ordinary text around the payloads that the article is an article, not a binary file.
PADDING = ("The mayor visited the site on Sunday and said that 25 people died in the fire. "
           "Rescue teams searched the rubble overnight, officials said. ") * 30
# What a payload must never leave in the output, even where Rich writes its own colour codes.
RAW = ("\x1b]", "\x1b[2J", "\x1b[H", "\x9b", "\u202e", "\x08", "\r", "\x07")


def _hostile(folder: Path, name: str = "hostile") -> Path:
    lines = [f"Police said {payload} the road near the station was closed [bold]loud[/bold] at {i} pm."
             for i, payload in enumerate(PAYLOADS.values(), 1)]
    path = folder / f"{name}.txt"
    path.write_text("\n\n".join(lines) + "\n\n" + PADDING, encoding="utf-8")
    return path


def _plain(folder: Path, name: str, extra: str = "") -> Path:
    path = folder / f"{name}.txt"
    path.write_text(PADDING + f"\n\nPolice said the road near the station was closed at 9 pm. {extra}\n",
                    encoding="utf-8")
    return path


def _assert_shown_not_obeyed(output: str) -> None:
    for raw in RAW:
        assert raw not in output, repr(raw)


def _assert_visible(output: str) -> None:
    assert is_visible(output), [line for line in output.splitlines() if not is_visible(line)][:3]
    # The reader strips control characters (tests/robustness/test_controls.py): what is left is shown.
    assert "]52;c;ZWNobyBwd25lZA==" in output
    assert "abc\\u202edcba" in output  # a bidi override is shown, escaped
    assert "[bold]loud[/bold]" in output  # markup in an article is text, not markup


def test_the_terminal_view_and_the_txt_report_show_escapes(tmp_path: Path) -> None:
    left, right = _hostile(tmp_path), _plain(tmp_path, "plain")
    result = CliRunner().invoke(cli, [str(left), str(right), "--limit", "0", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    _assert_visible(result.stdout)
    report = (tmp_path / "out" / "hostile__plain.txt").read_text(encoding="utf-8")
    _assert_visible(report)


def test_a_styled_terminal_gets_colour_codes_but_no_injected_sequence(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compare.cli.console, "styled", lambda stream: True)
    left, right = _hostile(tmp_path), _plain(tmp_path, "plain")
    result = CliRunner().invoke(cli, [str(left), str(right), "--limit", "0", "--no-report"])
    assert result.exit_code == 0, result.stderr
    assert "\x1b[" in result.stdout  # colour: the stream is styled
    _assert_shown_not_obeyed(result.stdout)


def test_three_sources_view_shows_escapes_and_markup_literally(tmp_path: Path) -> None:
    sources = [_hostile(tmp_path), _plain(tmp_path, "plain"), _hostile(tmp_path, "[bold]third[blink]")]
    result = CliRunner().invoke(cli, [*map(str, sources), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    _assert_visible(result.stdout)
    assert "[bold]third[blink]" in result.stdout  # a source name is not markup either
    reports = list((tmp_path / "out").glob("*.txt"))
    assert len(reports) == 1
    _assert_visible(reports[0].read_text(encoding="utf-8"))


def test_check_lines_show_escapes(tmp_path: Path) -> None:
    payloads = " ".join(PAYLOADS.values())
    left = _plain(tmp_path, "left", f"He said {payloads} that 30 people died.")
    right = _plain(tmp_path, "right", f"He said {payloads} that 40 people died.")
    hostile_name = tmp_path / ("name\x1b]0;owned\x07\u202e.txt")
    left.rename(hostile_name)
    result = CliRunner().invoke(cli, ["check", str(hostile_name), str(right)])
    assert result.exit_code == 1, result.stderr
    for line in (result.stdout + result.stderr).splitlines():
        assert is_visible(line, one_line=True), repr(line)
    assert "\\x1b]0;owned" in result.stderr
    result = CliRunner().invoke(cli, ["check", str(hostile_name), str(right), "--format", "json"])
    assert result.exit_code == 1, result.stderr
    _assert_shown_not_obeyed(result.stdout)
    assert "\u2028" not in result.stdout
    verdict = json.loads(result.stdout)  # escaped as JSON escapes: the values are unchanged
    assert any("name\x1b]0;owned\x07\u202e" in str(pair.get("left")) for pair in verdict["pairs"]), verdict["pairs"]


def test_the_renderers_escape_what_no_reader_stripped() -> None:
    """A library caller may hand the core any text: the terminal renderers escape it themselves."""
    from compare import Source, compare_articles
    from compare.multi import compare_many
    from compare.render import render_multi_terminal, render_terminal

    payloads = " ".join(PAYLOADS.values())
    hostile = Source(text=f"Police said {payloads} the road was closed [bold]at 9 pm[/bold].\n\n{PADDING}",
                     name="name\x1b]0;owned\x07", path="path\x9b2J")
    plain = Source(text=PADDING + "\n\nPolice said the road was closed at 10 pm.", name="plain")
    two = [render_terminal(compare_articles(hostile, plain), color=color) for color in (False, True)]
    many = [render_multi_terminal(compare_many([hostile, plain, plain]), color=color) for color in (False, True)]
    for output in (*two, *many):
        _assert_shown_not_obeyed(output)
        assert "\\x1b]0;owned\\x07" in output
    for output in two:
        assert "\\x1b]52;c;ZWNobyBwd25lZA==\\x07" in output
        assert "[bold]at" in output
        assert "[/bold]" in output


def _one_visible_line(result: Result) -> str:
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert result.stderr.startswith("factcompare: error: ")
    assert is_visible(lines[0], one_line=True), repr(lines[0])
    return lines[0]


@pytest.mark.parametrize("payload", list(PAYLOADS.values()), ids=list(PAYLOADS))
def test_an_error_naming_a_hostile_file_is_one_visible_line(tmp_path: Path, payload: str) -> None:
    good = _plain(tmp_path, "good")
    name = payload.replace("/", "_") + "\n" + "factcompare: error: forged second line"
    line = _one_visible_line(CliRunner().invoke(cli, [str(good), str(tmp_path / f"{name}.txt")]))
    assert "no such file" in line
    empty = tmp_path / f"empty {name}.txt"
    empty.write_bytes(b"")
    line = _one_visible_line(CliRunner().invoke(cli, [str(good), str(empty)]))
    assert "empty" in line


def test_a_usage_error_with_a_hostile_value_is_one_visible_line(tmp_path: Path) -> None:
    good = _plain(tmp_path, "good")
    line = _one_visible_line(CliRunner().invoke(cli, [str(good), str(good), "-f", "pdf\x1b]0;owned\x07"]))
    assert "\\x1b]0;owned" in line
