"""Single-writer lock: a lock record (host, user, pid, started, heartbeat, token).

The window (and each CLI write, for its transaction) holds the lock. The holder is named by a
random token kept on its Store; every write transaction checks the record still carries that
token (desktop.store.db.Store.transaction), so a window that stalled past the stale time and
lost the lock to another can never write again over the other's work.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.model.errors import LockLostError, StorageError
from desktop.store.db import Store, now_iso

STALE_AFTER = dt.timedelta(minutes=2)
HEARTBEAT_SECONDS = 30
# Tests (and a site that wants it) may shorten both: the stall harness runs in seconds.
STALE_ENV = "JIXIAO_LOCK_STALE_SECONDS"
HEARTBEAT_ENV = "JIXIAO_LOCK_HEARTBEAT_SECONDS"


def _seconds(env: str, default: float) -> float:
    try:
        value = float(os.environ.get(env, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def stale_after() -> dt.timedelta:
    """How old a heartbeat may be before the lock counts as abandoned (2 minutes)."""
    return dt.timedelta(seconds=_seconds(STALE_ENV, STALE_AFTER.total_seconds()))


def heartbeat_seconds() -> float:
    """How often the holder refreshes its heartbeat (30 s; never less often than stale/4)."""
    beat = _seconds(HEARTBEAT_ENV, HEARTBEAT_SECONDS)
    return min(beat, stale_after().total_seconds() / 4)


@dataclass(frozen=True)
class LockInfo:
    """Who holds the database."""

    host: str
    user: str
    pid: int
    started: str
    heartbeat: str
    token: str = ""

    def describe(self) -> str:
        """ "张三（计算机 PC-01，进程 1234）自 2024-01-25 09:00 起" ."""
        since = self.started.replace("T", " ")[:16]
        return f"{self.user}（计算机 {self.host}，进程 {self.pid}）自 {since} 起"


def _me() -> tuple[str, str, int]:
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name in the environment or passwd
        user = "未知用户"
    return _hostname(), user, os.getpid()


def _hostname() -> str:
    """This computer's name (as socket.gethostname(), without importing socket on POSIX)."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket  # pragma: no cover - Windows only

    return socket.gethostname()  # pragma: no cover


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
    """A lock is stale when its pid is gone on this host or its heartbeat is too old."""
    now = now or dt.datetime.now()
    host, _, _ = _me()
    if info.host == host and not pid_alive(info.pid):
        return True
    try:
        beat = dt.datetime.fromisoformat(info.heartbeat)
    except ValueError:
        return True
    return now - beat > stale_after()


def _record(store: Store) -> LockInfo | None:
    row = store.row("SELECT host, user, pid, started, heartbeat, token FROM app_lock WHERE id = 1")
    if row is None:
        return None
    return LockInfo(
        row["host"],
        row["user"],
        int(row["pid"]),
        row["started"],
        row["heartbeat"],
        row["token"] or "",
    )


def holder(store: Store) -> LockInfo | None:
    """The live holder of the lock other than ``store`` itself, if any."""
    info = _record(store)
    if info is None:
        return None
    if store.lock_token is not None and info.token == store.lock_token:
        return None
    if not info.token:  # a record of an older program (no token): its own process is "us"
        host, _, pid = _me()
        if (info.host, info.pid) == (host, pid):
            return None
    return None if is_stale(info) else info


def owns(store: Store) -> bool:
    """True when ``store`` holds the lock (its token is the one recorded)."""
    info = _record(store)
    return store.lock_token is not None and info is not None and info.token == store.lock_token


def acquire(store: Store) -> LockInfo | None:
    """Take the lock; returns None on success (``store.lock_token`` set), or the live holder."""
    host, user, pid = _me()
    token = os.urandom(16).hex()  # as secrets.token_hex(16), without its hashlib import
    store.lock_token = None  # a token this store lost is no use: the check below decides
    try:
        with store.transaction() as db:
            current = holder(store)
            if current is not None:
                return current
            stamp = now_iso()
            db.execute(
                "INSERT INTO app_lock (id, host, user, pid, started, heartbeat, token) "
                "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET host=excluded.host, "
                "user=excluded.user, pid=excluded.pid, started=excluded.started, "
                "heartbeat=excluded.heartbeat, token=excluded.token",
                [host, user, pid, stamp, stamp, token],
            )
    except StorageError:
        # Two processes raced for the lock: whoever wrote first holds it.
        current = holder(store)
        if current is None:
            raise
        return current
    store.lock_token = token
    return None


def heartbeat(store: Store) -> bool | None:
    """Refresh our heartbeat: True when we still hold the lock, False when it was taken from
    us, None when the file could not be reached this time (a later beat retries)."""
    if store.lock_token is None:
        return False
    try:
        with store.transaction() as db:
            db.execute("UPDATE app_lock SET heartbeat = ? WHERE id = 1", [now_iso()])
    except LockLostError:
        return False
    except (StorageError, sqlite3.Error):
        return None
    return True


def release(store: Store) -> None:
    """Give the lock up (on close), only if it is still ours."""
    token = store.lock_token
    store.lock_token = None
    if token is None:
        return
    with contextlib.suppress(StorageError, sqlite3.Error), store.transaction() as db:
        db.execute("DELETE FROM app_lock WHERE id = 1 AND token = ?", [token])


def _held_message(current: LockInfo) -> str:
    return f"数据库正在被 {current.describe()}使用（窗口已打开），请关闭程序窗口后再试"


def ensure_writable(store: Store) -> None:
    """For CLI writes: refuse while a window (or another CLI write) holds the database."""
    current = holder(store)
    if current is not None:
        raise StorageError(_held_message(current), "locked")


@contextlib.contextmanager
def held(store: Store) -> Iterator[Store]:
    """Hold the lock for a CLI write: taken (or refused, naming the holder), given back after.

    A stale lock (its window stalled or crashed) is taken over like the window does; the
    stalled window then finds it lost the lock and writes nothing.
    """
    current = acquire(store)
    if current is not None:
        raise StorageError(_held_message(current), "locked")
    try:
        yield store
    finally:
        release(store)
