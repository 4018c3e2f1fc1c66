"""The ``factcompare`` command: glue between the command line, the sources, the core and the outputs.

Only the light modules (options, sources, output plans, the renderer and engine registries)
load with the command line: ``--help``, ``--version``, shell completion and
every usage or bad-input error answer without importing scikit-learn, SciPy or
NumPy, which load when a comparison starts (see ``benchmarks/bench_startup.py``).
What goes to stdout and what to files is decided in :mod:`compare.cli.output`;
articles are read (files, ``-``, URLs) and named in :mod:`compare.articles.sources`.

Exit status: 0 success (``check``: consistent), 1 ``check`` found the sources
inconsistent, 2 bad input, usage or environment (a full disk, a quota, a
read-only folder, a name too long: one line on stderr), 3 internal error (one
line; ``--debug`` or FACTCOMPARE_DEBUG=1 shows the traceback), 130 interrupted
(SIGINT, SIGTERM), 129 hung up (SIGHUP), 141 the reader of the output went away
(a closed pipe).
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._version import __version__
from ..articles.fetch import FETCH_TIMEOUT
from ..articles.reader import MAX_INPUT_BYTES
from ..articles.sources import read_articles
from ..checkpoints import checkpoint
from ..collection.engines import ENGINES
from ..consistency import CONFLICT_CHOICES, Rules
from ..errors import FactcompareError, HangUp, StreamError
from ..options import ALIGN_THRESHOLD, LABEL_THRESHOLD, MAX_STATEMENTS, CompareOptions
from ..render import MULTI_RENDERERS, RENDERERS
from ..render.options import DEFAULT_LIMIT, SECTIONS, ViewFilter
from ..visible import visible
from .console import count_progress, render, stage_progress, styled, wants_progress
from .help import BATCH_EXAMPLES, CHECK_EXAMPLES, COMPARE_EXAMPLES, EVAL_EXAMPLES, MAIN_EXAMPLES, DefaultToCompare
from .output import BATCH_FORMATS, check_targets, deliver, parse_formats, plan_batch, plan_output, stream_error

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

    from ..models import BatchRecord, Source

SEEDS_DIR = Path("seeds")
EXIT_INCONSISTENT = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL_ERROR = 3
EXIT_INTERRUPTED = 130
EXIT_HUNG_UP = 129  # 128 + SIGHUP
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a tool its pipe closed on


@click.group(cls=DefaultToCompare, context_settings={"help_option_names": ["-h", "--help"]}, epilog=MAIN_EXAMPLES)
@click.version_option(__version__, prog_name="factcompare")
def cli() -> None:
    """Compare news reports of one event: shared, differing and one-sided statements.

    An article is a file (text, Markdown or a saved web page), - for the
    standard input, or an http:// or https:// address. The command 'compare'
    is the default: 'factcompare compare --help' lists its options.
    """


def _comparison_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options that shape a comparison, shared by compare and check."""
    for option in reversed((
        click.option("--align-threshold", type=click.FloatRange(0, 1), default=ALIGN_THRESHOLD, show_default=True,
                     help="P(aligned) from which two statements are put side by side."),
        click.option("--same-threshold", type=click.FloatRange(0, 1), default=LABEL_THRESHOLD, show_default=True,
                     help="P(same statement) below which an aligned group is 'differs' even without a conflict "
                          "(0: conflicts alone decide)."),
        click.option("--max-bytes", type=click.IntRange(1), default=MAX_INPUT_BYTES, show_default=True,
                     help="Refuse articles (files, stdin, web pages) larger than this."),
        click.option("--max-statements", type=click.IntRange(1), default=MAX_STATEMENTS, show_default=True,
                     help="Refuse articles with more statements than this."),
        click.option("--timeout", type=click.FloatRange(0, min_open=True), default=FETCH_TIMEOUT, show_default=True,
                     help="Seconds to wait for a web page (articles given as URLs)."),
        click.option("--debug", is_flag=True, envvar="FACTCOMPARE_DEBUG", help="Show tracebacks of internal errors."),
    )):
        command = option(command)
    return command


def _complete_formats(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    from click.shell_completion import CompletionItem

    return [CompletionItem(name) for name in RENDERERS if name.startswith(incomplete)]


@cli.command("compare", epilog=COMPARE_EXAMPLES, short_help="Compare two articles, or more (the default command).")
@click.argument("articles", nargs=-1, metavar="[LEFT RIGHT [MORE]...]", type=click.Path())
@click.option("-f", "--format", "formats", multiple=True, metavar="FORMAT[,FORMAT...]",
              shell_complete=_complete_formats,
              help=f"{', '.join(RENDERERS)}. One format and no --output/--output-dir: printed on stdout, "
                   "nothing written. Several: the report files to write (default: all).")
@click.option("--output", "output", metavar="FILE|-",
              help="Write one report to FILE (format from --format or the suffix); - prints it on stdout.")
@click.option("-o", "--output-dir", type=click.Path(path_type=Path),
              help="Folder for the report files (default: reports).")
@click.option("--only", "only", multiple=True, type=click.Choice(SECTIONS), metavar="SECTION",
              help=f"Show only these statements in the terminal view: {', '.join(SECTIONS)} (repeatable).")
@click.option("--limit", type=click.IntRange(0),
              help=f"Show at most this many entries per terminal section (default {DEFAULT_LIMIT}; 0: all).")
@click.option("--verbose", is_flag=True, help="Also show the settings behind the comparison in the terminal view.")
@click.option("--no-report", is_flag=True, help="Only print the comparison; write no report file.")
@click.option("-q", "--quiet", is_flag=True, help="No terminal view, progress or 'wrote' lines (what --format "
                                                  "prints on stdout is still printed).")
@click.option("--force", is_flag=True, help="Replace regular files at report paths that factcompare has no record "
                                             "of writing, or that changed since it wrote them.")
@_comparison_options
def compare_command(articles: tuple[str, ...], formats: tuple[str, ...], output: str | None,
                    output_dir: Path | None, only: tuple[str, ...], limit: int | None, verbose: bool,
                    no_report: bool, quiet: bool, force: bool, align_threshold: float, same_threshold: float,
                    max_bytes: int, max_statements: int, timeout: float, debug: bool) -> None:
    """Compare two articles, or three and more on one event.

    With no ARTICLES, compares the two files in ./seeds. With no option, prints
    the terminal view and writes every report to reports/<left>__<right>.<suffix>;
    --format FMT alone prints FMT on stdout instead, and writes nothing.
    """
    view = ViewFilter(only=only, limit=limit, verbose=verbose)
    with _errors_to_exit(debug):
        multi = len(articles) > 2
        renderers = MULTI_RENDERERS if multi else RENDERERS
        plan = plan_output(parse_formats(formats, renderers), output, output_dir, all_formats=list(renderers),
                           no_report=no_report, view_options=bool(only or limit is not None or verbose))
        if multi and (only or limit):
            msg = "--only and --limit shape the two-source view; with three or more articles, leave them out"
            raise click.UsageError(msg)
        sources = read_articles(_articles_to_compare(articles), max_bytes=max_bytes, timeout=timeout)
        checkpoint("read")
        names = [source.name for source in sources]
        check_targets(plan, names, renderers, force=force)  # a refused report path costs no comparison
        options = CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                 max_statements=max_statements)
        checkpoint("compare")
        _load_engine()
        size = sum(len(source.text) for source in sources)
        with stage_progress(sys.stderr, wants_progress(sys.stderr, quiet=quiet, size=size)) as progress:
            result, shown = _compare(sources, options, view, progress)
        deliver(plan, result, shown, renderers, names, force=force, quiet=quiet)


def _compare(sources: list[Source], options: CompareOptions, view: ViewFilter,
             progress: Callable[[str], None]) -> tuple[Any, Any]:
    """The comparison (two sources) or the multi-source comparison, and its terminal view."""
    if len(sources) > 2:
        from ..multi import compare_many
        from ..render.multi import MultiView

        multi = compare_many(sources, options, progress=progress)
        return multi, MultiView(multi)
    from ..core import compare_articles
    from ..render.terminal import ComparisonView

    left, right = sources
    comparison = compare_articles(left, right, options, progress=progress)
    return comparison, ComparisonView(comparison, view)


@cli.command("check", epilog=CHECK_EXAMPLES, short_help="Exit 0 if the articles are consistent, 1 if not.")
@click.argument("articles", nargs=-1, required=True, type=click.Path())
@click.option("--fail-on", "fail_on", multiple=True, type=click.Choice(CONFLICT_CHOICES), metavar="KIND",
              help=f"Fail on any conflict of this kind: {', '.join(CONFLICT_CHOICES)} (repeatable).")
@click.option("--fail-on-differs", is_flag=True, help="Fail on any statement the sources state differently.")
@click.option("--min-consistency", type=click.FloatRange(0, 1), help="Fail when the consistency score is below this.")
@click.option("--max-one-sided", type=click.IntRange(0), help="Fail when a source has more one-sided statements.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Printed on stdout: one line per violation, or a JSON verdict.")
@_comparison_options
def check_command(articles: tuple[str, ...], fail_on: tuple[str, ...], fail_on_differs: bool,
                  min_consistency: float | None, max_one_sided: int | None, output_format: str,
                  align_threshold: float, same_threshold: float, max_bytes: int, max_statements: int,
                  timeout: float, debug: bool) -> None:
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
        sources = read_articles(articles, max_bytes=max_bytes, timeout=timeout)
        options = CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                 max_statements=max_statements)
        checkpoint("compare")
        _load_engine()
        from ..consistency import check
        from ..core import compare_articles
        from ..serialize import verdict_to_json

        comparisons = [compare_articles(a, b, options) for a, b in itertools.combinations(sources, 2)]
        verdict = check(comparisons, rules)
        with _printing():  # the verdict is only told once it is on stdout: a full disk is exit 2, not 1
            if output_format == "json":
                click.echo(verdict_to_json(verdict), nl=False)
            else:
                for violation in verdict.violations:
                    click.echo(visible(violation.line(), one_line=True))
        if output_format != "json":
            pairs = "; ".join(f"{left} / {right} {score:.0%}" for left, right, score in verdict.pairs)
            outcome = "consistent" if verdict.consistent else f"inconsistent: {len(verdict.violations)} violation(s)"
            click.echo(visible(f"{outcome} (consistency {pairs})", one_line=True), err=True)
    sys.exit(0 if verdict.consistent else EXIT_INCONSISTENT)


@cli.command("batch", epilog=BATCH_EXAMPLES, short_help="Compare every group of a collection of articles.")
@click.argument("collection", type=click.Path(path_type=Path))
@click.option("--output", "output", metavar="FILE|-",
              help="JSON Lines file of records (default: reports/<collection>.jsonl), resumed if it exists; "
                   "- prints the records on stdout.")
@click.option("--format", "output_format", type=click.Choice(BATCH_FORMATS),
              help="Print this on stdout and write no file: json (the records), markdown or terminal (the summary).")
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes (local engine) or Dask workers (local cluster).")
@click.option("--engine", type=click.Choice(list(ENGINES)), default="local", show_default=True,
              help="Run in local processes, or on a Dask cluster (pip install 'factcompare[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="A Dask scheduler to run on (tcp://HOST:PORT); implies --engine dask.")
@click.option("--restart", is_flag=True, help="Start over: discard the records of an earlier run.")
@click.option("--force", is_flag=True, help="Replace the --output file even if it is not a record file of ours.")
@click.option("--top", type=click.IntRange(0), default=20, show_default=True,
              help="Groups to list in the printed summary, most divergent first.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@_comparison_options
def batch_command(collection: Path, output: str | None, output_format: str | None, workers: int, engine: str,
                  scheduler: str | None, restart: bool, force: bool, top: int, quiet: bool, align_threshold: float,
                  same_threshold: float, max_bytes: int, max_statements: int, timeout: float, debug: bool) -> None:
    """Compare whole collections: a manifest (CSV or JSON Lines) of article groups, or a folder of event folders.

    Writes one JSON Lines record per group, resumes an interrupted run without
    redoing finished groups, records a broken article as a failed group and goes on,
    and writes a summary table (<output>.summary.md), most divergent groups first.
    """
    from ..collection.job import BatchSettings
    from ..collection.run import run
    from ..render.batch import batch_summary_markdown, render_batch_summary
    from ..serialize import record_to_line

    with _errors_to_exit(debug):
        plan = plan_batch(output_format, output, collection)
        stream = sys.stderr if plan.stream == "stderr" else sys.stdout

        def print_record(record: BatchRecord) -> None:
            stream.write(record_to_line(record) + "\n")
            stream.flush()

        settings = BatchSettings(CompareOptions(align_threshold=align_threshold, label_threshold=same_threshold,
                                                max_statements=max_statements), max_bytes)
        if quiet and (scheduler or engine == "dask"):
            _quiet_dask()
        result = run(collection, plan.records, settings, engine=engine, workers=workers, scheduler=scheduler,
                     restart=restart, force=force,
                     progress=partial(count_progress, sys.stderr, not quiet and styled(sys.stderr)),
                     on_record=print_record if plan.stream_format == "json" and plan.records is None else None)
        if result.records_file is None:
            if plan.stream_format != "json":
                stream.write(batch_summary_markdown(result.records) if plan.stream_format == "markdown"
                             else render(render_batch_summary(result.records, top=top), stream)[0])
        elif not quiet:
            stream.write(render(render_batch_summary(result.records, top=top), stream)[0])
            click.echo(f"wrote {result.records_file} ({len(result.records)} records; {result.earlier} from an "
                       f"earlier run) and {result.summary_file}", err=True)


@cli.command("eval", epilog=EVAL_EXAMPLES, short_help="Accuracy on the held-out evaluation data.")
@click.argument("data_dir", required=False, type=click.Path(path_type=Path), default=Path("../shared/data"))
@click.option("--workers", type=click.IntRange(1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes for the ECB+ evaluation.")
@click.option("--debug", is_flag=True, envvar="FACTCOMPARE_DEBUG", help="Show tracebacks of internal errors.")
def eval_command(data_dir: Path, workers: int, debug: bool) -> None:
    """Measure accuracy on the held-out evaluation data (MRPC test, ECB+ topics 36-45)."""
    from ..evaluation.report import run_evaluation

    with _errors_to_exit(debug):
        for line in run_evaluation(data_dir, workers=workers):
            click.echo(line)


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
            importlib.import_module("..core", __package__)
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


#: Dask's log levels under ``-q`` (its defaults: ``distributed`` info, ``distributed.client`` warning).
QUIET_DASK_LOGGING = {"distributed": "error", "distributed.client": "error", "distributed.gc": "error"}


def _quiet_dask() -> None:
    """``-q``: no Dask log line below an error, in this process or the cluster's (workers warn as a run is stopped).

    Dask reads ``DASK_LOGGING`` as it is imported, here and in each worker process, which inherits it;
    a user's own ``DASK_LOGGING`` is kept.
    """
    os.environ.setdefault("DASK_LOGGING", repr(QUIET_DASK_LOGGING))


def _articles_to_compare(articles: Sequence[str]) -> list[str]:
    if len(articles) >= 2:
        return list(articles)
    if articles:
        msg = "give two or more articles to compare, not 1"
        raise click.UsageError(msg)
    seeds = sorted(p for p in SEEDS_DIR.glob("*") if p.is_file() and not p.name.startswith("."))
    if len(seeds) != 2:
        msg = f"give two articles to compare (no ARTICLES given, and {SEEDS_DIR}/ does not hold exactly two files)"
        raise click.UsageError(msg)
    return [str(seed) for seed in seeds]


@contextmanager
def _printing() -> Iterator[None]:
    """Print on stdout and flush it, a stdout that cannot be written (a full disk) raising :class:`StreamError`."""
    try:
        yield
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise stream_error(error) from None


@contextmanager
def _errors_to_exit(debug: bool) -> Iterator[None]:
    """Turn user-facing and environment errors into one line and exit 2; anything unexpected into exit 3."""
    try:
        yield
    except click.ClickException:
        raise
    except FactcompareError as error:
        if isinstance(error, StreamError):
            _silence_stdout()  # what is left in its buffer must not fail again as the interpreter exits
        click.echo(visible(f"factcompare: error: {error}", one_line=True), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except KeyboardInterrupt as interruption:
        click.echo("factcompare: interrupted", err=True)
        sys.exit(EXIT_HUNG_UP if isinstance(interruption, HangUp) else EXIT_INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()  # the reader went away (| head): stop quietly, as a piped tool does
        sys.exit(EXIT_BROKEN_PIPE)
    except OSError as error:  # the environment (a full disk, a quota, a read-only folder), not a bug
        if debug:
            raise
        where = f"{error.filename}: " if error.filename else ""
        click.echo(visible(f"factcompare: error: {where}{error.strerror or error}", one_line=True), err=True)
        sys.exit(EXIT_BAD_INPUT)
    except Exception as error:
        if debug:
            raise
        click.echo(visible(f"factcompare: internal error: {type(error).__name__}: {error} "
                           "(run with --debug for the traceback)", one_line=True), err=True)
        sys.exit(EXIT_INTERNAL_ERROR)


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that the interpreter's last flush does not fail on the closed pipe again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real descriptor (a test's captured stream)
        pass


def main() -> None:
    """Console-script entry point."""
    cli()
