"""Program bugs in the window: the traceback goes to a log file, the user reads one short line.

A slot that raises an unexpected exception must never leave the user with a traceback or a
silently wrong result: ``guarded`` runs an action and turns a bad-input or storage error into
its Chinese message and anything else into the program-bug message that names the log file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop.errorlog import log_program_error, program_error_message
from desktop.model.errors import UserError

BUG_TITLE = "程序出现意外错误"


def report_bug(parent: QWidget | None, exc: BaseException, context: str = "") -> Path | None:
    """Log a program bug and tell the user in one short line; returns the log file."""
    path = log_program_error(exc, context)
    text = program_error_message(path) + "\n\n已输入的内容会自动保存。"
    from PySide6.QtWidgets import QMessageBox  # not at the start: only when something failed

    QMessageBox.critical(parent, BUG_TITLE, text)
    return path


def guarded(parent: QWidget | None, action: Callable[[], object], context: str = "") -> object:
    """Run ``action``; an error becomes a message box (a bug also a log entry), never a raise."""
    try:
        return action()
    except UserError as exc:  # bad input or storage the action did not handle itself
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, "出错了", str(exc))
    except Exception as exc:
        report_bug(parent, exc, context)
    return None
