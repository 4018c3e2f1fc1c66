"""Every bad argument and every bad file: one line on stderr and a documented exit status; --debug for bugs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from compare.cli.commands import cli

GOOD = "The council approved the bridge on Monday, officials said. Work starts in spring."


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("files")
    made = {
        "good": GOOD.encode(), "other": b"Officials said the council approved the bridge on Monday.",
        "empty": b"", "blank": b"  \n\t\n", "binary": b"\x7fELF\x00\x01\x02" * 50,
        "big": b"word " * 300_000, "bad_utf16": b"\xff\xfe\x00\xd8",
    }
    paths = {}
    for name, data in made.items():
        paths[name] = folder / f"{name}.txt"
        paths[name].write_bytes(data)
    paths["folder"] = folder
    paths["missing"] = folder / "missing.txt"
    (folder / "manifest.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    paths["manifest"] = folder / "manifest.csv"
    return paths


# (id, arguments with {name} placeholders, exit status, text the one line must hold)
BAD = [
    ("unknown-option", ["{good}", "{other}", "--bogus"], 2, "No such option '--bogus'"),
    ("threshold-out-of-range", ["{good}", "{other}", "--same-threshold", "2"], 2, "--same-threshold"),
    ("unknown-format", ["{good}", "{other}", "-f", "pdf"], 2, "unknown format 'pdf'"),
    ("one-article", ["{good}"], 2, "give two or more articles"),
    ("missing-file", ["{good}", "{missing}"], 2, "no such file"),
    ("directory", ["{good}", "{folder}"], 2, "is a directory"),
    ("empty-file", ["{good}", "{empty}"], 2, "empty"),
    ("blank-file", ["{good}", "{blank}"], 2, "empty"),
    ("binary-file", ["{good}", "{binary}"], 2, "binary"),
    ("too-large", ["{good}", "{big}", "--max-bytes", "1000"], 2, "raise it with --max-bytes"),
    ("broken-utf16", ["{good}", "{bad_utf16}"], 2, "byte-order mark"),
    ("negative-limit", ["{good}", "{other}", "--limit", "-1"], 2, "--limit"),
    ("only-with-three", ["{good}", "{other}", "{good}", "--only", "same"], 2, "--only and --limit"),
    ("check-one-article", ["check", "{good}"], 2, "give two or more articles to check"),
    ("check-bad-kind", ["check", "{good}", "{other}", "--fail-on", "colour"], 2, "--fail-on"),
    ("batch-missing-manifest", ["batch", "{missing}"], 2, "no such manifest"),
    ("batch-bad-manifest", ["batch", "{manifest}"], 2, "needs the columns"),
    ("eval-without-data", ["eval", "{missing}"], 2, "evaluation data missing"),
    ("unknown-command-is-an-article", ["frobnicate"], 2, "give two or more articles"),
]


def _run(arguments: list[str], files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> Result:
    """The command in process: what is tested here is the message and the status, not the process boundary."""
    args = [a.format(**files) for a in arguments]
    if args[0] not in ("check", "batch", "eval"):
        args.append("--no-report")
    monkeypatch.chdir(files["folder"])
    return CliRunner(env={"NO_COLOR": "1"}).invoke(cli, args)


@pytest.mark.parametrize(("arguments", "status", "text"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_is_one_line_and_a_documented_status(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch,
                                                       arguments: list[str], status: int, text: str) -> None:
    result = _run(arguments, files, monkeypatch)
    assert result.exit_code == status, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factcompare: error: "), lines[0]
    assert text in lines[0], lines[0]
    assert "Traceback" not in result.stderr


def test_debug_shows_the_traceback_of_an_internal_error(files: dict[str, Path],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("compare.core.compare_articles", boom)
    arguments = [str(files["good"]), str(files["other"]), "--no-report"]
    plain = CliRunner().invoke(cli, arguments)
    assert plain.exit_code == 3
    assert plain.stderr.strip() == ("factcompare: internal error: RuntimeError: boom "
                                    "(run with --debug for the traceback)")
    for extra, env in ((["--debug"], {}), ([], {"FACTCOMPARE_DEBUG": "1"})):
        debug = CliRunner(env=env).invoke(cli, [*arguments, *extra])
        assert isinstance(debug.exception, RuntimeError), debug.stderr  # raised, so the traceback is shown
        assert str(debug.exception) == "boom"
