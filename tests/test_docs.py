"""The README stays true: its two set-up commands, CI's command, and every CLI option documented."""

from __future__ import annotations

import fnmatch
import re

import click

from compare.cli.commands import cli

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    section = README.split("## Set up", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```(?:bash|sh)\n(.+?)\n```", section, flags=re.DOTALL)


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = _setup_commands()
    assert len(commands) == 2, commands
    main_job, tests = commands
    assert "pip install" in main_job
    assert main_job.rstrip().endswith("factcompare")
    assert "'.[test]'" in tests
    assert tests.rstrip().endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    marked = README.split("<!-- test-command:start -->", 1)[1].split("<!-- test-command:end -->", 1)[0]
    assert _setup_commands()[1] in marked
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "test-command:start" in ci


def _options(command: click.Command) -> list[str]:
    names = []
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            names += [name for name in parameter.opts if name.startswith("--")]
    return names


def test_every_command_and_option_is_documented_with_help() -> None:
    assert isinstance(cli, click.Group)
    for name, command in cli.commands.items():
        assert f"factcompare {name}" in README or name == "compare", name
        assert command.help, name
        for parameter in command.params:
            if isinstance(parameter, click.Option):
                assert parameter.help, parameter.opts
        for option in _options(command):
            assert option in README, f"{name} {option} is not in README.md"


def test_exit_codes_are_documented() -> None:
    for code in ("0", "2", "3", "130"):
        assert re.search(rf"\| `?{code}`? \|", README), code



def test_every_data_file_of_the_package_is_installed() -> None:
    """A non-editable install ships only the data files pyproject.toml lists: calibration.json, the templates."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    listed = re.search(r"\[tool\.setuptools\.package-data\]\ncompare = \[(.*?)\]", pyproject)
    assert listed is not None
    declared = re.findall(r'"([^"]+)"', listed.group(1))
    data_files = {p.relative_to(ROOT / "compare").as_posix() for p in (ROOT / "compare").rglob("*")
                  if p.is_file() and p.suffix not in {".py", ".pyc"} and "__pycache__" not in p.parts}
    missing = {f for f in data_files if not any(fnmatch.fnmatch(f, pattern) for pattern in declared)}
    assert not missing, missing
