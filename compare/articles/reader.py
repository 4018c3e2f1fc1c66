"""Reading articles: decoding, binary detection, web-page extraction and Markdown.

This is the only module of the library that reads files (the standard input
and web pages are read in :mod:`compare.articles.sources`, and decoded here).
Everything it returns is a :class:`~compare.models.Source`; everything it
refuses is an :class:`~compare.errors.ArticleError` with a one-line message.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Callable
from pathlib import Path

from ..errors import ArticleError
from ..models import Source

# A news article is a few kilobytes; a book is about one megabyte. Past this the
# input is almost certainly not an article (a log, a dump, a whole site) and the
# comparison would take minutes, so we refuse it unless asked (--max-bytes).
MAX_INPUT_BYTES = 5 * 1024 * 1024

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn")
_HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html\b|<head\b|<body\b)", re.IGNORECASE)

# Byte-order marks, longest first: a UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that never occur in real text. Tab, newlines, form feed
# and carriage return are allowed; C1 controls (U+0080-U+009F) are what a
# cp1252 file decoded as Latin-1 would produce, so they count as damage too.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f])
# A text is binary, and refused, when its control characters (NUL included) are more than
# BINARY_CONTROL_SHARE of it and more than BINARY_MIN_CONTROLS in all, or more than BINARY_MAJOR_SHARE of
# it at any length: executables, archives and UTF-16 without a mark pass 10% and hundreds of controls; an
# article with a stray escape sequence or a few NULs pasted in has a handful. The count keeps a short
# article with a few controls from being refused for their share; the major share still refuses a tiny
# binary file (b"\x00\x01binary", the smallest the tests hold, is a quarter controls), not a colour code
# around a word ("\x1b[31mRed\x1b[0m": a sixth). Control characters in a text that is not binary are
# stripped.
BINARY_CONTROL_SHARE = 0.01
BINARY_MIN_CONTROLS = 16
BINARY_MAJOR_SHARE = 0.2


# Bytes asked of the operating system per read: the cap is checked after each, so a device or a growing
# file is read at most this much past the limit.
READ_CHUNK = 1024 * 1024
# A pipe the shell opened and handed over by descriptor (``/dev/stdin``, ``/dev/fd/63`` from ``<(curl ...)``)
# has a writer, so it is read as the standard input is: to its end, capped. A FIFO named in a folder may have
# no writer and would block forever: refused.
_DESCRIPTOR_PATH = re.compile(r"^/(?:dev/(?:stdin|fd/\d+)|proc/(?:self|\d+)/fd/\d+)$")
_SPECIAL_FILES = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def read_source(path: str | os.PathLike[str], *, max_bytes: int = MAX_INPUT_BYTES) -> Source:
    """Read one article from a text, Markdown or saved HTML file.

    The file is opened without blocking (a FIFO with no writer opens at once) and
    what was opened is checked: only a regular file is read, and it is read no
    further than ``max_bytes`` + 1 bytes, whatever size it claimed (a file may
    grow between a size check and the read; a device never ends).

    Args:
        path: the file to read.
        max_bytes: refuse files larger than this many bytes.

    Returns:
        The decoded article text, named after the file's stem.

    Raises:
        ArticleError: the file is missing, a directory, a FIFO or a device, too
            large, binary, empty or in an encoding that cannot be determined.
    """
    file = Path(path)
    name = file.stem or file.name
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(file, flags)
    except FileNotFoundError:
        msg = f"{file}: no such file"
        raise ArticleError(msg) from None
    except IsADirectoryError:
        msg = f"{file}: is a directory, not an article file"
        raise ArticleError(msg) from None
    except OSError as error:
        msg = f"{file}: cannot read ({error.strerror or error})"
        raise ArticleError(msg) from None
    try:
        data = _read_opened(descriptor, file, max_bytes)
    finally:
        os.close(descriptor)
    return source_from_bytes(data, name=name, path=str(file))


def _read_opened(descriptor: int, file: Path, max_bytes: int) -> bytes:
    try:
        mode, size = (info := os.fstat(descriptor)).st_mode, info.st_size
        if stat.S_ISDIR(mode):
            msg = f"{file}: is a directory, not an article file"
            raise ArticleError(msg)
        if _DESCRIPTOR_PATH.match(str(file)) and (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
            os.set_blocking(descriptor, True)  # opened without blocking; a stream's reads wait for its writer
            return _capped_or_refused(read_capped(lambda count: os.read(descriptor, count), max_bytes),
                                      file, max_bytes)
        for is_kind, kind in _SPECIAL_FILES:
            if is_kind(mode):
                msg = (f"{file}: is {kind}, not an article file; to read a stream, "
                       f"pipe it to the standard input and give '-' (… | factcompare - other.txt)")
                raise ArticleError(msg)
        if size > max_bytes:  # refused before reading; what is read is capped all the same
            msg = (f"{file}: {size:,} bytes is larger than the {max_bytes:,}-byte limit for one article "
                   "(raise it with --max-bytes)")
            raise ArticleError(msg)
        data = read_capped(lambda count: os.read(descriptor, count), max_bytes)
    except OSError as error:
        msg = f"{file}: cannot read ({error.strerror or error})"
        raise ArticleError(msg) from None
    return _capped_or_refused(data, file, max_bytes)


def _capped_or_refused(data: bytes | None, file: Path, max_bytes: int) -> bytes:
    if data is None:
        msg = f"{file}: larger than the {max_bytes:,}-byte limit for one article (raise it with --max-bytes)"
        raise ArticleError(msg)
    return data


def read_capped(read: Callable[[int], bytes | None], max_bytes: int) -> bytes | None:
    """Everything ``read(count)`` gives until it gives nothing, or None once that passes ``max_bytes``.

    Asks for at most ``max_bytes`` + 1 bytes in all, in chunks of READ_CHUNK: a
    short read is followed by another, and nothing is read past the first byte
    over the limit.
    """
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = read(min(READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return None if total > max_bytes else b"".join(chunks)


def source_from_bytes(data: bytes, *, name: str, path: str | None = None, label: str | None = None) -> Source:
    """Decode raw bytes into a :class:`Source`: a web page's article extracted, a Markdown file's text read.

    HTML is told by the file's suffix or by how the data starts; Markdown by the
    suffix (``.md``, ``.markdown``...) only, since plain text is valid Markdown.
    """
    label = label or path or name
    text, encoding = decode_text(data, label=label)
    suffix = (path or "").lower()
    if suffix.endswith(HTML_SUFFIXES) or is_html(data):
        text = extract_html_article(text, label=label)
        return _checked(Source(text=text, name=name, path=path, encoding=f"{encoding}, html"), label)
    if suffix.endswith(MARKDOWN_SUFFIXES):
        from .markdown import markdown_to_text

        plain, source_map, regions = markdown_to_text(text)
        return _checked(Source(text=plain, name=name, path=path, encoding=f"{encoding}, markdown",
                               source_map=source_map, regions=regions), label)
    return _checked(Source(text=text, name=name, path=path, encoding=encoding), label)


def is_html(data: bytes) -> bool:
    """Whether bytes start as an HTML page does (a doctype, or an html, head or body tag)."""
    return bool(_HTML_SNIFF.match(data[:1024]))


def _checked(source: Source, label: str) -> Source:
    if not source.text.strip():
        msg = f"{label}: the file is empty (no text to compare)"
        raise ArticleError(msg)
    return source


# A detected legacy encoding is trusted only when the decoded text reads as a
# language (charset-normalizer's coherence): cp1251 Russian scored 0.65,
# ISO-8859-7 Greek 0.36, Shift-JIS Japanese 0.13, while KOI8-R mistaken for
# cp932 and random high bytes taken for cp949 scored 0. Refusing a rare real
# file is better than a report full of mojibake.
DETECTED_MIN_COHERENCE = 0.1
# Western European news in cp1252 has a few accented letters (French and
# Portuguese copy: under 30%); Cyrillic or Greek bytes read as cp1252 are
# almost all "accented" (over 80%). Above this share, the encoding is detected.
LEGACY_MAX_NON_ASCII_LETTERS = 0.4


def decode_text(data: bytes, *, label: str = "input") -> tuple[str, str]:
    """Decode bytes as text and say which encoding was used.

    UTF-8 (with or without a byte-order mark) and UTF-16/32 with a mark are
    decoded directly. Anything else is a legacy single-byte file, in practice
    cp1252 (the Windows superset of Latin-1 that gives news copies their curly
    quotes and dashes), or detected (cp1251, ISO-8859-7, Shift-JIS...). Text
    that is partly UTF-8, as copy-paste produces, is decoded line by line: UTF-8
    lines stay UTF-8 (a stray legacy byte in one is decoded alone), every other
    line is read as cp1252 or cp1251, whichever reads as words. A truncated
    final UTF-8 character is dropped rather than turned into mojibake.

    Raises:
        ArticleError: the data is binary or in no encoding we can trust.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return strip_controls(data[len(bom) :].decode(codec), label), f"{codec} (BOM)"
            except UnicodeDecodeError:
                msg = f"{label}: starts with a {codec} byte-order mark but is not valid {codec}"
                raise ArticleError(msg) from None
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if _is_binary(controls, len(data)):  # the whole file, before any decoding effort
        why = "it contains NUL bytes" if b"\x00" in data else "too many control characters"
        msg = f"{label}: looks like a binary file ({why}), not an article"
        raise ArticleError(msg)
    try:
        return strip_controls(data.decode("utf-8"), label), "utf-8"
    except UnicodeDecodeError as error:
        if error.reason == "unexpected end of data" and error.end == len(data):
            # Only the last character was cut off (a truncated download or copy).
            text = data[: error.start].decode("utf-8")
            return strip_controls(text, label), "utf-8 (truncated final character dropped)"
    mixed = _decode_mixed_lines(data, label)
    return mixed if mixed is not None else _decode_legacy(data, label)


# Legacy encodings a line inside UTF-8 text may be in, in the order a tie is settled: Western European
# (cp1252, a superset of Latin-1's letters) and Cyrillic (cp1251), the two that copy-paste mixes into UTF-8.
LINE_ENCODINGS = ("cp1252", "cp1251")
_WORD = re.compile(r"[^\W\d_]+")
_STRAY = re.compile("[\udc80-\udcff]+")  # undecodable bytes, as surrogateescape keeps them
_CYRILLIC = re.compile("[\u0400-\u04ff]")
# The ten commonest letters of Russian, about two thirds of its letters (о 11%, е 8.5%, а 8%, и 7.4%, н 6.7%,
# т 6.3%, с 5.5%, р 4.7%, в 4.5%, л 4.4%; Ukrainian and Bulgarian news runs over half): a line read as cp1251
# with CYRILLIC_MIN_LETTERS Cyrillic letters or more, under CYRILLIC_MIN_COMMON_SHARE of them these, is not
# Cyrillic but another encoding read as cp1251 (Greek ISO-8859-7: about a third; KOI8-R: a fifth).
_COMMON_CYRILLIC = dict.fromkeys(map(ord, "оеаинтсрвл"))
CYRILLIC_MIN_LETTERS = 12
CYRILLIC_MIN_COMMON_SHARE = 0.4
_NOT_CYRILLIC = re.compile("[^\\W\\d_\u0400-\u04ff]")


def _decode_mixed_lines(data: bytes, label: str) -> tuple[str, str] | None:
    """Text some of whose lines are UTF-8 and others legacy, decoded line by line; None if no line is UTF-8.

    A line is UTF-8 when it holds valid non-ASCII UTF-8 characters and no more stray bytes than those: its
    stray bytes (a byte pasted from a cp1252 file) are decoded alone, so that one byte garbles nothing around
    it. Any other line that is not valid UTF-8 is in the legacy encoding that reads as words
    (:func:`_legacy_line`), chosen line by line.
    """
    lines = [line.decode("utf-8", errors="surrogateescape") for line in data.splitlines(keepends=True)]
    kinds = [_line_kind(line) for line in lines]
    if "utf-8" not in kinds:
        return None
    decoded: list[str | None] = [line if kind != "legacy" else None for line, kind in zip(lines, kinds, strict=True)]
    used = {"utf-8"}
    for index, kind in enumerate(kinds):
        if kind == "legacy":
            text, codec = _legacy_line(lines[index].encode("utf-8", errors="surrogateescape"), label, index + 1)
            decoded[index] = text
            used.add(codec)
    legacy = [codec for codec in LINE_ENCODINGS if codec in used]
    stray_codecs = (*legacy, *(c for c in LINE_ENCODINGS if c not in legacy), "latin-1")
    for index, kind in enumerate(kinds):
        if kind == "utf-8" and _STRAY.search(lines[index]):
            text, codecs_used = _decode_strays(lines[index], stray_codecs)
            decoded[index] = text
            used.update(codecs_used)
    text = "".join(line or "" for line in decoded)
    names = [codec for codec in (*LINE_ENCODINGS, "latin-1") if codec in used]
    return strip_controls(text, label), f"utf-8 + {' + '.join(names)} (mixed lines)"


def _line_kind(line: str) -> str:
    """A line (decoded with surrogateescape) as "ascii", "utf-8" (UTF-8 with at most as many stray bytes as
    UTF-8 characters) or "legacy"."""
    stray = sum(len(run) for run in _STRAY.findall(line))
    characters = _non_ascii(line) - stray
    if not stray:
        return "utf-8" if characters else "ascii"
    return "utf-8" if characters >= stray else "legacy"


def _decode_strays(line: str, codecs_to_try: tuple[str, ...]) -> tuple[str, set[str]]:
    used: set[str] = set()

    def decode(match: re.Match[str]) -> str:
        raw = match.group().encode("utf-8", errors="surrogateescape")
        for codec in codecs_to_try:
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            used.add(codec)
            return text
        return raw.decode("latin-1")  # not reached: latin-1 decodes every byte

    return _STRAY.sub(decode, line), used


def _legacy_line(line: bytes, label: str, number: int) -> tuple[str, str]:
    """A line in the legacy encoding that reads best as words (:func:`_oddity`); cp1252 on a tie."""
    readings = []
    for codec in LINE_ENCODINGS:
        try:
            text = line.decode(codec)
        except UnicodeDecodeError:
            continue
        readings.append((_oddity(text, latin=codec == "cp1252"), codec, text))
    if not readings:
        readings.append((_oddity(line.decode("latin-1"), latin=True), "latin-1", line.decode("latin-1")))
    oddity, codec, text = min(readings, key=lambda reading: reading[0])  # min is stable: the first on a tie
    words = len(_WORD.findall(text))
    if oddity > LINE_MAX_ODDITY * max(words, 1):
        msg = (f"{label}: line {number:,} is neither UTF-8 like the rest nor cp1252 or cp1251 text; "
               "save the file as UTF-8 and try again")
        raise ArticleError(msg)
    return text, codec


# A legacy line's reading is refused when its oddities pass this share of its words: Russian cp1251 read as
# cp1252 makes nearly every word odd, a real cp1252 or cp1251 line almost none.
LINE_MAX_ODDITY = 0.3


def _oddity(text: str, *, latin: bool) -> int:
    """How unlike words a decoded line reads: how many of its words mix Latin and Cyrillic letters ("cafй":
    cp1252 read as cp1251), mix cases otherwise than "word", "Word" or "WORD" ("нЙОЙУФТ": KOI8-R read as
    cp1251) or, read as Latin, are mostly accented letters ("Ìèíèñòð": cp1251 read as cp1252)."""
    words = _WORD.findall(text)
    odd = sum(_odd_word(word, latin=latin) for word in words)
    if not latin:
        letters = "".join(_CYRILLIC.findall(text)).lower()
        common = len(letters) - len(letters.translate(_COMMON_CYRILLIC))
        if len(letters) >= CYRILLIC_MIN_LETTERS and common < CYRILLIC_MIN_COMMON_SHARE * len(letters):
            odd += len(words)  # no language of the Cyrillic script reads like this
    return odd


def _odd_word(word: str, *, latin: bool) -> bool:
    return ((_CYRILLIC.search(word) is not None and _NOT_CYRILLIC.search(word) is not None)
            or not (word.islower() or word.isupper() or word.istitle())
            or (latin and len(word) >= 4 and 2 * _non_ascii(word) > len(word)))


def _non_ascii(text: str) -> int:
    return len(text) - len(text.encode("ascii", errors="ignore"))


def _decode_legacy(data: bytes, label: str) -> tuple[str, str]:
    lines = data.splitlines(keepends=True)
    decoded: list[str] = []
    used: set[str] = set()
    for line in lines:
        try:
            decoded.append(line.decode("utf-8"))
            if not line.isascii():
                used.add("utf-8")
        except UnicodeDecodeError:
            try:
                decoded.append(line.decode("cp1252"))
                used.add("cp1252")
            except UnicodeDecodeError:
                return _decode_detected(data, label)
    text = strip_controls("".join(decoded), label)
    if "cp1252" in used and _mostly_non_ascii_letters(text):
        return _decode_detected(data, label)
    encoding = "utf-8 + cp1252 (mixed lines)" if used == {"utf-8", "cp1252"} else "cp1252"
    return text, encoding


def _mostly_non_ascii_letters(text: str) -> bool:
    """Whether most letters are accented Latin ones: Cyrillic or Greek bytes read as cp1252, not French or German."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(not c.isascii() for c in letters) > LEGACY_MAX_NON_ASCII_LETTERS * len(letters)


def _decode_detected(data: bytes, label: str) -> tuple[str, str]:
    """Last resort for bytes that are neither UTF-8 nor cp1252 (e.g. cp1251, Shift-JIS)."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        msg = f"{label}: cannot determine the text encoding; save the file as UTF-8 and try again"
        raise ArticleError(msg)
    if best.coherence < DETECTED_MIN_COHERENCE:
        msg = (f"{label}: cannot determine the text encoding with confidence (it might be {best.encoding}); "
               "save the file as UTF-8 and try again")
        raise ArticleError(msg)
    return strip_controls(str(best), label), best.encoding


def _is_binary(controls: int, length: int) -> bool:
    """Whether ``controls`` control characters make a text of ``length`` binary (see BINARY_CONTROL_SHARE)."""
    return controls > BINARY_MAJOR_SHARE * length or (
        controls > BINARY_MIN_CONTROLS and controls > BINARY_CONTROL_SHARE * length)


def strip_controls(text: str, label: str) -> str:
    """``text`` without its control characters, or refused as binary when they are too many (_is_binary).

    Tab, newlines, form feed and carriage return stay. The whole text is looked at: where in it the controls
    are does not matter.

    Raises:
        ArticleError: the text is binary.
    """
    controls = len(_CONTROL.findall(text))
    if not controls:
        return text
    if _is_binary(controls, len(text)):
        why = "it contains NUL bytes" if "\x00" in text else "too many control characters"
        msg = f"{label}: looks like a binary file ({why}), not an article"
        raise ArticleError(msg)
    return _CONTROL.sub("", text)


def extract_html_article(html: str, *, label: str = "input", url: str | None = None) -> str:
    """Extract the main article text (title first) from a web page with trafilatura."""
    import trafilatura  # heavy import: only paid when an HTML page is read

    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=False, with_metadata=True
    )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        msg = f"{label}: no article text found in this web page"
        raise ArticleError(msg)
    title = getattr(document, "title", None)
    # Trafilatura separates paragraphs with one newline; a blank line keeps them
    # apart for the segmenter, which reads blank lines as paragraph breaks.
    paragraphs = [line.strip() for line in body.splitlines() if line.strip()]
    if title and (not paragraphs or paragraphs[0] != title.strip()):
        paragraphs.insert(0, title.strip())
    return "\n\n".join(paragraphs) + "\n"
