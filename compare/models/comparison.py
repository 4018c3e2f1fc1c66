"""The two-source result model: sources, sentences, alignments and the comparison.

Every value here is a frozen dataclass holding tuples, so a :class:`Comparison`
can be hashed, compared and shared freely. Invariants are checked on
construction; nothing in this module computes a comparison or renders one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, get_args

SentenceKind = Literal["statement", "heading", "byline", "boilerplate"]
SENTENCE_KINDS: tuple[SentenceKind, ...] = ("statement", "heading", "byline", "boilerplate")

Label = Literal["same", "differs"]
LABELS: tuple[Label, ...] = ("same", "differs")

Side = Literal["left", "right"]
DifferenceKind = Literal["number", "date", "name", "quote", "attribution", "certainty", "negation", "direction"]
#: The kinds of typed difference, in the order reports list them (``check --fail-on`` offers these).
DIFFERENCE_KINDS: tuple[DifferenceKind, ...] = get_args(DifferenceKind)


@dataclass(frozen=True)
class Region:
    """A stretch of an article's text that its markup already names: a Markdown heading, a list of links.

    A sentence inside it gets ``kind`` and ``reason`` without further rules.
    """

    start: int
    end: int
    kind: SentenceKind
    reason: str


@dataclass(frozen=True)
class SourceMap:
    """Where the runs of an article's text were copied from in its file (a Markdown file).

    ``pieces`` are ``(text_start, text_end, file_start, file_end)`` in text order:
    ``text[text_start:text_end]`` came from ``file[file_start:file_end]``, verbatim
    when both have the same length (else an entity or escape: ``&amp;`` for ``&``).
    Text between pieces (paragraph breaks, a soft line break's space) was written
    by the reader, not copied.
    """

    pieces: tuple[tuple[int, int, int, int], ...]

    @cached_property
    def _starts(self) -> list[int]:
        return [piece[0] for piece in self.pieces]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the file that the text ``[start, end)`` was copied from (its markup included)."""
        if not self.pieces or end <= start:
            return (0, 0)
        starts = self._starts
        first = self.pieces[max(0, bisect_right(starts, start) - 1)]
        last = self.pieces[max(0, bisect_right(starts, end - 1) - 1)]
        if start >= first[1]:  # in a gap: from the next piece
            first = self.pieces[min(len(self.pieces) - 1, bisect_right(starts, start))]
        file_start = first[2] + max(0, start - first[0]) if _verbatim(first) else first[2]
        file_end = last[2] + min(end, last[1]) - last[0] if _verbatim(last) else last[3]
        return (file_start, max(file_start, file_end))


def _verbatim(piece: tuple[int, int, int, int]) -> bool:
    return piece[1] - piece[0] == piece[3] - piece[2]


@dataclass(frozen=True)
class Source:
    """An article's text before analysis: what a reader hands to the core.

    ``path`` is where the article came from as a reader would cite it: the
    file, or the URL of a fetched page (then ``url`` and ``fetched_at`` say
    which page and when). ``source_map`` and ``regions`` come from a Markdown
    file (see :mod:`compare.articles.markdown`).
    """

    text: str
    name: str = "article"
    path: str | None = None
    encoding: str | None = None
    url: str | None = None
    fetched_at: str | None = None
    source_map: SourceMap | None = None
    regions: tuple[Region, ...] = ()


@dataclass(frozen=True)
class Sentence:
    """One sentence of an article, located in the article's text.

    ``text`` is exactly ``article.text[start:end]``. ``kind`` says whether the
    sentence is a statement or was set aside, and ``reason`` says why. A
    heading that states a claim (a headline) is compared like a statement:
    ``compared`` marks it.
    """

    id: int
    text: str
    kind: SentenceKind
    paragraph: int
    start: int
    end: int
    reason: str | None = None
    compared: bool = False

    def __post_init__(self) -> None:
        if self.kind not in SENTENCE_KINDS:
            msg = f"sentence {self.id}: unknown kind {self.kind!r}"
            raise ValueError(msg)
        if not 0 <= self.start <= self.end:
            msg = f"sentence {self.id}: bad offsets {self.start}..{self.end}"
            raise ValueError(msg)
        if self.end - self.start != len(self.text):
            msg = f"sentence {self.id}: offsets {self.start}..{self.end} do not span its text"
            raise ValueError(msg)
        if self.compared and self.kind not in ("statement", "heading"):
            msg = f"sentence {self.id}: a {self.kind} is never compared"
            raise ValueError(msg)

    @property
    def is_statement(self) -> bool:
        return self.kind == "statement"

    @property
    def is_compared(self) -> bool:
        """Whether the comparison reads this sentence: every statement, and headlines."""
        return self.kind == "statement" or self.compared


@dataclass(frozen=True)
class Article:
    """An analysed article: its text and its sentences in reading order.

    ``text`` is what was compared: the file's text, the article extracted from a
    web page, or a Markdown file's text with the syntax removed.
    """

    name: str
    path: str | None
    text: str
    sentences: tuple[Sentence, ...]
    encoding: str | None = None
    #: the page's address and the time it was fetched (UTC, ISO 8601), for an article read from the web
    url: str | None = None
    fetched_at: str | None = None
    #: for a Markdown file, each sentence's span in the file (``text`` is the Markdown with its syntax
    #: removed); None where ``text`` is the file's own text or was extracted from a web page
    source_spans: tuple[tuple[int, int], ...] | None = None

    def __post_init__(self) -> None:
        if self.source_spans is not None and (
                len(self.source_spans) != len(self.sentences)
                or any(not 0 <= start <= end for start, end in self.source_spans)):
            msg = f"{self.name}: source_spans must give one span (start <= end) per sentence"
            raise ValueError(msg)
        for index, sentence in enumerate(self.sentences):
            if sentence.id != index:
                msg = f"{self.name}: sentence ids must be 0..n-1 in order (found {sentence.id} at {index})"
                raise ValueError(msg)
            if self.text[sentence.start : sentence.end] != sentence.text:
                msg = f"{self.name}: sentence {index} does not match the text at its offsets"
                raise ValueError(msg)

    @cached_property
    def statement_ids(self) -> tuple[int, ...]:
        """The sentences compared, in reading order: statements and headlines."""
        return tuple(s.id for s in self.sentences if s.is_compared)

    def joined_text(self, ids: tuple[int, ...]) -> str:
        """The text of the sentences ``ids`` (a side of an aligned group), joined by spaces."""
        return " ".join(self.sentences[i].text for i in ids)


@dataclass(frozen=True)
class Evidence:
    """Where a piece of a difference's evidence is: a sentence id and offsets into that sentence's text.

    ``text`` is exactly ``sentences[sentence].text[start:end]`` of that side's article.
    """

    sentence: int
    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            msg = f"evidence {self.text!r}: offsets {self.start}..{self.end} do not span it"
            raise ValueError(msg)


@dataclass(frozen=True)
class Difference:
    """One named difference inside an aligned group, with the evidence on each side.

    ``conflict`` is true when the sides state the detail differently (two
    figures for one count, two named speakers) or one side negates or hedges
    what the other asserts; false when only one side gives the detail.
    Conflicts turn a group's label to ``differs``. ``left`` / ``right`` are the
    evidence as written, pieces joined by "; "; ``left_evidence`` /
    ``right_evidence`` locate each piece (sentence id and offsets).
    """

    kind: str
    left: str | None
    right: str | None
    conflict: bool = False
    left_evidence: tuple[Evidence, ...] = ()
    right_evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        if self.left is None and self.right is None:
            msg = f"a {self.kind} difference needs evidence on at least one side"
            raise ValueError(msg)


@dataclass(frozen=True)
class Alignment:
    """A group of left sentences that report what a group of right sentences reports.

    ``score`` is P(same statement) of the two sides (what decides the label
    with the differences); ``align_score`` is P(aligned), the mean over the
    group's sentence pairs of the alignment model's probability that a reader
    puts them side by side (None when read from a report that predates it).
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    label: Label
    score: float
    differences: tuple[Difference, ...] = ()
    align_score: float | None = None

    def __post_init__(self) -> None:
        if not self.left or not self.right:
            msg = "an alignment needs at least one sentence on each side"
            raise ValueError(msg)
        if list(self.left) != sorted(set(self.left)) or list(self.right) != sorted(set(self.right)):
            msg = f"alignment ids must be sorted and distinct: {self.left} / {self.right}"
            raise ValueError(msg)
        if self.label not in LABELS:
            msg = f"unknown alignment label {self.label!r}"
            raise ValueError(msg)
        for name, value in (("score", self.score), ("align_score", self.align_score)):
            if value is not None and not 0.0 <= value <= 1.0:
                msg = f"alignment {name} {value} is outside [0, 1]"
                raise ValueError(msg)


@dataclass(frozen=True)
class FactEntry:
    """One fact of the inventory: a name, quantity, date or quotation, and the sentences carrying it."""

    kind: str
    key: str
    text: str
    left: tuple[int, ...]
    right: tuple[int, ...]

    def __post_init__(self) -> None:
        if not self.left and not self.right:
            msg = f"fact {self.key!r} is carried by no sentence"
            raise ValueError(msg)

    @property
    def where(self) -> Literal["both", "left_only", "right_only"]:
        if self.left and self.right:
            return "both"
        return "left_only" if self.left else "right_only"


@dataclass(frozen=True)
class Summary:
    """Counts and the consistency score, derived from a comparison."""

    same: int
    differs: int
    left_only: int
    right_only: int
    consistency: float


@dataclass(frozen=True)
class Comparison:
    """The whole result of comparing two articles.

    ``alignments`` are ordered by their left then right sentences; ``left_only``
    and ``right_only`` list the statements with no counterpart. Every statement
    of each article is either in one or more alignments (a sentence may have
    counterparts that are not side by side with each other: it is then in one
    group with each) or in its side's ``*_only`` list, never both; sentences of
    other kinds appear in none. ``settings`` records every option that affects the
    result, and the version, so that a report can be reproduced.
    """

    left: Article
    right: Article
    alignments: tuple[Alignment, ...]
    left_only: tuple[int, ...]
    right_only: tuple[int, ...]
    settings: tuple[tuple[str, str | int | float | bool], ...] = field(default=())
    #: every name, quantity, date and quotation of the statements, and where it appears
    facts: tuple[FactEntry, ...] = ()

    def __post_init__(self) -> None:
        for side in ("left", "right"):
            article: Article = getattr(self, side)
            aligned = {i for a in self.alignments for i in getattr(a, side)}
            only = list(getattr(self, f"{side}_only"))
            if len(set(only)) != len(only) or aligned & set(only) or sorted(aligned | set(only)) != list(
                    article.statement_ids):
                msg = f"{side}: every statement must be aligned or {side}-only, not both"
                raise ValueError(msg)
        groups = [(a.left, a.right) for a in self.alignments]
        if len(set(groups)) != len(groups):
            msg = "an aligned group appears twice"
            raise ValueError(msg)

    @cached_property
    def summary(self) -> Summary:
        """Counts per category and the consistency score.

        Consistency is the share of statements, both sides together, that the
        other source states the same way: 1.0 for two identical reports, 0.0
        for reports that share nothing or contradict each other throughout.
        """
        same = [a for a in self.alignments if a.label == "same"]
        # A statement with several counterparts counts once, as stated the same way if any group says so.
        in_same = len({i for a in same for i in a.left}) + len({i for a in same for i in a.right})
        total = len(self.left.statement_ids) + len(self.right.statement_ids)
        return Summary(
            same=len(same),
            differs=len(self.alignments) - len(same),
            left_only=len(self.left_only),
            right_only=len(self.right_only),
            consistency=round(in_same / total, 4) if total else 1.0,
        )

    @property
    def settings_dict(self) -> dict[str, str | int | float | bool]:
        return dict(self.settings)

    @property
    def signature(self) -> str:
        """A compact reproducibility string, e.g. ``align:0.3|same:0.5|v:0.1.0``."""
        return "|".join(f"{key}:{value}" for key, value in self.settings)
