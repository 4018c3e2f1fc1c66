"""Untrusted text made safe for a terminal: control and escape characters shown, never obeyed.

Article text, file names, manifest ids and fetched pages are untrusted. Written raw to a terminal, an escape
sequence in them can set the window title, write the clipboard (OSC 52), clear the screen or draw a fake
hyperlink; a bidirectional override can reorder what a reader sees. Every piece of untrusted text that reaches
a terminal, a ``.txt`` report or an error line goes through :func:`visible` first, which replaces each such
character with a visible escape (``\\x1b``, ``\\u202e``), so the text is shown as it is and nothing in it acts.

Pure and dependency-free: imported by the CLI's error path, which must stay light.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (0x80-0x9f: 0x9b is CSI on some terminals), the bidirectional
# embeddings, overrides and isolates, and the line and paragraph separators (which some terminals break on and
# which split a one-line message).
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
_UNSAFE_IN_TEXT = re.compile(f"[{_UNSAFE}]")
_UNSAFE_IN_LINE = re.compile(f"[{_UNSAFE}\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control, escape and bidirectional-control character shown as a visible escape.

    Tabs and newlines are kept unless ``one_line`` (for error lines, names and ids, where a newline would
    forge a second line).
    """
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE_IN_TEXT
    return pattern.sub(_escape, text)


def is_visible(text: str, *, one_line: bool = False) -> bool:
    """True when :func:`visible` would leave ``text`` unchanged."""
    pattern = _UNSAFE_IN_LINE if one_line else _UNSAFE_IN_TEXT
    return pattern.search(text) is None
