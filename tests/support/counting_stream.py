"""A request body as the WSGI server hands it over (``wsgi.input``), counting every byte the
app reads of it, whichever read method Werkzeug uses."""

from __future__ import annotations

import io


class CountingStream(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.consumed = 0

    def read(self, size=-1):
        chunk = super().read(size)
        self.consumed += len(chunk)
        return chunk

    def read1(self, size=-1):
        chunk = super().read1(size)
        self.consumed += len(chunk)
        return chunk

    def readline(self, size=-1):
        chunk = super().readline(size)
        self.consumed += len(chunk)
        return chunk

    def readinto(self, buffer):
        n = super().readinto(buffer)
        self.consumed += n or 0
        return n

    def readinto1(self, buffer):
        n = super().readinto1(buffer)
        self.consumed += n or 0
        return n
