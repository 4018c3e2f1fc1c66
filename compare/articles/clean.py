"""Telling statements from web debris: headings, bylines and boilerplate.

Nothing is deleted here. Each sentence gets a kind and, when it is set aside,
a short reason that the reports show, so a reader can check what was left out
of the comparison and why. The rules are deliberately specific: a false
"boilerplate" hides a real statement, which is worse than comparing a banner.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from ..models import Region, SentenceKind
from .segment import SentenceSpan

# A line without final punctuation and at most this many words reads as a
# heading or a site name; a longer one is a sentence that lost its full stop.
HEADING_MAX_WORDS = 20
# A heading of at least this many words is compared like a statement (and
# still marked as a heading): a headline states the story's main claim, and
# readers align it with the sentence that states it. Shorter ones are site
# names, section titles and labels ("The free beacon", "Breaking News").
HEADLINE_MIN_WORDS = 4
# Fewer words than this, and no verb-bearing clause is possible: a fragment
# left by a cut copy ("Re.”") or a button ("Accept !").
FRAGMENT_MAX_WORDS = 1
# A credit or byline is a line, not a paragraph: longer sentences are prose.
BYLINE_MAX_WORDS = 40

HEADLINE_REASON = "line without final punctuation: a headline, compared"
_COMPARED_HEADINGS = frozenset({HEADLINE_REASON, "Markdown heading, compared"})

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")

class _Rule(NamedTuple):
    reason: str
    pattern: re.Pattern[str]
    #: the pattern can only match if the lower-cased sentence holds one of these;
    #: checking them first is what keeps classification fast (re with
    #: IGNORECASE is slow). Empty for patterns anchored at the start, which
    #: fail fast anyway.
    keywords: tuple[str, ...]


_KEYWORDS: dict[str, tuple[str, ...]] = {
    "cookie banner": ("cookie", "buttons=", "days=("),
    "ad-blocker notice": ("block",),
    "page markup": ("=(", "<", "{{", "}}"),
    "subscription prompt": ("sign up", "subscribe", "newsletter", "journalism", "supporting us"),
    "disclaimer": ("views",),
    "copyright notice": ("rights reserved", "©", "copyright"),
    "photo credit": ("photo", "image", "picture", "video", "graphic", "getty", "afp", "reuters/"),
}

# Phrases that only web furniture uses. Each rule is (reason, pattern); the
# pattern must match inside the sentence. Keep them anchored on wording that
# news prose does not use, and add a case to tests/test_clean.py with each.
# Patterns are case-insensitive unless they say otherwise with (?-i:...).
_BOILERPLATE_RULES: tuple[_Rule, ...] = tuple(
    _Rule(reason, re.compile(pattern, re.IGNORECASE), _KEYWORDS.get(reason, ()))
    for reason, pattern in (
        ("cookie banner", r"\b(?:our|this) (?:web)?site uses cookies\b|\bcookie (?:policy|settings|preferences)\b"
                          r"|\baccept (?:all )?cookies\b|\bwe use cookies\b|^buttons=|^days=\("),
        ("ad-blocker notice", r"\bad ?-?blocker\b|\badblock\b|\bdisabl\w* (?:your |the )?ad ?block"),
        ("page markup", r"\w+=\([^)]*\)|</?[a-z][a-z0-9]*(?:\s[^>]*)?>|\{\{|\}\}"),
        ("navigation link", r"^(?:read more|continue reading|see also|more from\b|related (?:articles|stories|posts"
                            r"|content|coverage|news|topics)|sponsored(?: content| links| stories)?"
                            r"|back to top(?: button)?"
                            r"|skip to (?:main )?content|click here|advertisement|recommended(?: for you)?"
                            r"|trending(?: now)?|most (?:popular|read)|(?:show |view |leave a )?comments?"
                            r"|leave a reply|next (?:article|story|post)|previous (?:article|story|post))"
                            r"(?:[\s:!.>»›-]*$|[\s:»›-]+(?-i:[A-Z]))"),
        ("sharing buttons", r"^(?:share|tweet|email|print|pin it|whatsapp|facebook|twitter|linkedin|reddit)"
                            r"(?:[\s:|·•,/]+(?:this|on|via|article|story|page|share|tweet|email|print|facebook|twitter"
                            r"|linkedin|whatsapp|reddit|copy link)\b)*[\s:!.]*$"),
        ("subscription prompt", r"\b(?:sign up|subscribe)\b.{0,40}\b(?:newsletter|updates|alerts)\b"
                                r"|\bnewsletter\b.{0,30}\bsign up\b|\bsupport (?:our|independent) journalism\b"
                                r"|^please consider supporting us\b"),
        ("disclaimer", r"\bdoes not (?:always |necessarily )?(?:share|support|endorse|reflect)\b.{0,80}\bviews?\b"
                       r"|\bviews expressed\b.{0,80}\b(?:author|writer)s?\b"),
        ("copyright notice", r"\ball rights reserved\b|^©|^copyright\b"),
        ("call to action", r"^(?:learn more|accept|ok|got it|i agree|close|dismiss|menu|search|log ?in|sign ?in)"
                           r"[\s!.]*$"),
    )
)

_BYLINE_RULES: tuple[_Rule, ...] = tuple(
    _Rule(reason, re.compile(pattern, re.IGNORECASE), _KEYWORDS.get(reason, ()))
    for reason, pattern in (
        ("credit line", r"^\(?\s*(?:additional )?(?:reporting|writing|editing|compiled|research) by\b"),
        # Names are capitalised: "By Andrew Osborn, Reuters" but not "By contrast, ..." or "By Monday, the ...".
        ("byline", r"^by\s+(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,4}(?:\s*(?:,|and|&)\s*[A-Z].{0,60})?)$"),
        ("photo credit", r"^(?:photo|image|picture|video|graphic|file photo)(?:\s+\w+)?\s*(?::|by\b|credit)"
                         r"|\b(?:getty images|ap photo|afp via getty)\b|(?-i:\bREUTERS/[A-Z])"),
        ("date line", r"^(?:first )?(?:published|posted|updated|last updated|last modified)\s*(?:on|at|:)?\s*"
                      r"(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
                      r"|yesterday|today)"),
        ("contact line", r"^(?:follow|contact|reach|email)\s.{0,60}(?:@|\btwitter\b|\bon x\b)"),
    )
)

_QUESTION_WORDS = frozenset(
    "what why how when where who whom whose which is are do does did can could should would will has have"
    .split()
)


def classify_sentences(text: str, spans: Sequence[SentenceSpan],
                       regions: Sequence[Region] = ()) -> list[tuple[SentenceKind, str | None]]:
    """Give every sentence a kind and, unless it is a statement, the reason it was set aside.

    A sentence inside one of ``regions`` (what a Markdown file's markup says: a
    heading, a list of links) takes that region's kind and reason.
    """
    starts = [region.start for region in regions]  # in text order, and never overlapping
    kinds: list[tuple[SentenceKind, str | None]] = []
    for span in spans:
        index = bisect_right(starts, span.start) - 1
        region = regions[index] if index >= 0 and span.end <= regions[index].end else None
        kinds.append((region.kind, region.reason) if region else classify_sentence(text[span.start : span.end], span))
    return kinds


def classify_sentence(sentence: str, span: SentenceSpan) -> tuple[SentenceKind, str | None]:
    """Classify one sentence, using where it sits (a line of its own, a paragraph of its own)."""
    stripped = sentence.strip().strip("*_#>|").strip()
    words = _WORD.findall(stripped)
    if not words:
        return "boilerplate", "no words"
    lower = stripped.lower()
    rule_sets: tuple[tuple[SentenceKind, tuple[_Rule, ...]], ...] = (
        ("byline", _BYLINE_RULES), ("boilerplate", _BOILERPLATE_RULES))
    for kind, rules in rule_sets:
        for rule in rules:
            if rule.keywords and not any(keyword in lower for keyword in rule.keywords):
                continue
            if rule.pattern.search(stripped) and (kind != "byline" or len(words) <= BYLINE_MAX_WORDS):
                return kind, rule.reason
    if len(words) <= FRAGMENT_MAX_WORDS:
        return "boilerplate", "fragment"
    if sentence.lstrip().startswith("#"):
        return "heading", "Markdown heading, compared" if len(words) >= HEADLINE_MIN_WORDS else "Markdown heading"
    ends_sentence = bool(re.search(r"[.!…][\"'”’)\]]*$", stripped))
    asks = stripped.rstrip("\"'”’)").endswith("?")
    # A paragraph that asks the reader something ("Will the ceasefire hold?")
    # states nothing; one that reports a question ("Schieffer began by asking,
    # “What ...?”") opens with its subject, not a question word.
    if span.whole_paragraph and words[0].lower() in _QUESTION_WORDS and (asks or not ends_sentence):
        return "boilerplate", "question, not a statement"
    if span.whole_line and not ends_sentence and not asks and len(words) <= HEADING_MAX_WORDS:
        if len(words) >= HEADLINE_MIN_WORDS:
            return "heading", HEADLINE_REASON
        return "heading", "short line without final punctuation"
    return "statement", None


def is_compared(kind: SentenceKind, reason: str | None) -> bool:
    """Whether a sentence of this kind and reason takes part in the comparison (statements and headlines)."""
    return kind == "statement" or (kind == "heading" and reason in _COMPARED_HEADINGS)
