"""Navigator, findings, delete/undo/回收站, rename, read-only second instance, settings."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time

import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.model.checks import ERROR, Finding
from desktop.model.project import Project
from desktop.store import lock, repo
from desktop.store.db import open_store
from desktop.ui import actions, dialogs
from desktop.ui.recycle_bin import RecycleBinDialog
from tests.ui.window_helpers import reopen_text, store_path, type_text


def _insert(store, *projects):
    return [repo.insert_project(store, p) for p in projects]


def _three(store, sample_project):
    other = Project(unit=sample_project.unit, year=2023, name="接访费用")
    older = Project(unit=sample_project.unit, year=2022, name="保安费用")
    return _insert(store, sample_project, other, older)


def test_navigator_switches_project_and_reuses_tabs(ui_store, make_window, sample_project):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    nav = window.navigator
    assert nav.topLevelItem(0).text(0) == "攀枝花市西区信访局"
    years = [nav.topLevelItem(0).child(i).text(0) for i in range(2)]
    assert years == ["2023年度", "2022年度"]
    window.select_project(ids[0])
    editor = window.section_editor("basic_info")
    assert "两名保安人员" in editor.text()
    page_count = window.tabs.count()
    nav.setCurrentItem(nav.item_for(ids[1]))
    assert window.current_project().id == ids[1]
    assert window.overview.name_edit.text() == "接访费用"
    assert window.section_editor("basic_info") is editor
    assert editor.text() == ""
    assert window.tabs.count() == page_count
    nav.setCurrentItem(nav.item_for(ids[0]))
    assert window.overview.funds.cell_text("total", "executed") == "80,000.00"


def test_switching_flushes_pending_edits(ui_store, make_window, sample_project):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[1])
    type_text(window.section_editor("method").edit, "比较法")
    window.navigator.setCurrentItem(window.navigator.item_for(ids[0]))
    assert reopen_text(store_path(ui_store), ids[1], "method") == "比较法"


def test_last_project_and_layout_restored(ui_store, make_window, sample_project):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[1])
    window.close()
    again = make_window(ui_store)
    assert again.current_project().id == ids[1]


def test_findings_listed_and_click_jumps_to_section(ui_store, make_window, sample_project, qtbot):
    sample_project.sections["problems"] = ""
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    window.refresh_findings()
    panel = window.findings_panel
    codes = [f.code for f in panel.findings]
    assert "E-SECTION-EMPTY" in codes
    row = next(i for i, f in enumerate(panel.findings) if f.location.get("section") == "problems")
    item = panel.list.item(row)
    assert "存在的问题" in item.text()
    rect = panel.list.visualItemRect(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = window.section_editor("problems")
    assert window.tabs.currentWidget() is window.tabs.page_of("problems")
    assert editor.edit.hasFocus() or window.focusWidget() is editor.edit


def test_findings_refresh_after_edit(ui_store, make_window, sample_project, qtbot):
    sample_project.sections["problems"] = ""
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    window.refresh_findings()
    assert any(f.location.get("section") == "problems" for f in window.findings)
    type_text(window.section_editor("problems").edit, "无。")
    qtbot.waitUntil(
        lambda: not any(f.location.get("section") == "problems" for f in window.findings),
        timeout=2000,
    )


def test_jump_selects_section_range_and_funds_cell(ui_store, make_window, sample_project):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    text = window.section_editor("basic_info").text()
    window.jump_to(Finding(ERROR, "X", "x", {"section": "basic_info", "start": 2, "end": 6}))
    assert window.section_editor("basic_info").edit.textCursor().selectedText() == text[2:6]
    window.jump_to(Finding(ERROR, "X", "x", {"funds": "fiscal", "column": "executed"}))
    assert window.tabs.currentWidget() is window.overview
    table = window.overview.funds.table
    assert (table.currentRow(), table.currentColumn()) == (1, 2)
    window.jump_to(Finding(ERROR, "X", "x", {"project": "signed_date"}))
    assert window.tabs.currentWidget() is window.overview
    window.jump_to(Finding(ERROR, "X", "x", {"indicator": 3, "column": "score"}))
    assert window.tabs.currentWidget() is window.grid


def test_overspent_funds_finding(ui_store, make_window, sample_project, qtbot):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    window.overview.funds.set_cell_text("fiscal", "executed", "90000")
    qtbot.waitUntil(
        lambda: any(f.code == "E-FUNDS-OVERSPENT" for f in window.findings), timeout=2000
    )


def test_delete_undo_and_recycle_bin(ui_store, make_window, sample_project, monkeypatch):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[1])
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    window.action.delete.trigger()
    assert ids[1] in window.navigator.project_ids()
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.action.delete.trigger()
    assert ids[1] not in window.navigator.project_ids()
    assert [r.id for r in repo.list_projects(ui_store, deleted=True)] == [ids[1]]
    window.undo_stack.undo()
    assert ids[1] in window.navigator.project_ids()
    assert window.current_project().id == ids[1]
    window.action.delete.trigger()
    dialog = RecycleBinDialog(window.workspace)
    assert dialog.project_ids() == [ids[1]]
    dialog.table.selectRow(0)
    assert dialog.restore_selected() == [ids[1]]
    assert ids[1] in window.navigator.project_ids()
    assert repo.list_projects(ui_store, deleted=True) == []


def test_rename_project_and_unit(ui_store, make_window, sample_project, monkeypatch):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[0])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "保安服务费用")
    window.action.rename.trigger()
    assert window.navigator.item_for(ids[0]).text(0) == "保安服务费用"
    assert repo.load_project(ui_store, ids[0]).name == "保安服务费用"
    window.navigator.setCurrentItem(window.navigator.topLevelItem(0))
    monkeypatch.setattr(dialogs, "ask_unit", lambda *a: ("西区信访局", "西区人民政府"))
    window.action.rename.trigger()
    assert window.navigator.topLevelItem(0).text(0) == "西区信访局"
    assert repo.load_project(ui_store, ids[0]).unit.department == "西区人民政府"


def test_navigator_context_menu_lists_actions(ui_store, make_window, sample_project):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[0])
    menu = actions.navigator_menu(window.workspace, window.action)
    texts = [a.text() for a in menu.actions() if a.text()]
    for label in ("新建单位…", "新建项目…", "重命名…", "复制为下一年度", "删除项目…", "回收站…"):
        assert label in texts
    rect = window.navigator.visualItemRect(window.navigator.item_for(ids[0]))
    assert rect.contains(QPoint(rect.center()))


HOLDER = textwrap.dedent(
    """
    import sys, time
    from desktop.store import lock
    from desktop.store.db import open_store
    store = open_store(sys.argv[1])
    assert lock.acquire(store) is None
    print("held", flush=True)
    time.sleep(60)
    """
)


@pytest.fixture
def other_holder(ui_store):
    """Another process that holds the single-writer lock of ui_store's file."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(store_path(ui_store))],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "held"
    yield proc
    proc.kill()
    proc.wait()


def test_second_instance_is_read_only(ui_store, make_window, sample_project, other_holder):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    assert window.read_only
    info = lock.holder(ui_store)
    assert info is not None and info.pid == other_holder.pid
    banner = window.banner.text()
    assert window.banner.isVisible()
    assert info.user in banner and info.host in banner and "只读" in banner
    assert info.started.replace("T", " ")[:16] in banner
    assert "[只读]" in window.windowTitle()
    window.select_project(pid)
    editor = window.section_editor("basic_info")
    assert editor.edit.isReadOnly()
    before = editor.text()
    type_text(editor.edit, "不应写入")
    assert editor.text() == before
    assert window.overview.name_edit.isReadOnly()
    assert not window.action.new_project.isEnabled()
    assert not window.action.delete.isEnabled()
    window.overview.funds.set_cell_text("fiscal", "executed", "1")
    time.sleep(0.1)
    assert window.flush()
    store = open_store(store_path(ui_store), create=False)
    assert repo.load_project(store, pid).section("basic_info") == before
    store.close()


def test_lock_released_on_close(ui_store, make_window):
    window = make_window(ui_store)
    assert not window.read_only
    row = ui_store.db.execute("SELECT pid FROM app_lock").fetchone()
    assert row is not None
    window.close()
    assert ui_store.db.execute("SELECT pid FROM app_lock").fetchone() is None


def test_backup_and_restore(ui_store, make_window, sample_project, monkeypatch, tmp_path):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    out = tmp_path / "copy.db"
    monkeypatch.setattr(dialogs, "save_file", lambda *a: out)
    window.action.backup.trigger()
    assert out.is_file()
    type_text(window.section_editor("method").edit, "之后的修改")
    assert window.flush()
    monkeypatch.setattr(dialogs, "open_file", lambda *a, **k: out)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.action.restore.trigger()
    assert not window.read_only
    window.select_project(pid)
    assert window.section_editor("method").text() == ""
    assert reopen_text(store_path(window.store), pid, "method") == ""
    assert any("before-restore" in p.name for p in (tmp_path / "backups").iterdir())


def test_switching_project_clears_undo_history(ui_store, make_window, sample_project, monkeypatch):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[1])
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    window.action.delete.trigger()
    assert window.undo_stack.canUndo()
    window.navigator.setCurrentItem(window.navigator.item_for(ids[2]))
    assert not window.undo_stack.canUndo()


def test_fits_a_1366x768_screen(ui_store, make_window, sample_project):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    hint = window.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740
    window.resize(1366, 740)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window.tabs.currentWidget().width() > 500


def test_final_project_is_shown_read_only(ui_store, make_window, sample_project):
    sample_project.status = "final"
    (pid, other, _) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    assert not window.editable
    assert window.banner.isVisible() and "已定稿" in window.banner.text()
    editor = window.section_editor("basic_info")
    assert editor.edit.isReadOnly()
    assert not editor.template_button.isEnabled()
    window.select_project(other)
    assert window.editable
    assert not window.banner.isVisible()
    assert not window.section_editor("basic_info").edit.isReadOnly()


def test_reload_current_after_a_change_in_the_database(ui_store, make_window, sample_project):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    repo.save_section(ui_store, pid, "method", "外部修改")
    window.workspace.reload_current()
    assert window.section_editor("method").text() == "外部修改"


def test_delete_key_in_navigator_asks_then_deletes(
    ui_store, make_window, sample_project, monkeypatch, qtbot
):
    ids = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(ids[1])
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda *a: asked.append(a) or True)
    window.navigator.setFocus()
    qtbot.waitUntil(window.navigator.hasFocus)
    qtbot.keyClick(window.navigator, Qt.Key.Key_Delete)
    assert asked and ids[1] not in window.navigator.project_ids()
    editor = window.section_editor("basic_info")
    editor.edit.setFocus()
    qtbot.keyClick(editor.edit, Qt.Key.Key_Delete)
    assert len(asked) == 1


def test_finalised_elsewhere_is_never_overwritten(ui_store, make_window, sample_project, qtbot):
    (pid, *_) = _three(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    with ui_store.transaction() as db:  # what 定稿 does to the row
        db.execute("UPDATE project SET status = 'final' WHERE id = ?", [pid])
    type_text(window.section_editor("method").edit, "定稿后的修改")
    window.flush()
    qtbot.waitUntil(lambda: window.section_editor("method").text() == "")
    assert not window.editable and "已定稿" in window.banner.text()
    saved = repo.load_project(ui_store, pid)
    assert saved.status == "final"
    assert saved.section("method") == ""
