"""News copies in every encoding they come in, end to end: decoded right or refused, never mojibake."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from compare.cli.commands import cli

STORY = ("The minister’s “final” offer – rejected — on Sunday.\n\n"
         "Café owners in São Paulo and Zürich said 25°C was “naïve”…\n")
OTHER = "The minister's final offer was rejected on Sunday.\n\nCafé owners complained.\n"
# What a UTF-8 text read as cp1252 (or the reverse) turns into: none of it may appear.
MOJIBAKE = ("â€", "Ã©", "Ã¼", "Ã£", "Â°", "\ufffd")

ENCODED = [
    ("utf-8", STORY.encode("utf-8")),
    ("utf-8-bom", codecs.BOM_UTF8 + STORY.encode("utf-8")),
    ("utf-16-le-bom", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")),
    ("utf-16-be-bom", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be")),
    ("cp1252", STORY.encode("cp1252")),
    ("crlf", STORY.replace("\n", "\r\n").encode("utf-8")),
    ("mixed-line-endings", STORY.replace("\n\n", "\r\n\r\n", 1).replace("\n", "\r", 1).encode("utf-8")),
    ("utf-8-and-cp1252-lines", STORY.split("\n\n")[0].encode("utf-8") + b"\n\n"
     + STORY.split("\n\n")[1].encode("cp1252")),
]


def _compare(tmp_path: Path, data: bytes) -> dict:
    story = tmp_path / "story.txt"
    story.write_bytes(data)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    result = CliRunner().invoke(cli, [str(story), str(other), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0, result.stderr
    report = json.loads((tmp_path / "out" / "story__other.json").read_text(encoding="utf-8"))
    html = (tmp_path / "out" / "story__other.html").read_text(encoding="utf-8")
    for marker in MOJIBAKE:
        assert marker not in json.dumps(report["left"], ensure_ascii=False), marker
        assert marker not in html, marker
    return report


@pytest.mark.parametrize("data", [c[1] for c in ENCODED], ids=[c[0] for c in ENCODED])
def test_every_encoding_reads_back_the_same_words(tmp_path: Path, data: bytes) -> None:
    report = _compare(tmp_path, data)
    words = " ".join(s["text"] for s in report["left"]["sentences"])
    for expected in ("minister’s", "“final”", "–", "—", "Café", "São Paulo", "Zürich", "25°C", "“naïve”…"):
        assert expected in words, (expected, words)
    for sentence in report["left"]["sentences"]:
        assert report["left"]["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_latin1_copy(tmp_path: Path) -> None:
    text = "Le ministre a refusé l'offre à São Paulo. Ça coûte 25 €? Non: 25 francs, déjà payés.\n"
    report = _compare(tmp_path, text.replace("€", "EUR").encode("latin-1"))
    assert "São Paulo" in report["left"]["text"]
    assert "déjà" in report["left"]["text"]


def test_truncated_multibyte_character_is_dropped_not_garbled(tmp_path: Path) -> None:
    report = _compare(tmp_path, STORY.encode("utf-8") + "Prices rose 5€".encode()[:-1])
    assert report["left"]["text"].endswith("Prices rose 5")
    assert report["left"]["encoding"] == "utf-8 (truncated final character dropped)"


OTHER_SCRIPTS = [
    ("cp1251-russian", "Министр обороны заявил, что 25 человек погибли в воскресенье. Полиция закрыла дорогу.",
     "cp1251"),
    ("greek", "Ο υπουργός δήλωσε ότι 25 άνθρωποι σκοτώθηκαν την Κυριακή.", "iso-8859-7"),
    ("shift-jis", "東京で火曜日に地震があり、25人がけがをしました。警察が道路を閉鎖しました。", "shift_jis"),
]


@pytest.mark.parametrize(("text", "codec"), [c[1:] for c in OTHER_SCRIPTS], ids=[c[0] for c in OTHER_SCRIPTS])
def test_other_legacy_encodings_are_detected(tmp_path: Path, text: str, codec: str) -> None:
    report = _compare(tmp_path, text.encode(codec))
    assert report["left"]["text"] == text


@pytest.mark.parametrize("data", [
    b"\x00\x01\x02\x03binary\x00", codecs.BOM_UTF16_LE + b"\x00\xd8", b"\x81\x8d\x8f\x90\x9d" * 20,
    "Министр обороны заявил, что 25 человек погибли.".encode("koi8-r"),
], ids=["binary", "broken-utf16", "bytes-cp1252-leaves-undefined", "koi8-r-that-would-read-as-katakana"])
def test_what_cannot_be_decoded_is_refused_in_one_line(tmp_path: Path, data: bytes) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(data)
    other = tmp_path / "other.txt"
    other.write_text(OTHER, encoding="utf-8")
    result = CliRunner().invoke(cli, [str(story), str(other), "--no-report"])
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("factcompare: error: ")


GERMAN = "Der Bürgermeister von Zürich sagte am Montag, die Brücke über die Limmat sei sicher."
RUSSIAN = "Министр обороны заявил, что 25 человек погибли в воскресенье. Полиция закрыла дорогу."
# A stray legacy byte inside UTF-8 text: on a line of its own, on the line of a UTF-8 word, undefined in cp1252.
STRAY = [
    ("stray-e9-other-line", GERMAN.encode() + b"\n\nDie Stadt zahlte 25 Millionen Franken f\xe9r die Pr\xfcfung.\n",
     [GERMAN, "Pr\xfcfung"]),
    ("stray-e9-same-line", GERMAN.encode() + b" Caf\xe9 geschlossen.\n\nDie Polizei sperrte die Strasse.\n",
     [GERMAN, "Café geschlossen."]),
    ("stray-81-other-line", GERMAN.encode() + b"\n\nDie Stadt zahlte 25\x81 Millionen Franken.\n",
     [GERMAN, "Millionen Franken."]),
]


@pytest.mark.parametrize(("data", "expected"), [c[1:] for c in STRAY], ids=[c[0] for c in STRAY])
def test_one_stray_byte_garbles_nothing_around_it(tmp_path: Path, data: bytes, expected: list[str]) -> None:
    report = _compare(tmp_path, data)
    for text in expected:
        assert text in report["left"]["text"], (text, report["left"]["text"], report["left"]["encoding"])
    assert "utf-8" in report["left"]["encoding"]


MIXED_SCRIPTS = [
    ("utf8-and-cp1251-lines", [(GERMAN, "utf-8"), (RUSSIAN, "cp1251"), (STORY.split("\n\n")[0], "utf-8")]),
    ("cp1251-first", [(RUSSIAN, "cp1251"), (GERMAN, "utf-8"), (RUSSIAN.upper(), "cp1251")]),
    ("utf8-cp1252-cp1251-lines", [(GERMAN, "utf-8"), ("Le caf\xe9 a ferm\xe9 \xe0 S\xe3o Paulo, d\xe9j\xe0 pay\xe9.",
                                                     "cp1252"), (RUSSIAN, "cp1251")]),
    ("utf8-russian-and-cp1251", [(RUSSIAN, "utf-8"), ("Полиция сообщила о 30 пострадавших.", "cp1251")]),
    ("capitals-ukrainian-bulgarian", [(GERMAN, "utf-8"), (RUSSIAN.upper(), "cp1251"),
                                      ("Міністр оборони України заявив, що 25 людей загинули в неділю.", "cp1251"),
                                      ("Министърът на отбраната заяви, че 25 души са загинали в неделя.", "cp1251")]),
]


@pytest.mark.parametrize("lines", [c[1] for c in MIXED_SCRIPTS], ids=[c[0] for c in MIXED_SCRIPTS])
def test_utf8_lines_mixed_with_legacy_lines_read_right(tmp_path: Path, lines: list[tuple[str, str]]) -> None:
    data = b"\n\n".join(text.encode(codec) for text, codec in lines) + b"\n"
    report = _compare(tmp_path, data)
    assert report["left"]["text"] == "\n\n".join(text for text, _ in lines) + "\n", report["left"]["encoding"]
    assert "mixed lines" in report["left"]["encoding"]


@pytest.mark.parametrize(("text", "codec"), [(RUSSIAN, "koi8-r"), (OTHER_SCRIPTS[1][1], "iso-8859-7")],
                         ids=["koi8-r", "greek"])
def test_a_line_in_neither_cp1252_nor_cp1251_is_refused_not_garbled(tmp_path: Path, text: str, codec: str) -> None:
    story = tmp_path / "story.txt"
    story.write_bytes(GERMAN.encode() + b"\n\n" + text.encode(codec) + b"\n")
    result = CliRunner().invoke(cli, [str(story), str(tmp_path / "story.txt"), "--no-report"])
    assert result.exit_code == 2, result.stdout
    assert result.stderr.splitlines() == [f"factcompare: error: {story}: line 3 is neither UTF-8 like the rest nor "
                                          "cp1252 or cp1251 text; save the file as UTF-8 and try again"]
