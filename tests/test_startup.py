"""The light start-up path: help, version, usage and bad-input errors never load the scientific stack.

Which modules a command imports can only be seen in a fresh interpreter, so
each check runs one; what it measures is the set of modules loaded, never a time
(``benchmarks/bench_startup.py`` measures the time).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.spawns

HEAVY = ("numpy", "scipy", "sklearn", "jinja2", "trafilatura", "syntok", "rapidfuzz")

# Runs the command line in process, as the console script would, then prints what got imported.
PROBE = """
import json, sys
from click.testing import CliRunner
from compare.cli.commands import cli
result = CliRunner().invoke(cli, sys.argv[1:])
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(json.loads(sys.stdin.read())))
print(json.dumps({"exit_code": result.exit_code, "loaded": loaded, "stderr": result.stderr}))
"""


def _loaded_by(arguments: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, object]:
    run = subprocess.run([sys.executable, "-c", PROBE, *arguments], input=json.dumps(HEAVY), capture_output=True,
                         text=True, cwd=cwd, check=False, timeout=300, env={**os.environ, **(env or {})})
    assert run.returncode == 0, run.stderr
    result: dict[str, object] = json.loads(run.stdout)
    return result


@pytest.mark.parametrize(("arguments", "exit_code"), [
    (["--help"], 0),
    (["--version"], 0),
    (["compare", "--help"], 0),
    (["check", "--help"], 0),
    (["batch", "--help"], 0),
    (["eval", "--help"], 0),
    (["a.txt", "b.txt", "--bogus"], 2),
    (["a.txt"], 2),
    (["a.txt", "missing.txt"], 2),
    (["a.txt", "empty.txt"], 2),
    (["check", "a.txt", "b.txt", "--fail-on", "colour"], 2),
    (["batch", "missing.csv"], 2),
    (["-", "b.txt"], 2),
    (["a.txt", "http://127.0.0.1:{port}/b.html"], 2),
    (["a.txt", "http:///b.html"], 2),
    (["chek", "a.txt", "b.txt"], 2),
    (["a.txt", "b.txt", "--output", "r.json", "--format", "html"], 2),
    (["a.txt", "b.txt", "--output", "folder", "--format", "json"], 2),
    (["batch", "missing.csv", "--format", "json"], 2),
], ids=["help", "version", "compare-help", "check-help", "batch-help", "eval-help", "unknown-option",
        "one-article", "missing-file", "empty-file", "bad-rule", "missing-manifest", "empty-stdin", "url-refused",
        "url-without-host", "typo-of-check", "suffix-contradicts-format", "output-is-a-folder", "batch-to-stdout"])
def test_no_heavy_module_before_a_comparison_starts(tmp_path: Path, arguments: list[str], exit_code: int) -> None:
    (tmp_path / "a.txt").write_text("The council approved the bridge on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said the bridge was approved.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "folder").mkdir()
    with socket.socket() as probe:  # a port nothing listens on: the connection is refused
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = _loaded_by([a.format(port=port) for a in arguments], tmp_path)
    assert result["exit_code"] == exit_code, result["stderr"]
    assert result["loaded"] == [], f"{' '.join(arguments)} imported {result['loaded']}"


def test_shell_completion_is_light(tmp_path: Path) -> None:
    env = {"_CLI_COMPLETE": "bash_complete", "COMP_WORDS": "cli ch", "COMP_CWORD": "1"}
    result = _loaded_by([], tmp_path, env)
    assert result["exit_code"] == 0
    assert result["loaded"] == []


def test_a_comparison_does_load_them(tmp_path: Path) -> None:
    """The probe can fail: a real comparison imports the scientific stack (numpy, scipy), though not
    scikit-learn, whose import was most of the command's start-up: the IDF it fitted is written out
    (``compare.similarity.features._smooth_idf``, tested bit for bit against it)."""
    (tmp_path / "a.txt").write_text("The council approved the bridge on Monday.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Officials said the council approved the bridge.", encoding="utf-8")
    result = _loaded_by(["a.txt", "b.txt", "--no-report", "-q"], tmp_path)
    assert result["exit_code"] == 0, result["stderr"]
    assert {"numpy", "scipy", "syntok", "rapidfuzz"} <= set(result["loaded"])  # type: ignore[arg-type]
    assert "sklearn" not in result["loaded"]  # type: ignore[operator]


def test_importing_the_package_is_light_and_its_names_resolve_on_use() -> None:
    probe = ("import sys, compare\n"
             f"heavy = {HEAVY!r}\n"
             "before = sorted({n.split('.')[0] for n in sys.modules} & set(heavy))\n"
             "from compare import compare_articles, CompareOptions, __version__\n"
             "names = sorted(set(compare.__all__) - set(dir(compare)))\n"
             "print(before, names, callable(compare_articles), __version__ == compare._version.__version__)\n")
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[] [] True True"
