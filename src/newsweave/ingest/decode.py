"""From bytes on disk to text, or a clear reason why not.

Order of attempts: a byte-order mark (UTF-8/16/32), UTF-16 by its zero bytes, strict UTF-8,
then charset-normalizer's best guess, where a tie with cp1252 is settled for cp1252. Binary
data is refused before any of that.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

from newsweave.errors import IngestError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Largest input file read by default; a news article is rarely over 100 KB."""

_SNIFF_BYTES = 8192
_MAX_CONTROL_RATIO = 0.05
"""Share of control bytes in the first 8 KiB above which a file is taken for binary."""
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF16_ZERO_SHARE = 0.9
"""Share of the bytes of one parity that are zero in UTF-16 text without a byte-order mark."""
_CHAOS_TIE = 0.01
"""Guesses this close in charset-normalizer's "chaos" are a tie, settled for cp1252: the usual
encoding of Western pages that are not UTF-8 (short texts fit many code pages equally well)."""
_MAGIC = {
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx file)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
}


def read_limited(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing files over ``max_bytes`` without reading them whole."""
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(
                origin,
                f"file is {_size(size)}, over the limit of {_size(max_bytes)} "
                "(raise it with --max-bytes)",
            )
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(origin, f"cannot read file ({exc.strerror or exc})") from exc


def _size(size: int) -> str:
    """A file size as a reader takes it in: MiB from one MiB up, else bytes ("0.0 MiB" said
    nothing of a 3 KB file over a 1 KB limit)."""
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size:,} bytes"


def decode_text(data: bytes, origin: str) -> str:
    """Text from bytes, in whatever encoding they are in; raises :class:`IngestError`."""
    if not data.strip():
        raise IngestError(origin, "file is empty")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, origin)
    unmarked = _utf16_without_bom(data)
    if unmarked:
        return _strict(data, unmarked, origin)
    _refuse_binary(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = charset_normalizer.from_bytes(data)
    best = candidates.best()
    if best is None:
        raise IngestError(origin, "not text in any known encoding (tried UTF-8 and others)")
    for candidate in candidates:
        if candidate.encoding == "cp1252" and candidate.chaos <= best.chaos + _CHAOS_TIE:
            return str(candidate)
    return str(best)


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text saved as UTF-16 without a byte-order mark, else
    None. Latin-script text so saved has a zero byte in nearly every other position and almost
    none in the others; taken for binary, it was refused as "binary file"."""
    head = data[:_SNIFF_BYTES]
    if len(head) < 2 or len(data) % 2:
        return None
    odd_zeros, even_zeros = head[1::2].count(0), head[0::2].count(0)
    pairs = len(head) // 2
    if odd_zeros >= _UTF16_ZERO_SHARE * pairs and even_zeros <= (1 - _UTF16_ZERO_SHARE) * pairs:
        return "utf-16-le"
    if even_zeros >= _UTF16_ZERO_SHARE * pairs and odd_zeros <= (1 - _UTF16_ZERO_SHARE) * pairs:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str, origin: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IngestError(origin, f"starts with a {encoding} mark but is not {encoding}") from exc


def _refuse_binary(data: bytes, origin: str) -> None:
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(origin, f"binary file ({kind}), not text, HTML or JSONL")
    head = data[:_SNIFF_BYTES]
    control = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f")
    if b"\x00" in head or control > _MAX_CONTROL_RATIO * len(head):
        raise IngestError(origin, "binary file, not text, HTML or JSONL")
