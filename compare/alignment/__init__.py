"""Sentence alignment: which statements of two articles a reader would put side by side.

- :mod:`.signals`: cheap lexical signals of every statement pair, vectorised;
- :mod:`.model`: the learned P(aligned) over them (coefficients in ``alignment.json``);
- :mod:`.decode`: from probabilities to groups (one-to-many, each statement in one group at most);
- :mod:`.aligner`: the three together, plus each group's P(same statement).
"""

from .aligner import Group, StatementAligner, align_statements

__all__ = ["Group", "StatementAligner", "align_statements"]
