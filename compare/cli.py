"""The ``factcompare`` command: glue between files, the core and the renderers.

Only the light modules (options, reader, report names) load with the command
line: ``--help``, ``--version`` and every usage or bad-input error answer
without importing scikit-learn, SciPy or NumPy, which load when a comparison
starts (see ``benchmarks/bench_startup.py``).

Exit status: 0 success (``check``: consistent), 1 ``check`` found the sources
inconsistent, 2 bad input or usage (one line on stderr), 3 internal error (one
line; ``--debug`` or FACTCOMPARE_DEBUG=1 shows the traceback), 130 interrupted.
"""

from __future__ import annotations

import itertools
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._version import __version__
from .checkpoints import checkpoint
from .consistency import CONFLICT_CHOICES, Rules
from .errors import FactcompareError
from .options import ALIGN_THRESHOLD, LABEL_THRESHOLD, MAX_STATEMENTS, CompareOptions
from .reader import MAX_INPUT_BYTES, read_source
from .render import MULTI_RENDERERS, RENDERERS
from .render.options import DEFAULT_LIMIT, SECTIONS, ViewFilter
from .reports import report_path, report_path_for, write_report

if TYPE_CHECKING:
    from rich.console import Console

    from .models import Source

SEEDS_DIR = Path("seeds")
REPORTS_DIR = Path("reports")
EXIT_INCONSISTENT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 3
EXIT_INTERRUPTED = 130


class _DefaultToCompare(click.Group):
    """``factcompare A B`` means ``factcompare compare A B``; subcommands keep their names.

    A usage error (unknown option, bad value, wrong number of articles) is one line
    on stderr and exit status 2, like every other error of the program.
    """

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, False, **extra)
        try:
            result = run(args, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            click.echo(f"factcompare: error: {error.format_message()} (see factcompare --help)", err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("factcompare: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            args = ["compare", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_DefaultToCompare, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcompare")
def cli() -> None:
    """Compare news reports of one event: shared, differing and one-sided statements."""


def _comparison_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that shape a comparison, shared by compare and check."""
    for option in reversed((
        click.option("--align-threshold", type=click.FloatRange(0, 1), default=ALIGN_THRESHOLD, show_default=True,
                     help="P(aligned) from which two statements are put side by side."),
        click.option("--same-threshold", type=click.FloatRange(0, 1), default=LABEL_THRESHOLD, show_default=True,
                     help="P(same statement) below which an aligned group is 'differs' even without a conflict "
                          "(0: conflicts alone decide)."),
        click.option("--max-bytes", type=click.IntRange(1), default=MAX_INPUT_BYTES, show_default=True,
                     help="Refuse article files larger than this."),
        click.option("--max-statements", type=click.IntRange(1), default=MAX_STATEMENTS, show_default=True,
                     help="Refuse articles with more statements than this."),
        click.option("--debug", is_flag=True, envvar="FACTCOMPARE_DEBUG", help="Show tracebacks of internal errors."),
    )):
        command = option(command)
    return command


@cli.command("compare")
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--output-dir", type=click.Path(path_type=Path), default=REPORTS_DIR, show_default=True,
              help="Folder for the report files.")
@click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT[,FORMAT...]",
              help=f"Report formats to write: {', '.join(RENDERERS)} (repeat or give a list; default: all).")
@click.option("--output", "output_path", type=click.Path(path_type=Path),
              help="Write one report to this file (its format from --format or the file's suffix).")
@click.option("--only", "only", multiple=True, type=click.Choice(SECTIONS), metavar="SECTION",
              help=f"Show only these statements in the terminal view: {', '.join(SECTIONS)} (repeatable).")
@click.option("--limit", type=click.IntRange(0),
              help=f"Show at most this many entries per terminal section (default {DEFAULT_LIMIT}; 0: all).")
@click.option("--verbose", is_flag=True, help="Also show the settings behind the comparison in the terminal view.")
@click.option("--no-report", is_flag=True, help="Only print the comparison; write no report file.")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option("--force", is_flag=True, help="Replace report files that factcompare did not write.")
@_comparison_options
def compare_command(articles: tuple[Path, ...], output_dir: Path, formats: tuple[str, ...],
                    output_path: Path | None, only: tuple[str, ...], limit: int | None, verbose: bool, no_report: bool,
                    quiet: bool, force: bool, align_threshold: float, same_threshold: float, max_bytes: int,
                    max_statements: int, debug: bool) -> None:
    """Compare two articles (text, Markdown or saved HTML pages).

    With no ARTICLES, compares the two files in ./seeds. Prints the comparison
    and writes every report format to reports/<left>__<right>.<suffix>.
    """
    chosen = _formats(formats, output_path)
    view = ViewFilter(only=only, limit=limit, verbose=verbose)
    with _errors_to_exit(debug):
        paths = _articles_to_compare(articles)
        sources = [read_source(path, max_bytes=max_bytes) for path in paths]
        checkpoint("read")
        options = CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                 max_statements=max_statements)
        if len(sources) > 2:
            if only or limit:
                msg = "--only and --limit shape the two-source view; with three or more articles, leave them out"
                raise click.UsageError(msg)
            _compare_many(sources, options, chosen, output_dir, output_path, quiet=quiet, no_report=no_report,
                          force=force)
            return
        left, right = sources
        checkpoint("compare")
        _load_engine()
        from .core import compare_articles

        comparison = compare_articles(left, right, options)
        if not quiet:
            from .render.terminal import ComparisonView

            _console().print(ComparisonView(comparison, view))
        if not no_report:
            for name in chosen:
                renderer = RENDERERS[name]
                path = output_path or report_path(output_dir, left.name, right.name, renderer.suffix)
                text = renderer.render(comparison, view=view) if name == "terminal" else renderer.render(comparison)
                _write(path, text, renderer.marker, force=force, quiet=quiet)


def _formats(given: tuple[str, ...], output_path: Path | None) -> list[str]:
    """The report formats to write, from repeated and comma-separated --format values."""
    names = [name.strip() for value in given for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in RENDERERS]
    if unknown:
        msg = f"unknown format {unknown[0]!r} (choose from {', '.join(RENDERERS)})"
        raise click.BadParameter(msg, param_hint="'--format'")
    if output_path is None:
        return list(dict.fromkeys(names)) or list(RENDERERS)
    if not names:  # --output alone: the format its suffix names
        names = [name for name, renderer in RENDERERS.items() if renderer.suffix == output_path.suffix.lower()]
        if not names:
            msg = f"cannot tell the format of {output_path} from its suffix; give --format"
            raise click.BadParameter(msg, param_hint="'--output'")
    if len(set(names)) > 1:
        msg = "--output writes one report: give a single --format (or use --output-dir for several)"
        raise click.BadParameter(msg, param_hint="'--output'")
    return names[:1]


@cli.command("check")
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--fail-on", "fail_on", multiple=True, type=click.Choice(CONFLICT_CHOICES), metavar="KIND",
              help=f"Fail on any conflict of this kind: {', '.join(CONFLICT_CHOICES)} (repeatable).")
@click.option("--fail-on-differs", is_flag=True, help="Fail on any statement the sources state differently.")
@click.option("--min-consistency", type=click.FloatRange(0, 1), help="Fail when the consistency score is below this.")
@click.option("--max-one-sided", type=click.IntRange(0), help="Fail when a source has more one-sided statements.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="One line per violation, or a JSON verdict.")
@_comparison_options
def check_command(articles: tuple[Path, ...], fail_on: tuple[str, ...], fail_on_differs: bool,
                  min_consistency: float | None, max_one_sided: int | None, output_format: str,
                  align_threshold: float, same_threshold: float, max_bytes: int, max_statements: int,
                  debug: bool) -> None:
    """Check that two or more articles are consistent; exit 0 if they are, 1 if not, 2 on bad input.

    With no rule option, any conflict fails (a conflicting number, date,
    speaker, negation, hedge or direction). Three or more articles are checked
    pair by pair.
    """
    if len(articles) < 2:
        msg = f"give two or more articles to check, not {len(articles)}"
        raise click.UsageError(msg)
    rules = Rules(fail_on=fail_on, fail_on_differs=fail_on_differs, min_consistency=min_consistency,
                  max_one_sided=max_one_sided)
    with _errors_to_exit(debug):
        sources = [read_source(path, max_bytes=max_bytes) for path in articles]
        options = CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                 max_statements=max_statements)
        checkpoint("compare")
        _load_engine()
        from .consistency import check, verdict_to_dict
        from .core import compare_articles

        comparisons = [compare_articles(a, b, options) for a, b in itertools.combinations(sources, 2)]
        verdict = check(comparisons, rules)
    if output_format == "json":
        click.echo(json.dumps(verdict_to_dict(verdict), ensure_ascii=False, indent=2))
    else:
        for violation in verdict.violations:
            click.echo(violation.line())
        pairs = "; ".join(f"{left} / {right} {score:.0%}" for left, right, score in verdict.pairs)
        outcome = "consistent" if verdict.consistent else f"inconsistent: {len(verdict.violations)} violation(s)"
        click.echo(f"{outcome} (consistency {pairs})", err=True)
    sys.exit(0 if verdict.consistent else EXIT_INCONSISTENT)


@cli.command("batch")
@click.argument("collection", type=click.Path(path_type=Path))
@click.option("--output", "output", type=click.Path(path_type=Path),
              help="JSON Lines file of records (default: reports/<collection>.jsonl); resumed if it exists.")
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes (local engine) or Dask workers (local cluster).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Run in local processes, or on a Dask cluster (pip install 'factcompare[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler to run on (tcp://HOST:PORT); implies --engine dask.")
@click.option("--restart", is_flag=True, help="Start over: discard the records of an earlier run.")
@click.option("--top", type=click.IntRange(0), default=20, show_default=True,
              help="Groups to list in the printed summary, most divergent first.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@_comparison_options
def batch_command(collection: Path, output: Path | None, workers: int, engine: str, scheduler: str | None,
                  restart: bool, top: int, quiet: bool, align_threshold: float, same_threshold: float,
                  max_bytes: int, max_statements: int, debug: bool) -> None:
    """Compare whole collections: a manifest (CSV or JSON Lines) of article groups, or a folder of event folders.

    Writes one JSON Lines record per group, resumes an interrupted run without
    redoing finished groups, records a broken article as a failed group and goes on,
    and writes a summary table (<output>.summary.md), most divergent groups first.
    """
    from .batch import BatchSettings, append_records, finished_ids, read_collection, read_records, run_dask, run_local
    from .render.batch import render_batch_summary, write_batch_summary

    with _errors_to_exit(debug):
        groups = read_collection(collection)
        output = output or REPORTS_DIR / f"{collection.stem or 'batch'}.jsonl"
        if output.resolve() == collection.resolve():
            msg = f"{output}: the records would overwrite the collection itself; give another --output"
            raise FactcompareError(msg)
        if restart and output.exists():
            finished_ids(output)  # refuses a file that is not a batch record file
            output.unlink()
        done = finished_ids(output, groups)
        todo = [g for g in groups if g.id not in done]
        settings = BatchSettings(CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                                max_statements=max_statements), max_bytes)
        if scheduler or engine == "dask":
            records = run_dask(todo, settings, scheduler=scheduler, workers=workers)
        else:
            records = run_local(todo, settings, workers=workers)
        console = _console(stderr=True)
        with _progress(console, quiet, total=len(groups), completed=len(groups) - len(todo)) as advance:
            for record in append_records(output, records):
                advance(record)
        everything = read_records(output)
        summary_path = output.with_suffix(".summary.md")
        write_batch_summary(summary_path, everything)
        if not quiet:
            _console().print(render_batch_summary(everything, top=top))
            click.echo(f"wrote {output} ({len(everything)} records; {len(done)} from an earlier run) "
                       f"and {summary_path}", err=True)


@contextmanager
def _progress(console: Console, quiet: bool, total: int, completed: int) -> Iterator[Callable[[dict], None]]:
    """A progress bar with rate and time left, or nothing when quiet."""
    if quiet:
        yield lambda record: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                  console=console, transient=False) as progress:
        task = progress.add_task("comparing", total=total, completed=completed, rate="")
        failed = 0

        def advance(record: dict) -> None:
            nonlocal failed
            failed += record["status"] != "ok"
            speed = progress.tasks[task].speed
            progress.update(task, advance=1, rate=f"{speed:.1f} groups/s" if speed else "",
                            description=f"comparing ({failed} failed)" if failed else "comparing")

        yield advance


@cli.command("eval")
@click.argument("data_dir", required=False, type=click.Path(path_type=Path), default=Path("../shared/data"))
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes for the ECB+ evaluation.")
@click.option("--debug", is_flag=True, envvar="FACTCOMPARE_DEBUG", help="Show tracebacks of internal errors.")
def eval_command(data_dir: Path, workers: int, debug: bool) -> None:
    """Measure accuracy on the held-out evaluation data (MRPC test, ECB+ topics 36-45)."""
    from .evaluation.report import run_evaluation

    with _errors_to_exit(debug):
        for line in run_evaluation(data_dir, workers=workers):
            click.echo(line)


def _compare_many(sources: list[Source], options: CompareOptions, formats: list[str], output_dir: Path,
                  output_path: Path | None, *, quiet: bool, no_report: bool, force: bool) -> None:
    """Three or more articles: statements clustered across all sources."""
    checkpoint("compare")
    _load_engine()
    from .multi import compare_many
    from .render.multi import MultiView

    multi = compare_many(sources, options)
    if not quiet:
        _console().print(MultiView(multi))
    if no_report:
        return
    for name in formats:
        renderer = MULTI_RENDERERS[name]
        path = output_path or report_path_for(output_dir, [s.name for s in sources], renderer.suffix)
        _write(path, renderer.render(multi), renderer.marker, force=force, quiet=quiet)


def _load_engine() -> None:
    """Import the comparison engine (scikit-learn, SciPy, syntok, the fact patterns), once per process.

    Two things make this a third faster than a plain import inside the command
    (``benchmarks/bench_startup.py``). The cyclic garbage collector is paused
    while the engine loads, and the objects it creates are then frozen out of the
    collector's reach: otherwise it scans those hundreds of thousands of
    long-lived objects again and again. And the import runs on a thread of its
    own, from an empty stack: deep inside click's call stack, CPython 3.11 maps
    and unmaps a frame-stack chunk on every call that crosses a chunk boundary,
    tens of thousands of times during these imports. The main thread waits for it
    and stays interruptible (Ctrl-C lands there; the loader is a daemon thread).
    The command line does this, never the library; where the engine is loaded
    already (a test process), nothing happens.
    """
    if "compare.core" in sys.modules:
        return
    import gc
    import importlib
    import threading

    failures: list[BaseException] = []

    def load() -> None:
        try:
            importlib.import_module(".core", __package__)
        except BaseException as error:  # handed to the main thread, which raises it
            failures.append(error)

    gc.disable()
    try:
        loader = threading.Thread(target=load, name="factcompare-engine-import", daemon=True)
        loader.start()
        loader.join()
    finally:
        gc.freeze()
        gc.enable()
    if failures:
        raise failures[0]


def _console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False)


def _write(path: Path, text: str, marker: str, *, force: bool, quiet: bool) -> None:
    write_report(path, text, marker=marker, force=force)
    if not quiet:
        click.echo(f"wrote {path}", err=True)


def _articles_to_compare(articles: tuple[Path, ...]) -> list[Path]:
    if len(articles) >= 2:
        return list(articles)
    if articles:
        msg = "give two or more articles to compare, not 1"
        raise click.UsageError(msg)
    seeds = sorted(p for p in SEEDS_DIR.glob("*") if p.is_file() and not p.name.startswith("."))
    if len(seeds) != 2:
        msg = f"give two articles to compare (no ARTICLES given, and {SEEDS_DIR}/ does not hold exactly two files)"
        raise click.UsageError(msg)
    return seeds


@contextmanager
def _errors_to_exit(debug: bool) -> Iterator[None]:
    """Turn user-facing errors into one line and exit 2; anything unexpected into exit 3."""
    try:
        yield
    except click.ClickException:
        raise
    except FactcompareError as error:
        click.echo(f"factcompare: error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        click.echo("factcompare: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:
        if debug:
            raise
        click.echo(f"factcompare: internal error: {type(error).__name__}: {error} "
                   "(run with --debug for the traceback)", err=True)
        sys.exit(EXIT_INTERNAL_ERROR)


def main() -> None:
    """Console-script entry point."""
    cli()
