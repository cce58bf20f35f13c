"""Backups through the SQLite backup API (never a raw copy of a live database)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import stat
from pathlib import Path

from desktop.model.errors import InputError, StorageError
from desktop.store import backup_names
from desktop.store.backup_names import DAILY_KEEP, WEEKLY_KEEP, ensure_space, folder_of
from desktop.store.db import Store

__all__ = ["DAILY_KEEP", "WEEKLY_KEEP", "auto_backup", "backup_to", "restore_from", "rotate"]

rotate = backup_names.rotate


def database_bytes(store: Store) -> int:
    """The size of the database content (what a copy needs on disk)."""
    try:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        size = store.conn.execute("PRAGMA page_size").fetchone()[0]
        return int(pages) * int(size)
    except sqlite3.Error:
        return store.path.stat().st_size if store.path and store.path.exists() else 0


def _check_backup_target(store: Store, out: Path, overwrite: bool) -> None:
    if store.path is not None:
        for suffix in ("", "-wal", "-shm", "-journal"):
            other = Path(f"{store.path}{suffix}")
            same = out.resolve() == other.resolve() or (
                out.exists() and other.exists() and os.path.samefile(out, other)
            )
            if same:
                raise InputError(f"不能备份到 {out}：这是正在使用的数据库文件本身，请另选位置")
    if out.is_dir():
        raise InputError(f"不能备份到 {out}：这是一个文件夹，请给出文件名")
    if out.exists():
        mode = out.stat().st_mode
        if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(out, os.W_OK):
            raise InputError(f"不能备份到 {out}：该文件是只读的，未做任何修改")
        if not overwrite:
            raise InputError(f"文件 {out} 已存在；如需覆盖，请加 --force")


def backup_to(store: Store, out: Path, overwrite: bool = True) -> None:
    """Copy the whole database consistently into ``out`` (replaced atomically).

    Refuses the database itself, a read-only file, an existing file unless ``overwrite``, and a
    disk without room for the copy.
    """
    out = Path(out)
    if not out.parent.exists():
        raise InputError(f"备份目标文件夹不存在：{out.parent}")
    _check_backup_target(store, out, overwrite)
    ensure_space(out.parent, database_bytes(store), f"备份 {out.name}")
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            store.conn.backup(dest)
            _drop_lock(dest)
        finally:
            dest.close()
        tmp.replace(out)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        full = "full" in str(exc).lower() or getattr(exc, "errno", None) == 28
        if full:
            raise StorageError(f"磁盘空间已满，未能写入备份 {out}", "disk_full") from None
        raise InputError(f"无法写入备份 {out}：{exc}") from None


def auto_backup(store: Store, today: dt.date | None = None) -> Path | None:
    """On the first open of a day, write backups/<file name>-daily-YYYYMMDD.db and rotate.

    Never for a read-only or damaged database (its copy would push good copies out of the
    rotation). Returns the new backup's path, or None when today's already exists.
    """
    if store.path is None or store.read_only or getattr(store, "damaged", False):
        return None
    today = today or dt.date.today()
    folder = folder_of(store.path)
    target = folder / backup_names.daily_name(store.path, today)
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    backup_to(store, target)
    backup_names.rotate(folder, store.path)
    return target


def backup_before_restore(store: Store) -> Path:
    """A copy of the database about to be replaced by a backup (rotated: newest 5 kept).

    A damaged file is copied byte for byte instead (the backup API may stop at the damage) and
    named ``…-damaged-…``, which rotation never deletes.
    """
    assert store.path is not None
    folder = folder_of(store.path)
    folder.mkdir(parents=True, exist_ok=True)
    if getattr(store, "damaged", False):
        target = folder / backup_names.event_name(store.path, "damaged")
        ensure_space(folder, store.path.stat().st_size, f"损坏文件的副本 {target.name}")
        try:
            shutil.copyfile(store.path, target)
        except OSError as exc:
            raise InputError(f"无法保存损坏文件的副本 {target}：{exc.strerror or exc}") from None
        return target
    target = folder / backup_names.event_name(store.path, "before-restore")
    backup_to(store, target)
    backup_names.rotate(folder, store.path)
    return target


def restore_from(backup: Path, target: Path) -> None:
    """Replace ``target`` with the contents of ``backup``.

    The backup must pass ``PRAGMA quick_check`` first: a damaged copy is never restored. The
    pages are copied with the backup API; when the target is too damaged for that, the restored
    copy is written beside it and renamed over it (its stale -wal/-shm files removed first).
    """
    if not backup.is_file():
        raise InputError(f"找不到备份文件：{backup}")
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            result = src.execute("PRAGMA quick_check").fetchone()
            if result is None or result[0] != "ok":
                raise InputError(f"备份 {backup.name} 本身已损坏（完整性检查未通过），不能用来恢复")
            try:
                _copy_pages(src, target)
            except sqlite3.DatabaseError:
                _replace_file(src, target)
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise InputError(f"无法从备份 {backup.name} 恢复：{exc}") from None


def _copy_pages(src: sqlite3.Connection, target: Path) -> None:
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
        _drop_lock(dest)
    finally:
        dest.close()


def _drop_lock(conn: sqlite3.Connection) -> None:
    """A copy is held by nobody: the writer lock record of the original is not copied."""
    try:
        conn.execute("DELETE FROM app_lock")
        conn.commit()
    except sqlite3.OperationalError:
        pass  # not a database of this program (no app_lock table)


def _replace_file(src: sqlite3.Connection, target: Path) -> None:
    tmp = target.with_name(target.name + ".restore")
    tmp.unlink(missing_ok=True)
    _copy_pages(src, tmp)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    tmp.replace(target)
