"""Build the list of words news copy writes in lower case (``compare/facts/lowercase_words.txt``).

Usage::

    python -m compare.evaluation.casing [DATA_DIR] [--write]

A headline in title case ("Trump Signs Border Bill After Pelosi Meeting")
capitalises every word, so a run of capitalised words there is no evidence of
a name. The name extractor cuts such a headline's runs at the words that
ordinary sentences write in lower case. Which words those are is counted here,
on training data only (MRPC train, STS-B train, ECB+ topics 1-35: news
sentences; none of the BASIL articles): every word not first in its sentence
or clause, lower-case against capitalised. A word is listed, with the share
of its occurrences in lower case, when it was seen at least ``MIN_COUNT``
times and in lower case at least ``MIN_LOWER_SHARE`` of them.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from .data import DEFAULT_DATA_DIR, load_ecbplus_documents, load_mrpc, load_stsb_news

#: a word is listed when seen at least this often mid-sentence ...
MIN_COUNT = 3
#: ... and written in lower case at least this share of those times (the name extractor uses two cuts above it)
MIN_LOWER_SHARE = 0.5
#: ECB+ topics that are training data (36-45 are its customary test split)
ECB_TRAINING_TOPICS = range(1, 36)
TARGET = Path(__file__).resolve().parent.parent / "facts" / "lowercase_words.txt"

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# After these, a word may be capitalised for position, not for being a name.
_RESTARTS = frozenset(".!?:;\"“”‘'([—–-")


def sentences(data_dir: Path) -> Iterator[str]:
    """The training sentences counted."""
    for pair in load_mrpc(data_dir, "train"):
        yield pair.left
        yield pair.right
    for scored in load_stsb_news(data_dir, "train"):
        yield scored.left
        yield scored.right
    for doc_id, document in sorted(load_ecbplus_documents(data_dir).items()):
        if int(doc_id.split("_", 1)[0]) in ECB_TRAINING_TOPICS:
            yield from document.sentences


def counts(texts: Iterable[str]) -> tuple[Counter[str], Counter[str]]:
    """(lower-case occurrences, all occurrences) of each word, in lower case, skipping words that start a
    sentence or clause."""
    lower: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            before = text[: match.start()].rstrip()
            if not before or before[-1] in _RESTARTS:
                continue
            word = match.group()
            key = word.lower().replace("’", "'")
            seen[key] += 1
            lower[key] += word[0].islower()
    return lower, seen


def lowercase_words(texts: Iterable[str]) -> dict[str, float]:
    """Each listed word and the share of its mid-sentence occurrences in lower case, rounded to 0.01."""
    lower, seen = counts(texts)
    return {w: round(lower[w] / n, 2) for w, n in sorted(seen.items())
            if n >= MIN_COUNT and lower[w] >= MIN_LOWER_SHARE * n}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DEFAULT_DATA_DIR)
    parser.add_argument("--write", action="store_true", help=f"rewrite {TARGET.name}")
    args = parser.parse_args(argv)
    words = lowercase_words(sentences(args.data_dir))
    print(f"{len(words)} words written in lower case (seen >= {MIN_COUNT} times, lower case >= "
          f"{MIN_LOWER_SHARE:.0%})")
    if args.write:
        header = ("# Words news copy writes in lower case: built by `python -m compare.evaluation.casing --write`\n"
                  f"# from MRPC train, STS-B train and ECB+ topics 1-35 (seen >= {MIN_COUNT} times mid-sentence,\n"
                  f"# in lower case >= {MIN_LOWER_SHARE:.0%} of them), each with that share. Used to cut\n"
                  "# title-case headlines (compare/facts/names.py).\n")
        TARGET.write_text(header + "".join(f"{w}\t{share:.2f}\n" for w, share in words.items()), encoding="utf-8")
        print(f"wrote {TARGET}")


if __name__ == "__main__":
    main()
