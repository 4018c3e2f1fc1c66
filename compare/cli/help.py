"""The command group's manners: ``factcompare A B`` as the default command, help with examples, suggestions, completion.

- ``factcompare A B`` means ``factcompare compare A B``; subcommands keep their names.
- ``factcompare --help`` shows that main usage first, then examples (each subcommand has its own).
- A first argument that looks like a mistyped subcommand and is no file (``factcompare chek a b``)
  gets "did you mean 'check'?" instead of "chek: no such file".
- Shell completion (click's: ``_FACTCOMPARE_COMPLETE=bash_source factcompare``) offers the
  subcommands, and files, for the first word.
- A usage error is one line on stderr and exit status 2, like every other error of the program.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from click.shell_completion import CompletionItem

EXIT_INTERRUPTED = 130
# A word that can only be meant as a subcommand: letters and dashes, no folder, no suffix.
_COMMAND_LIKE = re.compile(r"[A-Za-z][A-Za-z-]+")
# How close a word must be to a subcommand to suggest it (difflib's ratio): chek, bach, comapre, evl.
SUGGEST_CUTOFF = 0.6

# \b keeps click from rewrapping the lines that follow it.
MAIN_EXAMPLES = """\b
Examples:
  factcompare wire.txt blog.md
      the terminal view on stdout, every report in reports/
  factcompare wire.txt blog.md --format json | python -m json.tool
      one format: printed on stdout, nothing written
  cat wire.txt | factcompare - blog.md
      the left article from the standard input
  factcompare https://example.com/a.html https://example.org/b.html
  factcompare check wire.txt blog.md --fail-on number && publish.sh
  factcompare batch events/ --format markdown > summary.md

\b
Shell completion (bash; zsh_source and fish_source for the others):
  eval "$(_FACTCOMPARE_COMPLETE=bash_source factcompare)"
"""

COMPARE_EXAMPLES = """\b
Examples:
  factcompare a.txt b.txt
      the terminal view on stdout, the four reports in reports/
  factcompare a.txt b.txt --format json | jq .summary
      JSON on stdout, no file written
  factcompare a.txt b.txt --format html,json --output-dir out
      two reports in out/, the terminal view on stdout
  factcompare a.txt b.txt --output report.html
      one report, the terminal view on stdout
  cat a.txt | factcompare - b.txt --no-report
      the left article from the standard input
  factcompare https://example.com/a.html https://example.org/b.html
  factcompare a.txt b.txt c.txt
      three or more sources: statements clustered across all of them
"""

CHECK_EXAMPLES = """\b
Examples:
  factcompare check wire.txt blog.txt --fail-on number
  factcompare check wire.txt blog.txt --min-consistency 0.6 --max-one-sided 5 && publish.sh
  factcompare check a.txt b.txt c.txt --fail-on-differs --format json > verdict.json
"""

EVAL_EXAMPLES = """\b
Examples:
  factcompare eval
      the figures of the README, from ../shared/data
  factcompare eval /data/factcompare --workers 2
"""

BATCH_EXAMPLES = """\b
Examples:
  factcompare batch pairs.csv
      records in reports/pairs.jsonl (resumable), the summary printed
  factcompare batch events/ --workers 2 --output runs/events.jsonl
  factcompare batch events/ --format json | jq -c 'select(.consistency < 0.5)'
      the records on stdout as they are made, no file written
  factcompare batch events/ --format markdown > summary.md
"""


class DefaultToCompare(click.Group):
    """The ``factcompare`` group: ``compare`` is the default subcommand (see the module's docstring)."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        run = super().main
        if not standalone_mode:
            return run(args, prog_name, complete_var, False, **extra)
        try:
            result = run(args, prog_name, complete_var, False, **extra)
        except click.ClickException as error:
            from ..visible import visible

            click.echo(visible(f"factcompare: error: {error.format_message()} (see factcompare --help)",
                               one_line=True), err=True)
            sys.exit(error.exit_code)
        except click.Abort:
            click.echo("factcompare: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(result if isinstance(result, int) else 0)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args and ctx.resilient_parsing:  # completing the first word: subcommands, not compare's files
            return super().parse_args(ctx, args)
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
            if args and not ctx.resilient_parsing:
                self._refuse_typo(args[0])
            args = ["compare", *args]
        return super().parse_args(ctx, args)

    def _refuse_typo(self, word: str) -> None:
        """``chek`` (no such file) is a typo of ``check``: say so, rather than "chek: no such file"."""
        if not _COMMAND_LIKE.fullmatch(word) or os.path.lexists(word):
            return
        import difflib

        close = difflib.get_close_matches(word.lower(), sorted(self.commands), n=1, cutoff=SUGGEST_CUTOFF)
        if close:
            msg = f"no such command or file: {word!r}; did you mean {close[0]!r}?"
            raise click.UsageError(msg)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order they are defined: compare first

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, "[OPTIONS] LEFT RIGHT [MORE]...")
        formatter.write_usage(ctx.command_path, "COMMAND [ARGS]...", prefix="   or: ")

    def shell_complete(self, ctx: click.Context, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        items = super().shell_complete(ctx, incomplete)
        if not incomplete.startswith("-"):  # the first word may also be the left article
            items.append(CompletionItem(incomplete, type="file"))
        return items
