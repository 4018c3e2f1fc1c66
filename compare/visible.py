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
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.segment import Segment

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


#: The bidirectional embeddings, overrides and isolates: what reorders the text around it where it is displayed.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def bidi_visible(text: str) -> str:
    """``text`` with every bidirectional embedding, override and isolate shown as a visible escape (``\\u202e``).

    For the Markdown and HTML reports, where the other unsafe characters do no harm or are handled by the
    format (a browser obeys no terminal escape; the reader strips controls): such a character would make a
    browser or a Markdown viewer show the text around it reordered. The marks (U+200E, U+200F, U+061C) stay:
    right-to-left text uses them, and they reorder nothing.
    """
    return _BIDI_CONTROLS.sub(_escape, text)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_visible(document: str) -> str:
    """A JSON document as ``json.dumps`` writes it, with every unsafe character a ``\\uXXXX`` escape: same values.

    ``json.dumps(..., ensure_ascii=False)`` escapes C0 controls but writes C1 controls (0x9b: CSI), bidi
    overrides and U+2028/U+2029 raw. Outside strings JSON allows only space, tab, newline and carriage
    return (and ``json.dumps`` writes only spaces and newlines there), so every such character is inside a
    string, where ``\\uXXXX`` means the same character.
    """
    return _UNSAFE_IN_TEXT.sub(_json_escape, document)



def visible_segments(segments: Iterable[Segment]) -> Iterator[Segment]:
    """Rich segments with their text made visible (control segments, Rich's own cursor moves, kept).

    The last line of defence of a terminal renderable: untrusted text is made visible where it becomes a
    ``Text``, so that it is laid out at its shown width; this catches whatever a renderer forgot.
    """
    for segment in segments:
        if segment.control is None and not is_visible(segment.text):
            yield segment._replace(text=visible(segment.text))
        else:
            yield segment
