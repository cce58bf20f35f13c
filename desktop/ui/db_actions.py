"""文件 menu: 备份数据库… and 恢复备份… (then the database is reopened)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.model.errors import UserError
from desktop.store import backup as store_backup
from desktop.store import lock
from desktop.store.db import open_store

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

from desktop.ui import dialogs

DB_FILTER = "数据库文件 (*.db *.sqlite);;所有文件 (*)"


def backup(window: MainWindow) -> Path | None:
    """Ask for a file and copy the whole database there."""
    window.flush()
    stem = window.store.path.stem if window.store.path else "jixiao"
    suggested = f"{stem}-备份-{dt.datetime.now():%Y%m%d-%H%M}.db"
    out = dialogs.save_file(window, "备份数据库", suggested, DB_FILTER)
    if out is None:
        return None
    try:
        store_backup.backup_to(window.store, out)
    except UserError as exc:
        dialogs.error(window, "备份失败", str(exc))
        return None
    window.statusBar().showMessage(f"已备份到 {out}", 8000)
    return out


def restore(window: MainWindow) -> bool:
    """Replace the database with a backup (after confirmation) and reopen it."""
    if window.store.path is None or (window.read_only and not window.store.damaged):
        return False
    source = dialogs.open_file(window, "选择要恢复的备份", DB_FILTER)
    if source is None:
        return False
    if not dialogs.confirm(
        window,
        "恢复备份",
        f"用备份“{source.name}”替换当前数据库吗？\n\n当前数据库中此后的修改将被覆盖。"
        "恢复前程序会先自动备份当前数据库。",
    ):
        return False
    window.flush()
    path = Path(window.store.path)
    try:
        store_backup.backup_before_restore(window.store)
    except (UserError, OSError) as exc:
        dialogs.error(window, "恢复备份", f"恢复前未能备份当前数据库，已取消：{exc}")
        return False
    window.select_project(None)
    if not window.read_only:
        lock.release(window.store)
    window.store.close()
    error: str | None = None
    try:
        store_backup.restore_from(source, path)
    except UserError as exc:
        error = str(exc)
    try:
        window.store = open_store(path)
    except UserError as exc:
        dialogs.error(window, "恢复备份", f"无法重新打开数据库：{exc}")
        return False
    holder = lock.acquire(window.store)
    window.apply_read_only(
        None if holder is None else f"数据库正由 {holder.describe()} 使用，本窗口为只读。"
    )
    window.undo_stack.clear()
    window.reload_navigator()
    ids = window.navigator.project_ids()
    if ids:
        window.select_project(ids[0])
    if error:
        dialogs.error(window, "恢复备份", error)
        return False
    window.statusBar().showMessage(f"已从 {source.name} 恢复数据库", 8000)
    return True
