"""Backups through the SQLite backup API (never a raw copy of a live database)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from desktop.model.errors import InputError
from desktop.store.db import Store


def backup_to(store: Store, out: Path) -> None:
    """Copy the whole database consistently into ``out`` (replaced atomically)."""
    if not out.parent.exists():
        raise InputError(f"备份目标文件夹不存在：{out.parent}")
    tmp = out.with_name(out.name + ".part")
    tmp.unlink(missing_ok=True)
    try:
        dest = sqlite3.connect(str(tmp))
        try:
            store.conn.backup(dest)
        finally:
            dest.close()
        tmp.replace(out)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"无法写入备份 {out}：{exc}") from None


DAILY_KEEP = 7
WEEKLY_KEEP = 4


def auto_backup(store: Store, today: dt.date | None = None) -> Path | None:
    """On the first open of a day, write backups/<name>-YYYYMMDD.db and rotate old ones.

    Keeps the newest 7 daily copies plus the newest copy of each of the 4 weeks before them.
    Returns the new backup's path, or None when today's already exists or there is no file.
    """
    if store.path is None or store.read_only:
        return None
    today = today or dt.date.today()
    folder = store.path.parent / "backups"
    target = folder / f"{store.path.stem}-{today:%Y%m%d}.db"
    if target.exists():
        return None
    folder.mkdir(parents=True, exist_ok=True)
    backup_to(store, target)
    rotate(folder, store.path.stem)
    return target


def rotate(folder: Path, stem: str) -> list[Path]:
    """Delete daily backups beyond the retention; returns the removed files."""
    dated: list[tuple[dt.date, Path]] = []
    for path in folder.glob(f"{stem}-????????.db"):
        try:
            dated.append((dt.datetime.strptime(path.stem[-8:], "%Y%m%d").date(), path))
        except ValueError:
            continue
    dated.sort(reverse=True)
    keep = {p for _, p in dated[:DAILY_KEEP]}
    weeks: set[tuple[int, int]] = set()
    for day, path in dated[DAILY_KEEP:]:
        week = day.isocalendar()[:2]
        if week not in weeks and len(weeks) < WEEKLY_KEEP:
            weeks.add(week)
            keep.add(path)
    removed = [p for _, p in dated if p not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore_from(backup: Path, target: Path) -> None:
    """Replace ``target`` with the contents of ``backup`` (via the backup API)."""
    if not backup.is_file():
        raise InputError(f"找不到备份文件：{backup}")
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            src.execute("PRAGMA schema_version").fetchone()
            dest = sqlite3.connect(str(target))
            try:
                src.backup(dest)
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise InputError(f"无法从备份 {backup.name} 恢复：{exc}") from None
