"""Single-writer lock: a lock record (host, user, pid, started, heartbeat) held by the GUI."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import sqlite3
from dataclasses import dataclass

from desktop.model.errors import StorageError
from desktop.store.db import Store, now_iso

STALE_AFTER = dt.timedelta(minutes=2)
HEARTBEAT_SECONDS = 30


@dataclass(frozen=True)
class LockInfo:
    """Who holds the database."""

    host: str
    user: str
    pid: int
    started: str
    heartbeat: str

    def describe(self) -> str:
        """ "张三（计算机 PC-01，进程 1234）自 2024-01-25 09:00 起" ."""
        since = self.started.replace("T", " ")[:16]
        return f"{self.user}（计算机 {self.host}，进程 {self.pid}）自 {since} 起"


def _me() -> tuple[str, str, int]:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or passwd
        user = "未知用户"
    return socket.gethostname(), user, os.getpid()


def pid_alive(pid: int) -> bool:
    """True when a process with that id runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - Windows only
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def is_stale(info: LockInfo, now: dt.datetime | None = None) -> bool:
    """A lock is stale when its pid is gone on this host or its heartbeat is > 2 minutes old."""
    now = now or dt.datetime.now()
    host, _, _ = _me()
    if info.host == host and not pid_alive(info.pid):
        return True
    try:
        beat = dt.datetime.fromisoformat(info.heartbeat)
    except ValueError:
        return True
    return now - beat > STALE_AFTER


def holder(store: Store) -> LockInfo | None:
    """The current live holder other than this process, if any."""
    row = store.row("SELECT host, user, pid, started, heartbeat FROM app_lock WHERE id = 1")
    if row is None:
        return None
    info = LockInfo(row["host"], row["user"], int(row["pid"]), row["started"], row["heartbeat"])
    host, _, pid = _me()
    if (info.host, info.pid) == (host, pid) or is_stale(info):
        return None
    return info


def acquire(store: Store) -> LockInfo | None:
    """Take the lock; returns None on success, or the live holder (then open read-only)."""
    host, user, pid = _me()
    try:
        with store.transaction() as db:
            current = holder(store)
            if current is not None:
                return current
            stamp = now_iso()
            db.execute(
                "INSERT INTO app_lock (id, host, user, pid, started, heartbeat) "
                "VALUES (1, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET host=excluded.host, "
                "user=excluded.user, pid=excluded.pid, started=excluded.started, "
                "heartbeat=excluded.heartbeat",
                [host, user, pid, stamp, stamp],
            )
    except StorageError:
        # Two processes raced for the lock: whoever wrote first holds it.
        current = holder(store)
        if current is None:
            raise
        return current
    return None


def heartbeat(store: Store) -> None:
    """Refresh the heartbeat of our lock (every 30 s from the GUI)."""
    host, _, pid = _me()
    try:
        with store.transaction() as db:
            db.execute(
                "UPDATE app_lock SET heartbeat = ? WHERE id = 1 AND host = ? AND pid = ?",
                [now_iso(), host, pid],
            )
    except (StorageError, sqlite3.Error):
        pass  # a missed heartbeat is harmless; the next one retries


def release(store: Store) -> None:
    """Give the lock up (on close)."""
    host, _, pid = _me()
    try:
        with store.transaction() as db:
            db.execute("DELETE FROM app_lock WHERE id = 1 AND host = ? AND pid = ?", [host, pid])
    except (StorageError, sqlite3.Error):
        pass


def ensure_writable(store: Store) -> None:
    """For CLI writes: refuse while a GUI holds the database."""
    current = holder(store)
    if current is not None:
        raise StorageError(
            f"数据库正在被 {current.describe()} 使用（窗口已打开），请关闭程序窗口后再试", "locked"
        )
