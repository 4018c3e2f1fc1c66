"""Help that shows the main usage and examples, "did you mean" for mistyped subcommands, shell completion."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli.commands import cli


def _help(*args: str) -> str:
    result = CliRunner().invoke(cli, [*args, "--help"], prog_name="factcompare")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_top_level_help_shows_the_main_usage_and_examples() -> None:
    text = _help()
    assert text.startswith("Usage: factcompare [OPTIONS] LEFT RIGHT [MORE]...\n   or: factcompare COMMAND [ARGS]...\n")
    assert "Examples:" in text
    assert "factcompare wire.txt blog.md --format json | python -m json.tool" in text
    assert "cat wire.txt | factcompare - blog.md" in text
    assert "_FACTCOMPARE_COMPLETE=bash_source factcompare" in text
    assert text.index("compare  ") < text.index("check  ") < text.index("batch  ")  # the main command first


@pytest.mark.parametrize("command", ["compare", "check", "batch", "eval"])
def test_every_subcommand_has_examples(command: str) -> None:
    text = _help(command)
    assert "Examples:" in text
    assert f"factcompare {command if command != 'compare' else 'a.txt'}" in text


# (id, first arguments, the one-line error's words)
TYPO_CASES = [
    ("check", ["chek", "a.txt", "b.txt"], "no such command or file: 'chek'; did you mean 'check'?"),
    ("batch", ["bach", "events"], "did you mean 'batch'?"),
    ("compare", ["comapre", "a.txt", "b.txt"], "did you mean 'compare'?"),
    ("eval", ["evl"], "did you mean 'eval'?"),
    ("no-near-command-is-an-article", ["frobnicate"], "give two or more articles"),
    ("a-file-name-is-never-a-typo", ["chek.txt", "b.txt"], "chek.txt: no such file"),
]


@pytest.mark.parametrize(("arguments", "message"), [c[1:] for c in TYPO_CASES], ids=[c[0] for c in TYPO_CASES])
def test_a_mistyped_subcommand_gets_a_suggestion(arguments: list[str], message: str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr


def test_an_existing_file_named_like_a_typo_is_an_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("chek").write_text("The council approved the bridge on Monday.", encoding="utf-8")
    Path("b.txt").write_text("Officials said the council approved the bridge.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["chek", "b.txt", "-f", "json"])
    assert result.exit_code == 0, result.stderr


def _complete(words: str) -> list[str]:
    """What bash completion offers for the last of ``words`` (click's protocol: one "type,value" a line)."""
    parts = words.split(" ")
    env = {"_FACTCOMPARE_COMPLETE": "bash_complete", "COMP_WORDS": words, "COMP_CWORD": str(len(parts) - 1)}
    result = CliRunner(env=env).invoke(cli, [], prog_name="factcompare")
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


@pytest.mark.parametrize(("words", "offered"), [
    ("factcompare ch", ["plain,check", "file,ch"]),
    ("factcompare ", ["plain,compare", "plain,check", "plain,batch", "plain,eval", "file,"]),
    ("factcompare wire.txt ", ["file,"]),
    ("factcompare wire.txt blog.txt --format j", ["plain,json"]),
    ("factcompare check a.txt b.txt --fail-on neg", ["plain,negation"]),
    ("factcompare batch events --format m", ["plain,markdown"]),
], ids=["subcommand", "first-word", "articles", "format", "check-kind", "batch-format"])
def test_shell_completion(words: str, offered: list[str]) -> None:
    assert _complete(words) == offered


def test_the_completion_script() -> None:
    env = {"_FACTCOMPARE_COMPLETE": "bash_source"}
    result = CliRunner(env=env).invoke(cli, [], prog_name="factcompare")
    assert result.exit_code == 0
    assert "complete -o nosort -F _factcompare_completion factcompare" in result.stdout
