"""The orchestrator: two texts in, one :class:`~compare.models.Comparison` out. No I/O."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ._version import __version__
from .alignment import align_statements
from .articles.clean import classify_sentences, is_compared
from .articles.segment import split_sentences
from .errors import ArticleError
from .facts import extract_facts, fact_inventory, group_differences
from .fingerprint import calibration_fingerprint
from .models import Alignment, Article, Comparison, Sentence, Source
from .options import CompareOptions

# Each statement's facts, remembered across comparisons: they depend on the
# sentence alone, and an article compared with several others (or a sentence two
# reports share) is then read once. Bounded, so that a batch cannot grow it
# without limit (a fact tuple is a few hundred bytes).
_statement_facts = lru_cache(maxsize=32768)(extract_facts)


def analyse_article(source: Source) -> Article:
    """Segment an article and give each sentence its kind."""
    spans = split_sentences(source.text)
    kinds = classify_sentences(source.text, spans, source.regions)
    sentences = tuple(
        Sentence(id=index, text=source.text[span.start : span.end], kind=kind, paragraph=span.paragraph,
                 start=span.start, end=span.end, reason=reason, compared=is_compared(kind, reason))
        for index, (span, (kind, reason)) in enumerate(zip(spans, kinds, strict=True))
    )
    source_spans = None if source.source_map is None else tuple(
        source.source_map.span(span.start, span.end) for span in spans)
    return Article(name=source.name, path=source.path, text=source.text, sentences=sentences,
                   encoding=source.encoding, url=source.url, fetched_at=source.fetched_at, source_spans=source_spans)


def compare_articles(left: str | Source | Article, right: str | Source | Article,
                     options: CompareOptions | None = None, *,
                     progress: Callable[[str], None] | None = None) -> Comparison:
    """Compare two articles: shared, differing and one-sided statements.

    Args:
        left: the first article, as text, as a :class:`Source` (text plus name), or
            already analysed (an :class:`Article` from :func:`analyse_article`: an
            article compared with several others is analysed once).
        right: the second article.
        options: thresholds and limits; the calibrated defaults when omitted.
        progress: called with the name of each stage as it starts ("segmenting",
            "scoring and aligning", "comparing facts"), for a progress display.

    Returns:
        The comparison: both analysed articles, the aligned groups with their
        labels and differences, and the statements only one side makes.

    Raises:
        ArticleError: an article has more statements than ``options.max_statements``.

    Example:
        >>> result = compare_articles("Six people were killed. Police arrived.",
        ...                           "Police said six people were killed.")
        >>> [(a.left, a.right, a.label) for a in result.alignments]
        [((0,), (0,), 'same')]
    """
    options = options or CompareOptions()
    step = progress or _quiet
    articles = []
    if not (isinstance(left, Article) and isinstance(right, Article)):
        step("segmenting")
    for default_name, given in (("left", left), ("right", right)):
        if isinstance(given, Article):
            article = given
        else:
            article = analyse_article(given if isinstance(given, Source) else Source(text=given, name=default_name))
        if len(article.statement_ids) > options.max_statements:
            msg = (f"{article.path or article.name}: {len(article.statement_ids):,} statements is more than "
                   f"the limit of {options.max_statements:,} (raise it with --max-statements)")
            raise ArticleError(msg)
        articles.append(article)
    left_article, right_article = articles

    left_ids, right_ids = left_article.statement_ids, right_article.statement_ids
    left_texts = [left_article.sentences[i].text for i in left_ids]
    right_texts = [right_article.sentences[i].text for i in right_ids]
    # Each statement's facts are extracted once, then shared by the group
    # differences and the inventory (and by later comparisons).
    extract = _statement_facts
    alignments = []
    step("scoring and aligning")
    groups = align_statements(left_texts, right_texts, options)
    step("comparing facts")
    for group in groups:
        differences = group_differences(
            [(left_ids[p], left_texts[p]) for p in group.left], [(right_ids[p], right_texts[p]) for p in group.right],
            _context(left_article, left_ids, group.left[0]), _context(right_article, right_ids, group.right[0]),
            extract=extract, paraphrase=(group.align_score >= options.paraphrase_align_threshold
                                         and group.score >= options.paraphrase_same_threshold),
        )
        # Wording changes and details only one side gives leave a statement the
        # same; a conflicting number, speaker, date, name, hedge or negation does not.
        # (LABEL_THRESHOLD in options.py says how the rule was chosen on the BASIL gold.)
        same = group.score >= options.label_threshold and not any(d.conflict for d in differences)
        alignments.append(Alignment(
            left=tuple(left_ids[p] for p in group.left),
            right=tuple(right_ids[p] for p in group.right),
            label="same" if same else "differs",
            score=round(min(1.0, max(0.0, group.score)), 4),
            differences=differences,
            align_score=round(min(1.0, max(0.0, group.align_score)), 4),
        ))
    aligned_left = {i for a in alignments for i in a.left}
    aligned_right = {i for a in alignments for i in a.right}
    return Comparison(
        left=left_article,
        right=right_article,
        alignments=tuple(alignments),
        left_only=tuple(i for i in left_ids if i not in aligned_left),
        right_only=tuple(i for i in right_ids if i not in aligned_right),
        settings=settings_of(options),
        # Headlines are aligned but left out of the inventory: their title case reads as names.
        facts=fact_inventory(_prose(left_article, left_ids, left_texts), _prose(right_article, right_ids, right_texts),
                             extract=extract),
    )


def _prose(article: Article, ids: tuple[int, ...], texts: list[str]) -> list[tuple[int, str]]:
    return [(i, text) for i, text in zip(ids, texts, strict=True) if article.sentences[i].is_statement]


def _quiet(stage: str) -> None:
    """No progress display."""


def _context(article: Article, statement_ids: tuple[int, ...], position: int) -> list[tuple[int, str]]:
    """The statement before ``position`` when it is in the same paragraph: where a claim's source often is."""
    if position == 0:
        return []
    previous, current = (article.sentences[statement_ids[p]] for p in (position - 1, position))
    return [(previous.id, previous.text)] if previous.paragraph == current.paragraph else []


def settings_of(options: CompareOptions) -> tuple[tuple[str, str | int | float | bool], ...]:
    """Every option that affects the result, the calibration's fingerprint and the version."""
    settings = {**options.as_settings(), "calibration": calibration_fingerprint(), "version": __version__}
    return tuple(sorted(settings.items()))


