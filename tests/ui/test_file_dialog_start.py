"""Where the window's file dialogs open: the Documents (or home) folder, then the folder the
user last chose — never the program's working folder; 恢复备份 opens in backups/."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from desktop.store import backup, repo
from desktop.ui import dialogs


def _answer(seen: list[Path], name: str | None) -> None:
    """Record the open file dialog's folder; choose ``name`` in it (None: cancel)."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QFileDialog):
        QTimer.singleShot(20, lambda: _answer(seen, name))
        return
    seen.append(Path(box.directory().absolutePath()))
    if name is None:
        box.reject()
        return
    box.findChild(QLineEdit, "fileNameEdit").setText(str(seen[-1] / name))
    box.accept()


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A home with a Documents folder; the process runs in another (the program's) folder."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    program = tmp_path / "program"
    program.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.chdir(program)
    monkeypatch.setattr(dialogs, "_last_folder", [])
    return home


def test_export_opens_in_documents_then_where_the_user_saved(
    make_window, ui_store, sample_project, home
):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    seen: list[Path] = []
    elsewhere = home / "报送"
    elsewhere.mkdir()

    def save_to_elsewhere() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(20, save_to_elsewhere)
            return
        seen.append(Path(box.directory().absolutePath()))
        box.findChild(QLineEdit, "fileNameEdit").setText(str(elsewhere / "保安费用.pdf"))
        box.accept()

    QTimer.singleShot(0, save_to_elsewhere)
    window.action.export_pdf.trigger()
    assert seen[0] == home / "Documents"  # not the program's folder
    assert (elsewhere / "保安费用.pdf").is_file()
    QTimer.singleShot(0, lambda: _answer(seen, None))
    window.action.export_pdf.trigger()
    assert seen[1] == elsewhere  # the folder chosen last time


def test_restore_opens_in_the_backups_folder(make_window, ui_store, sample_project, home):
    repo.insert_project(ui_store, sample_project)
    made = backup.auto_backup(ui_store)
    assert made is not None
    window = make_window(ui_store)
    seen: list[Path] = []
    QTimer.singleShot(0, lambda: _answer(seen, None))
    window.action.restore.trigger()
    assert seen == [made.parent]
