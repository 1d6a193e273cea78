"""Turning one input's bytes into text: byte-order marks, UTF-8, then legacy encodings.

News files saved on Windows are often cp1252 ("smart quotes", accented letters); when
the bytes are not UTF-8, charset-normalizer guesses the encoding, and cp1252 wins any
tie because short Western texts decode identically under several code pages. Text that
is mostly UTF-8 with a few stray cp1252 bytes (pasted quotes) is read as UTF-8, each
stray byte as its cp1252 character.
"""

from __future__ import annotations

import codecs

from newsweave.errors import InputError

BINARY = "binary file, not text"
UNKNOWN_ENCODING = "not UTF-8, and no text encoding fits its bytes"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SIGNATURES = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"7z\xbc\xaf",
    b"\x7fELF",
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
_MAX_CONTROL_RATIO = 0.02
_SAMPLE_CHARS = 65536
_TIE_CHAOS = 0.01
_CP1252_FALLBACK = "newsweave-cp1252-fallback"


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)


def _control_ratio_too_high(data: bytes) -> bool:
    """True when C0 control bytes are too frequent for the bytes to be text."""
    sample = data[:_SAMPLE_CHARS]
    controls = sum(
        1 for byte in sample if (byte < 0x20 or byte == 0x7F) and byte not in b"\t\n\r\f\v"
    )
    return bool(sample) and controls / len(sample) > _MAX_CONTROL_RATIO


def _mostly_utf8(data: bytes) -> bool:
    """True when valid UTF-8 multi-byte characters outnumber the invalid bytes."""
    valid = sum(1 for char in data.decode("utf-8", errors="ignore") if char > "\x7f")
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.decode(
        "utf-8", errors="ignore"
    ).count("\ufffd")
    return valid > 0 and valid >= invalid


def _looks_binary(text: str) -> bool:
    """True when control characters are too frequent for the text to be prose."""
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return False
    controls = sum(
        1
        for char in sample
        if (char < " " or "\x7f" <= char <= "\x9f") and char not in _ALLOWED_CONTROLS
    )
    return controls / len(sample) > _MAX_CONTROL_RATIO


def _decode_legacy(data: bytes) -> str:
    from charset_normalizer import from_bytes

    try:
        cp1252: str | None = data.decode("cp1252")
    except UnicodeDecodeError:
        cp1252 = None
    matches = list(from_bytes(data))
    if not matches:
        if cp1252 is None:
            raise InputError(UNKNOWN_ENCODING)
        return cp1252
    best = matches[0]
    tied = [match for match in matches if match.chaos <= best.chaos + _TIE_CHAOS]
    if cp1252 is not None and any(
        match.encoding == "cp1252" or str(match) == cp1252 for match in tied
    ):
        return cp1252
    return str(best)


def decode_text(data: bytes) -> str:
    """The text of `data`; raises InputError when it is binary or in no detectable encoding."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(f"{BINARY} (bad {encoding} after its byte-order mark)") from error
            return text.lstrip("\ufeff")
    if b"\x00" in data or data.startswith(_BINARY_SIGNATURES) or _control_ratio_too_high(data):
        raise InputError(BINARY)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(data):
            text = data.decode("utf-8", errors=_CP1252_FALLBACK)
        else:
            text = _decode_legacy(data)
    if _looks_binary(text):
        raise InputError(BINARY)
    return text


def decode_lines(data: bytes) -> str:
    """`decode_text`, with every line ending ("\r\n", a bare "\r") made "\n"."""
    return decode_text(data).replace("\r\n", "\n").replace("\r", "\n")
