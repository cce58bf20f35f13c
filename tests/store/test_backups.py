"""Backups: named after the whole file name, every kind rotated, never without room on disk."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.model.errors import StorageError
from desktop.store import backup, backup_names, db, repo
from desktop.store.db import open_store
from tests import hostile_files as H


def test_two_databases_in_one_folder_keep_their_own_daily_copies(tmp_path, sample_project):
    first = open_store(tmp_path / "jixiao.db")
    second = open_store(tmp_path / "jixiao.sqlite")
    repo.insert_project(first, sample_project)
    day = dt.date(2024, 3, 1)
    a = backup.auto_backup(first, today=day)
    b = backup.auto_backup(second, today=day)
    assert a is not None and b is not None and a != b
    assert (a.name, b.name) == ("jixiao.db-daily-20240301.db", "jixiao.sqlite-daily-20240301.db")
    assert [r.name for r in repo.list_projects(open_store(a))] == ["保安费用"]
    assert repo.list_projects(open_store(b)) == []


def _fake_copies(folder: Path, database: Path, kind: str, count: int) -> list[Path]:
    made = []
    for i in range(count):
        when = dt.datetime(2024, 3, 1, 9, 0) + dt.timedelta(hours=i)
        path = folder / backup_names.event_name(database, kind, when)
        path.write_bytes(b"x")
        made.append(path)
    return made


def test_every_kind_of_copy_is_rotated_and_damaged_files_are_kept(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    database, other = tmp_path / "jixiao.db", tmp_path / "jixiao.sqlite"
    migration = _fake_copies(folder, database, "before-migration", 8)
    restore = _fake_copies(folder, database, "before-restore", 8)
    damaged = _fake_copies(folder, database, "damaged", 8)
    others = _fake_copies(folder, other, "before-restore", 8)
    removed = backup_names.rotate(folder, database)
    assert sorted(removed) == sorted(migration[:3] + restore[:3])
    assert all(p.exists() for p in migration[3:] + restore[3:] + damaged + others)


def test_a_migration_backup_is_named_after_the_file_and_rotated(tmp_path, monkeypatch):
    """A file of schema version 1 upgraded by the real migrations of this program."""
    path = tmp_path / "单位.sqlite"
    with monkeypatch.context() as m:
        m.setattr(db, "MIGRATIONS", db.MIGRATIONS[:1])
        m.setattr(db, "SCHEMA_VERSION", 1)
        open_store(path).close()
    folder = tmp_path / "backups"
    folder.mkdir()
    old = _fake_copies(folder, path, "before-migration", 6)
    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == db.SCHEMA_VERSION > 1
    store.close()
    made = list(folder.glob("单位.sqlite-before-migration-v1-*.db"))
    assert len(made) == 1
    kept = sorted(folder.glob("单位.sqlite-before-migration-*.db"))
    assert len(kept) == 5 and made[0] in kept  # the new copy plus the newest four of the six
    assert [p for p in old if p.exists()] == old[2:]


@contextlib.contextmanager
def small_disk(tmp_path: Path, size: str = "2m") -> Iterator[Path]:
    """A real, small filesystem (tmpfs) mounted under tmp_path; skipped where mounting is denied."""
    mount = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here: " + done.stderr.decode(errors="replace"))
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_no_backup_is_started_without_room_for_it(tmp_path, sample_project):
    with small_disk(tmp_path) as disk:
        path = disk / "jixiao.db"
        store = open_store(path)
        repo.insert_project(store, sample_project)
        with pytest.raises(StorageError, match="磁盘空间不足，未写入") as caught:
            backup.auto_backup(store, today=dt.date(2024, 3, 1))
        assert caught.value.kind == "disk_full"
        # The need stated is more than what is left (never "需要 0.1 MB，只剩 1.9 MB").
        need, left = (
            float(x)
            for x in re.findall(r"需要约 ([\d.]+) MB.*只剩 ([\d.]+) MB", str(caught.value))[0]
        )
        assert need > left
        assert list((disk / "backups").iterdir()) == []  # nothing half-written
        with pytest.raises(StorageError, match="磁盘空间不足"):
            backup.backup_to(store, disk / "手动备份.db")
        assert not (disk / "手动备份.db").exists()
        assert [r.name for r in repo.list_projects(store)] == ["保安费用"]
        store.close()


def test_restoring_over_a_damaged_file_keeps_the_damaged_file_aside(tmp_path):
    path = H.seeded_database(tmp_path / "jixiao.db")
    good = tmp_path / "good.db"
    shutil.copyfile(path, good)
    H.corrupt_one_page(path)
    store = open_store(path)
    assert store.damaged
    aside = backup.backup_before_restore(store)
    assert aside.name.startswith("jixiao.db-damaged-") and aside.read_bytes() == path.read_bytes()
    store.close()
    backup.restore_from(good, path)
    restored = open_store(path)
    assert not restored.damaged and not restored.read_only
    assert [r.name for r in repo.list_projects(restored)] == ["项目0", "项目1", "项目2"]


def test_a_damaged_backup_is_never_restored(tmp_path):
    bad = H.seeded_database(tmp_path / "bad.db")
    H.corrupt_one_page(bad)
    target = H.seeded_database(tmp_path / "jixiao.db", projects=1)
    before = target.read_bytes()
    from desktop.model.errors import InputError

    with pytest.raises(InputError, match="本身已损坏"):
        backup.restore_from(bad, target)
    assert target.read_bytes() == before
