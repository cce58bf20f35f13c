"""The SQLite file: opening, schema, migrations, transactions.

Reads and writes go through a thin sqlite3 layer (connection.py); sqlite-utils does the schema
work and is imported only when a file is created or migrated.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.model.errors import LockLostError, StorageError, StorageKind
from desktop.store.connection import Database

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_MAGIC = b"SQLite format 3\x00"
APP_TABLES = {
    "unit",
    "project",
    "funds",
    "goal",
    "section",
    "indicator",
    "revision",
    "app_lock",
    "dept_line",
    "dept_count",
    "baseline_indicator",
    "monitoring",
    "monitoring_indicator",
    "rectification",
}


def default_db_path() -> Path:
    """The default database: $JIXIAO_DB or jixiao.db in the user data directory."""
    env = os.environ.get("JIXIAO_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("jixiao", appauthor=False)) / "jixiao.db"


def db_path_argument(argv: Sequence[str]) -> Path | None:
    """The path given with --db PATH or --db=PATH (None: the default)."""
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--db" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--db="):
            return Path(arg.split("=", 1)[1])
    return None


def now_iso() -> str:
    """Local time, seconds precision, ISO 8601."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def _m1_initial(db: sqlite_utils.Database) -> None:
    _m1_unit_and_project(db)
    _m1_project_parts(db)
    _m1_revision_and_lock(db)
    db.execute("CREATE INDEX idx_project_unit_year ON project(unit_id, year)")
    db.execute("CREATE INDEX idx_indicator_project ON indicator(project_id, position)")
    db.execute("CREATE INDEX idx_revision_project ON revision(project_id)")


def _m1_unit_and_project(db: sqlite_utils.Database) -> None:
    db.table("unit").create(
        {
            "id": int,
            "name": str,
            "department": str,
            "code": str,
            "created_at": str,
            "deleted_at": str,
        },
        pk="id",
        not_null={"name"},
        defaults={"department": "", "code": ""},
    )
    db.table("project").create(
        {
            "id": int,
            "unit_id": int,
            "year": int,
            "name": str,
            "form": str,
            "status": str,
            "signed_date": str,
            "exec_weight": int,
            "exec_score": int,
            "goal_target": str,
            "goal_actual": str,
            "extra": str,
            "created_at": str,
            "updated_at": str,
            "deleted_at": str,
        },
        pk="id",
        foreign_keys=[("unit_id", "unit", "id")],
        not_null={"unit_id", "year", "name", "form", "status"},
        defaults={"status": "draft", "exec_weight": 1000, "goal_target": "", "goal_actual": ""},
    )


def _m1_project_parts(db: sqlite_utils.Database) -> None:
    db.table("funds").create(
        {
            "project_id": int,
            "source": str,
            "initial": int,
            "full_year": int,
            "executed": int,
        },
        pk=("project_id", "source"),
        foreign_keys=[("project_id", "project", "id")],
    )
    db.table("section").create(
        {"project_id": int, "key": str, "text": str},
        pk=("project_id", "key"),
        foreign_keys=[("project_id", "project", "id")],
        not_null={"text"},
    )
    db.table("indicator").create(
        {
            "id": int,
            "project_id": int,
            "position": int,
            "level1": str,
            "level2": str,
            "level3": str,
            "target": str,
            "actual": str,
            "weight": int,
            "score": int,
            "deviation": str,
            "operator": str,
            "unit": str,
        },
        pk="id",
        foreign_keys=[("project_id", "project", "id")],
        not_null={"project_id", "position"},
    )


def _m1_revision_and_lock(db: sqlite_utils.Database) -> None:
    db.table("revision").create(
        {
            "id": int,
            "project_id": int,
            "created_at": str,
            "kind": str,
            "reason": str,
            "fingerprint": str,
            "snapshot": str,
        },
        pk="id",
        foreign_keys=[("project_id", "project", "id")],
    )
    db.table("app_lock").create(
        {"id": int, "host": str, "user": str, "pid": int, "started": str, "heartbeat": str},
        pk="id",
    )


def _m2_profiles_department(db: sqlite_utils.Database) -> None:
    """Rule profile per project (a unit's as its default); a department's funds lines and counts."""
    db.execute("ALTER TABLE unit ADD COLUMN profile TEXT")
    db.execute("ALTER TABLE project ADD COLUMN profile TEXT")
    db.table("dept_line").create(
        {
            "project_id": int,
            "position": int,
            "side": str,
            "key": str,
            "label": str,
            "previous": int,
            "full_year": int,
            "executed": int,
        },
        pk=("project_id", "position"),
        foreign_keys=[("project_id", "project", "id")],
        not_null={"side", "key", "label"},
    )
    db.table("dept_count").create(
        {"project_id": int, "key": str, "value": int},
        pk=("project_id", "key"),
        foreign_keys=[("project_id", "project", "id")],
        not_null={"value"},
    )


def _m3_year_cycle(db: sqlite_utils.Database) -> None:
    """The year's cycle: approved targets, the mid-year 运行监控 and 整改 items per project."""
    db.table("baseline_indicator").create(
        {
            "project_id": int,
            "position": int,
            "level1": str,
            "level2": str,
            "level3": str,
            "target": str,
            "weight": int,
        },
        pk=("project_id", "position"),
        foreign_keys=[("project_id", "project", "id")],
    )
    db.table("monitoring").create(
        {"project_id": int, "executed_jan_jul": int, "forecast_full_year": int},
        pk="project_id",
        foreign_keys=[("project_id", "project", "id")],
    )
    db.table("monitoring_indicator").create(
        {
            "project_id": int,
            "position": int,
            "level3": str,
            "done_jan_jul": str,
            "forecast": str,
            "deviation_cause": str,
            "likelihood": str,
            "correction": str,
        },
        pk=("project_id", "position"),
        foreign_keys=[("project_id", "project", "id")],
    )
    db.table("rectification").create(
        {
            "project_id": int,
            "position": int,
            "problem": str,
            "measure": str,
            "owner": str,
            "deadline": str,
            "status": str,
            "done_date": str,
            "year": int,
        },
        pk=("project_id", "position"),
        foreign_keys=[("project_id", "project", "id")],
        not_null={"status"},
    )


def _m4_lock_token(db: sqlite_utils.Database) -> None:
    """The single-writer lock names its holder by a random token (checked in every write)."""
    db.execute("ALTER TABLE app_lock ADD COLUMN token TEXT")


# Ordered migrations: MIGRATIONS[i] brings user_version i to i + 1. Never edit a released one.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _m1_initial,
    _m2_profiles_department,
    _m3_year_cycle,
    _m4_lock_token,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Store:
    """One open database file."""

    def __init__(
        self,
        db: Database,
        path: Path | None,
        read_only: bool = False,
        read_only_reason: str | None = None,
        damaged: bool = False,
    ):
        self.db = db
        self.path = path
        self.read_only = read_only
        # Why the file itself could only be opened read-only (folder or file not writable, or
        # damaged); None when it was opened for writing.
        self.read_only_reason = read_only_reason
        # True when the file failed PRAGMA quick_check: never written to, never backed up.
        self.damaged = damaged
        # The token of the single-writer lock this store holds (desktop.store.lock); while set,
        # every write transaction first checks the lock still carries it.
        self.lock_token: str | None = None
        # What the window's start left to just after its first paint (the file's check, the
        # lock): done by ``settle()``, at the latest before the first write.
        self.pending: Callable[[], None] | None = None

    def settle(self) -> None:
        """Do what the start left pending, once (nothing when nothing is)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()

    @property
    def conn(self) -> sqlite3.Connection:
        """The underlying sqlite3 connection."""
        return self.db.conn

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """The rows of a query, read by column name (``row["name"]``)."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        return cursor.execute(sql, params).fetchall()

    def row(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        """The first row of a query (by column name), or None."""
        cursor = self.conn.cursor()
        cursor.row_factory = sqlite3.Row
        found: sqlite3.Row | None = cursor.execute(sql, params).fetchone()
        return found

    @contextlib.contextmanager
    def transaction(self, durable: bool = False) -> Iterator[Database]:
        """One user action = one transaction; SQLite errors become StorageError."""
        self.settle()  # the file's check and the lock come before any write
        if self.damaged:
            raise StorageError(self.read_only_reason or damaged_message(self.path), "corrupt")
        if self.read_only:
            raise StorageError(
                self.read_only_reason or "数据库以只读方式打开，不能保存修改", "read_only"
            )
        try:
            if durable:
                self.db.execute("PRAGMA synchronous=FULL")
            if self.conn.in_transaction:
                with self.db.atomic():  # nested: a savepoint inside the outer transaction
                    yield self.db
            else:
                with self._outer_transaction():
                    yield self.db
        except sqlite3.DatabaseError as exc:
            raise _storage_error(exc, self.path) from None
        finally:
            if durable:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("PRAGMA synchronous=NORMAL")

    @contextlib.contextmanager
    def _outer_transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE (the write lock first, so the check below cannot go stale), the lock
        ownership check, then the caller's writes; COMMIT, or ROLLBACK on any exception."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.lock_token is not None:
                self._check_lock_owner(self.lock_token)
            yield
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def _check_lock_owner(self, token: str) -> None:
        row = self.conn.execute("SELECT token FROM app_lock WHERE id = 1").fetchone()
        if row is None or row[0] != token:
            raise LockLostError(lock_lost_message())

    def close(self) -> None:
        """Close the file."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()


def _storage_error(exc: sqlite3.Error, path: Path | None) -> StorageError:
    """The SQLite error as a StorageError with a Chinese message and its kind."""
    text = str(exc).lower()
    where = f"（{path}）" if path else ""
    kind: StorageKind
    if "locked" in text or "busy" in text:
        kind, message = "locked", f"数据库正被其他程序占用{where}，请稍后再试"
    elif "readonly" in text or "read-only" in text:
        kind, message = "read_only", f"数据库文件是只读的{where}，无法保存修改"
    elif "disk is full" in text or "full" in text:
        kind, message = "disk_full", f"磁盘空间已满{where}，修改未能保存"
    elif "not a database" in text or "malformed" in text:
        kind, message = "corrupt", f"数据库文件已损坏或不是本程序的数据库{where}"
    elif "unable to open" in text:
        kind, message = "missing", f"无法打开数据库文件{where}"
    else:
        kind, message = "other", f"数据库错误{where}：{exc}"
    return StorageError(message, kind)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StorageError(f"数据库路径是一个文件夹，不是文件：{path}", "missing")
    if not path.parent.exists():
        raise StorageError(f"数据库所在的文件夹不存在：{path.parent}", "missing")
    if path.exists() and path.stat().st_size > 0:
        try:
            with path.open("rb") as fh:
                head = fh.read(len(SQLITE_MAGIC))
        except OSError as exc:
            raise StorageError(f"无法读取数据库文件 {path}：{exc.strerror}") from None
        if head != SQLITE_MAGIC:
            raise StorageError(f"文件 {path} 不是 SQLite 数据库，未做任何修改", "corrupt")


def lock_lost_message() -> str:
    """What the user is told when this window no longer holds the single-writer lock."""
    return (
        "本窗口已失去对数据库的写入权：本窗口停止响应（如电脑休眠）期间，另一窗口或程序接管了"
        "数据库。为免覆盖对方的修改，本窗口不再写入"
    )


def _migrate(db: Database, version: int) -> None:
    """Bring the file from ``version`` to SCHEMA_VERSION, one transaction per migration."""
    import sqlite_utils  # schema work only: opening a current file never loads it

    schema = sqlite_utils.Database(db.conn, execute_plugins=False)
    for index in range(version, SCHEMA_VERSION):
        with db.atomic():
            MIGRATIONS[index](schema)
            db.execute(f"PRAGMA user_version={index + 1}")


def damaged_message(path: Path | None) -> str:
    """What the user is told about a file that failed its integrity check."""
    where = f"“{path}”" if path else ""
    return (
        f"数据库文件{where}已损坏（完整性检查未通过），已以只读方式打开：可以查看和导出，"
        "但不会写入任何修改，也不会用它覆盖已有的备份。请用“文件 → 恢复备份…”从 backups "
        "文件夹中选择最近的备份恢复。"
    )


def read_only_message(path: Path) -> str:
    """What the user is told about a database whose file or folder cannot be written."""
    return (
        f"数据库文件或其所在文件夹不可写（{path}），已以只读方式打开：可以查看和导出，"
        "不能修改。如需修改，请把数据库复制到可写的位置，或请管理员开放写权限。"
    )


def _backup_before_migration(conn: sqlite3.Connection, path: Path, version: int) -> None:
    from desktop.store import backup_names

    folder = backup_names.folder_of(path)
    folder.mkdir(parents=True, exist_ok=True)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    backup_names.ensure_space(folder, int(pages) * int(size), "升级前的备份")
    target = folder / backup_names.event_name(path, "before-migration", tag=f"v{version}")
    dest = sqlite3.connect(str(target))
    try:
        conn.backup(dest)
    finally:
        dest.close()
    backup_names.rotate(folder, path)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Open for reading only; in a folder where the -shm file cannot be created, as immutable."""
    last: sqlite3.Error | None = None
    for flags in ("mode=ro", "mode=ro&immutable=1"):
        conn = sqlite3.connect(f"file:{path}?{flags}", uri=True, timeout=5)
        try:
            conn.execute("PRAGMA user_version").fetchone()
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.DatabaseError as exc:
            conn.close()
            last = exc
            if "not a database" in str(exc).lower() or "malformed" in str(exc).lower():
                break
    assert last is not None
    raise last


def _can_write(conn: sqlite3.Connection, path: Path) -> bool:
    """True when SQLite can take a write lock on the file (folder and file writable)."""
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        return False
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            return False
        if "locked" in text or "busy" in text:
            return True  # another process writes right now: the file itself is writable
        raise
    return True


def _quick_check(conn: sqlite3.Connection) -> bool:
    """PRAGMA quick_check: True when the file's structure is intact."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise
        return False
    return [tuple(r) for r in rows] == [("ok",)]


def _open_connection(
    path: Path, read_only: bool, quick_check: bool = True
) -> tuple[sqlite3.Connection, str | None, bool]:
    """(connection, read-only reason, damaged) for an existing or new file."""
    existed = path.exists() and path.stat().st_size > 0
    if read_only:
        return _connect_read_only(path), "数据库以只读方式打开，不能保存修改", False
    try:
        conn = sqlite3.connect(str(path), timeout=5)
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as exc:
        if existed and ("unable to open" in str(exc).lower() or "readonly" in str(exc).lower()):
            return _connect_read_only(path), read_only_message(path), False
        raise
    if not existed:
        return conn, None, False
    if quick_check and not _quick_check(conn):
        conn.close()
        try:
            return _connect_read_only(path), damaged_message(path), True
        except sqlite3.DatabaseError:
            raise StorageError(
                f"数据库文件“{path}”已严重损坏，无法打开；请从 backups 文件夹中的备份恢复",
                "corrupt",
            ) from None
    if not _can_write(conn, path):
        conn.close()
        return _connect_read_only(path), read_only_message(path), False
    return conn, None, False


def open_store(
    path: Path | str | None = None,
    create: bool = True,
    read_only: bool = False,
    quick_check: bool = True,
) -> Store:
    """Open (and create or migrate) the database; StorageError on failure.

    A file that fails ``PRAGMA quick_check`` opens read-only and marked damaged; a file whose
    folder or file cannot be written opens read-only (``Store.read_only_reason`` says why).
    With ``quick_check=False`` the caller checks the file itself (``BackgroundCheck``) before
    anything writes to it; a file that needs migrating is always checked first.
    """
    if path is None:
        path = default_db_path()
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    path = Path(path)
    _check_file(path)
    if not path.exists() and not create:
        raise StorageError(f"数据库文件不存在：{path}", "missing")
    try:
        conn, reason, damaged = _open_connection(path, read_only, quick_check)
        db = Database(conn)
        db.execute("PRAGMA foreign_keys=ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        tables = set(db.table_names())
        if version == 0 and tables and not tables <= APP_TABLES:
            conn.close()
            raise StorageError(f"文件 {path} 是其他程序的 SQLite 数据库，未做任何修改", "corrupt")
        if version > SCHEMA_VERSION:
            conn.close()
            raise StorageError(
                f"数据库 {path} 由更新版本的程序创建（结构版本 {version}），请升级本程序后再打开"
            )
        if reason is None and version < SCHEMA_VERSION and not quick_check and version > 0:
            conn.close()  # never migrate a file that has not been checked
            return open_store(path, create, read_only, quick_check=True)
        if reason is None:
            _prepare_for_writing(db, conn, path, version)
        elif version < SCHEMA_VERSION:
            conn.close()
            raise StorageError(
                f"数据库 {path} 需要升级，不能以只读方式打开"
                + ("（文件已损坏）" if damaged else ""),
                "corrupt" if damaged else "read_only",
            )
    except sqlite3.DatabaseError as exc:
        raise _storage_error(exc, path) from None
    return Store(db, path, read_only=reason is not None, read_only_reason=reason, damaged=damaged)


class BackgroundCheck:
    """``PRAGMA quick_check`` of a file on its own connection in a thread.

    On a large file the check reads every page (a 10 000-project file: about 50 ms of CPU, and
    seconds when the file is not in the disk cache); SQLite lets other threads run meanwhile:
    the window's start runs it just after the first paint, while the other tabs are built.
    ``intact()`` waits for the answer.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._intact = True
        self._thread = threading.Thread(target=self._run, name="quick-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            # As the opening connection reads: in a read-only folder without the -shm file,
            # as immutable (a plain mode=ro connection cannot open it there at all).
            conn = _connect_read_only(self.path)
        except sqlite3.Error:
            return  # the opening connection reports what is wrong with the file
        try:
            self._intact = _quick_check(conn)
        except sqlite3.Error:
            self._intact = True  # locked by a writer right now: it is being used, not damaged
        finally:
            conn.close()

    def intact(self) -> bool:
        """Wait for the check; False when the file failed it."""
        self._thread.join()
        return self._intact


def mark_damaged(store: Store) -> None:
    """The store's file failed its check: read-only from now on, never written or backed up."""
    assert store.path is not None
    store.db.close()
    store.db = Database(_connect_read_only(store.path))
    store.read_only = True
    store.damaged = True
    store.read_only_reason = damaged_message(store.path)


def _prepare_for_writing(db: Database, conn: sqlite3.Connection, path: Path, version: int) -> None:
    """WAL journal, normal sync, migrations (with a backup first)."""
    if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    if version < SCHEMA_VERSION:
        if version > 0:
            _backup_before_migration(conn, path, version)
        _migrate(db, version)
