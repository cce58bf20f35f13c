"""A thin layer over one sqlite3 connection: the reads and writes of every open.

sqlite-utils does the schema work (the migrations load it when a file needs one); everything the
program does on an open file — queries, writes in a transaction — needs only this much, and
opening a file then costs no import of sqlite-utils and what comes with it (click, dateutil,
pluggy). Statements behave as with ``sqlite_utils.Database.execute``: a write outside a
transaction is committed at once, and ``atomic()`` nests as savepoints.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")
_savepoints = itertools.count(1)


def first_keyword(sql: str) -> str:
    """The statement's first keyword, upper-cased (leading blanks, ``;`` and comments skipped)."""
    text = sql.lstrip(" \t\r\n;\ufeff")
    while text.startswith(("--", "/*")):
        if text.startswith("--"):
            end = text.find("\n")
            text = "" if end < 0 else text[end + 1 :]
        else:
            end = text.find("*/")
            text = "" if end < 0 else text[end + 2 :]
        text = text.lstrip(" \t\r\n;\ufeff")
    word = []
    for char in text:
        if not (char.isalnum() or char == "_"):
            break
        word.append(char)
    return "".join(word).upper()


class Database:
    """One sqlite3 connection with sqlite-utils' ``execute``/``atomic`` behaviour."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.execute("PRAGMA recursive_triggers=on")

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None) -> Any:
        """Run one statement; a write outside a transaction is committed at once."""
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is None:
                cursor = self.conn.execute(sql)
            else:
                cursor = self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and first_keyword(sql) not in _TRANSACTION_CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; nested blocks are savepoints. Any exception rolls the block back."""
        if self.conn.in_transaction:
            name = f"jixiao_{next(_savepoints)}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise

    def rollback(self) -> None:
        """Roll back the open transaction, if any."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_names(self) -> list[str]:
        """The names of the tables in the file."""
        rows = self.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
