"""How alike two statements are, in words: features, the same-statement score, near-synonyms.

- :mod:`.features`: pairwise similarity features, computed for whole blocks with sparse products and
  ``rapidfuzz.process.cdist``;
- :mod:`.scoring`: the calibrated same-statement probability (a logistic model fitted on MRPC train);
- :mod:`.lexicon`: near-synonym classes of news reporting, shared with the facts layer;
- :mod:`.worddiff`: the words only one side of a pair uses, for the reports' marks.

The alignment model (:mod:`compare.alignment`) and the facts layer
(:mod:`compare.facts`) build on these.
"""
