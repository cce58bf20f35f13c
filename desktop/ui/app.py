"""Start the GUI: parse --db, open the store, take the lock, show the window."""

from __future__ import annotations

import functools
import gc
import os
import sqlite3
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
from desktop.ui.collector import collect_on_gui_thread
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
    window = _build_window(store, settings)
    _settle(window, check)
    return window


def _build_window(store: Store, settings: QSettings | None) -> MainWindow:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_ui_font(app)
        install_qt_chinese(app)
        collect_on_gui_thread()  # never a Qt object destroyed by a worker thread's collection
    return MainWindow(store, settings=settings)


def _settle(window: MainWindow, check: BackgroundCheck | None) -> None:
    """A file that failed its check is read-only; else take the lock, or go read-only."""
    store = window.store
    store.pending = None
    if check is not None and not store.damaged and not check.intact():
        mark_damaged(store)
    reason = _lock_or_reason(store)
    if reason is not None:
        window.session.set_read_only(reason)


class StartChecks:
    """The file's check and the single-writer lock, left by the program's start to just after
    the window's first paint: ``begin()`` starts reading the file in a thread, ``settle()``
    waits for it and takes the lock (or makes the window read-only). Until then the window
    only reads; a write asked for sooner settles first (``Store.pending``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._check: BackgroundCheck | None = None
        self._settled = False
        window.store.pending = self.settle

    def begin(self) -> None:
        """Start the file's check (a thread) unless it ran already."""
        path = self.window.store.path
        if self._check is None and path is not None and not self.window.store.damaged:
            self._check = BackgroundCheck(path)

    def settle(self) -> None:
        """The check's verdict, then the lock (once; later calls do nothing)."""
        if self._settled:
            return
        self._settled = True
        self.begin()
        _settle(self.window, self._check)


def start_main_window(store: Store, settings: QSettings | None = None) -> StartChecks:
    """Build the window for the program's start. A file the window may only read (not
    writable, or a lock another live window holds) is checked and settled now, so the first
    paint shows it read-only; otherwise the check and the lock wait for the first paint."""
    window = _build_window(store, settings)
    checks = StartChecks(window)
    if _read_only_from_the_start(store):
        checks.settle()
    return checks


def _read_only_from_the_start(store: Store) -> bool:
    if store.read_only or store.damaged:
        return True
    try:
        return lock.holder(store) is not None
    except (StorageError, sqlite3.Error):
        return True  # the lock decides after the check, as when it was taken at once


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


def _after_first_paint(checks: StartChecks, preload: threading.Thread) -> None:
    """What the first paint did without: the file's check and the lock, other tabs, the
    backup, the features, then 审核."""
    window = checks.window
    steps: list[Callable[[], None]] = [checks.begin, window.build_all, checks.settle]
    steps.append(lambda: daily_backup(window))
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


def _freeze_the_start() -> None:
    """The objects of the start frozen: they live as long as the window, so no collection need
    walk them (collection itself is the GUI thread's since the window was built)."""
    gc.freeze()


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
    install_qt_chinese(app)  # the message boxes below say 确定, not OK
    try:
        store = _open(parse_db_arg(args))
    except UserError as exc:
        show_error("无法打开数据库", str(exc))
        return 2
    checks = start_main_window(store)
    window = checks.window
    preload = threading.Thread(target=_preload_fonts, name="font-preload", daemon=True)
    window.first_painted.connect(lambda: _after_first_paint(checks, preload))
    window.show()
    _freeze_the_start()
    code = app.exec()
    if preload.is_alive():
        preload.join(timeout=30)  # a thread still in font code at exit can abort the process
    store.close()
    return int(code)
