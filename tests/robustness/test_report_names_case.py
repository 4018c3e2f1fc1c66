"""Report names stay apart on file systems that ignore case (macOS, Windows): issue 15, report names.

Articles ``A.txt`` and ``a.txt`` compared with the same article gave ``A__b.md`` and ``a__b.md``: one file where
case is ignored, so the later pair silently replaced the earlier pair's reports. This file system is
case-sensitive, so the tests compare the names as such a file system does, lower-cased.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import compare.reports as reports
from compare.cli.commands import cli

FOLDER = Path("reports")
SUFFIXES = (".json", ".md", ".html", ".txt")
# Letters with case (and the odd ones: titlecase digraphs, the Kelvin and Ångström signs, dotted I, final sigma).
CASED = st.text(alphabet=st.sampled_from([*"aAbBzZ_-. %+~", "é", "É", "ǅ", "Ǆ", "ǆ", "\u212a", "k", "K", "\u212b",
                                          "Å", "å", "İ", "i", "ς", "σ", "Σ", "Я", "я", "ß", "ẞ"]), max_size=10)


def _folded(names: list[str], suffix: str = ".md") -> str:
    return reports.report_path_for(FOLDER, names, suffix).name.lower()


@pytest.mark.parametrize(("one", "other"), [
    ("A", "a"), ("Wire", "wire"), ("WIRE", "Wire"), ("Москва", "москва"), ("Ǆ", "ǅ"), ("ǅ", "ǆ"),
    ("\u212a", "k"), ("ẞ", "ß"), ("Bürgermeister", "bürgermeister"), ("A b", "a B"),
])
def test_names_that_differ_only_by_case_give_different_files(one: str, other: str) -> None:
    assert _folded([one, "b"]) != _folded([other, "b"])
    assert _folded(["b", one]) != _folded(["b", other])
    assert _folded([one, other, "c"]) != _folded([other, one, "c"])


def test_lower_case_names_are_unchanged_and_a_case_tag_reads_back() -> None:
    assert reports.report_path(FOLDER, "karabakh-free-beacon", "karabakh-news-blog", ".md").name == (
        "karabakh-free-beacon__karabakh-news-blog.md")
    name = reports.report_path(FOLDER, "A", "b", ".md").name
    assert name == "A__b+1.md"  # upper-case letters at position 0
    assert reports.report_names(name, ".md") == ["A", "b"]
    assert reports.report_names("A__b.md", ".md") is None  # not a name factcompare makes
    assert reports.report_names("a__b+1.md", ".md") is None


CHANGES = (str.upper, str.lower, str.swapcase, str.title, str.casefold)


@settings(max_examples=300, deadline=None)
@given(st.lists(CASED, min_size=2, max_size=3), st.data(), st.sampled_from(SUFFIXES))
def test_names_differing_by_case_never_share_a_file_ignoring_case(first: list[str], data: st.DataObject,
                                                                   suffix: str) -> None:
    """The second list is the first with the case of some of its characters changed (one way or another)."""
    second = ["".join(data.draw(st.sampled_from((lambda c: c, *CHANGES)))(char) for char in name) for name in first]
    if first != second:
        assert _folded(first, suffix) != _folded(second, suffix), (first, second)
    for names in (first, second):
        file_name = reports.report_path_for(FOLDER, names, suffix).name
        # a name past the length limit is cut (with a digest) and reads back as no name
        expected = None if reports.CUT_MARK in file_name else names
        assert reports.report_names(file_name, suffix) == expected


def test_long_names_that_differ_only_by_case_stay_apart() -> None:
    one, other = ["Wire " * 60, "blog"], ["wire " * 60, "blog"]
    assert _folded(one) != _folded(other)
    assert len(reports.report_path_for(FOLDER, one, ".html").name.encode()) <= reports.MAX_FILE_NAME_BYTES


def test_articles_named_a_and_A_get_reports_apart_from_each_other(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for name in ("A", "a"):
        folder = tmp_path / f"{name}-{len(list(tmp_path.iterdir()))}"
        folder.mkdir()
        (folder / f"{name}.txt").write_text("The blast killed 25 people on Sunday, officials said.\n",
                                            encoding="utf-8")
        (folder / "b.txt").write_text("Officials said the blast killed 25 people on Sunday.\n", encoding="utf-8")
        result = CliRunner().invoke(cli, [str(folder / f"{name}.txt"), str(folder / "b.txt"), "-o", str(out),
                                          "-f", "json,markdown"])
        assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert len({name.lower() for name in names}) == 4, names  # two pairs, two reports each, apart ignoring case
