"""ELMO transcripts: decode the form field (base64 + gzip with a hard cap)."""

from __future__ import annotations

import base64
import binascii
import re
import zlib

from app.emrex.elmo.common import (
    _CHUNK,
    MAX_ELMO_BYTES,
    ElmoDecodeError,
)

# ---------------------------------------------------------------- decode

_B64_RE = re.compile(rb"^[A-Za-z0-9+/]*={0,2}$")


def decode_elmo_field(value: str | bytes, *, max_output: int = MAX_ELMO_BYTES) -> bytes:
    """base64 (standard alphabet; whitespace and missing padding tolerated) → gzip, inflated
    in chunks and stopped as soon as the output passes ``max_output``."""
    raw = value.encode("ascii", errors="replace") if isinstance(value, str) else bytes(value)
    raw = b"".join(raw.split())
    if not raw:
        raise ElmoDecodeError("No transcript was sent.", "empty")
    if not _B64_RE.match(raw):
        raise ElmoDecodeError("The transcript is not valid base64.", "bad_base64")
    raw += b"=" * (-len(raw) % 4)
    try:
        compressed = base64.b64decode(raw, validate=True)
    except binascii.Error as exc:
        raise ElmoDecodeError("The transcript is not valid base64.", "bad_base64") from exc
    if compressed[:2] != b"\x1f\x8b":
        raise ElmoDecodeError("The transcript is not gzip-compressed.", "not_gzip")
    return gunzip_capped(compressed, max_output)


def gunzip_capped(compressed: bytes, max_output: int) -> bytes:
    """Inflate in 64 KB steps of input and of output, failing as soon as the output passes
    ``max_output`` (a bomb never inflates further than the cap plus one step)."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    view = memoryview(compressed)
    rest = b""
    try:
        for start in range(0, len(view), _CHUNK):
            data = view[start:start + _CHUNK]
            while data:
                out += inflater.decompress(data, _CHUNK)
                if len(out) > max_output:
                    raise ElmoDecodeError("The transcript is too large.", "too_large")
                if inflater.eof:
                    break
                data = inflater.unconsumed_tail
            if inflater.eof:
                rest = view[start + _CHUNK:].tobytes()
                break
        while not inflater.eof:  # output still held inside the inflater
            chunk = inflater.decompress(b"", _CHUNK)
            if not chunk:
                break
            out += chunk
            if len(out) > max_output:
                raise ElmoDecodeError("The transcript is too large.", "too_large")
    except zlib.error as exc:
        raise ElmoDecodeError("The transcript's compression is damaged.", "gzip_damaged") from exc
    if not inflater.eof:
        raise ElmoDecodeError("The transcript is incomplete (truncated).", "gzip_truncated")
    if (inflater.unused_data + rest).strip(b"\x00"):
        raise ElmoDecodeError("The transcript has unexpected data after its end.", "trailing_garbage")
    return bytes(out)
