"""Segment files read straight from the memory map, as Whoosh means to, without copying them.

Whoosh maps each segment's compound file into memory, then wraps every file it opens from
it (the term dictionary, the postings, ...) in a `BufferFile`, whose constructor copies the
whole file into a `BytesIO`. At 5,000 documents that made opening a searcher take 100 ms
and copy most of the index into memory: once per thread after every commit, since each
server thread opens its own searcher when the index has changed. `MappedFile` reads the
same bytes from the mapping itself; only what is read is copied.

`install()` puts it in the place of `BufferFile` where Whoosh opens compound-file members;
nothing else in the process uses Whoosh (`search` is the only module that imports it).
"""

from __future__ import annotations

from typing import Any

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile


class _View:
    """The file interface Whoosh's `StructFile` needs (read, seek, tell), over a memoryview."""

    __slots__ = ("_view", "_position")

    def __init__(self, view: memoryview) -> None:
        self._view = view
        self._position = 0

    def read(self, size: int | None = -1) -> bytes:
        start = self._position
        end = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        self._position = end
        return self._view[start:end].tobytes()

    def peek(self, size: int = 1) -> bytes:
        """What `read` would return next, without moving on: pickle reads ahead with it."""
        return self._view[self._position:self._position + max(size, 1)].tobytes()

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        start = self._position
        limit = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        end = start
        while end < limit:
            end += 1
            if self._view[end - 1] == 0x0A:
                break
        self._position = end
        return self._view[start:end].tobytes()

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._position, 2: len(self._view)}[whence]
        self._position = max(0, base + offset)
        return self._position

    def tell(self) -> int:
        return self._position

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


class MappedFile(BufferFile):
    """A `BufferFile` that reads from the mapped memory it was given instead of a copy of it."""

    def __init__(self, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.file = _View(memoryview(buf))
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    def subset(self, position: int, length: int, name: str | None = None) -> MappedFile:
        return MappedFile(memoryview(self._buf)[position:position + length], name=name or self._name)


def install() -> None:
    """Open compound-file members as `MappedFile`s from now on (idempotent)."""
    compound.BufferFile = MappedFile  # type: ignore[misc]
