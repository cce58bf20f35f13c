"""Details a user notices on a small screen: the empty database's ways in, a toolbar that keeps
its width, the navigator's tooltips, the window's first size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.exchange.jsonio import read_projects
from desktop.store import repo
from desktop.ui import xlsx_dialogs
from desktop.ui.text_import_dialog import TextImportDialog
from desktop.ui.xlsx_preview import ImportPreviewDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_empty_database_offers_import_beside_new(ui_store, make_window, monkeypatch, tmp_path):
    from desktop.exchange.xlsx.export import write_workbook

    window = make_window(ui_store)
    page = window.empty_page
    assert window.stack.currentWidget() is page
    buttons = [page.new_unit_button, page.new_project_button]
    buttons += [page.import_text_button, page.import_excel_button]
    assert [b.text() for b in buttons] == [
        "新建单位…",
        "新建项目…",
        "导入往年报告…",
        "从 Excel 导入…",
    ]
    assert all(b.isVisible() and b.isEnabled() for b in buttons)
    page.import_text_button.click()
    (dialog,) = [w for w in window.findChildren(TextImportDialog) if w.isVisible()]
    dialog.reject()
    book = tmp_path / "往年.xlsx"
    write_workbook(read_projects(FIXTURES / "seed003_baoan.json"), book)
    monkeypatch.setattr(xlsx_dialogs, "ask_open_path", lambda parent: book)
    page.import_excel_button.click()
    (preview,) = [w for w in window.findChildren(ImportPreviewDialog) if w.isVisible()]
    assert "保安费用" in preview.windowTitle() or preview.isVisible()
    preview.reject()


def test_undo_button_keeps_its_width(ui_store, make_window, qtbot):
    pid = repo.insert_project(ui_store, read_projects(FIXTURES / "seed003_baoan.json")[0])
    window = make_window(ui_store)
    window.select_project(pid)
    button = window.menus.toolbar.widgetForAction(window.action.undo_button)
    before = button.sizeHint().width()
    assert not button.isEnabled()
    window.overview.funds.set_cell_text("fiscal", "executed", "79000")
    QApplication.processEvents()
    assert button.isEnabled()
    assert button.text() == "撤销" and button.sizeHint().width() == before
    assert "撤销" in button.toolTip() and "全年执行数" in button.toolTip()  # what it undoes
    assert window.action.undo.text() != "撤销"  # the menu says which command
    button.click()
    project = window.current_project()
    assert project.funds.rows["fiscal"].executed != 79000


def test_navigator_tooltips_name_the_project_and_its_status(ui_store, make_window):
    long_name = "矛盾化解和疑难信访问题处置及信访积案化解专项工作经费"
    project = read_projects(FIXTURES / "seed003_baoan.json")[0]
    project.name = long_name
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)
    item = window.navigator.item_for(pid)
    tip = item.toolTip(0)
    assert tip.splitlines()[0] == long_name
    assert "攀枝花市西区信访局" in tip and "2023年度" in tip
    assert "项目支出绩效自评报告" in tip and "状态：草稿" in tip


def test_first_window_fills_the_available_area(ui_store, make_window, qtbot):
    window = make_window(ui_store)
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: window.frameGeometry() == area)
    assert window.isMaximized()


def test_a_remembered_size_larger_than_the_screen_is_shrunk(ui_store, make_window, qtbot):
    from PySide6.QtCore import QRect

    window = make_window(ui_store)
    window.showNormal()
    window.setGeometry(QRect(0, 0, 3000, 2000))  # as left on a large monitor
    window.save_settings()
    window.close()
    again = make_window(ui_store)
    area = again.screen().availableGeometry()
    qtbot.waitUntil(lambda: again.isVisible())
    assert area.contains(again.frameGeometry())
