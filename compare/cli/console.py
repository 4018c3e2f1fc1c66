"""How output reaches a terminal: when to use escape codes, rendering a view once, progress on stderr.

The command line's only door to Rich. A stream gets escape codes (colour,
bold, cursor movement) only when it is a terminal, ``TERM`` is not ``dumb``
and ``NO_COLOR`` is unset or empty (https://no-color.org: no colour, and here
no bold or underline either). Anything else gets plain text with no trailing
spaces. Rich is imported inside the functions, so that ``--help`` and every
usage error stay light.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

#: Width of the terminal view whenever it is also written as a ``.txt`` report (reports do not
#: depend on the terminal that happened to run them).
REPORT_WIDTH = 80
#: Articles shorter than this, together (characters), compare in well under a second: no progress display.
PROGRESS_MIN_CHARS = 100_000


def styled(stream: IO[Any]) -> bool:
    """Whether ``stream`` may receive escape codes: a terminal, not ``TERM=dumb``, ``NO_COLOR`` unset."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("TERM", "").strip().lower() in ("dumb", "unknown"):
        return False
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except (OSError, ValueError):  # a closed or detached stream
        return False


def console_for(stream: IO[Any], *, width: int | None = None) -> Console:
    """A Rich console writing to ``stream``, with escape codes only where :func:`styled` allows them."""
    from rich.console import Console

    if styled(stream):  # a terminal, as styled() has checked: Rich need not guess again
        return Console(file=stream, width=width, force_terminal=True, highlight=False)
    return Console(file=stream, width=width or _plain_width(), color_system=None, force_terminal=False,
                   highlight=False, legacy_windows=False)


def _plain_width() -> int:
    try:
        return max(20, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return REPORT_WIDTH


def strip_trailing_spaces(text: str) -> str:
    """Every line without its trailing spaces, and one final newline."""
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def render(renderable: RenderableType, stream: IO[Any], *, width: int | None = None) -> tuple[str, str]:
    """Render once, for ``stream`` and as plain text: ``(what to print on the stream, plain text)``.

    Rich lays the renderable out once; the plain text (for a ``.txt`` report or
    a pipe) is read off that same rendering, with trailing spaces removed. The
    console settings are those of ``render_terminal``, so the plain text is the
    terminal report byte for byte.
    """
    from rich.console import Console

    color_system: str | None = None
    if styled(stream):
        probe = console_for(stream)
        color_system, width = probe.color_system, width or probe.width
    console = Console(file=io.StringIO(), width=width or _plain_width(), color_system=color_system,  # type: ignore[arg-type]
                      force_terminal=color_system is not None, record=color_system is not None,
                      legacy_windows=False, soft_wrap=False, highlight=False)
    console.print(_Visible(renderable))
    printed = console.file.getvalue()  # type: ignore[attr-defined]
    if color_system is None:
        plain = strip_trailing_spaces(printed)
        return plain, plain
    return printed, strip_trailing_spaces(console.export_text(styles=False))


class _Visible:
    """A renderable whose text reaches the stream with control and escape characters shown, never obeyed.

    The net under every view printed here (the comparison views escape their texts themselves, before
    layout; this covers summaries and anything a renderer forgot).
    """

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from ..visible import visible_segments

        yield from visible_segments(console.render(self.renderable, options))


def wants_progress(stream: IO[Any], *, quiet: bool, size: int) -> bool:
    """Progress is shown on a styled terminal only, never under ``-q``, and only for long inputs."""
    return not quiet and size >= PROGRESS_MIN_CHARS and styled(stream)


@contextmanager
def stage_progress(stream: IO[Any], enabled: bool) -> Iterator[Callable[[str], None]]:
    """A spinner naming the stage a comparison is in, with the time spent; a no-op unless ``enabled``.

    Yields the callback to hand to ``compare_articles(..., progress=...)``. The
    display is transient: once the comparison is done it is erased, and only the
    result remains.
    """
    if not enabled:
        yield _ignore
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=console_for(stream), transient=True) as progress:
        task = progress.add_task("reading", total=None)
        yield lambda stage: progress.update(task, description=stage, refresh=True)


def _ignore(stage: str) -> None:
    """The progress callback when nothing is shown."""


@contextmanager
def count_progress(stream: IO[Any], enabled: bool, total: int, completed: int,
                   unit: str = "groups") -> Iterator[Callable[[bool], None]]:
    """A progress bar with rate and time left; yields ``advance(failed)``; a no-op unless ``enabled``."""
    if not enabled:
        yield lambda failed: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                  console=console_for(stream), transient=False) as progress:
        task = progress.add_task("comparing", total=total, completed=completed, rate="")
        failures = 0

        def advance(failed: bool) -> None:
            nonlocal failures
            failures += failed
            speed = progress.tasks[task].speed
            progress.update(task, advance=1, rate=f"{speed:.1f} {unit}/s" if speed else "",
                            description=f"comparing ({failures} failed)" if failures else "comparing")

        yield advance
