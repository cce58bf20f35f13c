"""A full disk while typing: the window says so in Chinese, keeps the text, saves once space is back."""

from __future__ import annotations

from tests.ui.window_helpers import reopen_text, store_path, type_text


def test_full_disk_keeps_text_and_retries(ui_store, make_window, sample_project, qtbot):
    from desktop.store import repo

    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    editor = window.section_editor("conclusion")
    pages = ui_store.conn.execute("PRAGMA page_count").fetchone()[0]
    ui_store.conn.execute(f"PRAGMA max_page_count = {pages}")
    editor.edit.selectAll()
    editor.edit.insertPlainText("新结论" * 3000)  # a long paste …
    type_text(editor.edit, "新结论")  # … then typing
    qtbot.waitUntil(lambda: window.save_label.text() == "未保存！", timeout=3000)
    assert "磁盘空间已满" in window.save_label.toolTip()
    assert window.banner.isVisible()
    assert editor.text() == "新结论" * 3001  # nothing lost in the window
    assert (
        reopen_text(store_path(ui_store), pid, "conclusion")
        == sample_project.sections["conclusion"]
    )
    ui_store.conn.execute("PRAGMA max_page_count = 1073741823")  # space again
    assert window.flush()
    assert reopen_text(store_path(ui_store), pid, "conclusion") == "新结论" * 3001
    assert window.save_label.text().startswith("已保存")
