import sqlite3
from decimal import Decimal

import pytest

from desktop.model.errors import InputError, StorageError
from desktop.store import repo
from desktop.store.db import SCHEMA_VERSION, open_store


def test_new_database_has_schema_wal_and_foreign_keys(fresh_store, db_path):
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"unit", "project", "funds", "section", "indicator", "revision"} <= tables
    assert fresh_store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_project_round_trip_with_money_in_fen(fresh_store, db_path, sample_project):
    pid = repo.insert_project(fresh_store, sample_project)
    raw = (
        sqlite3.connect(db_path)
        .execute(
            "SELECT full_year, executed FROM funds WHERE project_id=? AND source='total'", [pid]
        )
        .fetchone()
    )
    assert raw == (8000000, 8000000)  # INTEGER 分
    loaded = repo.load_project(fresh_store, pid)
    sample_project.id = pid
    assert loaded.funds == sample_project.funds
    assert loaded.indicators == sample_project.indicators
    assert loaded.sections == sample_project.sections
    assert loaded.signed_date == sample_project.signed_date
    assert loaded.unit.name == "攀枝花市西区信访局"


def test_duplicate_is_refused_unless_replace(fresh_store, sample_project):
    first = repo.insert_project(fresh_store, sample_project)
    with pytest.raises(InputError, match="已有项目"):
        repo.insert_project(fresh_store, sample_project)
    second = repo.insert_project(fresh_store, sample_project, replace=True)
    assert second != first
    assert [r.id for r in repo.list_projects(fresh_store)] == [second]
    assert [r.id for r in repo.list_projects(fresh_store, deleted=True)] == [first]


def test_failed_import_leaves_nothing(fresh_store, sample_project):
    import copy

    other = copy.deepcopy(sample_project)
    other.name = "接访费用"
    with pytest.raises(InputError), fresh_store.transaction():
        repo.insert_project(fresh_store, other)
        repo.insert_project(fresh_store, copy.deepcopy(sample_project))
        repo.insert_project(fresh_store, copy.deepcopy(sample_project))  # duplicate → rollback all
    assert repo.list_projects(fresh_store) == []


def test_save_section_and_project(fresh_store, sample_project):
    pid = repo.insert_project(fresh_store, sample_project)
    repo.save_section(fresh_store, pid, "method", "采用比较法")
    p = repo.load_project(fresh_store, pid)
    assert p.section("method") == "采用比较法"
    p.indicators.reverse()
    p.funds.row("total").executed = Decimal("60000.00")
    repo.save_project(fresh_store, p)
    again = repo.load_project(fresh_store, pid)
    assert again.indicators[0].level3 == "群众满意度"
    assert again.funds.rows["total"].executed == Decimal("60000.00")


def test_soft_delete_and_restore(fresh_store, sample_project):
    pid = repo.insert_project(fresh_store, sample_project)
    repo.set_deleted(fresh_store, pid, True)
    assert repo.list_projects(fresh_store) == []
    repo.set_deleted(fresh_store, pid, False)
    assert [r.id for r in repo.list_projects(fresh_store)] == [pid]


def test_not_sqlite_file_is_refused_and_untouched(tmp_path):
    bad = tmp_path / "report.db"
    bad.write_bytes(b"this is not a database at all" * 10)
    before = bad.read_bytes()
    with pytest.raises(StorageError, match="不是 SQLite 数据库") as caught:
        open_store(bad)
    assert caught.value.kind == "corrupt"
    assert bad.read_bytes() == before


def test_foreign_sqlite_database_is_refused_and_untouched(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StorageError, match="其他程序"):
        open_store(other)
    assert other.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="更新版本"):
        open_store(path)


def test_missing_directory_is_a_clear_error(tmp_path):
    with pytest.raises(StorageError, match="文件夹不存在"):
        open_store(tmp_path / "nope" / "x.db")


def test_read_only_store_refuses_writes(db_path, sample_project):
    open_store(db_path).close()
    store = open_store(db_path, read_only=True)
    with pytest.raises(StorageError, match="只读") as caught:
        repo.insert_project(store, sample_project)
    assert caught.value.kind == "read_only"


def test_backup_is_a_consistent_copy(fresh_store, sample_project, tmp_path):
    from desktop.store.backup import backup_to

    repo.insert_project(fresh_store, sample_project)
    out = tmp_path / "copy.db"
    backup_to(fresh_store, out)
    copy = open_store(out)
    assert [r.name for r in repo.list_projects(copy)] == ["保安费用"]
