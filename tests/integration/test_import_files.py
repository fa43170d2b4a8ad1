"""The files IMPORT_CODES and BULK_ISSUE_COUPONS jobs read (core/adapters/import_files.py): only
inside the import directory, rows counted and read in chunks from a byte offset."""

from __future__ import annotations

import pytest

from core.adapters.import_files import ImportFiles
from core.domain.errors import DomainError


def reason(call) -> str:
    with pytest.raises(DomainError) as refused:
        call()
    return refused.value.reason.name


def test_paths_stay_inside_the_import_directory(tmp_path):
    inside, outside = tmp_path / "imports", tmp_path / "elsewhere"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("S\n")
    (inside / "sub").mkdir()
    (inside / "sub" / "ok.txt").write_text("A\n")
    (inside / "link.txt").symlink_to(outside / "secret.txt")
    files = ImportFiles(inside)

    assert files.resolve("sub/ok.txt") == (inside / "sub" / "ok.txt").resolve()
    assert reason(lambda: files.resolve("../elsewhere/secret.txt")) == "FIELD_INVALID"
    assert reason(lambda: files.resolve(str(outside / "secret.txt"))) == "FIELD_INVALID"
    assert reason(lambda: files.resolve("link.txt")) == "FIELD_INVALID"
    assert reason(lambda: files.resolve("sub")) == "JOB_FILE_NOT_FOUND"
    assert reason(lambda: files.resolve("absent.txt")) == "JOB_FILE_NOT_FOUND"
    assert reason(lambda: files.resolve("")) == "FIELD_REQUIRED"
    assert reason(lambda: ImportFiles(None).resolve("sub/ok.txt")) == "JOB_IMPORTS_DISABLED"


def test_rows_are_counted_and_read_in_chunks_from_an_offset_skipping_blank_lines(tmp_path):
    content = b"A1\n\n  B2  \r\nC3\n\xff\xfe\nD4"
    (tmp_path / "codes.txt").write_bytes(content)
    files = ImportFiles(tmp_path)

    info = files.inspect("codes.txt")
    first = files.read("codes.txt", 0, 2)
    second = files.read("codes.txt", first.offset, 2)
    last = files.read("codes.txt", second.offset, 2)

    assert info.rows == 5 and info.size == len(content)
    assert first.rows == ["A1", "B2"] and second.rows == ["C3", "\ufffd\ufffd"] and last.rows == ["D4"]
    assert last.offset == info.size and files.read("codes.txt", last.offset, 2).rows == []
