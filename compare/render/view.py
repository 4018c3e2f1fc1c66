"""What every report shows, read off a comparison: categories, partners, pairs with their evidence, facts.

Shared by the HTML, Markdown and terminal renderers so that all three show the
same thing in the same order. Nothing here compares anything: it only looks
things up in the result model (which sentence is in which group, which fact
each sentence carries) and puts them in reading order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from ..models import Alignment, Article, Comparison, Difference, FactEntry
from ..options import FIRM_LINK, LIKELY_LINK
from ..similarity.worddiff import word_diff

Category = Literal["same", "differs", "only", "aside"]
#: Categories in legend order, with what each means to a reader.
CATEGORIES: dict[Category, str] = {
    "same": "stated the same way by both",
    "differs": "same event or claim, stated differently",
    "only": "only in this source",
    "aside": "set aside: heading, byline or web debris",
}

Strength = Literal["strong", "moderate", "weak"]
# How close the two sides' wording is, in a word, from the group's score (P(same statement),
# ``Alignment.score``). The cuts are the scores that best separate STS-B news pairs by their annotated
# similarity (best F1 on STS-B train+dev, news genre without MSRpar; ``python -m
# compare.evaluation.calibrate`` prints them): from 0.44 "roughly equivalent" (STS >= 3), from 0.12
# "not equivalent, but sharing some details" (STS >= 2); below that, at most "on the same topic".
STRONG_MATCH = 0.44
MODERATE_MATCH = 0.12
#: What each strength means to a reader.
STRENGTHS: dict[Strength, str] = {
    "strong": "worded roughly alike",
    "moderate": "partly worded alike",
    "weak": "same subject, worded differently",
}

Link = Literal["firm", "likely", "tentative"]
# How sure the pairing itself is, from the group's P(aligned) (``Alignment.align_score``; the cuts and
# what each band holds on the BASIL gold are in compare/options.py): a weak match in words may be a firm
# link (outlets tell one thing in other words), and a tentative link is one a reader should check.
#: What each link means to a reader (the share of such groups, out of fold on the BASIL gold, that hold a
#: pair readers put side by side).
LINKS: dict[Link, str] = {
    "firm": "readers pair nine in ten such",
    "likely": "readers pair about two in three such",
    "tentative": "readers pair about two in five such",
}
#: What the line under a tentative pair asks of the reader.
CHECK_IT = "check it"


def link_strength(align_score: float) -> Link:
    """A group's P(aligned) in a word: firm, likely or tentative (see FIRM_LINK, LIKELY_LINK)."""
    if align_score >= FIRM_LINK:
        return "firm"
    return "likely" if align_score >= LIKELY_LINK else "tentative"


#: What a pair's evidence says when the two sides share no fact.
NOTHING_SHARED = "no name, figure, date or quotation that both mention"

#: The fact kinds of the inventory as a reader says them, one and several.
FACT_KINDS = {"name": ("name", "names"), "number": ("figure", "figures"), "date": ("date", "dates"),
              "quote": ("quotation", "quotations")}
Where = Literal["both", "left_only", "right_only"]
WHERE: tuple[Where, ...] = ("both", "left_only", "right_only")


#: texts by kind, kinds in order: (("name", ("Baku", "Armenia")), ("number", ("25 people",)))
ByKind = tuple[tuple[str, tuple[str, ...]], ...]


def match_strength(score: float) -> Strength:
    """A group's score in a word: strong, moderate or weak (see STRONG_MATCH, MODERATE_MATCH)."""
    if score >= STRONG_MATCH:
        return "strong"
    return "moderate" if score >= MODERATE_MATCH else "weak"


def kind_label(kind: str, count: int = 2) -> str:
    """A kind of fact or difference as a reader says it: "names", "figure", "certainty"."""
    one, several = FACT_KINDS.get(kind, (kind, kind))
    return one if count == 1 else several


@dataclass(frozen=True)
class SentenceView:
    side: Literal["L", "R"]
    id: int
    text: str
    paragraph: int
    category: Category
    #: the kind of a set-aside sentence and why, or None for a compared sentence
    reason: str | None
    #: index of the sentence's first aligned group in ``comparison.alignments``, if any
    group: int | None
    #: element ids of the sentences on the other side of its group ("R3")
    partners: tuple[str, ...]

    @property
    def element_id(self) -> str:
        return f"{self.side}{self.id}"

    @property
    def entry_id(self) -> str | None:
        """The element id of the sentence's entry in the lists above the articles (None if set aside)."""
        if self.group is not None:
            return group_id(self.group)
        return only_id(self.side, self.id) if self.category == "only" else None


def group_id(group: int) -> str:
    """The element id of an aligned group's entry ("g3")."""
    return f"g{group}"


def only_id(side: str, sentence: int) -> str:
    """The element id of a one-sided statement's entry ("only-L12")."""
    return f"only-{side}{sentence}"


def sentence_views(comparison: Comparison, side: Literal["L", "R"]) -> list[SentenceView]:
    """Every sentence of one side, in reading order, with its category and partners.

    A sentence is compared when the comparison placed it (in a group or among
    the one-sided statements); every other sentence was set aside.
    """
    article = comparison.left if side == "L" else comparison.right
    only = set(comparison.left_only if side == "L" else comparison.right_only)
    other = "R" if side == "L" else "L"
    groups_of: dict[int, list[int]] = {}
    for index, alignment in enumerate(comparison.alignments):
        for sentence_id in (alignment.left if side == "L" else alignment.right):
            groups_of.setdefault(sentence_id, []).append(index)
    views = []
    for sentence in article.sentences:
        groups = groups_of.get(sentence.id, [])
        group = groups[0] if groups else None
        reason = None
        if groups:
            # A sentence with counterparts in several groups: stated differently if any of them says
            # so (what a reader must check), and every counterpart is its partner.
            members = [comparison.alignments[g] for g in groups]
            category: Category = "differs" if any(a.label == "differs" for a in members) else "same"
            partners = tuple(dict.fromkeys(f"{other}{i}" for a in members
                                           for i in (a.right if side == "L" else a.left)))
        else:
            category = "only" if sentence.id in only else "aside"
            partners = ()
            if category == "aside":
                reason = f"{sentence.kind}: {sentence.reason}"
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

    @property
    def text(self) -> str:
        return "".join(run for run, _ in self.runs)


def marked_pair(comparison: Comparison, alignment: Alignment, *, mark: bool = True) -> tuple[MarkedText, MarkedText]:
    """Both sides of a group, with the words only that side uses marked (nothing marked unless ``mark``)."""
    texts = (comparison.left.joined_text(alignment.left), comparison.right.joined_text(alignment.right))
    if not mark:
        return MarkedText(((texts[0], False),)), MarkedText(((texts[1], False),))
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


@dataclass(frozen=True)
class PairView:
    """One aligned group as the reports list it: both sides, why they were paired, how they differ."""

    #: index of the group in ``comparison.alignments``
    group: int
    alignment: Alignment
    left: MarkedText
    right: MarkedText
    #: whether the words only one side uses are marked: only in differing groups, and never on a weak
    #: match, where nearly every word would be
    words_marked: bool
    strength: Strength
    #: names, figures, dates and quotations both sides of the group carry: (kind, texts) in inventory order
    shared: ByKind
    #: the differences where the sides disagree
    conflicts: tuple[Difference, ...]
    #: details both sides give in their own way without disagreeing
    details: tuple[Difference, ...]
    #: details only one side gives, per side ("L", "R") and kind: ("L", (("name", ("Baku",)),))
    one_sided: tuple[tuple[str, ByKind], ...]

    @property
    def element_id(self) -> str:
        return group_id(self.group)

    @property
    def match_words(self) -> str:
        """What the strength of the match means, and whether words are marked: "worded roughly alike"."""
        unmarked = self.alignment.label == "differs" and not self.words_marked
        return STRENGTHS[self.strength] + (", so no words are marked" if unmarked else "")

    @property
    def has_differences(self) -> bool:
        return bool(self.conflicts or self.details or self.one_sided)

    @property
    def score(self) -> float:
        return self.alignment.score

    @property
    def link(self) -> Link | None:
        """How sure the pairing is, or None for a group read from a record without its P(aligned)."""
        align_score = self.alignment.align_score
        # in a band by the figure shown: 0.4996 reads 0.50, a likely link
        return None if align_score is None else link_strength(round(align_score, 2))

    @property
    def link_words(self) -> str:
        """The link in words, for the line under a pair: "Firm link (0.93)", "Tentative link (0.31): check it"."""
        if self.link is None or self.alignment.align_score is None:
            return ""
        check = f": {CHECK_IT}" if self.link == "tentative" else ""
        return f"{self.link.capitalize()} link ({self.alignment.align_score:.2f}){check}"


def shared_facts(comparison: Comparison, alignment: Alignment) -> ByKind:
    """The inventory's facts that both sides of the group carry, by kind.

    A side carries a fact when the inventory lists one of its sentences for it,
    or when the fact's text stands in that side as a whole word (not part of a
    longer or hyphenated one): the inventory
    leaves out a name that opens a sentence ("Azerbaijan's defence ministry
    said ...") where the other report names it elsewhere.
    """
    texts = (comparison.left.joined_text(alignment.left), comparison.right.joined_text(alignment.right))
    ids = (set(alignment.left), set(alignment.right))
    by_kind: dict[str, list[str]] = {}
    for fact in comparison.facts:
        if all(ids[side].intersection((fact.left, fact.right)[side]) or _stands_in(fact.text, texts[side])
               for side in (0, 1)):
            by_kind.setdefault(fact.kind, []).append(fact.text)
    return tuple((kind, tuple(found)) for kind, found in by_kind.items())


def _stands_in(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` on its own: not inside a longer or hyphenated word."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not _joins(text[start - 1 : start]) and not _joins(text[end : end + 1]):
            return True
        start = text.find(word, start + 1)
    return False


def _joins(char: str) -> bool:
    return bool(char) and (char.isalnum() or char in "_-")


def pair_view(comparison: Comparison, group: int) -> PairView:
    alignment = comparison.alignments[group]
    strength = match_strength(alignment.score)
    words_marked = alignment.label == "differs" and strength != "weak"
    left, right = marked_pair(comparison, alignment, mark=words_marked)
    return PairView(
        group=group, alignment=alignment, left=left, right=right, words_marked=words_marked, strength=strength,
        shared=shared_facts(comparison, alignment),
        conflicts=tuple(d for d in alignment.differences if d.conflict),
        details=tuple(d for d in alignment.differences if not d.conflict and d.left is not None
                      and d.right is not None),
        one_sided=_one_sided_details(alignment.differences),
    )


def _one_sided_details(differences: tuple[Difference, ...]) -> tuple[tuple[str, ByKind], ...]:
    """The details only one side gives, gathered per side and kind (in the order the differences come)."""
    sides: dict[str, dict[str, list[str]]] = {"L": {}, "R": {}}
    for d in differences:
        if d.conflict or (d.left is None) == (d.right is None):
            continue
        side, text = ("L", d.left) if d.left is not None else ("R", d.right)
        sides[side].setdefault(d.kind, []).append(str(text))
    return tuple((side, tuple((kind, tuple(texts)) for kind, texts in kinds.items()))
                 for side, kinds in sides.items() if kinds)


def pair_views(comparison: Comparison, label: Literal["same", "differs"]) -> list[PairView]:
    """The groups of one label in the order the reports list them.

    Differing groups with a conflict come first, then those that differ
    otherwise; within each, reading order (the left article's).
    """
    views = [pair_view(comparison, i) for i, a in enumerate(comparison.alignments) if a.label == label]
    return sorted(views, key=lambda p: not p.conflicts)  # stable: reading order within each


def top_conflicts(pairs: list[PairView], count: int) -> list[tuple[PairView, Difference]]:
    """The first ``count`` conflicts of the differing groups, in the order the groups are listed."""
    return [(pair, d) for pair in pairs for d in pair.conflicts][:count]


@dataclass(frozen=True)
class FactGroup:
    """The inventory's facts of one place (in both, left only, right only), by kind in inventory order."""

    where: Where
    kinds: tuple[tuple[str, tuple[FactEntry, ...]], ...]

    @property
    def count(self) -> int:
        return sum(len(entries) for _, entries in self.kinds)


def fact_groups(comparison: Comparison) -> list[FactGroup]:
    """The fact inventory by where it appears (both, left only, right only), then by kind."""
    groups = []
    for where in WHERE:
        by_kind: dict[str, list[FactEntry]] = {}
        for fact in comparison.facts:
            if fact.where == where:
                by_kind.setdefault(fact.kind, []).append(fact)
        groups.append(FactGroup(where, tuple((kind, tuple(facts)) for kind, facts in by_kind.items())))
    return groups


@dataclass(frozen=True)
class Counts:
    """What the summary of every report counts."""

    differs: int
    conflicts: int
    same: int
    left_only: int
    right_only: int
    facts: int
    facts_both: int
    facts_left_only: int
    facts_right_only: int


def counts(comparison: Comparison) -> Counts:
    s = comparison.summary
    where = Counter(f.where for f in comparison.facts)
    conflicts = sum(d.conflict for a in comparison.alignments if a.label == "differs" for d in a.differences)
    return Counts(differs=s.differs, conflicts=conflicts, same=s.same, left_only=s.left_only,
                  right_only=s.right_only, facts=len(comparison.facts), facts_both=where["both"],
                  facts_left_only=where["left_only"], facts_right_only=where["right_only"])


def set_aside(comparison: Comparison, side: Literal["left", "right"]) -> list[tuple[str, list[tuple[str, int]]]]:
    """The sentences of one side that were not compared: per kind, each reason and how many it set aside."""
    article: Article = getattr(comparison, side)
    placed = {i for a in comparison.alignments for i in getattr(a, side)}
    placed.update(getattr(comparison, f"{side}_only"))
    reasons = Counter((s.kind, str(s.reason)) for s in article.sentences if s.id not in placed)
    by_kind: dict[str, list[tuple[str, int]]] = {}
    for (kind, reason), count in sorted(reasons.items()):
        by_kind.setdefault(kind, []).append((reason, count))
    return list(by_kind.items())


def set_aside_text(reasons: list[tuple[str, list[tuple[str, int]]]]) -> str:
    """What :func:`set_aside` found, in one line: "byline: credit line · heading: short line ×2"."""
    return " · ".join(f"{kind}: " + "; ".join(reason + (f" ×{count}" if count > 1 else "") for reason, count in found)
                      for kind, found in reasons)
