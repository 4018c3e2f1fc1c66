"""compare.visible: what reaches a terminal cannot act on it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from compare.visible import is_visible, visible

PAYLOADS = {
    "clipboard write (OSC 52)": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "window title": "\x1b]0;owned\x07",
    "clear screen": "\x1b[2J\x1b[H",
    "hyperlink": "\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\",
    "C1 CSI": "\x9b2J",
    "bidi override": "abc\u202edcba",
    "backspace overwrite": "good\x08\x08\x08\x08evil",
    "carriage return": "safe\rowned",
}


def test_every_payload_is_shown_not_obeyed() -> None:
    for name, payload in PAYLOADS.items():
        shown = visible(f"before {payload} after")
        assert is_visible(shown), name
        for raw in ("\x1b", "\x9b", "\u202e", "\x08", "\r"):
            assert raw not in shown, name
        assert shown.startswith("before "), name
        assert shown.endswith(" after"), name


def test_escapes_are_readable() -> None:
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("x\u202ey") == "x\\u202ey"


def test_text_keeps_its_lines_and_tabs_unless_one_line() -> None:
    assert visible("one\ntwo\tthree") == "one\ntwo\tthree"
    assert visible("one\ntwo\tthree", one_line=True) == "one\\x0atwo\\x09three"


def test_ordinary_text_is_unchanged() -> None:
    text = "Bürgermeister said 3.5% — «Привет» 北京 \"quoted\" café"
    assert visible(text) == text
    assert is_visible(text)


@given(st.text())
def test_result_is_always_safe_and_idempotent(text: str) -> None:
    shown = visible(text, one_line=True)
    assert is_visible(shown, one_line=True)
    assert visible(shown, one_line=True) == shown
    assert "\n" not in shown
