"""The HTML report: one self-contained page, both articles side by side.

Jinja2 with autoescaping writes every piece of article text, so text can only
ever be displayed. The page makes no network request (a Content Security
Policy forbids any), and runs only its own script, allowed by its hash: a
script or event handler smuggled into an article could not run even if it
escaped the escaping.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2
import markupsafe

from .._version import __version__
from ..models import Comparison, MultiComparison
from ..options import FIRM_LINK, LIKELY_LINK
from ..visible import bidi_visible
from .multi import CELL_MARKS, cluster_text, letter, numbered_clusters
from .view import (
    CATEGORIES,
    CHECK_IT,
    LINKS,
    MODERATE_MATCH,
    NOTHING_SHARED,
    STRENGTHS,
    STRONG_MATCH,
    SentenceView,
    counts,
    fact_groups,
    kind_label,
    pair_views,
    paragraphs,
    sentence_views,
    set_aside,
    set_aside_text,
)

# The alignment picture: a mark per sentence in two columns, ribbons between aligned groups.
PICTURE_WIDTH = 320
MARK_WIDTH = 44
PICTURE_MAX_HEIGHT = 640
MARK_PITCH_MAX = 9  # vertical room of one sentence's mark, at most


@dataclass(frozen=True)
class Mark:
    element_id: str
    partners: str
    category: str
    y: float
    height: float


@dataclass(frozen=True)
class Ribbon:
    label: str
    members: str  # element ids of every sentence in the group, space-separated
    path: str


@dataclass(frozen=True)
class Picture:
    width: int
    height: float
    mark_width: int
    left: tuple[Mark, ...]
    right: tuple[Mark, ...]
    ribbons: tuple[Ribbon, ...]


def _picture(comparison: Comparison, views: tuple[list[SentenceView], list[SentenceView]]) -> Picture:
    longest = max(len(views[0]), len(views[1]), 1)
    pitch = min(MARK_PITCH_MAX, PICTURE_MAX_HEIGHT / longest)
    marks = tuple(tuple(Mark(v.element_id, " ".join(v.partners), v.category, round(i * pitch, 2),
                             round(max(pitch * 0.8, 0.5), 2)) for i, v in enumerate(side)) for side in views)
    position = [{m.element_id: m for m in side} for side in marks]
    ribbons = []
    x0, x1 = MARK_WIDTH, PICTURE_WIDTH - MARK_WIDTH
    middle = (x0 + x1) / 2
    for alignment in comparison.alignments:
        left = [position[0][f"L{i}"] for i in alignment.left]
        right = [position[1][f"R{i}"] for i in alignment.right]
        top0, bottom0 = left[0].y, left[-1].y + left[-1].height
        top1, bottom1 = right[0].y, right[-1].y + right[-1].height
        path = (f"M{x0},{top0} C{middle},{top0} {middle},{top1} {x1},{top1} L{x1},{bottom1} "
                f"C{middle},{bottom1} {middle},{bottom0} {x0},{bottom0} Z")
        members = " ".join([*(m.element_id for m in left), *(m.element_id for m in right)])
        ribbons.append(Ribbon(alignment.label, members, path))
    return Picture(PICTURE_WIDTH, round(longest * pitch, 2), MARK_WIDTH, marks[0], marks[1], tuple(ribbons))


def _load(name: str) -> str:
    return resources.files("compare.render").joinpath(f"templates/{name}").read_text(encoding="utf-8")


@cache
def _environment() -> jinja2.Environment:
    # Autoescaping everywhere: every value a template writes is article text until proven otherwise.
    # And every value a template writes shows its bidirectional controls as escapes (\u202e): raw, they would
    # make the browser show the text around them reordered.
    return jinja2.Environment(loader=jinja2.FunctionLoader(_load), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, finalize=_shown)


def _shown(value: object) -> object:
    """A template value as written: text with its bidirectional controls shown (the page's own markup kept)."""
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return bidi_visible(value)
    return value


def _template(name: str = "report.html.j2") -> jinja2.Template:
    return _environment().get_template(name)


@cache
def _script() -> tuple[str, str]:
    """The page's script and its CSP hash."""
    script = resources.files("compare.render").joinpath("templates/report.js").read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return script, f"sha256-{digest}"


def render_html(comparison: Comparison) -> str:
    """The comparison as one self-contained HTML page.

    Reading order: a summary that is also the page's navigation, what differs
    (conflicts first), what is shared, what only one side says, the facts, then
    both articles side by side; how it was computed, folded, at the end.
    """
    c = comparison
    views = (sentence_views(c, "L"), sentence_views(c, "R"))
    script, script_hash = _script()
    return _template().render(
        c=c,
        summary=c.summary,
        counts=counts(c),
        categories=CATEGORIES,
        nothing_shared=NOTHING_SHARED,
        strengths=STRENGTHS,
        links=LINKS,
        check_it=CHECK_IT,
        link_cuts=(FIRM_LINK, LIKELY_LINK),
        thresholds=(STRONG_MATCH, MODERATE_MATCH),
        kind_label=kind_label,
        sides=((c.left, paragraphs(views[0]), "L"), (c.right, paragraphs(views[1]), "R")),
        picture=_picture(c, views),
        differing=pair_views(c, "differs"),
        shared=pair_views(c, "same"),
        fact_groups=fact_groups(c),
        set_aside=((c.left, set_aside_text(set_aside(c, "left")), "L"),
                   (c.right, set_aside_text(set_aside(c, "right")), "R")),
        script=script,
        script_hash=script_hash,
        version=__version__,
    )


def render_multi_html(multi: MultiComparison) -> str:
    """Three or more sources as one self-contained page: what differs, what is shared, one-sided, agreement."""
    n = len(multi.articles)
    rows = [(number, cluster, cluster_text(multi, cluster)) for number, cluster in numbered_clusters(multi)]
    return _template("multi.html.j2").render(
        m=multi,
        letters=[letter(i) for i in range(n)],
        marks=CELL_MARKS,
        differing=[row for row in rows if "differs" in row[1].cells],
        shared=[row for row in rows if "differs" not in row[1].cells],
        every=sum(c.sources == n for c in multi.clusters),
        version=__version__,
    )
