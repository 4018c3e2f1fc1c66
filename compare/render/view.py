"""What every report shows, read off a comparison: each sentence's category and partners, marked words.

Shared by the HTML and Markdown renderers so that both show the same thing.
Nothing here compares anything: it only looks things up in the result model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..models import Alignment, Comparison
from ..worddiff import word_diff

Category = Literal["same", "differs", "only", "aside"]
#: Categories in legend order, with what each means to a reader.
CATEGORIES: dict[Category, str] = {
    "same": "stated the same way by both",
    "differs": "same event or claim, stated differently",
    "only": "only in this source",
    "aside": "set aside: heading, byline or web debris",
}


@dataclass(frozen=True)
class SentenceView:
    side: Literal["L", "R"]
    id: int
    text: str
    paragraph: int
    category: Category
    #: the kind of a set-aside sentence and why, or None for a statement
    reason: str | None
    #: index of the sentence's aligned group in ``comparison.alignments``, if any
    group: int | None
    #: element ids of the sentences on the other side of its group ("R3")
    partners: tuple[str, ...]

    @property
    def element_id(self) -> str:
        return f"{self.side}{self.id}"


def sentence_views(comparison: Comparison, side: Literal["L", "R"]) -> list[SentenceView]:
    """Every sentence of one side, in reading order, with its category and partners."""
    article = comparison.left if side == "L" else comparison.right
    other = "R" if side == "L" else "L"
    group_of: dict[int, int] = {}
    for index, alignment in enumerate(comparison.alignments):
        for sentence_id in (alignment.left if side == "L" else alignment.right):
            group_of[sentence_id] = index
    views = []
    for sentence in article.sentences:
        group = group_of.get(sentence.id)
        if group is not None:
            alignment = comparison.alignments[group]
            category: Category = alignment.label
            partners = tuple(f"{other}{i}" for i in (alignment.right if side == "L" else alignment.left))
        else:
            category = "only" if sentence.is_compared else "aside"
            partners = ()
        reason = None if sentence.is_compared else f"{sentence.kind}: {sentence.reason}"
        views.append(SentenceView(side, sentence.id, sentence.text, sentence.paragraph, category, reason, group,
                                  partners))
    return views


def paragraphs(views: list[SentenceView]) -> list[list[SentenceView]]:
    """Sentences grouped by paragraph, in order."""
    grouped: list[list[SentenceView]] = []
    for view in views:
        if grouped and grouped[-1][0].paragraph == view.paragraph:
            grouped[-1].append(view)
        else:
            grouped.append([view])
    return grouped


@dataclass(frozen=True)
class MarkedText:
    """A text cut into runs, each marked or not (marked: words the other side does not use)."""

    runs: tuple[tuple[str, bool], ...]


def marked_pair(comparison: Comparison, alignment: Alignment) -> tuple[MarkedText, MarkedText]:
    """Both sides of a group, with the words only that side uses marked."""
    texts = (comparison.left.joined_text(alignment.left), comparison.right.joined_text(alignment.right))
    diff = word_diff(*texts)
    return _runs(texts[0], diff.left), _runs(texts[1], diff.right)


def _runs(text: str, spans: tuple[tuple[int, int], ...]) -> MarkedText:
    runs: list[tuple[str, bool]] = []
    position = 0
    for start, end in spans:
        if start > position:
            runs.append((text[position:start], False))
        runs.append((text[start:end], True))
        position = end
    if position < len(text):
        runs.append((text[position:], False))
    return MarkedText(tuple(runs))
