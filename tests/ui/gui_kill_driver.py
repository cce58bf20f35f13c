"""Drives the real main window for the crash harness: types into a section and edits the grid.

Run as a script: python gui_kill_driver.py DB JOURNAL PROJECT_ID
Every keystroke and grid edit is appended to JOURNAL (time, what) before the next one, so the
harness knows what had been typed one second before it killed the process.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import desktop.ui  # noqa: F401  (binding workarounds first)

SEQUENCE = "保障本年度内两名保安人员的经费确保信访接待场所安全有序" * 200
SECTION = "basic_info"
DEVIATION_COLUMN = 8
PERIOD_MS = 15


def main(db: str, journal_path: str, project_id: int) -> int:
    """Open the window, select the project, type until killed."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    app = QApplication([])
    store = open_store(Path(db))
    window = open_main_window(store)
    window.show()
    journal = open(journal_path, "a", encoding="utf-8")  # noqa: SIM115 (lives until killed)
    if window.read_only:
        journal.write("readonly\n")
        journal.flush()
        return 3
    window.select_project(project_id)
    editor = window.section_editor(SECTION)
    model = window.grid.model()
    rows = len(window.current_project().indicators)
    state = {"typed": len(editor.text()), "edits": 0}
    editor.edit.setFocus()
    cursor = editor.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    editor.edit.setTextCursor(cursor)
    journal.write(f"ready\t{time.time():.3f}\t{state['typed']}\n")
    journal.flush()

    def step() -> None:
        n = state["typed"]
        for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
            # a Chinese character arrives as a key event carrying text, as from an IME
            QApplication.sendEvent(
                editor.edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, SEQUENCE[n])
            )
        state["typed"] = n + 1
        journal.write(f"c\t{time.time():.3f}\t{n + 1}\n")
        if n % 7 == 0:
            state["edits"] += 1
            k = int(time.time() * 1000)  # increases across runs too
            row = state["edits"] % rows
            index = model.index(1 + row, DEVIATION_COLUMN)
            model.setData(index, f"改进{k}", Qt.ItemDataRole.EditRole)
            journal.write(f"g\t{time.time():.3f}\t{row}\t{k}\n")
        journal.flush()

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(PERIOD_MS)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
