"""Consistency checks for scripts: rules over comparisons, and the verdict they give.

Pure: comparisons in, a :class:`Verdict` out. ``factcompare check`` prints it
(its JSON: :func:`compare.serialize.verdict_to_json`) and turns it into an exit
status (0 consistent, 1 not).
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import CONFLICT_CHOICES, Comparison, Rules, Verdict, Violation

# The verdict's model lives in compare.models; these names stay importable from here.
__all__ = ["CONFLICT_CHOICES", "Rules", "Verdict", "Violation", "check"]


def check(comparisons: Sequence[Comparison], rules: Rules) -> Verdict:
    """Apply ``rules`` to every comparison (one per pair of sources)."""
    rules = rules.effective
    violations: list[Violation] = []
    for c in comparisons:
        names = (c.left.path or c.left.name, c.right.path or c.right.name)
        for alignment in c.alignments:
            for d in alignment.differences:
                if d.conflict and rules.fails_on(d.kind):
                    violations.append(Violation(
                        "conflict", *names,
                        f"conflicting {d.kind}: {_quoted(d.left)} vs {_quoted(d.right)}", d.kind,
                        alignment.left, alignment.right, d.left, d.right))
            if rules.fail_on_differs and alignment.label == "differs":
                kinds = ", ".join(dict.fromkeys(d.kind for d in alignment.differences if d.conflict))
                why = f" ({kinds})" if kinds else " (stated differently)"
                left_text, right_text = c.left.joined_text(alignment.left), c.right.joined_text(alignment.right)
                violations.append(Violation(
                    "differs", *names, f"statement differs{why}: {_quoted(left_text)} vs {_quoted(right_text)}",
                    None, alignment.left, alignment.right, left_text, right_text))
        consistency = c.summary.consistency
        if rules.min_consistency is not None and consistency < rules.min_consistency:
            violations.append(Violation("consistency", *names,
                                        f"consistency {consistency:.0%} is below {rules.min_consistency:.0%}"))
        if rules.max_one_sided is not None:
            for side, ids in (("left", c.left_only), ("right", c.right_only)):
                if len(ids) > rules.max_one_sided:
                    name = names[0] if side == "left" else names[1]
                    violations.append(Violation(
                        "one-sided", *names,
                        f"{len(ids)} statements only in {name}, more than {rules.max_one_sided}",
                        left_sentences=ids if side == "left" else (),
                        right_sentences=ids if side == "right" else ()))
    return Verdict(rules, tuple(violations), tuple((c.left.path or c.left.name, c.right.path or c.right.name,
                                                   c.summary.consistency)
                                                  for c in comparisons))


def _quoted(text: str | None) -> str:
    if text is None:
        return "(not mentioned)"
    flat = " ".join(text.split())
    return f'"{flat if len(flat) <= 120 else flat[:117] + "..."}"'

