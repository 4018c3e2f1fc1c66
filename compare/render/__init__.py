"""Renderers: pure functions from a :class:`~compare.models.Comparison` to report text.

``RENDERERS`` maps each report format to its renderer and the file suffix its
reports get; the CLI's ``--format`` choices are its keys. ``MULTI_RENDERERS``
does the same for comparisons of three or more sources.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..reports import JSON_MARKER
from ..serialize import multi_to_json, to_json
from .html import render_html, render_multi_html
from .markdown import MARKDOWN_MARKER, render_markdown
from .multi import MultiView, render_multi_markdown, render_multi_terminal
from .terminal import ComparisonView, render_terminal


class Renderer(NamedTuple):
    #: a function of the result model (a Comparison, or a MultiComparison for MULTI_RENDERERS)
    render: Callable[..., str]
    #: file suffix of this format's reports
    suffix: str
    #: what every report of this format carries near its start: how we recognise our own files
    marker: str


RENDERERS: dict[str, Renderer] = {
    "json": Renderer(to_json, ".json", JSON_MARKER),
    "markdown": Renderer(render_markdown, ".md", MARKDOWN_MARKER),
    "html": Renderer(render_html, ".html", '<meta name="generator" content="factcompare'),
    "terminal": Renderer(render_terminal, ".txt", "─ factcompare ─"),
}

#: Renderers of a comparison of three or more sources, by the same format names and suffixes.
MULTI_RENDERERS: dict[str, Renderer] = {
    "json": Renderer(multi_to_json, ".json", JSON_MARKER),
    "markdown": Renderer(render_multi_markdown, ".md", MARKDOWN_MARKER),
    "html": Renderer(render_multi_html, ".html", '<meta name="generator" content="factcompare'),
    "terminal": Renderer(render_multi_terminal, ".txt", "─ factcompare ─"),
}

__all__ = [
    "MULTI_RENDERERS",
    "RENDERERS",
    "ComparisonView",
    "MultiView",
    "Renderer",
    "render_html",
    "render_markdown",
    "render_terminal",
    "to_json",
]
