"""One real main window in its own process, driven by commands from a test (two-window harness).

Run as a script: python window_driver.py DB FOLDER NAME
Commands are JSON lines appended to FOLDER/NAME.cmd; each answer is one JSON line appended to
FOLDER/NAME.out (the first is {"ready": …}). Typing goes into the real section editor as key
events, one character at a time, as an input method delivers Chinese.

    {"op": "state"}                        read-only? lost the lock? banner, the section's text
    {"op": "select", "id": 1}              open a project
    {"op": "type", "key": "problems", "text": "…"}
    {"op": "type_then_stop", "key": …, "text": …}   type, answer, then SIGSTOP itself: the
                                           typing is pending (autosave due in < 1 s)
    {"op": "flush"}                        write pending edits now
    {"op": "save_copy", "path": "…"}       the banner's 另存为副本… with that file chosen
    {"op": "close"}                        close the window (unsaved edits discarded) and exit
"""

from __future__ import annotations

import json
import os
import signal
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import desktop.ui  # noqa: F401  (binding workarounds first)

POLL_MS = 20


class Driver:
    """Reads commands, acts on the window, answers."""

    def __init__(self, window: Any, folder: Path, name: str) -> None:
        self.window = window
        self.commands = folder / f"{name}.cmd"
        self.answers = (folder / f"{name}.out").open("a", encoding="utf-8")
        self.done = 0  # commands handled

    def answer(self, data: dict[str, Any]) -> None:
        self.answers.write(json.dumps(data, ensure_ascii=False) + "\n")
        self.answers.flush()

    def state(self) -> dict[str, Any]:
        session, banner = self.window.session, self.window.banner
        editor = self.window.section_editor("problems")
        project = session.project
        return {
            "read_only": session.read_only,
            "lost": session.lost_lock,
            "unsaved": session.unsaved,
            "banner_kind": banner.kind,
            "banner": banner.text_shown() if banner.isVisible() else "",
            "link": banner.link,
            "text": editor.text() if editor is not None else None,
            "project": project.id if project else None,
        }

    def poll(self) -> None:
        if not self.commands.exists():
            return
        lines = self.commands.read_text(encoding="utf-8").splitlines()
        for line in lines[self.done :]:
            self.done += 1
            self.run(json.loads(line))

    def type(self, key: str, text: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QKeyEvent, QTextCursor
        from PySide6.QtWidgets import QApplication

        edit = self.window.section_editor(key).edit
        edit.setFocus()
        cursor = edit.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        for ch in text:
            for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch)
                QApplication.sendEvent(edit, event)

    def run(self, cmd: dict[str, Any]) -> None:
        op = cmd["op"]
        if op == "state":
            self.answer(self.state())
        elif op == "select":
            self.answer({"selected": self.window.select_project(int(cmd["id"]))})
        elif op in ("type", "type_then_stop"):
            self.type(cmd["key"], cmd["text"])
            self.answer({"typed": len(cmd["text"]), "pending": self.window.session.autosave.dirty})
            if op == "type_then_stop":
                os.kill(os.getpid(), signal.SIGSTOP)  # stalls here until SIGCONT
        elif op == "flush":
            self.answer({"flushed": self.window.flush()})
        elif op == "save_copy":
            from desktop.ui import dialogs

            dialogs.save_file = lambda *a: Path(cmd["path"])  # the user picks this file
            self.window.banner.link_clicked.emit("save-copy")
            self.answer({"saved": Path(cmd["path"]).exists()})
        elif op == "close":
            from desktop.ui import dialogs

            dialogs.confirm = lambda *a: True
            self.window.close()
            self.answer({"closed": True})
            from PySide6.QtWidgets import QApplication

            QApplication.quit()


def main(db: str, folder: str, name: str) -> int:
    """Open the window on DB and obey the commands until told to close."""
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    app = QApplication([])
    settings = QSettings(str(Path(folder) / f"{name}.ini"), QSettings.Format.IniFormat)
    window = open_main_window(open_store(Path(db)), settings=settings)
    window.show()
    driver = Driver(window, Path(folder), name)
    driver.answer({"ready": True, "pid": os.getpid(), **driver.state()})
    timer = QTimer()
    timer.timeout.connect(driver.poll)
    timer.start(POLL_MS)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3]))
