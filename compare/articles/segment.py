"""Sentence segmentation with exact character offsets.

Text is cut in three levels: paragraphs (blank lines), blocks (lines that are
not soft-wrapped continuations: web copies put headings, buttons and captions on
lines of their own) and sentences (syntok, which knows abbreviations such as
U.N., Gen. and initials); a title ("Rep.", "Gov.") does not end one. A
quotation of several sentences is split into them, as readers align them.
Offsets always index the original text, so ``text[start:end]`` is the
sentence exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from syntok import segmenter as syntok_segmenter
from syntok.tokenizer import Tokenizer

# A line this long that does not end a sentence is a hard-wrapped line of prose
# (plain-text e-mail and wire copies wrap at 65-80 columns), not a heading.
WRAP_MIN_LINE = 60

# One tokenizer for the process: building one compiles its patterns. It keeps
# contractions as written, so token offsets index the original text.
_TOKENIZER = Tokenizer(replace_not_contraction=False)

# A sentence-ending mark followed by more text: only then can a block hold two sentences.
_INNER_STOP = re.compile(r"[.!?…]\S*\s+\S")
_TERMINAL = re.compile(r"[.!?…][\"'”’)\]]*$")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+")
_CONTINUES = re.compile(r"[,;:\-–—(/&]$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# Titles that stand before a name and never end a sentence. syntok splits
# after some of them ("... to succeed him. Rep." / "Bruce Braley said"),
# which leaves a one-word fragment and a sentence cut from its subject.
_TITLE_END = re.compile(
    r"(?:^|\s)(?:Rep|Reps|Sen|Sens|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Maj|Dr|Mr|Mrs|Ms|Prof|Rev|Atty|Supt|Hon)\.$"
)


@dataclass(frozen=True)
class SentenceSpan:
    """Where one sentence sits in the text, and what surrounds it."""

    start: int
    end: int
    paragraph: int
    #: the sentence is a whole line on its own (a heading, a button, a caption...)
    whole_line: bool
    #: the sentence is a whole paragraph on its own
    whole_paragraph: bool


def split_sentences(text: str) -> list[SentenceSpan]:
    """Split a text into sentences, each with its offsets and paragraph number.

    Example:
        >>> [text[s.start:s.end] for text in ["The U.N. met. It voted."]
        ...  for s in split_sentences(text)]
        ['The U.N. met.', 'It voted.']
    """
    spans: list[SentenceSpan] = []
    for paragraph, blocks in enumerate(_paragraphs(text)):
        paragraph_spans: list[tuple[int, int, bool]] = []
        for block_start, block_end in blocks:
            block = text[block_start:block_end]
            # A quotation of several sentences is split into them, as readers (and the BASIL
            # alignment gold) align them: kept whole, one aligned quotation counted as several
            # gold pairs, and cost the alignment 13 points of precision even with perfect links.
            sentences = _merge_titles(block, list(_syntok_sentences(block)))
            whole = len(sentences) == 1
            paragraph_spans += [(block_start + s, block_start + e, whole) for s, e in sentences]
        alone = len(paragraph_spans) == 1
        spans += [SentenceSpan(s, e, paragraph, whole, alone) for s, e, whole in paragraph_spans]
    return spans


def _paragraphs(text: str) -> Iterator[list[tuple[int, int]]]:
    """Yield each paragraph as a list of (start, end) blocks, skipping blank lines."""
    blocks: list[tuple[int, int]] = []
    previous_line = ""
    offset = 0
    for raw_line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(raw_line)
        line = raw_line.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            if blocks:
                yield blocks
            blocks, previous_line = [], ""
            continue
        start = line_start + (len(line) - len(line.lstrip()))
        end = line_start + len(line.rstrip())
        if blocks and _is_soft_wrap(previous_line, stripped):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        previous_line = stripped
    if blocks:
        yield blocks


def _is_soft_wrap(previous: str, line: str) -> bool:
    """Whether ``line`` continues the sentence of ``previous`` rather than starting a block."""
    if line[0].islower():
        return True
    if _TERMINAL.search(previous):
        return False
    if _CONTINUES.search(previous):
        return True
    # Only the words after the line's last full stop can run on to the next line:
    # "... your experience. Learn More" ends in a button label, not in prose.
    tail = _SENTENCE_END.split(previous)[-1]
    return len(previous) >= WRAP_MIN_LINE and not _is_title_case(tail)


def _is_title_case(line: str) -> bool:
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _syntok_sentences(block: str) -> Iterator[tuple[int, int]]:
    if not _INNER_STOP.search(block):  # a heading, a button, a one-sentence line: nothing to split
        yield 0, len(block)
        return
    for sentence in syntok_segmenter.segment(_TOKENIZER.tokenize(block)):
        tokens = [token for token in sentence if token.value]
        if tokens:
            yield tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)


def _merge_titles(block: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that ends in a title ("Rep.", "Gov.") to the capitalised sentence after it."""
    merged: list[tuple[int, int]] = []
    for start, end in sentences:
        if merged and _TITLE_END.search(block[merged[-1][0] : merged[-1][1]]) and block[start : start + 1].isupper():
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged
