"""Backups through the SQLite backup API (never a raw copy of a live database)."""

from __future__ import annotations

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
