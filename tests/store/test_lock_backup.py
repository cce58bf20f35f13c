import datetime as dt
import subprocess
import sys

import pytest

from desktop.model.errors import StorageError
from desktop.store import lock, repo
from desktop.store.backup import auto_backup, restore_from, rotate
from desktop.store.db import open_store


def test_second_opener_sees_the_holder(db_path):
    first = open_store(db_path)
    assert lock.acquire(first) is None
    # A different process (another pid) holding the lock: simulate by rewriting the pid
    # to a live process that is not us — our parent test runner's parent shell.
    import os

    other_pid = os.getppid()
    first.db.execute("UPDATE app_lock SET pid = ? WHERE id = 1", [other_pid])
    second = open_store(db_path)
    held = lock.acquire(second)
    assert held is not None and held.pid == other_pid
    assert "进程" in held.describe()


def test_stale_lock_of_dead_process_is_taken_over(db_path):
    store = open_store(db_path)
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    store.db.execute(
        "INSERT INTO app_lock (id, host, user, pid, started, heartbeat) VALUES (1, ?, 'x', ?, ?, ?)",
        [
            __import__("socket").gethostname(),
            proc.pid,
            "2024-01-01T00:00:00",
            dt.datetime.now().isoformat(),
        ],
    )
    assert lock.acquire(store) is None
    assert lock.holder(store) is None


def test_old_heartbeat_from_other_host_is_stale():
    info = lock.LockInfo("other-pc", "u", 1, "2024-01-01T00:00:00", "2024-01-01T00:00:00")
    assert lock.is_stale(info, now=dt.datetime(2024, 1, 1, 0, 3))
    assert not lock.is_stale(info, now=dt.datetime(2024, 1, 1, 0, 1))


def test_cli_write_refused_while_gui_holds_lock(db_path, sample_project):
    holder_store = open_store(db_path)  # the window's store: holds the lock
    assert lock.acquire(holder_store) is None
    cli_store = open_store(db_path)  # a CLI write: another connection, no token
    with pytest.raises(StorageError, match="正在被") as caught:
        lock.ensure_writable(cli_store)
    assert caught.value.kind == "locked"
    with pytest.raises(StorageError, match="正在被"), lock.held(cli_store):
        pass
    lock.release(cli_store)  # not its lock: stays
    assert lock.owns(holder_store) and lock.holder(cli_store) is not None


def test_daily_backup_once_per_day_and_rotation(db_path, sample_project, tmp_path):
    store = open_store(db_path)
    repo.insert_project(store, sample_project)
    first = auto_backup(store, today=dt.date(2024, 3, 1))
    assert first is not None and first.exists()
    assert auto_backup(store, today=dt.date(2024, 3, 1)) is None
    folder = first.parent
    assert first.name == "jixiao.db-daily-20240301.db"
    for i in range(60):
        day = dt.date(2024, 3, 1) - dt.timedelta(days=i)
        (folder / f"jixiao.db-daily-{day:%Y%m%d}.db").write_bytes(first.read_bytes())
    rotate(folder, db_path)
    kept = sorted(p.name for p in folder.glob("jixiao.db-daily-*.db"))
    assert len(kept) == 7 + 4
    assert "jixiao.db-daily-20240301.db" in kept and "jixiao.db-daily-20240224.db" in kept


def test_restore_from_backup(db_path, sample_project, tmp_path):
    store = open_store(db_path)
    repo.insert_project(store, sample_project)
    backup = auto_backup(store, today=dt.date(2024, 3, 1))
    assert backup is not None
    target = tmp_path / "restored.db"
    restore_from(backup, target)
    assert [r.name for r in repo.list_projects(open_store(target))] == ["保安费用"]
