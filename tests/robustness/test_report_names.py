"""Report file names: unique and reversible for any Unicode name, short enough for any file system, never outside.

Issue 15 (item 4) found every non-Latin name written as ``article``, ``a b``, ``a\\b`` and ``a-b`` all written
as ``a-b``, and a later pair silently replacing an earlier pair's reports.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import compare.reports as reports
from compare.cli.commands import cli

WIRE = "The blast killed 25 people in the capital on Sunday, officials said.\n\nPolice closed the road."
BLOG = "Officials said the blast killed 25 people in the capital on Sunday.\n\nRescue teams searched the rubble."
FOLDER = Path("reports")
SUFFIXES = (".json", ".md", ".html", ".txt")

# Text with what makes names collide or escape: separators, escapes, dots, dashes, path characters, controls,
# combining marks, compatibility letters, right-to-left and astral characters, and lone surrogates (names of
# files whose bytes are not UTF-8 reach Python as surrogates).
_TRICKY = st.sampled_from(["_", "__", "%", "~", ".", "..", "-", "/", "\\", " ", "\0", "\n", "\x1b", "\u0301",
                           "\u212b", "\u00c5", "A\u030a", "\u1100\u1161", "\ufeff", "\u202e", "\U0001f600",
                           "\udcff", "é", "Москва", "東京", "a"])
NAMES = st.lists(st.one_of(st.text(max_size=12), _TRICKY), max_size=4).map("".join)
LONG_NAMES = st.lists(st.one_of(st.text(min_size=20, max_size=60), _TRICKY), max_size=12).map("".join)


def _name(left: str, right: str, suffix: str = ".json") -> str:
    path = reports.report_path(FOLDER, left, right, suffix)
    assert path.parent == FOLDER
    return path.name


@pytest.mark.parametrize(("left", "right"), [
    ("a b", "a\\b"), ("a b", "a-b"), ("a\\b", "a-b"), ("a/index", "a-index"), ("Москва", "東京"),
    ("Москва", "Київ"), ("a__b", "a_b"), ("a.", "a"), ("-a", "a"), (".a", "a"), ("a%20b", "a b"),
])
def test_names_that_used_to_collide_stay_apart(left: str, right: str) -> None:
    assert _name(left, "blog") != _name(right, "blog")
    assert _name("wire", left) != _name("wire", right)


def test_letters_and_digits_of_any_script_are_kept_as_they_are() -> None:
    assert _name("Москва", "東京") == "Москва__東京+1.json"  # "+1": upper case at 0 (test_report_names_case)
    assert _name("Bürgermeister", "αβγ٣") == "Bürgermeister__αβγ٣+1.json"
    assert _name("karabakh-free-beacon", "karabakh-news-blog") == "karabakh-free-beacon__karabakh-news-blog.json"
    assert _name("wire", "blog", ".html") == "wire__blog.html"
    assert _name("wire_2", "v1.2") == "wire_2__v1.2.json"


def test_what_is_escaped_is_escaped_reversibly() -> None:
    assert _name("a b", "a\\b") == "a%20b__a%5Cb.json"
    assert _name("a/index", "b/index") == "a%2Findex__b%2Findex.json"
    assert _name("a__b", "_c_") == "a%5F%5Fb__%5Fc%5F.json"
    assert _name("100%", "x~y") == "100%25__x%7Ey.json"
    assert _name("", "e\u0301") == "%__e%CC%81.json"  # an empty name; a combining mark (not NFC) escaped


@pytest.mark.parametrize("name", [".", "..", ".hidden", "-rf", "--force", "/etc/passwd", "../../x", "a/../../b",
                                  "\0", "nul\0byte", "~root", "CON", "a\nb"])
def test_a_name_never_leads_outside_the_folder_or_surprises(name: str) -> None:
    for left, right in ((name, "blog"), ("wire", name), (name, name)):
        file_name = _name(left, right)
        assert not {"/", "\\", "\0"} & set(file_name)
        assert not file_name.startswith((".", "-", "~"))
        assert file_name not in (".", "..")
        assert file_name.isprintable()
        assert reports.report_names(file_name, ".json") == [left, right]


@settings(max_examples=200, deadline=None)
@given(NAMES, NAMES, NAMES, NAMES)
def test_two_different_pairs_never_share_a_file_name(a: str, b: str, c: str, d: str) -> None:
    if (a, b) != (c, d):
        assert _name(a, b) != _name(c, d)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAMES, min_size=1, max_size=5), st.sampled_from(SUFFIXES))
def test_decoding_recovers_the_names(names: list[str], suffix: str) -> None:
    file_name = reports.report_path_for(FOLDER, names, suffix).name
    if reports.CUT_MARK not in file_name:  # short names are whole (a letter this Python does not know is escaped)
        assert reports.report_names(file_name, suffix) == names
    assert unicodedata.is_normalized("NFC", file_name)  # what a file system that normalises names keeps
    assert file_name.isprintable()


@settings(max_examples=150, deadline=None)
@given(st.lists(LONG_NAMES, min_size=2, max_size=6), st.lists(LONG_NAMES, min_size=2, max_size=6),
       st.sampled_from(SUFFIXES))
def test_long_names_are_cut_under_255_bytes_and_stay_apart(first: list[str], second: list[str],
                                                            suffix: str) -> None:
    one = reports.report_path_for(FOLDER, first, suffix).name
    two = reports.report_path_for(FOLDER, second, suffix).name
    for names, file_name in ((first, one), (second, two)):
        assert len(file_name.encode("utf-8", "surrogatepass")) <= reports.MAX_FILE_NAME_BYTES < 255
        assert not file_name.startswith((".", "-"))
        assert unicodedata.is_normalized("NFC", file_name)
        decoded = reports.report_names(file_name, suffix)
        assert decoded is None or decoded == names  # a cut name is not decoded, a whole one is, exactly
    if first != second:
        assert one != two


def test_a_cut_name_keeps_its_start_and_carries_a_digest() -> None:
    names = ["Москва-" * 40, "blog"]
    file_name = reports.report_path_for(FOLDER, names, ".json").name
    assert file_name.startswith("Москва-Москва-")
    assert len(file_name.encode("utf-8")) <= reports.MAX_FILE_NAME_BYTES
    assert reports.report_names(file_name, ".json") is None
    assert file_name != reports.report_path_for(FOLDER, ["Москва-" * 41, "blog"], ".json").name


def test_a_later_pair_no_longer_replaces_an_earlier_pairs_reports(tmp_path: Path) -> None:
    out = tmp_path / "out"
    written = []
    for name in ("a b", "a-b", "a\\b"):
        folder = tmp_path / name.replace("\\", "_bs_").replace(" ", "_sp_")  # three folders, one file each
        folder.mkdir()
        left, right = folder / f"{name}.txt", folder / "blog.txt"
        left.write_text(WIRE, encoding="utf-8")
        right.write_text(BLOG, encoding="utf-8")
        result = CliRunner().invoke(cli, [str(left), str(right), "-o", str(out), "-f", "json,markdown"])
        assert result.exit_code == 0, result.stderr
        written.append(sorted(p.name for p in out.iterdir() if not p.name.startswith(".")))
    assert len(written[-1]) == 6, written  # three pairs, two reports each: nothing replaced
    for file_name in written[-1]:
        assert reports.report_names(file_name, Path(file_name).suffix)[1] == "blog"


def test_non_latin_file_names_give_their_own_reports(tmp_path: Path) -> None:
    left, right = tmp_path / "Москва.txt", tmp_path / "東京.txt"
    left.write_text(WIRE, encoding="utf-8")
    right.write_text(BLOG, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, [str(left), str(right), "-o", str(out), "-q", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert (out / "Москва__東京+1.json").is_file()
