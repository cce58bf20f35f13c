"""文件 menu: 备份数据库… and 恢复备份… (then the database is reopened)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.model.errors import UserError
from desktop.store import backup as store_backup
from desktop.store import lock
from desktop.store.backup_names import folder_of
from desktop.store.db import open_store
from desktop.ui import dialogs
from desktop.ui.workspace import Workspace

DB_FILTER = "数据库文件 (*.db *.sqlite);;所有文件 (*)"


def backup(ws: Workspace) -> Path | None:
    """Ask for a file and copy the whole database there."""
    ws.session.flush()
    stem = ws.store.path.stem if ws.store.path else "jixiao"
    suggested = f"{stem}-备份-{dt.datetime.now():%Y%m%d-%H%M}.db"
    out = dialogs.save_file(ws.window, "备份数据库", suggested, DB_FILTER)
    if out is None:
        return None
    try:
        store_backup.backup_to(ws.store, out)
    except UserError as exc:
        dialogs.error(ws.window, "备份失败", str(exc))
        return None
    ws.say(f"已备份到 {out}", 8000)
    return out


def restore(ws: Workspace) -> bool:
    """Replace the database with a backup (after confirmation) and reopen it."""
    if ws.store.path is None or (ws.session.read_only and not ws.store.damaged):
        return False  # a damaged file (opened read-only) is exactly what a restore is for
    # Starts in the backups/ folder beside the database (a hidden folder on Linux: the user
    # could hardly find it from elsewhere).
    backups = folder_of(ws.store.path)
    source = dialogs.open_file(ws.window, "选择要恢复的备份", DB_FILTER, folder=backups)
    if source is None:
        return False
    if not dialogs.confirm(
        ws.window,
        "恢复备份",
        f"用备份“{source.name}”替换当前数据库吗？\n\n当前数据库中此后的修改将被覆盖。"
        "恢复前程序会先自动备份当前数据库。",
    ):
        return False
    ws.session.flush()
    path = Path(ws.store.path)
    try:
        store_backup.backup_before_restore(ws.store)
    except (UserError, OSError) as exc:
        dialogs.error(ws.window, "恢复备份", f"恢复前未能备份当前数据库，已取消：{exc}")
        return False
    return _replace_database(ws, source, path)


def _replace_database(ws: Workspace, source: Path, path: Path) -> bool:
    """Close the file, copy the backup over it, reopen it and take the lock again."""
    ws.select_project(None)
    if not ws.session.read_only:
        lock.release(ws.store)
    ws.store.close()
    error: str | None = None
    try:
        store_backup.restore_from(source, path)
    except UserError as exc:
        error = str(exc)
    try:
        store = open_store(path)
    except UserError as exc:
        dialogs.error(ws.window, "恢复备份", f"无法重新打开数据库：{exc}")
        return False
    ws.session.replace_store(store)
    holder = lock.acquire(store)
    ws.session.set_read_only(
        None if holder is None else f"数据库正由 {holder.describe()} 使用，本窗口为只读。"
    )
    ws.reload_navigator()
    ids = ws.navigator.project_ids()
    if ids:
        ws.select_project(ids[0])
    if error:
        dialogs.error(ws.window, "恢复备份", error)
        return False
    ws.say(f"已从 {source.name} 恢复数据库", 8000)
    return True
