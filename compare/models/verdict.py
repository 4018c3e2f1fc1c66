"""The verdict of ``factcompare check``: the rules applied, the rules broken, and each pair's consistency.

Built by :func:`compare.consistency.check`; frozen values, as the comparison model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, get_args

from .comparison import DIFFERENCE_KINDS

#: ``--fail-on`` values: a difference kind, or any conflict at all.
CONFLICT_CHOICES = ("any", *DIFFERENCE_KINDS)

#: The rules a violation can break.
Rule = Literal["conflict", "differs", "consistency", "one-sided"]
RULES: tuple[Rule, ...] = get_args(Rule)


@dataclass(frozen=True)
class Rules:
    """What makes two sources inconsistent. With no rule set, any conflict does."""

    #: difference kinds whose conflicts fail the check ("any": every kind)
    fail_on: tuple[str, ...] = ()
    #: fail on any statement labelled `differs`, conflict or not
    fail_on_differs: bool = False
    #: fail when the consistency score is below this
    min_consistency: float | None = None
    #: fail when a source has more one-sided statements than this
    max_one_sided: int | None = None

    def __post_init__(self) -> None:
        unknown = set(self.fail_on) - set(CONFLICT_CHOICES)
        if unknown:
            msg = f"unknown difference kind(s): {', '.join(sorted(unknown))}"
            raise ValueError(msg)

    @property
    def effective(self) -> Rules:
        """These rules, or "any conflict" when none is set."""
        if self.fail_on or self.fail_on_differs or self.min_consistency is not None or self.max_one_sided is not None:
            return self
        return Rules(fail_on=("any",))

    def fails_on(self, kind: str) -> bool:
        return "any" in self.fail_on or kind in self.fail_on


@dataclass(frozen=True)
class Violation:
    """One broken rule, with where it happened and the evidence."""

    rule: Rule
    left: str
    right: str
    message: str
    kind: str | None = None
    left_sentences: tuple[int, ...] = ()
    right_sentences: tuple[int, ...] = ()
    left_evidence: str | None = None
    right_evidence: str | None = None

    def __post_init__(self) -> None:
        if self.rule not in RULES:
            msg = f"unknown rule {self.rule!r}"
            raise ValueError(msg)

    def line(self) -> str:
        """The violation on one line: sources and sentences, then what broke the rule."""
        where = f"{self.left}{_ids(self.left_sentences)} vs {self.right}{_ids(self.right_sentences)}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Verdict:
    """The rules applied (made effective), what broke them, and each pair of sources checked."""

    rules: Rules
    violations: tuple[Violation, ...]
    #: (left name, right name, consistency) of each comparison checked
    pairs: tuple[tuple[str, str, float], ...] = field(default=())

    @property
    def consistent(self) -> bool:
        return not self.violations


def _ids(ids: tuple[int, ...]) -> str:
    return "#" + ",".join(map(str, ids)) if ids else ""
