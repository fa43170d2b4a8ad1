"""Files an IMPORT_CODES job reads: text files under the server's import directory
(REWARDS_JOBS_IMPORT_DIR), one value per line, read in chunks from a byte offset (constant
memory whatever the size).

A path is relative to the directory and must stay inside it once resolved (no absolute path, no
`..`, no symbolic link out of it): the server reads only what the operator put there.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.domain import limits
from core.domain.errors import DomainError, ErrorReason, field_invalid, field_required, field_too_long


@dataclass(frozen=True, slots=True)
class FileInfo:
    path: str
    size: int
    rows: int


@dataclass(frozen=True, slots=True)
class Chunk:
    rows: list[str]
    offset: int
    """The byte offset after the chunk's last line (where the next chunk starts)."""


class ImportFiles:
    def __init__(self, directory: str | os.PathLike | None) -> None:
        self._directory = Path(directory).resolve() if directory else None

    def resolve(self, path: str, field: str = "file_path") -> Path:
        """The file `path` names; JOB_IMPORTS_DISABLED, FIELD_* or JOB_FILE_NOT_FOUND."""
        if self._directory is None:
            raise DomainError(ErrorReason.JOB_IMPORTS_DISABLED)
        if not path:
            raise field_required(field)
        if len(path) > limits.JOB_FILE_PATH_LENGTH_MAX:
            raise field_too_long(field, limits.JOB_FILE_PATH_LENGTH_MAX)
        if "\x00" in path or os.path.isabs(path) or ".." in Path(path).parts:
            raise field_invalid(field, "a path relative to the import directory, without '..'")
        resolved = (self._directory / path).resolve()
        if self._directory not in resolved.parents:
            raise field_invalid(field, "a path relative to the import directory, without '..'")
        if not resolved.is_file():
            raise DomainError(ErrorReason.JOB_FILE_NOT_FOUND, metadata={"file_path": path})
        return resolved

    def inspect(self, path: str) -> FileInfo:
        """Its size and its non-blank lines, counted in one streaming pass."""
        resolved = self.resolve(path)
        rows = 0
        with resolved.open("rb") as file:
            for line in file:
                if line.strip():
                    rows += 1
        return FileInfo(path, resolved.stat().st_size, rows)

    def size(self, path: str) -> int:
        return self.resolve(path).stat().st_size

    def read(self, path: str, offset: int, rows_max: int) -> Chunk:
        """Up to `rows_max` non-blank lines from byte `offset` (stripped; undecodable bytes
        replaced, so that the row is reported as malformed rather than failing the job)."""
        rows: list[str] = []
        with self.resolve(path).open("rb") as file:
            file.seek(offset)
            while len(rows) < rows_max:
                line = file.readline()
                if not line:
                    break
                offset += len(line)
                text = line.decode("utf-8", errors="replace").strip()
                if text:
                    rows.append(text)
        return Chunk(rows, offset)
