"""The three kinds of failure, as types.

- ``InputError``: bad input (a malformed file, a missing project, a refused action); the Chinese
  message names what is wrong and where. The user can fix it.
- ``StorageError``: the database file cannot be read or written (locked, read-only, corrupt,
  disk full, …); ``kind`` says which. The user (or the machine) can fix it.
- Anything else is a program bug: it is never caught as one of these, but logged with its
  traceback (``desktop.errorlog.log_program_error``) and shown as a short Chinese line.

``UserError`` is the common base of the first two: catch it where the answer to both is the same
(show the message, keep the data).
"""

from __future__ import annotations

from typing import Literal

StorageKind = Literal[
    "locked", "lock_lost", "read_only", "corrupt", "disk_full", "missing", "other"
]


class UserError(Exception):
    """An expected failure whose message (Chinese) is meant for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(UserError):
    """Bad input: the message (Chinese) names what is wrong and where."""


class StorageError(UserError):
    """The database file cannot be opened or written; ``kind`` says why."""

    def __init__(self, message: str, kind: StorageKind = "other") -> None:
        super().__init__(message)
        self.kind: StorageKind = kind


class LockLostError(StorageError):
    """This process held the single-writer lock and no longer does: another window or program
    took the database over (this one stalled past the stale time). Nothing may be written."""

    def __init__(self, message: str) -> None:
        super().__init__(message, "lock_lost")
