"""Safe file writing shared by every exporter: never onto a database, a backup or a read-only file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from desktop.model.errors import InputError

SQLITE_MAGIC = b"SQLite format 3\x00"
# First four bytes of a SQLite write-ahead log (big-endian 0x377f0682 / 0x377f0683).
WAL_MAGICS = (b"\x37\x7f\x06\x82", b"\x37\x7f\x06\x83")
SIDE_FILES = ("-wal", "-shm", "-journal")
BACKUP_FOLDER = "backups"


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC))
    except OSError:
        return b""


def is_sqlite_file(path: Path) -> bool:
    """True when the file starts like a SQLite database or its write-ahead log."""
    head = _head(path)
    return head.startswith(SQLITE_MAGIC) or head[:4] in WAL_MAGICS


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and os.path.samefile(a, b))
    except OSError:
        return False


def _is_read_only(path: Path) -> bool:
    """No write permission bits (root ignores them, so the bits are read directly) or no access."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(path, os.W_OK)


def _is_database_side_file(path: Path) -> bool:
    for suffix in SIDE_FILES:
        if path.name.endswith(suffix):
            main = path.with_name(path.name[: -len(suffix)])
            if main.is_file() and is_sqlite_file(main):
                return True
    return False


def _in_backup_folder(path: Path, database: Path | None) -> bool:
    folder = path.parent
    if database is not None and _same_file(folder, database.parent / BACKUP_FOLDER):
        return True
    if folder.name != BACKUP_FOLDER:
        return False
    # A backups/ folder beside a database, or holding database copies.
    near = [*folder.glob("*.db"), *folder.glob("*.sqlite"), *folder.parent.glob("*.db")]
    return any(p.is_file() and is_sqlite_file(p) for p in near[:50])


def check_target(
    path: Path, database: Path | None = None, overwrite: bool = True, what: str = "导出"
) -> None:
    """Refuse an export target that would destroy something; InputError naming why.

    Never the open ``database`` (or its -wal/-shm side files), any other SQLite file, a file in
    the backups/ folder, a read-only file or a folder. An existing file is replaced only with
    ``overwrite`` (the CLI's --force, the window's confirmation).
    """
    path = Path(path)
    if database is not None:
        for suffix in ("", *SIDE_FILES):
            if _same_file(path, Path(f"{database}{suffix}")):
                raise InputError(f"不能{what}到 {path}：这是正在使用的数据库文件，写入会毁掉数据库")
    if path.is_dir():
        raise InputError(f"不能{what}到 {path}：这是一个文件夹，请给出文件名")
    if _in_backup_folder(path, database):
        raise InputError(f"不能{what}到 {path}：backups 文件夹只存放数据库的备份，请另选位置")
    if not path.exists():
        return
    if is_sqlite_file(path) or _is_database_side_file(path):
        raise InputError(f"不能{what}到 {path}：这是一个 SQLite 数据库文件，覆盖会毁掉其中的数据")
    if _is_read_only(path):
        raise InputError(f"不能{what}到 {path}：该文件是只读的，未做任何修改")
    if not overwrite:
        raise InputError(f"文件 {path} 已存在；如需覆盖，请加 --force")


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file via a temporary sibling and rename; InputError in Chinese on failure."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write bytes via a temporary sibling and rename; InputError in Chinese on failure.

    The target is checked first (``check_target``): no exporter can write onto a database,
    a backup or a read-only file, whoever calls it.
    """
    check_target(path)
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        reason = "磁盘空间已满" if exc.errno == 28 else (exc.strerror or str(exc))
        raise InputError(f"无法写入文件 {path}：{reason}") from None
