"""Start the GUI: parse --db, open the store, take the lock, show the window."""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.errorlog import log_program_error, program_error_message
from desktop.model.errors import StorageError, UserError
from desktop.store import backup, lock
from desktop.store.db import Store, default_db_path, open_store
from desktop.ui.actions import load_features
from desktop.ui.bugs import BUG_TITLE
from desktop.ui.main_window import MainWindow
from desktop.ui.status import APP_TITLE

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


def show_error(title: str, text: str) -> None:
    """A Chinese error box (stderr only when running unattended)."""
    print(f"{title}：{text}", file=sys.stderr)
    if not _interactive() or QApplication.instance() is None:
        return
    QMessageBox(QMessageBox.Icon.Critical, title, text).exec()


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """An exception no slot handled: bad input in its message, a bug logged and named in one line."""
    if isinstance(exc, UserError):
        show_error("错误", str(exc))
        return
    if exc.__traceback__ is None:
        exc = exc.with_traceback(tb)
    text = program_error_message(log_program_error(exc, "未处理的异常"))
    show_error(BUG_TITLE, text + "\n\n已输入的内容会自动保存。")


def open_main_window(store: Store, settings: QSettings | None = None) -> MainWindow:
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
                "本窗口以只读方式打开，不能修改；对方关闭程序后，本窗口会自动转为可编辑。"
            )
    backup_note = ""
    if reason is None:
        try:
            backup.auto_backup(store)
        except (UserError, OSError) as exc:
            backup_note = f"自动备份未完成：{exc}"
    window = MainWindow(store, read_only_reason=reason, settings=settings)
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


def _preload_fonts() -> None:
    from desktop.ui.print_actions import preload_fonts

    preload_fonts()


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
    window = open_main_window(store)
    window.show()
    app.processEvents()  # paint first: the features (export, import, print) load just after
    if not _interactive():
        print(SHOWN_LINE, flush=True)
    preload = threading.Thread(target=_preload_fonts, name="font-preload", daemon=True)
    QTimer.singleShot(0, load_features)
    QTimer.singleShot(0, preload.start)
    if not _interactive():

        def ready() -> None:
            print(READY_LINE, flush=True)
            window.close()
            app.quit()

        QTimer.singleShot(0, ready)
    code = app.exec()
    if preload.is_alive():
        preload.join(timeout=30)  # a thread still in font code at exit can abort the process
    store.close()
    return int(code)
