"""Program bugs in the window: the traceback goes to a log file, the user reads one short line.

A slot that raises an unexpected exception must never leave the user with a traceback or a
silently wrong result: ``guarded`` runs an action and turns a bad-input or storage error into
its Chinese message and anything else into the program-bug message that names the log file.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.model.errors import InputError

LOG_NAME = "jixiao-errors.log"
BUG_TITLE = "程序出现意外错误"


def log_dir() -> Path:
    """Where program-bug logs go: $JIXIAO_LOG_DIR, else the user log directory."""
    env = os.environ.get("JIXIAO_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("jixiao", appauthor=False))


def log_program_error(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback of ``exc`` to the error log; the log's path, or None if unwritable."""
    from desktop import __version__

    stamp = dt.datetime.now().replace(microsecond=0).isoformat()
    lines = [
        f"==== {stamp}  jixiao {__version__}  Python {sys.version.split()[0]}  {sys.platform}\n",
        f"context: {context}\n" if context else "",
        *traceback.format_exception(type(exc), exc, exc.__traceback__),
        "\n",
    ]
    for folder in (log_dir(), Path(tempfile.gettempdir())):
        path = folder / LOG_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as fh:
                fh.writelines(lines)
        except OSError:
            continue
        return path
    return None


def program_error_message(path: Path | None) -> str:
    """The short Chinese line shown for a program bug, naming the log file."""
    where = f"详细信息已写入 {path}" if path else "详细信息未能写入日志文件"
    return f"程序内部错误（这是程序的缺陷，不是您的操作或文件有误）。{where}，请发给维护人员。"


def report_bug(parent: QWidget | None, exc: BaseException, context: str = "") -> Path | None:
    """Log a program bug and tell the user in one short line; returns the log file."""
    path = log_program_error(exc, context)
    text = program_error_message(path) + "\n\n已输入的内容会自动保存。"
    QMessageBox.critical(parent, BUG_TITLE, text)
    return path


def guarded(parent: QWidget | None, action: Callable[[], object], context: str = "") -> object:
    """Run ``action``; an error becomes a message box (a bug also a log entry), never a raise."""
    try:
        return action()
    except InputError as exc:  # bad input or storage the action did not handle itself
        QMessageBox.warning(parent, "出错了", str(exc))
    except Exception as exc:
        report_bug(parent, exc, context)
    return None
