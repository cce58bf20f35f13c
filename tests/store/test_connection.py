"""The thin sqlite3 layer: writes reach the file, a failed action leaves nothing behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.store.connection import Database, first_keyword
from desktop.store.db import SCHEMA_VERSION, open_store

REPO = Path(__file__).resolve().parents[2]


def _other_reader(path: Path, sql: str) -> list[tuple]:
    """What a second connection (another process, in effect) sees in the file."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture
def plain(tmp_path: Path):
    path = tmp_path / "plain.db"
    db = Database(sqlite3.connect(str(path)))
    db.execute("CREATE TABLE t (x INTEGER)")
    yield db, path
    db.close()


def test_a_write_outside_a_transaction_is_committed_at_once(plain):
    db, path = plain
    db.execute("INSERT INTO t VALUES (?)", [1])
    assert not db.conn.in_transaction
    assert _other_reader(path, "SELECT x FROM t") == [(1,)]


def test_a_failed_action_leaves_the_file_as_it_was(plain):
    db, path = plain
    db.execute("INSERT INTO t VALUES (1)")
    with pytest.raises(RuntimeError), db.atomic():
        db.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("the action failed halfway")
    assert _other_reader(path, "SELECT x FROM t") == [(1,)]
    assert not db.conn.in_transaction


def test_a_failed_inner_block_keeps_the_outer_writes(plain):
    db, path = plain
    with db.atomic():
        db.execute("INSERT INTO t VALUES (1)")
        with pytest.raises(ValueError), db.atomic():
            db.execute("INSERT INTO t VALUES (2)")
            raise ValueError("inner step refused")
        db.execute("INSERT INTO t VALUES (3)")
    assert _other_reader(path, "SELECT x FROM t ORDER BY x") == [(1,), (3,)]


def test_a_bad_statement_outside_a_transaction_leaves_none_open(plain):
    db, _ = plain
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("CREATE TABLE u (x INTEGER NOT NULL)")
        db.execute("INSERT INTO u VALUES (NULL)")
    assert not db.conn.in_transaction
    db.execute("INSERT INTO t VALUES (5)")  # and the next write is not swallowed by one
    assert not db.conn.in_transaction


def test_first_keyword_skips_blanks_and_comments():
    assert first_keyword("  -- note\n/* x */ ;begin immediate") == "BEGIN"
    assert first_keyword("insert into t values (1)") == "INSERT"
    assert first_keyword("") == ""


def test_store_transactions_through_the_thin_layer(db_path: Path):
    store = open_store(db_path)
    with store.transaction() as db:
        db.execute("INSERT INTO unit (name, created_at) VALUES ('某区信访局', '2024-01-01')")
    store.close()
    assert _other_reader(db_path, "SELECT name FROM unit") == [("某区信访局",)]
    assert _other_reader(db_path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_opening_a_current_file_does_not_load_sqlite_utils(db_path: Path):
    """Schema work needs sqlite-utils; opening a file that needs none must not load it."""
    open_store(db_path).close()
    code = (
        "import sys; from desktop.store.db import open_store; "
        f"s = open_store({str(db_path)!r}); "
        "from desktop.store import repo; repo.list_projects(s); s.close(); "
        "print('sqlite_utils' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_a_background_check_finds_what_quick_check_on_open_finds(tmp_path: Path):
    from desktop.model.errors import StorageError
    from desktop.store.db import BackgroundCheck, mark_damaged
    from tests import hostile_files as H

    good = H.seeded_database(tmp_path / "good.db")
    assert BackgroundCheck(good).intact()
    bad = H.seeded_database(tmp_path / "bad.db")
    H.corrupt_one_page(bad)
    assert open_store(bad).damaged  # the check on open
    store = open_store(bad, quick_check=False)  # the window's open: it checks in the background
    assert not BackgroundCheck(bad).intact()
    before = bad.read_bytes()
    mark_damaged(store)
    assert store.read_only and store.damaged
    with pytest.raises(StorageError) as err, store.transaction() as db:
        db.execute("DELETE FROM project")
    assert err.value.kind == "corrupt"
    store.close()
    assert bad.read_bytes() == before
