"""Start the GUI: parse --db, open the store, take the lock, show the window."""

from __future__ import annotations

import functools
import gc
import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

# The model and the store first, then Qt and the window's modules (PySide6's import hook no longer
# reads any of the program's sources: desktop.ui.qt_compat enters them in its table).
from desktop.errorlog import log_program_error, program_error_message
from desktop.model import project, scoring  # noqa: F401
from desktop.model.errors import StorageError, UserError
from desktop.store import lock, repo, revisions  # noqa: F401
from desktop.store.db import (
    BackgroundCheck,
    Store,
    db_path_argument,
    default_db_path,
    mark_damaged,
    open_store,
)

# isort: split
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from desktop.ui.actions import LAZY_FEATURES, load_feature
from desktop.ui.bugs import BUG_TITLE
from desktop.ui.main_window import MainWindow
from desktop.ui.qt_chinese import install_qt_chinese
from desktop.ui.status import APP_TITLE
from desktop.ui.ui_font import apply_ui_font

QUIT_AFTER_SHOW = "JIXIAO_QUIT_AFTER_SHOW"
SHOWN_LINE = "JIXIAO_SHOWN"
READY_LINE = "JIXIAO_READY"


def parse_db_arg(argv: list[str]) -> Path | None:
    """The path given with --db PATH or --db=PATH (None: the default)."""
    return db_path_argument(argv)


def _interactive() -> bool:
    return not os.environ.get(QUIT_AFTER_SHOW)


def show_error(title: str, text: str) -> None:
    """A Chinese error box (stderr only when running unattended)."""
    print(f"{title}：{text}", file=sys.stderr)
    if not _interactive() or QApplication.instance() is None:
        return
    from PySide6.QtWidgets import QMessageBox

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


def open_main_window(
    store: Store, settings: QSettings | None = None, check: BackgroundCheck | None = None
) -> MainWindow:
    """Build the window, then (the file's check passed) take the single-writer lock or go
    read-only. Building only reads, so it runs while ``check`` still reads the file."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_ui_font(app)
        install_qt_chinese(app)
    window = MainWindow(store, settings=settings)
    if check is not None and not store.damaged and not check.intact():
        mark_damaged(store)
    reason = _lock_or_reason(store)
    if reason is not None:
        window.session.set_read_only(reason)
    return window


def _lock_or_reason(store: Store) -> str | None:
    """Take the single-writer lock; or why this window may only read."""
    if store.read_only:
        return (
            store.read_only_reason
            or f"数据库文件不可写（{store.path}），本窗口以只读方式打开，不能修改。"
        )
    try:
        holder = lock.acquire(store)
    except StorageError as exc:
        return f"{exc}。本窗口以只读方式打开，不能修改。"
    if holder is None:
        return None
    return (
        f"数据库正由 {holder.user} 在计算机 {holder.host} 上使用"
        f"（自 {holder.started.replace('T', ' ')[:16]} 起，进程 {holder.pid}）。"
        "本窗口以只读方式打开，不能修改；对方关闭程序后，本窗口会自动转为可编辑。"
    )


def daily_backup(window: MainWindow) -> None:
    """The first open of a day copies the file to backups/ (run after the window is shown)."""
    if window.read_only:
        return
    from desktop.store import backup

    try:
        backup.auto_backup(window.store)
    except (UserError, OSError) as exc:
        window.statusBar().showMessage(f"自动备份未完成：{exc}", 10000)


def _open(path: Path | None) -> Store:
    """Open for the window; the file's quick_check is left to a BackgroundCheck."""
    try:
        return open_store(path, quick_check=False)
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


def run_steps(steps: list[Callable[[], None]]) -> None:
    """Run the steps one per turn of the event loop, so input is handled between them."""
    if steps:
        steps[0]()
        rest = steps[1:]
        QTimer.singleShot(0, lambda: run_steps(rest))


def _after_first_paint(window: MainWindow, preload: threading.Thread) -> None:
    """What the first paint did without: other tabs, the backup, the features, then 审核."""
    steps: list[Callable[[], None]] = [window.build_all, lambda: daily_backup(window)]
    steps += [functools.partial(load_feature, name) for name in LAZY_FEATURES]
    steps.append(preload.start)
    if not _interactive():
        app = QApplication.instance()

        def ready() -> None:
            print(READY_LINE, flush=True)
            window.close()
            if app is not None:
                app.quit()

        steps.append(ready)
    if not _interactive():
        print(SHOWN_LINE, flush=True)
    run_steps(steps)


def _collect_from_now_on() -> None:
    """The garbage collector back on (``python -m desktop`` starts with it off), the objects of
    the start frozen: they live as long as the window, so no collection need walk them."""
    gc.freeze()
    gc.enable()


def run_gui(argv: list[str] | None = None, check: BackgroundCheck | None = None) -> int:
    """Open the window on --db PATH (or $JIXIAO_DB / the default file); returns the exit code.

    ``check``: the file's check if the caller started it already (BackgroundCheck.early).
    """
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
    install_qt_chinese(app)  # the message boxes below say 确定, not OK
    try:
        store = _open(parse_db_arg(args))
    except UserError as exc:
        show_error("无法打开数据库", str(exc))
        return 2
    if store.path is None or store.damaged:
        check = None
    elif check is None or not check.covers(store.path):
        check = BackgroundCheck(store.path)
    window = open_main_window(store, check=check)
    preload = threading.Thread(target=_preload_fonts, name="font-preload", daemon=True)
    window.first_painted.connect(lambda: _after_first_paint(window, preload))
    window.show()
    _collect_from_now_on()
    code = app.exec()
    if preload.is_alive():
        preload.join(timeout=30)  # a thread still in font code at exit can abort the process
    store.close()
    return int(code)
