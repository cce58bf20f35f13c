"""Start the GUI: parse --db, open the store, take the lock, show the window."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.model.errors import StorageError, UserError
from desktop.store import backup, lock
from desktop.store.db import Store, default_db_path, open_store
from desktop.ui.main_window import APP_TITLE, MainWindow

QUIT_AFTER_SHOW = "JIXIAO_QUIT_AFTER_SHOW"
SHOWN_LINE = "JIXIAO_SHOWN"
READY_LINE = "JIXIAO_READY"


def parse_db_arg(argv: list[str]) -> Path | None:
    """The path given with --db PATH or --db=PATH (None: the default)."""
    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--db" and index + 1 < len(args):
            return Path(args[index + 1])
        if arg.startswith("--db="):
            return Path(arg.split("=", 1)[1])
    return None


def _interactive() -> bool:
    return not os.environ.get(QUIT_AFTER_SHOW)


def show_error(title: str, text: str, details: str = "") -> None:
    """A Chinese error box (stderr only when running unattended)."""
    print(f"{title}：{text}", file=sys.stderr)
    if not _interactive() or QApplication.instance() is None:
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text)
    if details:
        box.setDetailedText(details)
    box.exec()


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Show unexpected errors in a dialog instead of a traceback on the console."""
    details = "".join(traceback.format_exception(kind, exc, tb))
    sys.stderr.write(details)
    if isinstance(exc, UserError):
        show_error("错误", str(exc))
    else:
        show_error(
            "程序出现意外错误",
            f"程序出现意外错误：{exc}\n\n已输入的内容会自动保存。如问题反复出现，请把“详细信息”发给维护人员。",
            details,
        )


def open_main_window(
    store: Store, settings: QSettings | None = None, defer_features: bool = False
) -> MainWindow:
    """Take the single-writer lock (or go read-only), run the daily backup, build the window."""
    reason: str | None = None
    if store.read_only:
        reason = (
            store.read_only_reason
            or f"数据库文件不可写（{store.path}），本窗口以只读方式打开，不能修改。"
        )
    else:
        try:
            holder = lock.acquire(store)
        except StorageError as exc:
            holder = None
            reason = f"{exc}。本窗口以只读方式打开，不能修改。"
        if holder is not None:
            reason = (
                f"数据库正由 {holder.user} 在计算机 {holder.host} 上使用"
                f"（自 {holder.started.replace('T', ' ')[:16]} 起，进程 {holder.pid}）。"
                "本窗口以只读方式打开，不能修改；对方关闭程序后重新打开即可编辑。"
            )
    backup_note = ""
    if reason is None:
        try:
            backup.auto_backup(store)
        except (UserError, OSError) as exc:
            backup_note = f"自动备份未完成：{exc}"
    window = MainWindow(
        store, read_only_reason=reason, settings=settings, defer_features=defer_features
    )
    if backup_note:
        window.statusBar().showMessage(backup_note, 10000)
    return window


def _open(path: Path | None) -> Store:
    try:
        return open_store(path)
    except StorageError as first:
        target = path or default_db_path()
        if target.is_file() and not os.access(target, os.W_OK):
            try:
                return open_store(target, create=False, read_only=True)
            except StorageError:
                pass
        raise first from None


def run_gui(argv: list[str] | None = None) -> int:
    """Open the window on --db PATH (or $JIXIAO_DB / the default file); returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "jixiao"])
    assert isinstance(app, QApplication)
    app.setApplicationName("jixiao")
    app.setOrganizationName("jixiao")
    app.setApplicationDisplayName(APP_TITLE)
    sys.excepthook = excepthook
    try:
        store = _open(parse_db_arg(args))
    except UserError as exc:
        show_error("无法打开数据库", str(exc))
        return 2
    window = open_main_window(store, defer_features=True)
    window.show()
    app.processEvents()  # paint first: the feature modules (export, import…) load just after
    if not _interactive():
        print(SHOWN_LINE, flush=True)
    QTimer.singleShot(0, window.install_features)
    if not _interactive():

        def ready() -> None:
            print(READY_LINE, flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    store.close()
    return int(code)
