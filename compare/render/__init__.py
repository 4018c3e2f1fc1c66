"""Renderers: pure functions from a :class:`~compare.models.Comparison` to report text.

``RENDERERS`` maps each report format to its renderer and the file suffix its
reports get; the CLI's ``--format`` choices are its keys.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..models import Comparison
from ..serialize import to_json
from .terminal import ComparisonView, render_terminal


class Renderer(NamedTuple):
    render: Callable[[Comparison], str]
    #: file suffix of this format's reports
    suffix: str
    #: text every report of this format contains: how we recognise our own files
    marker: str


RENDERERS: dict[str, Renderer] = {
    "json": Renderer(to_json, ".json", '"generator": "factcompare"'),
    "terminal": Renderer(render_terminal, ".txt", "─ factcompare ─"),
}

__all__ = ["RENDERERS", "ComparisonView", "Renderer", "render_terminal", "to_json"]
