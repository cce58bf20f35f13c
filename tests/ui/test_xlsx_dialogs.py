"""导出 Excel… / 从 Excel 导入… in a window over a real store, with the preview dialog."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.exchange.xlsx.export import write_workbook
from desktop.model.project import Project
from desktop.store import repo
from desktop.ui import xlsx_dialogs
from desktop.ui.xlsx_dialogs import SCOPE_PROJECT, SCOPE_UNIT_YEAR, export_to, preview_import
from desktop.ui.xlsx_preview import ImportPreviewDialog


@pytest.fixture
def window(ui_store, make_window):
    return make_window(ui_store)


@pytest.fixture
def messages(monkeypatch):
    seen: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        xlsx_dialogs, "show_message", lambda parent, text, error=False: seen.append((text, error))
    )
    return seen


def _two_projects(store, sample_project) -> list[int]:
    ids = [repo.insert_project(store, sample_project)]
    sample_project.name = "接访费用"
    sample_project.id = None
    ids.append(repo.insert_project(store, sample_project))
    return ids


def _texts(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_menu_actions(window):
    assert "导出 Excel…" in _texts(window.menus.export)
    assert "从 Excel 导入…" in _texts(window.menus.file)


def test_export_unit_year_and_current_project(window, ui_store, sample_project, tmp_path):
    ids = _two_projects(ui_store, sample_project)
    window.workspace.reload_navigator()
    window.select_project(ids[1])
    out = tmp_path / "unit.xlsx"
    assert export_to(window.workspace, SCOPE_UNIT_YEAR, out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "保安费用", "接访费用", "审核"]
    assert wb["审核"]["D3"].value >= 1  # required sections empty → 错误 counted
    one = tmp_path / "one.xlsx"
    assert export_to(window.workspace, SCOPE_PROJECT, one)
    assert load_workbook(one).sheetnames == ["接访费用"]


def test_export_action_asks_scope_and_file(window, ui_store, sample_project, tmp_path, monkeypatch):
    ids = _two_projects(ui_store, sample_project)
    window.workspace.reload_navigator()
    window.select_project(ids[0])
    out = tmp_path / "chosen.xlsx"
    asked: list[str] = []

    def save_path(parent, suggested):
        asked.append(suggested)
        return out

    monkeypatch.setattr(xlsx_dialogs, "ask_save_path", save_path)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, xlsx_dialogs.ExportScopeDialog)
        dialog.options[SCOPE_UNIT_YEAR].setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.action.export_excel.trigger()
    assert asked == ["攀枝花市西区信访局2023年度绩效自评表.xlsx"]
    assert load_workbook(out).sheetnames[0] == "汇总"


def test_export_can_leave_the_audit_sheet_out(
    window, ui_store, sample_project, tmp_path, monkeypatch
):
    ids = _two_projects(ui_store, sample_project)
    window.workspace.reload_navigator()
    window.select_project(ids[0])
    out = tmp_path / "for-the-bureau.xlsx"
    monkeypatch.setattr(xlsx_dialogs, "ask_save_path", lambda parent, suggested: out)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, xlsx_dialogs.ExportScopeDialog)
        assert dialog.audit_box.isChecked()  # by default the 审核 sheet comes along
        dialog.options[SCOPE_UNIT_YEAR].setChecked(True)
        dialog.audit_box.setChecked(False)
        dialog.accept()

    QTimer.singleShot(0, answer)
    window.action.export_excel.trigger()
    assert load_workbook(out).sheetnames == ["汇总", "保安费用", "接访费用"]


def test_import_preview_then_import(window, ui_store, sample_project, tmp_path, qtbot):
    source = tmp_path / "in.xlsx"
    sample_project.id = 1
    other = Project(unit=sample_project.unit, year=2024, name="接访费用")
    write_workbook([sample_project, other], source, {})
    dialog = preview_import(window.workspace, source)
    assert dialog is not None and dialog.isVisible()
    tree = dialog.tree
    assert tree.topLevelItemCount() == 2
    top = tree.topLevelItem(0)
    assert top.text(0) == "攀枝花市西区信访局 · 2023年度 · 保安费用"
    assert top.text(1) == "6 条指标"
    children = [top.child(i).text(0) for i in range(top.childCount())]
    assert children == ["项目资金（万元）", "年度总体目标", "绩效指标"]
    assert top.child(0).child(0).text(1) == "8.00 / 8.00 / 8.00"
    assert top.child(2).child(0).text(0) == "产出指标 / 数量指标 / 保安人员数量"
    assert not dialog.replace_box.isVisible()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    names = sorted(r.name for r in repo.list_projects(ui_store))
    assert names == ["保安费用", "接访费用"]
    current = window.current_project()
    assert current is not None and current.name == "保安费用"
    assert all(r.status == "draft" for r in repo.list_projects(ui_store))


def test_duplicate_refused_in_dialog_then_replaced(window, ui_store, sample_project, tmp_path):
    repo.insert_project(ui_store, sample_project)
    sample_project.id = None
    source = tmp_path / "dup.xlsx"
    write_workbook([sample_project], source)
    dialog = preview_import(window.workspace, source)
    assert dialog is not None
    assert "数据库中已有同名项目" in dialog.tree.topLevelItem(0).text(1)
    assert not dialog.replace_box.isHidden()
    dialog.import_button.click()
    assert dialog.isVisible() and "未导入任何项目" in dialog.error_label.text()
    refusal = dialog.error_label.text()
    assert "--replace" not in refusal and "勾选" in refusal  # the window's way, not the CLI's
    assert len(repo.list_projects(ui_store)) == 1
    dialog.replace_box.setChecked(True)
    dialog.import_button.click()
    assert not dialog.isVisible()
    assert len(repo.list_projects(ui_store)) == 1


def test_the_same_project_twice_in_a_workbook_names_no_id(
    window, ui_store, sample_project, tmp_path
):
    source = tmp_path / "twice.xlsx"
    write_workbook([sample_project, sample_project], source)
    dialog = preview_import(window.workspace, source)
    assert dialog is not None
    dialog.import_button.click()
    text = dialog.error_label.text()
    assert "第 2 个项目与第 1 个项目相同" in text and "编号" not in text
    assert repo.list_projects(ui_store) == []


def test_cancel_writes_nothing(window, ui_store, sample_project, tmp_path):
    source = tmp_path / "in.xlsx"
    write_workbook([sample_project], source)
    dialog = preview_import(window.workspace, source)
    assert dialog is not None
    dialog.cancel_button.click()
    assert repo.list_projects(ui_store) == []


def test_bad_file_is_reported(window, ui_store, tmp_path, messages):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("hello", encoding="utf-8")
    assert preview_import(window.workspace, bad) is None
    assert messages and messages[0][1] is True
    assert "不是 Excel 工作簿" in messages[0][0]
    assert repo.list_projects(ui_store) == []


def test_open_dialog_seam(window, monkeypatch, tmp_path, sample_project):
    source = tmp_path / "in.xlsx"
    write_workbook([sample_project], source)
    monkeypatch.setattr(xlsx_dialogs, "ask_open_path", lambda parent: source)
    window.action.import_excel.trigger()
    (preview,) = window.findChildren(ImportPreviewDialog)
    assert preview.isVisible()
    preview.reject()


def test_preview_screenshot_is_readable(window, sample_project, tmp_path):
    source = tmp_path / "in.xlsx"
    write_workbook([sample_project], source)
    dialog = preview_import(window.workspace, source)
    assert dialog is not None
    image = dialog.grab().toImage()
    assert image.width() >= 600 and image.height() >= 400
    dialog.reject()
