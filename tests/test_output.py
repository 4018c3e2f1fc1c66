"""What goes where: the chosen format on stdout, reports in files, the view rendered once and plain when piped."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import compare.cli.console as console
import compare.cli.output as output
from compare import compare_articles, read_source
from compare.cli.commands import cli
from compare.cli.output import REPORTS_DIR, OptionError, Plan, plan_output
from compare.render import MARKDOWN_MARKER, RENDERERS, render_terminal
from compare.render.terminal import ComparisonView
from compare.reports import INDEX_NAME

from .conftest import SEEDS

ALL = list(RENDERERS)
WIRE = ("Police said six people were killed in the blast on Sunday. The mayor visited the site.\n\n"
        "Officials closed the road near the station.")
BLOG = ("Six people died in Sunday's blast, police said. Officials closed the road near the station.\n\n"
        "The cause is not yet known.")

# (id, --format values, --output, --output-dir, --no-report, --only/--limit given, the plan or the error's words)
PLAN_CASES: list[tuple[str, list[str], str | None, Path | None, bool, bool, Plan | str]] = [
    ("no-option", [], None, None, False, False, Plan(file_formats=tuple(ALL), output_dir=REPORTS_DIR, show_view=True)),
    ("one-format-prints-it", ["json"], None, None, False, False, Plan(stream_format="json")),
    ("one-format-no-report", ["json"], None, None, True, False, Plan(stream_format="json")),
    ("several-formats-write-files", ["json", "html"], None, None, False, False,
     Plan(file_formats=("json", "html"), show_view=True)),
    ("one-format-into-a-folder", ["json"], None, Path("out"), False, False,
     Plan(file_formats=("json",), output_dir=Path("out"), show_view=True)),
    ("dash-is-stdout", ["markdown"], "-", None, False, False, Plan(stream_format="markdown")),
    ("dev-stdout-is-written-through", ["json"], "/dev/stdout", None, False, False, Plan(stream_format="json")),
    ("dev-stderr", ["json"], "/dev/stderr", None, False, False, Plan(stream_format="json", stream="stderr")),
    ("dash-needs-a-format", [], "-", None, False, False, "give --format"),
    ("format-from-the-suffix", [], "r.html", None, False, False,
     Plan(file_formats=("html",), output_path=Path("r.html"), show_view=True)),
    ("format-for-an-unknown-suffix", ["json"], "r.out", None, False, False,
     Plan(file_formats=("json",), output_path=Path("r.out"), show_view=True)),
    ("suffix-contradicts-the-format", ["html"], "r.json", None, False, False,
     "the suffix .json is for json reports, not html"),
    ("no-format-and-no-suffix", [], "r.pdf", None, False, False, "cannot tell the format of r.pdf"),
    ("two-formats-one-file", ["json", "html"], "r.json", None, False, False, "--output writes one report"),
    ("file-and-folder", [], "r.json", Path("out"), False, False, "give one of them"),
    ("no-report-wins-over-a-file", [], "r.json", None, True, False, Plan(show_view=True)),
    ("no-report", [], None, Path("out"), True, False, Plan(show_view=True)),
    ("view-options-need-a-view", ["json"], None, None, False, True, "--only, --limit and --verbose shape the terminal"),
    ("view-options-on-the-view", ["terminal"], None, None, False, True, Plan(stream_format="terminal")),
]


@pytest.mark.parametrize(("formats", "given", "folder", "no_report", "view_options", "expected"),
                         [c[1:] for c in PLAN_CASES], ids=[c[0] for c in PLAN_CASES])
def test_what_goes_where(formats: list[str], given: str | None, folder: Path | None, no_report: bool,
                         view_options: bool, expected: Plan | str) -> None:
    if isinstance(expected, str):
        with pytest.raises(OptionError, match=expected.replace(".", r"\.")):
            plan_output(formats, given, folder, all_formats=ALL, no_report=no_report, view_options=view_options)
    else:
        assert plan_output(formats, given, folder, all_formats=ALL, no_report=no_report,
                           view_options=view_options) == expected


@pytest.fixture
def articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "wire.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "blog.txt").write_text(BLOG, encoding="utf-8")
    return Path("wire.txt"), Path("blog.txt")


def run(*args: object, stdin: bytes | None = None, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner(env=env).invoke(cli, [str(a) for a in args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("options", [["--format", "json"], ["-f", "json", "-q"], ["--output", "-", "-f", "json"],
                                     ["--output", "/dev/stdout", "-f", "json"], ["-f", "json", "--no-report"]],
                         ids=["format", "quiet", "dash", "dev-stdout", "no-report"])
def test_one_format_is_printed_on_stdout_and_nothing_is_written(articles: tuple[Path, Path], tmp_path: Path,
                                                                 options: list[str]) -> None:
    code, stdout, stderr = run(*articles, *options)
    assert code == 0, stderr
    data = json.loads(stdout)  # factcompare a b --format json | python -m json.tool
    assert data["left"]["name"] == "wire"
    assert stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blog.txt", "wire.txt"]  # no reports/, no file "-"


@pytest.mark.parametrize("name", ["markdown", "html", "terminal"])
def test_every_format_prints(articles: tuple[Path, Path], name: str) -> None:
    code, stdout, _ = run(*articles, "-f", name)
    assert code == 0
    comparison = compare_articles(read_source(articles[0]), read_source(articles[1]))
    if name == "terminal":
        assert stdout == render_terminal(comparison)
    else:
        assert stdout.startswith({"markdown": MARKDOWN_MARKER, "html": "<!DOCTYPE html>"}[name])


def test_the_default_prints_the_view_and_writes_every_report(articles: tuple[Path, Path], tmp_path: Path) -> None:
    code, stdout, stderr = run(*articles)
    assert code == 0
    assert "What is shared" in stdout
    written = sorted(p.name for p in (tmp_path / "reports").iterdir())
    assert written == [INDEX_NAME] + [f"wire__blog{suffix}" for suffix in (".html", ".json", ".md", ".txt")]
    assert stderr.splitlines() == [f"wrote reports/{name}" for name in
                                   ("wire__blog.json", "wire__blog.md", "wire__blog.html", "wire__blog.txt")]
    assert (tmp_path / "reports" / "wire__blog.txt").read_text(encoding="utf-8") == stdout


def test_the_terminal_view_is_rendered_once(articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = output.render

    def counted(*args: object, **kwargs: object) -> tuple[str, str]:
        calls.append(args[0])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    def never(*_: object, **__: object) -> str:
        raise AssertionError("the terminal report was rendered a second time")

    monkeypatch.setattr(output, "render", counted)
    monkeypatch.setattr("compare.render.terminal.render_terminal", never)
    code, stdout, stderr = run(*articles, "-f", "terminal,json", "-o", "out")
    assert code == 0, stderr
    assert len(calls) == 1
    assert isinstance(calls[0], ComparisonView)
    assert Path("out/wire__blog.txt").read_text(encoding="utf-8") == stdout


def test_the_saved_view_is_the_terminal_report(articles: tuple[Path, Path]) -> None:
    """One rendering, read two ways: the plain text of a coloured rendering is the .txt report, byte for byte."""
    comparison = compare_articles(read_source(articles[0]), read_source(articles[1]))
    terminal = _Terminal()
    shown, plain = console.render(ComparisonView(comparison), terminal, width=80)
    assert "\x1b[" in shown
    assert plain == render_terminal(comparison)


def test_no_line_ends_in_a_space_when_piped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "seeds").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run("--no-report")
    assert code == 0
    assert len(stdout.splitlines()) > 100
    assert [line for line in stdout.splitlines() if line != line.rstrip()] == []
    assert "\x1b" not in stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


# (id, environment, escape codes allowed)
ESCAPE_CASES = [
    ("colour-terminal", {"TERM": "xterm-256color"}, True),
    ("no-color", {"TERM": "xterm-256color", "NO_COLOR": "1"}, False),
    ("dumb-terminal", {"TERM": "dumb"}, False),
    ("empty-no-color-is-unset", {"TERM": "xterm-256color", "NO_COLOR": ""}, True),
]


@pytest.mark.parametrize(("env", "escapes"), [c[1:] for c in ESCAPE_CASES], ids=[c[0] for c in ESCAPE_CASES])
def test_escape_codes_only_on_a_colour_terminal(env: dict[str, str], escapes: bool, articles: tuple[Path, Path],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    comparison = compare_articles(read_source(articles[0]), read_source(articles[1]))
    shown, plain = console.render(ComparisonView(comparison), _Terminal())
    assert ("\x1b" in shown) is escapes  # bold and underline count: NO_COLOR means none at all
    assert "\x1b" not in plain
    assert console.styled(io.StringIO()) is False  # never for a pipe or a file


def test_progress_on_a_terminal_for_long_work_only(articles: tuple[Path, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    code, _, stderr = run(*articles, "-f", "json")
    assert (code, stderr) == (0, "")  # stderr is no terminal here: no progress
    monkeypatch.setattr(console, "styled", lambda stream: True)  # as if stderr were a terminal
    monkeypatch.setattr(console, "PROGRESS_MIN_CHARS", 0)
    code, _, stderr = run(*articles, "-f", "json")
    assert code == 0
    assert "scoring and aligning" in stderr
    code, _, stderr = run(*articles, "-f", "json", "-q")
    assert (code, stderr) == (0, "")
    monkeypatch.setattr(console, "PROGRESS_MIN_CHARS", 10**9)
    assert run(*articles, "-f", "json")[2] == ""  # short work: no progress either


def test_the_stages_a_comparison_reports() -> None:
    stages: list[str] = []
    compare_articles("Six people died. Police came.", "Police said six people died.", progress=stages.append)
    assert stages == ["segmenting", "scoring and aligning", "comparing facts"]


def test_a_suffix_contradicting_the_format_is_refused(articles: tuple[Path, Path]) -> None:
    code, stdout, stderr = run(*articles, "--output", "r.json", "-f", "html")
    assert code == 2
    assert stderr.strip() == "factcompare: error: --output r.json: the suffix .json is for json reports, not html"
    assert stdout == ""
    assert not Path("r.json").exists()


def test_stdin_as_an_article(articles: tuple[Path, Path]) -> None:
    code, stdout, stderr = run("-", articles[1], "-f", "json", stdin=WIRE.encode("utf-8"))  # cat wire | fc - blog
    assert code == 0, stderr
    data = json.loads(stdout)
    assert (data["left"]["name"], data["left"]["path"], data["left"]["text"]) == ("stdin", None, WIRE)
    code, _, _ = run("-", articles[1], "-q", stdin=WIRE.encode("utf-8"))
    assert code == 0
    assert Path("reports/stdin__blog.json").is_file()


def test_same_file_names_in_two_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for folder, text in (("a", WIRE), ("b", BLOG)):
        Path(folder).mkdir()
        Path(folder, "index.txt").write_text(text, encoding="utf-8")
    code, stdout, _ = run("a/index.txt", "b/index.txt", "-o", "out")
    assert code == 0
    assert "Only in a/index" in stdout
    assert "Only in b/index" in stdout
    assert sorted(p.name for p in Path("out").iterdir()) == [INDEX_NAME] + [f"a%2Findex__b%2Findex{s}" for s in
                                                            (".html", ".json", ".md", ".txt")]


def test_a_closed_pipe_ends_the_run_quietly(articles: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    def closed(*_: object, **__: object) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("compare.cli.commands.deliver", closed)
    code, _, stderr = run(*articles, "-f", "json")
    assert (code, stderr) == (141, "")


def test_a_closed_pipe_still_gets_the_reports_written(articles: tuple[Path, Path], tmp_path: Path) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

    comparison = compare_articles(read_source(articles[0]), read_source(articles[1]))
    plan = plan_output([], None, tmp_path / "out", all_formats=ALL)
    with pytest.raises(BrokenPipeError):
        output.deliver(plan, comparison, ComparisonView(comparison), RENDERERS, ["wire", "blog"], force=False,
                       quiet=False, stdout=Closed(), stderr=io.StringIO())
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir() if p.name != INDEX_NAME) == [
        ".html", ".json", ".md", ".txt"]


# -- check and batch follow the same rule --------------------------------------------------------


def test_check_prints_its_format_on_stdout(articles: tuple[Path, Path]) -> None:
    code, stdout, _ = run("check", *articles, "--format", "json")
    assert code in (0, 1)
    assert set(json.loads(stdout)) >= {"consistent", "pairs", "violations"}
    code, stdout, _ = run("check", "-", articles[1], "--format", "json", stdin=WIRE.encode("utf-8"))
    assert code in (0, 1)
    assert json.loads(stdout)["pairs"][0]["left"] == "stdin"


def test_three_sources_follow_the_same_rule(articles: tuple[Path, Path], tmp_path: Path) -> None:
    Path("third.txt").write_text("Officials closed the road near the station on Sunday.", encoding="utf-8")
    code, stdout, _ = run(*articles, "third.txt", "-f", "json")
    assert code == 0
    assert [s["name"] for s in json.loads(stdout)["sources"]] == ["wire", "blog", "third"]
    code, stdout, _ = run(*articles, "third.txt", "-o", "out", "-f", "terminal,json")
    assert code == 0
    assert Path("out/wire__blog__third.txt").read_text(encoding="utf-8") == stdout


@pytest.fixture
def events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for event, (left, right) in (("bridge", (WIRE, BLOG)), ("same", (WIRE, WIRE))):
        Path("events", event).mkdir(parents=True)
        Path("events", event, "a.txt").write_text(left, encoding="utf-8")
        Path("events", event, "b.txt").write_text(right, encoding="utf-8")
    return Path("events")


@pytest.mark.parametrize("options", [["--format", "json"], ["--output", "-"], ["--output", "/dev/stdout", "-q"]],
                         ids=["format", "dash", "dev-stdout"])
def test_batch_records_on_stdout(events: Path, tmp_path: Path, options: list[str]) -> None:
    code, stdout, stderr = run("batch", events, "--workers", "1", *options)
    assert code == 0, stderr
    records = [json.loads(line) for line in stdout.splitlines()]  # factcompare batch events --format json | jq
    assert [(r["id"], r["status"]) for r in records] == [("bridge", "ok"), ("same", "ok")]
    assert not (tmp_path / "reports").exists()


def test_batch_summary_on_stdout(events: Path, tmp_path: Path) -> None:
    code, stdout, _ = run("batch", events, "--workers", "1", "--format", "markdown")
    assert code == 0
    assert stdout.splitlines()[2] == "| group | articles | consistency | conflicts | conflict kinds / error |"
    code, stdout, _ = run("batch", events, "--workers", "1", "--format", "terminal")
    assert code == 0
    assert "2 groups, 0 failed" in stdout
    assert [line for line in stdout.splitlines() if line != line.rstrip()] == []
    assert not (tmp_path / "reports").exists()
    code, _, stderr = run("batch", events, "--format", "markdown", "--output", "r.jsonl")
    assert code == 2
    assert "--output r.jsonl holds the records" in stderr


def _on_a_terminal(arguments: list[str], env: dict[str, str], cwd: Path) -> str:
    """What the command prints when its stdout is a real terminal (a pseudo-terminal the test reads)."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    clean = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM", "COLORTERM")}
    process = subprocess.Popen([sys.executable, "-m", "compare", *arguments], stdout=follower,
                               stderr=subprocess.DEVNULL, cwd=cwd, env={**clean, **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the process is gone and the terminal closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait() == 0
    return b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.spawns
def test_a_real_terminal_gets_colour_unless_no_color_or_dumb(articles: tuple[Path, Path], tmp_path: Path) -> None:
    arguments = [*map(str, articles), "--no-report"]
    assert "\x1b[" in _on_a_terminal(arguments, {"TERM": "xterm-256color"}, tmp_path)  # the probe can fail
    for env in ({"TERM": "xterm-256color", "NO_COLOR": "1"}, {"TERM": "dumb"}):
        shown = _on_a_terminal(arguments, env, tmp_path)
        assert "What is shared" in shown
        assert "\x1b" not in shown, env
