"""The command line: the main job, report files, and a one-line error for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli.commands import cli
from compare.reports import INDEX_NAME

from .conftest import SEEDS

STORY = ("Police said six people were killed in the blast on Sunday. The mayor visited the site.\n\n"
         "Officials closed the road near the station.")
OTHER = ("Six people died in Sunday's blast, police said. Officials closed the road near the station.\n\n"
         "The cause is not yet known.")


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "left-story.txt", tmp_path / "right-story.txt"
    left.write_text(STORY, encoding="utf-8")
    right.write_text(OTHER, encoding="utf-8")
    return left, right


def invoke(*args: str | Path) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_compare_writes_json_report(articles: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = invoke(*articles, "-o", out)
    assert code == 0, stderr
    report = out / "left-story__right-story.json"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["summary"]["same"] >= 1
    assert "What is shared" in stdout
    assert f"wrote {report}" in stderr


def test_default_runs_on_seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (tmp_path / "seeds" / seed.name).write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, _, stderr = invoke("-q")
    assert code == 0, stderr
    assert (tmp_path / "reports" / "karabakh-free-beacon__karabakh-news-blog.json").is_file()


def test_without_seeds_asks_for_two_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, stderr = invoke()
    assert code == 2
    assert "give two articles" in stderr


def test_formats_and_no_report(articles: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, _, _ = invoke(*articles, "-o", out, "-f", "json", "-f", "terminal", "-q")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [INDEX_NAME, "left-story__right-story.json",
                                                    "left-story__right-story.txt"]
    code, _, _ = invoke(*articles, "-o", tmp_path / "none", "--no-report", "-q")
    assert code == 0
    assert not (tmp_path / "none").exists()


def test_never_replaces_a_file_it_did_not_write(articles: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "left-story__right-story.json"
    mine.write_text("my own notes\n", encoding="utf-8")
    code, _, stderr = invoke(*articles, "-o", out, "-q", "-f", "json")
    assert code == 2
    assert "factcompare has no record of writing it" in stderr
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    code, _, _ = invoke(*articles, "-o", out, "-q", "--force", "-f", "json")
    assert code == 0
    assert json.loads(mine.read_text(encoding="utf-8"))["generator"] == "factcompare"
    # and a report it wrote itself is simply refreshed
    code, _, _ = invoke(*articles, "-o", out, "-q", "-f", "json")
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == [INDEX_NAME, mine.name]  # no temporary file left behind


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\n\t\n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"A sentence about the war. " * 250_000)
    return {
        "missing": (tmp_path / "missing.txt", "no such file"),
        "directory": (tmp_path, "is a directory"),
        "empty": (empty, "is empty"),
        "blank": (blank, "is empty"),
        "binary": (binary, "binary"),
        "huge": (huge, "--max-bytes"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "empty", "blank", "binary", "huge"])
def test_bad_input_is_one_line_and_exit_2(case: str, articles: tuple[Path, Path], tmp_path: Path) -> None:
    bad, message = _bad_inputs(tmp_path)[case]
    code, stdout, stderr = invoke(bad, articles[1], "-o", tmp_path / "out")
    assert code == 2
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1
    assert message in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "out").exists()


def test_too_many_statements(articles: tuple[Path, Path], tmp_path: Path) -> None:
    code, _, stderr = invoke(*articles, "--max-statements", "1", "-o", tmp_path / "out")
    assert code == 2
    assert "--max-statements" in stderr


def test_wrong_number_of_articles(articles: tuple[Path, Path]) -> None:
    code, _, stderr = invoke(articles[0])
    assert code == 2
    assert "give two or more articles" in stderr


def test_unwritable_output_folder(articles: tuple[Path, Path], tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, stderr = invoke(*articles, "-o", blocker / "reports", "-q")
    assert code == 2
    assert "cannot write reports" in stderr


def test_report_names_cannot_escape_the_output_folder(tmp_path: Path) -> None:
    sneaky = tmp_path / "..%2F..%2Fetc%2Fpasswd .txt"
    sneaky.write_text(STORY, encoding="utf-8")
    plain = tmp_path / "plain.txt"
    plain.write_text(OTHER, encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = invoke(sneaky, plain, "-o", out, "-q")
    assert code == 0
    reports = sorted(p for p in out.iterdir() if p.name != INDEX_NAME)
    assert [r.parent for r in reports] == [out] * 4
    # "+808100": the three upper-case F of the name (positions 8, 15, 23), so that "%2f" gets other reports
    assert [r.name for r in reports] == [f"%2E.%252F..%252Fetc%252Fpasswd%20__plain+808100{suffix}" for suffix in
                                         (".html", ".json", ".md", ".txt")]


def test_one_sentence_identical_and_unrelated_articles(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("The bridge reopened on Monday.", encoding="utf-8")
    unrelated = tmp_path / "unrelated.txt"
    unrelated.write_text("Markets rallied on strong earnings from chip makers.", encoding="utf-8")
    out = tmp_path / "out"
    code, _, _ = invoke(one, one, "-o", out, "-q")
    assert code == 0
    same = json.loads((out / "one__one.json").read_text(encoding="utf-8"))
    assert same["summary"] == {"same": 1, "differs": 0, "left_only": 0, "right_only": 0, "consistency": 1.0}
    code, _, _ = invoke(one, unrelated, "-o", out, "-q")
    assert code == 0
    apart = json.loads((out / "one__unrelated.json").read_text(encoding="utf-8"))
    assert apart["summary"] == {"same": 0, "differs": 0, "left_only": 1, "right_only": 1, "consistency": 0.0}


def test_cp1252_article_is_decoded(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The minister’s “final” offer was rejected – again.".encode("cp1252"))
    code, _, _ = invoke(legacy, legacy, "-o", tmp_path / "out", "-q")
    assert code == 0
    data = json.loads((tmp_path / "out" / "legacy__legacy.json").read_text(encoding="utf-8"))
    assert data["left"]["encoding"] == "cp1252"
    assert data["left"]["sentences"][0]["text"] == "The minister’s “final” offer was rejected – again."


def test_internal_errors_are_one_line_unless_debugging(articles: tuple[Path, Path],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("compare.core.compare_articles", broken)
    code, _, stderr = invoke(*articles, "--no-report")
    assert code == 3
    assert stderr.strip() == "factcompare: internal error: RuntimeError: boom (run with --debug for the traceback)"
    result = CliRunner().invoke(cli, [str(a) for a in articles] + ["--no-report", "--debug"])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.spawns
def test_python_dash_m_is_the_same_program(articles: tuple[Path, Path], tmp_path: Path) -> None:
    # Run outside the repository, so that the installed package is what runs (in CI a
    # non-editable install: this is what catches a data file missing from the wheel).
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": ""}
    result = subprocess.run([sys.executable, "-m", "compare", *map(str, articles), "-o", "out"],
                            capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert "What is shared" in result.stdout
    assert (tmp_path / "out" / "left-story__right-story.html").read_text(encoding="utf-8").startswith("<!DOCTYPE")
    assert "\x1b[" not in result.stdout  # plain text when not a terminal
    version = subprocess.run([sys.executable, "-m", "compare", "--version"], capture_output=True, text=True,
                             check=False)
    assert version.stdout.startswith("factcompare, version ")


def test_eval_without_data_is_a_clean_error(tmp_path: Path) -> None:
    code, _, stderr = invoke("eval", tmp_path / "nowhere")
    assert code == 2
    assert "evaluation data missing" in stderr


def test_writes_every_format_by_default_and_any_chosen_list(articles: tuple[Path, Path], tmp_path: Path) -> None:
    code, _, _ = invoke(*articles, "-o", tmp_path / "all", "-q")
    assert code == 0
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir() if p.name != INDEX_NAME) == [
        ".html", ".json", ".md", ".txt"]
    code, _, _ = invoke(*articles, "-o", tmp_path / "some", "-q", "-f", "markdown,html", "-f", "json")
    assert code == 0
    assert sorted(p.suffix for p in (tmp_path / "some").iterdir() if p.name != INDEX_NAME) == [".html", ".json", ".md"]
    code, _, stderr = invoke(*articles, "-o", tmp_path / "bad", "-q", "-f", "pdf")
    assert code == 2
    assert "unknown format 'pdf'" in stderr


def test_output_writes_one_report_to_the_given_file(articles: tuple[Path, Path], tmp_path: Path) -> None:
    target = tmp_path / "deep" / "my-report.html"
    code, _, _ = invoke(*articles, "--output", target, "-q")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in target.parent.iterdir()) == [INDEX_NAME, "my-report.html"]
    code, _, stderr = invoke(*articles, "--output", tmp_path / "report.pdf", "-q")
    assert code == 2
    assert "cannot tell the format" in stderr
    code, _, stderr = invoke(*articles, "--output", tmp_path / "x.json", "-f", "json,html", "-q")
    assert code == 2
    assert "--output writes one report" in stderr


def test_only_and_limit_filter_the_terminal_view(articles: tuple[Path, Path], tmp_path: Path) -> None:
    code, stdout, _ = invoke(*articles, "--no-report", "--only", "left-only", "--limit", "1")
    assert code == 0
    assert "The mayor visited the site." in stdout
    assert "What is shared" not in stdout
    assert "Only in right-story" not in stdout


def test_two_web_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """factcompare http://127.0.0.1:PORT/a.html http://127.0.0.1:PORT/b.html, against a server the test starts."""
    from .webserver import page, serving

    monkeypatch.chdir(tmp_path)
    routes = {"/a.html": page("Blast kills six", STORY.split("\n\n")), "/b.html": page("Six dead", OTHER.split("\n\n"))}
    with serving(routes) as server:
        urls = [server.url("/a.html"), server.url("/b.html")]
        code, stdout, stderr = invoke(*urls, "--format", "json")
        assert code == 0, stderr
        data = json.loads(stdout)
        for side, url, name in (("left", urls[0], "127.0.0.1/a"), ("right", urls[1], "127.0.0.1/b")):
            assert (data[side]["url"], data[side]["path"], data[side]["name"]) == (url, url, name)
            assert data[side]["fetched_at"].endswith("Z")
        assert data["summary"]["same"] >= 1
        code, stdout, _ = invoke(*urls)
        assert code == 0
        assert f"127.0.0.1/a ({urls[0]})" in stdout
        assert (tmp_path / "reports" / "127.0.0.1%2Fa__127.0.0.1%2Fb.html").is_file()
        code, stdout, stderr = invoke(urls[0], server.url("/missing.html"), "-f", "json")
    assert code == 2
    assert stdout == ""
    assert stderr == f"factcompare: error: {server.url('/missing.html')}: HTTP 404 Not Found\n"


def test_markdown_articles_compare_their_text_not_their_markup(tmp_path: Path) -> None:
    left, right = tmp_path / "left.md", tmp_path / "right.md"
    left.write_text("# Blast\n\nBy [Jane Doe](https://x.example/jd), Reuters\n\n"
                    "Police said **six people** were killed in [the blast](https://x.example/b) on Sunday.\n\n"
                    "Share: [Facebook](https://f.example) | [Twitter](https://t.example)\n", encoding="utf-8")
    right.write_text("* Six people were killed in the blast on Sunday, police said.\n", encoding="utf-8")
    code, stdout, stderr = invoke(left, right, "-f", "json")
    assert code == 0, stderr
    data = json.loads(stdout)
    kinds = [(s["kind"], s["text"]) for s in data["left"]["sentences"]]
    assert kinds == [("heading", "Blast"), ("byline", "By Jane Doe, Reuters"),
                     ("statement", "Police said six people were killed in the blast on Sunday."),
                     ("boilerplate", "Share: Facebook | Twitter")]
    assert data["summary"]["same"] == 1
    assert data["left"]["encoding"] == "utf-8, markdown"
