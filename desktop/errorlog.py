"""Program bugs: the traceback goes to a log file, the user sees one short Chinese line.

Used by the CLI (exit code 3) and the window (a message box naming the log file). Standard library
only, so it works however broken the rest of the program is.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

LOG_NAME = "jixiao-errors.log"
MAX_LOG_BYTES = 1_000_000  # the log is rotated once (…log.1) beyond this size


def log_dir() -> Path:
    """Where program-bug logs go: $JIXIAO_LOG_DIR, else the user log directory."""
    env = os.environ.get("JIXIAO_LOG_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("jixiao", appauthor=False))


def log_program_error(exc: BaseException, context: str = "") -> Path | None:
    """Append the traceback of ``exc`` to the error log; the log's path, or None if unwritable."""
    import tempfile  # here, not at the top: the window's start does without them
    import traceback

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
            if path.exists() and path.stat().st_size > MAX_LOG_BYTES:
                path.replace(path.with_name(LOG_NAME + ".1"))
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
