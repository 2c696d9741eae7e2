"""Segment files read from the memory map answer exactly as Whoosh's own copying BufferFile does."""

from __future__ import annotations

from io import BytesIO

from whoosh.filedb import compound
from whoosh.filedb.structfile import BufferFile, StructFile

from evidence_vault.search import index as _index  # noqa: F401 - installs MappedFile
from evidence_vault.search import mapped


def written() -> bytes:
    """A file as Whoosh writes one: numbers, varints, a pickle, a line of text, raw bytes."""
    buffer = BytesIO()
    out = StructFile(buffer)
    out.write_int(-7)
    out.write_varint(300)
    out.write_pickle({"block": (12, 3.5, None)})
    out.write(b"a line\nnext")
    out.write_long(2 ** 40)
    return buffer.getvalue()


def read_back(file: StructFile) -> list:
    found = [file.read_int(), file.read_varint(), file.read_pickle(), file.readline(), file.read(4),
             file.read_long(), file.read(10), file.tell()]
    file.seek(0)
    found.append(file.read_int())
    file.seek(-8, 2)
    found += [file.read_long(), file.get(4, 2), file.get_int(0)]
    return found


def test_mapped_files_read_as_whoosh_reads() -> None:
    assert compound.BufferFile is mapped.MappedFile  # installed by the search index for every compound file
    data = written()
    assert read_back(mapped.MappedFile(memoryview(data))) == read_back(BufferFile(memoryview(data)))
    part = mapped.MappedFile(memoryview(data)).subset(4, 2)
    assert part.read() == BufferFile(memoryview(data)).subset(4, 2).read() == data[4:6]


def test_peek_does_not_move_on() -> None:
    view = mapped.MappedFile(memoryview(b"abcdef")).file
    assert view.peek(3) == b"abc" and view.read(2) == b"ab" and view.peek() == b"c" and view.read() == b"cdef"
    assert view.read(5) == b"" and view.peek() == b""
