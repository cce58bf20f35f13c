"""Drives the real main window for the crash harness: types into a section and edits the grid.

Run as a script: python gui_kill_driver.py DB JOURNAL PROJECT_ID
Typing goes into the section editor and the grid's own cell editors as key events (F2, the
characters, Return), switching tabs as a user does. The journal records, before the next step:

    c  TIME N            N characters typed so far
    g  TIME ROW K        the 偏差原因 cell of ROW now reads 改进K (committed by Return)
    S  TIME STATE        a write is about to start; STATE (JSON) is what it will store
    W  TIME              that write committed
    stop TIME WHERE      the driver stops itself (SIGSTOP) at WHERE: inside | after

Fault points (environment): JIXIAO_KILL_MODE = inside | after | random and
JIXIAO_KILL_AT_WRITE = N. With "inside" the driver stops itself during its Nth write, after the
SQL ran and before COMMIT; with "after", right after the Nth commit. The harness then SIGKILLs it.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import desktop.ui  # noqa: F401  (binding workarounds first)

SEQUENCE = "保障本年度内两名保安人员的经费确保信访接待场所安全有序" * 200
SECTION = "basic_info"
PERIOD_MS = 15
GRID_EVERY = 7  # a grid edit after every 7th character


class Journal:
    """Append-only lines, flushed at once (the process may die at any moment)."""

    def __init__(self, path: str) -> None:
        self.fh = open(path, "a", encoding="utf-8")  # noqa: SIM115 (lives until killed)

    def line(self, *parts: object) -> None:
        self.fh.write("\t".join(str(p) for p in parts) + "\n")
        self.fh.flush()


def _keys(widget: Any, key: int, text: str = "") -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def _type(widget: Any, text: str) -> None:
    """Characters as an input method delivers them (key events carrying text)."""
    for ch in text:
        _keys(widget, 0, ch)


class Typist:
    """Types into the section and, every few characters, into a grid cell's editor."""

    def __init__(self, window: Any, journal: Journal) -> None:
        from desktop.ui.grid.columns import Column

        self.window = window
        self.journal = journal
        self.editor = window.section_editor(SECTION)
        self.page = window.workspace.tabs.page_of(SECTION)
        self.view = window.grid.view
        self.column = Column.DEVIATION
        self.rows = len(window.current_project().indicators)
        self.typed = len(self.editor.text())
        self.edits = 0

    def step(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextCursor

        tabs = self.window.workspace.tabs
        if tabs.currentWidget() is not self.page:
            tabs.setCurrentWidget(self.page)
            self.editor.edit.setFocus()
            cursor = self.editor.edit.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.End)
            self.editor.edit.setTextCursor(cursor)
        n = self.typed
        _type(self.editor.edit, SEQUENCE[n])
        self.typed = n + 1
        self.journal.line("c", f"{time.time():.3f}", n + 1)
        if n % GRID_EVERY == 0:
            self.edits += 1
            row = self.edits % self.rows
            k = int(time.time() * 1000)  # increases across runs too
            tabs.setCurrentWidget(self.window.grid)
            self.view.setFocus()
            self.view.go_to(1 + row, self.column)
            _keys(self.view, Qt.Key.Key_F2)
            cell = self.view.indexWidget(self.view.model().index(1 + row, self.column))
            assert cell is not None, "F2 opened no editor"
            cell.selectAll()
            _type(cell, f"改进{k}")
            _keys(cell, Qt.Key.Key_Return)
            self.journal.line("g", f"{time.time():.3f}", row, k)

    def state(self) -> str:
        """What a write made now would store: the section's length and every 偏差原因."""
        project = self.window.current_project()
        return json.dumps(
            {
                "len": len(project.sections.get(SECTION, "")),
                "deviation": [i.deviation for i in project.indicators],
            }
        )


def _arm_fault_points(window: Any, typist: Typist, journal: Journal) -> None:
    """Journal every write (S before, W after); stop at the chosen write if asked."""
    from desktop.store import repo

    mode = os.environ.get("JIXIAO_KILL_MODE", "random")
    at = int(os.environ.get("JIXIAO_KILL_AT_WRITE", "0"))
    count = {"writes": 0}
    autosave = window.session.autosave
    write = window.session.write

    def stop(where: str) -> None:
        journal.line("stop", f"{time.time():.3f}", where)
        os.kill(os.getpid(), signal.SIGSTOP)

    def inside(original: Any) -> Any:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            result = original(*args, **kwargs)
            if mode == "inside" and count["writes"] == at:
                stop("inside")  # the SQL ran; COMMIT has not
            return result

        return wrapped

    repo.save_section = inside(repo.save_section)
    repo.save_project = inside(repo.save_project)

    def journaled_write() -> None:
        count["writes"] += 1
        journal.line("S", f"{time.time():.3f}", typist.state())
        write()
        journal.line("W", f"{time.time():.3f}")
        if mode == "after" and count["writes"] == at:
            stop("after")

    autosave._write = journaled_write  # the autosaver's write callable (test fault point)


def main(db: str, journal_path: str, project_id: int) -> int:
    """Open the window, select the project, type until killed."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    app = QApplication([])
    window = open_main_window(open_store(Path(db)))
    window.show()
    journal = Journal(journal_path)
    if window.read_only:
        journal.line("readonly")
        return 3
    window.select_project(project_id)
    typist = Typist(window, journal)
    _arm_fault_points(window, typist, journal)
    journal.line("ready", f"{time.time():.3f}", typist.typed)
    timer = QTimer()
    timer.timeout.connect(typist.step)
    timer.start(PERIOD_MS)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
