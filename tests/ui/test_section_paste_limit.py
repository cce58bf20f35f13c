"""A paste that would take a section over the length the database keeps is refused at once,
with a message naming the section; the other edits keep saving (no endless retry banner)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.model.limits import MAX_SECTION_CHARS
from desktop.store import repo
from tests.ui.window_helpers import reopen_text, store_path, type_text


def _close_box(seen: list[str]) -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, lambda: _close_box(seen))
        return
    seen.append(f"{box.windowTitle()}|{box.text()}")
    box.close()


def test_an_oversized_paste_is_refused_and_the_rest_still_saves(
    make_window, ui_store, sample_project, qtbot
):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    editor = window.section_editor("basic_info")
    before = editor.text()
    QApplication.clipboard().setText("很长的文字" * (MAX_SECTION_CHARS // 5 + 1))
    seen: list[str] = []
    QTimer.singleShot(0, lambda: _close_box(seen))
    editor.edit.paste()
    assert len(seen) == 1 and "未粘贴" in seen[0] and "项目基本情况" in seen[0]
    assert editor.text() == before  # nothing pasted, nothing half-kept
    other = window.section_editor("problems")
    type_text(other.edit, "培训不足。")
    assert window.flush()  # the window still saves
    assert not window.banner.isVisible()
    assert "培训不足。" in reopen_text(store_path(ui_store), pid, "problems")
    assert reopen_text(store_path(ui_store), pid, "basic_info") == before


def test_a_paste_within_the_limit_goes_in(make_window, ui_store, sample_project):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    editor = window.section_editor("basic_info")
    editor.set_text("")
    QApplication.clipboard().setText("字" * 1000)
    editor.edit.paste()
    assert editor.text() == "字" * 1000
    assert window.flush()
    assert reopen_text(store_path(ui_store), pid, "basic_info") == "字" * 1000
