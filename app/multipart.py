"""The multipart parse without two regular expressions compiled per request (issue 15).

Werkzeug's ``MultipartDecoder`` compiles two patterns that spell out the request's boundary
(``(?:\\r\\n|\\n|\\r)?--<boundary>(--…|…)``) when it is made. Every browser and client sends a
boundary of its own, so ``re``'s cache never helps: the pure-Python pattern parser and compiler
ran twice per form POST, ~2.8 M instructions, ~15% of an apply POST (callgrind).

``BoundarySearch`` answers the same ``search(buffer, pos)`` as those patterns with the
boundary as a plain byte string (``bytearray.find``) and the part that does not depend on it
(the line break before, the ``--`` or line break after) as patterns compiled once per process.
The match is the one the pattern finds: the leftmost start at or after ``pos``, with the same
alternatives in the same order (tests/test_multipart.py compares both on a set of bodies,
line breaks, preambles, epilogues and chunk sizes). ``Decoder`` is Werkzeug's decoder with
these two searches; ``FormDataParser``/``MultiPartParser`` hand it to Werkzeug's own parse
loop (copied: Werkzeug names its decoder class inside it), and ``Request`` (set after htmx's in
``create_app``) makes Flask use them.
A test pins the source of the Werkzeug functions these rely on, so an upgrade that changes
them fails until this module is checked against it.

The parse loop and ``_chunk_iter`` below follow Werkzeug 3.1 (Copyright 2007 Pallets,
BSD-3-Clause; its licence, kept with the copied lines, is licenses/werkzeug.txt).
"""

from __future__ import annotations

import re
import typing as t

from htmx_flask.requests import HtmxAwareRequest
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.formparser import FormDataParser as _WerkzeugFormDataParser
from werkzeug.formparser import MultiPartParser as _WerkzeugMultiPartParser
from werkzeug.sansio.multipart import Data, Epilogue, Field, File, MultipartDecoder, NeedData

#: What follows ``--<boundary>`` in Werkzeug's patterns: the epilogue's ``--`` (then spaces and
#: an optional line break) or spaces and a line break; group 1 as in Werkzeug's.
_TAIL = re.compile(rb"(--[^\S\n\r]*(?:\r\n|\n|\r)?|[^\S\n\r]*(?:\r\n|\n|\r))")
#: Any boundary made into Werkzeug's decoder (its patterns compiled once, then from ``re``'s
#: cache); the request's own boundary replaces it at once.
_PLACEHOLDER = b"haku-multipart-placeholder"


class _Match:
    __slots__ = ("_end", "_start", "_tail")

    def __init__(self, start: int, end: int, tail: bytes) -> None:
        self._start, self._end, self._tail = start, end, tail

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, index: int = 0) -> bytes:
        if index != 1:
            raise IndexError("only group 1 is kept")
        return self._tail


class BoundarySearch:
    """``search(buffer, pos)`` of Werkzeug's ``preamble_re`` (``break_optional``) or
    ``boundary_re`` for one boundary."""

    __slots__ = ("break_optional", "marker")

    def __init__(self, boundary: bytes, break_optional: bool) -> None:
        self.marker = b"--" + boundary
        self.break_optional = break_optional

    def search(self, buffer: bytes | bytearray, pos: int = 0) -> _Match | None:
        marker = self.marker
        at = buffer.find(marker, pos)
        while at != -1:
            # the leftmost start the pattern would take for this occurrence: a line break just
            # before it (\r\n first), or none where the break is optional; never before ``pos``
            if at - 2 >= pos and buffer[at - 2:at] == b"\r\n":
                start = at - 2
            elif at - 1 >= pos and buffer[at - 1] in (10, 13):
                start = at - 1
            elif self.break_optional:
                start = at
            else:
                start = -1
            if start != -1:
                tail = _TAIL.match(buffer, at + len(marker))
                if tail is not None:
                    return _Match(start, tail.end(), bytes(tail.group(1)))
            at = buffer.find(marker, at + 1)
        return None


class Decoder(MultipartDecoder):
    """Werkzeug's decoder, its two boundary patterns replaced by ``BoundarySearch``."""

    def __init__(self, boundary: bytes, max_form_memory_size: int | None = None, *,
                 max_parts: int | None = None) -> None:
        super().__init__(_PLACEHOLDER, max_form_memory_size, max_parts=max_parts)
        self.boundary = boundary
        self.preamble_re = BoundarySearch(boundary, break_optional=True)  # type: ignore[assignment]
        self.boundary_re = BoundarySearch(boundary, break_optional=False)  # type: ignore[assignment]


class MultiPartParser(_WerkzeugMultiPartParser):
    def parse(self, stream: t.IO[bytes], boundary: bytes, content_length: int | None):
        # Werkzeug 3.1's ``MultiPartParser.parse``, with ``Decoder`` for ``MultipartDecoder``.
        current_part: Field | File
        field_size: int | None = None
        container: t.IO[bytes] | list[bytes]
        _write: t.Callable[[bytes], t.Any]

        parser = Decoder(boundary, max_form_memory_size=self.max_form_memory_size, max_parts=self.max_form_parts)

        fields = []
        files = []

        for data in _chunk_iter(stream.read, self.buffer_size):
            parser.receive_data(data)
            event = parser.next_event()
            while not isinstance(event, (Epilogue, NeedData)):
                if isinstance(event, Field):
                    current_part = event
                    field_size = 0
                    container = []
                    _write = container.append
                elif isinstance(event, File):
                    current_part = event
                    field_size = None
                    container = self.start_file_streaming(event, content_length)
                    _write = container.write
                elif isinstance(event, Data):
                    if self.max_form_memory_size is not None and field_size is not None:
                        # Ensure that accumulated data events do not exceed limit.
                        # Also checked within single event in MultipartDecoder.
                        field_size += len(event.data)

                        if field_size > self.max_form_memory_size:
                            raise RequestEntityTooLarge()

                    _write(event.data)
                    if not event.more_data:
                        if isinstance(current_part, Field):
                            value = b"".join(container).decode(  # type: ignore[arg-type]
                                self.get_part_charset(current_part.headers), "replace")
                            fields.append((current_part.name, value))
                        else:
                            container = t.cast(t.IO[bytes], container)
                            container.seek(0)
                            files.append((current_part.name, FileStorage(
                                container, current_part.filename, current_part.name,
                                headers=current_part.headers)))

                event = parser.next_event()

        return self.cls(fields), self.cls(files)


def _chunk_iter(read: t.Callable[[int], bytes], size: int) -> t.Iterator[bytes | None]:
    # Werkzeug 3.1's ``formparser._chunk_iter``.
    while True:
        data = read(size)
        if not data:
            break
        yield data
    yield None


class FormDataParser(_WerkzeugFormDataParser):
    def parse(self, stream: t.IO[bytes], mimetype: str, content_length: int | None,
              options: dict[str, str] | None = None):
        if mimetype != "multipart/form-data":
            return super().parse(stream, mimetype, content_length, options)
        # Werkzeug's ``parse`` and ``_parse_multipart``, with ``MultiPartParser`` above
        try:
            parser = MultiPartParser(stream_factory=self.stream_factory, max_form_memory_size=self.max_form_memory_size,
                                     max_form_parts=self.max_form_parts, cls=self.cls)
            boundary = (options or {}).get("boundary", "").encode("ascii")
            if not boundary:
                raise ValueError("Missing boundary")
            form, files = parser.parse(stream, boundary, content_length)
            return stream, form, files
        except ValueError:
            if not self.silent:
                raise
        return stream, self.cls(), self.cls()


class Request(HtmxAwareRequest):
    """The app's request: htmx's (``request.htmx``, set by ``Htmx.init_app``) with this form parser."""

    form_data_parser_class = FormDataParser
