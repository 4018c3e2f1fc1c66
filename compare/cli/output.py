"""Where a comparison's output goes: the standard output, report files, or both.

The rule, for ``compare`` (``check`` and ``batch`` follow it too):

- ``--format FMT`` (one format) with no ``--output`` and no ``--output-dir``:
  FMT on stdout, and nothing else (no report file, no terminal view).
- ``--output -`` (or ``/dev/stdout``): the format ``--format`` names, on stdout.
- ``--output FILE``: one report in FILE, its format from ``--format`` or the
  suffix (a suffix naming another format is an error); the terminal view on stdout.
- ``--output-dir DIR``, several formats, or no option: report files (the formats
  given, default all) in DIR (default ``reports/``); the terminal view on stdout.

``-q`` silences the terminal view, the "wrote" lines and progress, never the
format asked for on stdout. :func:`plan_output` checks the options and says
what goes where; :func:`deliver` renders each format once and sends it there.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..errors import FactcompareError, StreamError
from ..reports import check_target, report_path_for, write_report
from ..visible import visible
from .console import REPORT_WIDTH, render

if TYPE_CHECKING:
    from ..render import Renderer

REPORTS_DIR = Path("reports")
#: What ``--output`` may name instead of a file: the standard streams, written through, never replaced.
STREAM_PATHS = {"-": "stdout", "/dev/stdout": "stdout", "/dev/fd/1": "stdout", "/proc/self/fd/1": "stdout",
                "/dev/stderr": "stderr", "/dev/fd/2": "stderr", "/proc/self/fd/2": "stderr"}
#: The format a report file's suffix names.
SUFFIX_FORMATS = {".json": "json", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
                  ".txt": "terminal"}


class OptionError(FactcompareError):
    """Output options that contradict each other or name no format."""


@dataclass(frozen=True)
class Plan:
    """What goes where: the format printed on a stream, the report files, whether the terminal view is shown."""

    #: the format printed on ``stream`` (instead of the terminal view), if any
    stream_format: str | None = None
    stream: str = "stdout"
    #: formats written as report files
    file_formats: tuple[str, ...] = ()
    #: the one file of ``--output``, or None: files go to ``output_dir``
    output_path: Path | None = None
    output_dir: Path = REPORTS_DIR
    #: the terminal view printed on stdout (unless quiet)
    show_view: bool = False

    def targets(self, names: list[str], renderers: Mapping[str, Renderer]) -> list[tuple[str, Path]]:
        """Each report file to write, as (format, path), for sources with these display names."""
        if self.output_path is not None:
            return [(self.file_formats[0], self.output_path)]
        return [(name, report_path_for(self.output_dir, names, renderers[name].suffix)) for name in self.file_formats]


def stream_of(output: str) -> str | None:
    """``"stdout"`` or ``"stderr"`` when ``--output`` names a standard stream, else None."""
    return STREAM_PATHS.get(output)


def parse_formats(given: tuple[str, ...], known: Mapping[str, object]) -> list[str]:
    """The formats of repeated and comma-separated ``--format`` values, in order, each once."""
    names = [name.strip() for value in given for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in known]
    if unknown:
        msg = f"unknown format {unknown[0]!r} (choose from {', '.join(known)})"
        raise OptionError(msg)
    return list(dict.fromkeys(names))


def plan_output(formats: list[str], output: str | None, output_dir: Path | None, *, all_formats: list[str],
                no_report: bool = False, view_options: bool = False) -> Plan:
    """Check the output options and say what goes where (see the module's docstring).

    Args:
        formats: the ``--format`` values, parsed.
        output: ``--output`` as given (``-`` for stdout), or None.
        output_dir: ``--output-dir`` if given, else None.
        all_formats: what "every format" means for this command.
        no_report: ``--no-report``: no report file, whatever else is given.
        view_options: ``--only``, ``--limit`` or ``--verbose`` were given (they shape the terminal view only).

    Raises:
        OptionError: the options contradict each other or leave a format unknown.
    """
    if output is not None:
        plan = _one_output(formats, output, output_dir)
        if no_report and plan.file_formats:
            plan = Plan(show_view=True)
    elif output_dir is None and len(formats) == 1:  # one format and nowhere else to put it: stdout
        plan = Plan(stream_format=formats[0])
    elif no_report:  # no file, whatever else says where files would go
        plan = Plan(show_view=True)
    else:
        plan = Plan(file_formats=tuple(formats or all_formats), output_dir=output_dir or REPORTS_DIR, show_view=True)
    if view_options and not (plan.show_view or "terminal" in (plan.stream_format, *plan.file_formats)):
        msg = (f"--only, --limit and --verbose shape the terminal view; --format {plan.stream_format} prints "
               "no terminal view")
        raise OptionError(msg)
    return plan


def _one_output(formats: list[str], output: str, output_dir: Path | None) -> Plan:
    if output_dir is not None:
        msg = "--output names one file and --output-dir a folder for several: give one of them"
        raise OptionError(msg)
    if len(formats) > 1:
        msg = "--output writes one report: give a single --format (or use --output-dir for several)"
        raise OptionError(msg)
    stream = stream_of(output)
    if stream is not None:
        if not formats:
            msg = f"--output {output}: give --format (json, markdown, html or terminal) to say what to print"
            raise OptionError(msg)
        return Plan(stream_format=formats[0], stream=stream)
    path = Path(output)
    named = SUFFIX_FORMATS.get(path.suffix.lower())
    if formats and named and named != formats[0]:
        msg = f"--output {output}: the suffix {path.suffix} is for {named} reports, not {formats[0]}"
        raise OptionError(msg)
    chosen = formats[0] if formats else named
    if chosen is None:
        msg = f"cannot tell the format of {output} from its suffix; give --format"
        raise OptionError(msg)
    return Plan(file_formats=(chosen,), output_path=path, show_view=True)


def check_targets(plan: Plan, names: list[str], renderers: Mapping[str, Renderer], *, force: bool) -> None:
    """Refuse, before any work, a report path that holds something factcompare must not replace."""
    for name, path in plan.targets(names, renderers):
        check_target(path, renderers[name].marker, force=force)


def deliver(plan: Plan, result: Any, view: Any, renderers: Mapping[str, Renderer], names: list[str], *,
            force: bool, quiet: bool, stdout: IO[str] | None = None, stderr: IO[str] | None = None) -> None:
    """Render each format once and send it where ``plan`` says.

    Args:
        result: the comparison (two sources) or multi-source comparison.
        view: its terminal view as a Rich renderable (rendered at most once, for
            the screen and the ``.txt`` report alike).
        names: the sources' display names (for report file names).
    """
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    stream = stderr if plan.stream == "stderr" else stdout
    targets = plan.targets(names, renderers)
    show = plan.show_view and not quiet
    shown = plain = ""
    if show or plan.stream_format == "terminal" or any(name == "terminal" for name, _ in targets):
        # Reports do not depend on the terminal: the view is laid out at the report's width when it is saved.
        saved = any(name == "terminal" for name, _ in targets)
        shown, plain = render(view, stdout if show else stream, width=REPORT_WIDTH if saved else None)
    failed: OSError | None = None
    try:
        if plan.stream_format is not None:
            stream.write(shown if plan.stream_format == "terminal" else renderers[plan.stream_format].render(result))
            stream.flush()
        if show:
            stdout.write(shown)
            stdout.flush()
    except BrokenPipeError as error:  # the reader went away (| head): the reports are still written
        failed = error
    except OSError as error:  # a full disk, a quota: the reports (elsewhere, perhaps) are still written
        failed = stream_error(error, "standard error" if stream is stderr and not show else "standard output")
    for name, path in targets:
        text = plain if name == "terminal" else renderers[name].render(result)
        write_report(path, text, force=force)
        if not quiet:
            stderr.write(visible(f"wrote {path}", one_line=True) + "\n")
    if failed is not None:
        raise failed


def stream_error(error: OSError, stream: str = "standard output") -> StreamError:
    """The one-line error for a standard stream that cannot be written."""
    return StreamError(f"cannot write to the {stream}: {error.strerror or error}")


#: ``batch --format`` values: the records (JSON Lines), or the summary table as Markdown or as printed.
BATCH_FORMATS = ("json", "markdown", "terminal")


@dataclass(frozen=True)
class BatchPlan:
    """Where ``batch`` sends its records and what it prints."""

    #: the JSON Lines file of records (resumable), or None: records are not kept on disk
    records: Path | None
    #: what is printed on ``stream``: "json" (each record as it is made), "markdown" or "terminal" (the summary)
    stream_format: str
    stream: str = "stdout"


def plan_batch(output_format: str | None, output: str | None, collection: Path) -> BatchPlan:
    """``batch``'s output, by the rule of :func:`plan_output`.

    No option: records in ``reports/<collection>.jsonl``, the summary table
    printed. ``--format FMT`` alone: FMT on stdout and no file. ``--output -``:
    the records on stdout. ``--output FILE``: the records there, the summary printed.
    """
    if output is None:
        if output_format is None:
            return BatchPlan(REPORTS_DIR / f"{collection.stem or 'batch'}.jsonl", "terminal")
        return BatchPlan(None, output_format)
    if output_format not in (None, "json"):
        msg = (f"--output {output} holds the records (JSON Lines); --format {output_format} prints the summary: "
               "give one of them")
        raise OptionError(msg)
    stream = stream_of(output)
    if stream is not None:
        return BatchPlan(None, "json", stream)
    path = Path(output)
    check_target(path, "", force=True)  # only a regular file (or none) may hold the records
    return BatchPlan(path, "terminal")
