"""The main window on a real database: first use, typing, autosave, funds, tabs from the form."""

from __future__ import annotations

import sys
import time
from decimal import Decimal

import pytest

from desktop.model.forms import load_form
from desktop.store import repo
from desktop.store.db import open_store
from desktop.ui import dialogs
from desktop.ui.dialogs import NewProjectSpec
from desktop.ui.section_tabs import tab_title
from desktop.ui.ui_font import PREFERRED_FAMILIES
from tests.ui.window_helpers import reopen_text, store_path, type_text


def _create_unit_and_project(window, monkeypatch, name="保安费用"):
    monkeypatch.setattr(dialogs, "ask_unit", lambda *a, **k: ("某区信访局", "某区人民政府"))
    window.action.new_unit.trigger()
    monkeypatch.setattr(
        dialogs,
        "ask_new_project",
        lambda parent, units, unit, year, forms: NewProjectSpec(
            unit, "", 2023, name, "self_evaluation"
        ),
    )
    window.action.new_project.trigger()
    project = window.current_project()
    assert project is not None
    return project


def test_title_menus_and_empty_database(ui_store, make_window):
    window = make_window(ui_store)
    assert "绩效自评报告编辑器" in window.windowTitle()
    titles = [a.text() for a in window.menuBar().actions()]
    for menu in ("文件", "编辑", "项目", "导出", "帮助"):
        assert any(t.startswith(menu) for t in titles), titles
    assert window.current_project() is None
    assert window.stack.currentWidget() is window.empty_page
    assert "新建单位" in window.empty_page.label.text()
    assert window.action.new_project.shortcut().toString() == "Ctrl+N"
    exports = [a.text() for a in window.menus.export.actions()]
    assert exports == ["导出 PDF…", "导出合订本…", "导出 Excel…"]
    assert "（尚无可用的导出功能）" not in exports


def test_first_use_create_type_and_reopen(ui_store, make_window, monkeypatch, qtbot):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    nav = window.navigator
    unit_item = nav.topLevelItem(0)
    assert unit_item.text(0) == "某区信访局"
    assert unit_item.child(0).text(0) == "2023年度"
    assert unit_item.child(0).child(0).text(0) == "保安费用"
    assert window.overview.name_edit.text() == "保安费用"
    assert window.overview.department_edit.text() == "某区人民政府"

    editor = window.section_editor("basic_info")
    window.tabs.setCurrentWidget(window.tabs.page_of("basic_info"))
    type_text(editor.edit, "保障两名保安人员经费")
    typed_at = time.monotonic()
    assert editor.count_label.text() == "10 字"
    path = store_path(ui_store)
    qtbot.waitUntil(
        lambda: reopen_text(path, project.id, "basic_info") == "保障两名保安人员经费",
        timeout=1500,
    )
    assert time.monotonic() - typed_at < 1.2
    qtbot.waitUntil(lambda: window.save_label.text().startswith("已保存 "))


def test_tabs_carry_the_form_headings(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    _create_unit_and_project(window, monkeypatch)
    form = load_form("self_evaluation")
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[:2] == ["概况", "绩效指标"]
    assert titles[2:-2] == [tab_title(h) for h, _ in form.tabs()]
    assert titles[2:-2] == ["项目概况", "资金申报及使用", "实施及管理", "绩效情况", "结论及建议"]
    assert titles[-2:] == ["运行监控", "整改"]
    # The full heading is the tab's tooltip.
    tips = [window.tabs.tabToolTip(i) for i in range(2, window.tabs.count() - 2)]
    assert tips == [h.title for h, _ in form.tabs()]
    assert tips[-1] == "五、评价结论及建议"
    hint = form.section("basic_info").hint
    assert window.section_editor("basic_info").edit.placeholderText() == hint


def test_switching_report_type_swaps_tabs(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    _create_unit_and_project(window, monkeypatch)
    combo = window.overview.form_combo
    combo.setCurrentIndex(combo.findData("evaluation"))
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[2:-2] == [tab_title(h) for h, _ in load_form("evaluation").tabs()]
    assert titles[-2:] == ["运行监控", "整改"]
    assert window.flush()
    pid = window.current_project().id
    store = open_store(store_path(ui_store), create=False)
    assert repo.load_project(store, pid).form == "evaluation"
    store.close()


def test_continuous_typing_flushes_every_second(ui_store, make_window, monkeypatch, qtbot):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    editor = window.section_editor("problems")
    path = store_path(ui_store)
    seen_while_typing = []
    start = time.monotonic()
    for i in range(24):  # ~2.4 s of typing, one key every 100 ms (never a 400 ms pause)
        type_text(editor.edit, "问")
        qtbot.wait(100)
        if time.monotonic() - start > 1.3 and i < 23:
            seen_while_typing.append(reopen_text(path, project.id, "problems"))
    assert any(text and len(text) < 24 for text in seen_while_typing)
    qtbot.waitUntil(lambda: reopen_text(path, project.id, "problems") == "问" * 24, timeout=1500)


def test_closing_flushes_immediately(ui_store, make_window, monkeypatch, qtbot):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    editor = window.section_editor("conclusion")
    type_text(editor.edit, "综合得分")
    window.close()
    assert reopen_text(store_path(ui_store), project.id, "conclusion") == "综合得分"


def test_funds_edit_updates_rate_and_total(ui_store, make_window, monkeypatch, qtbot):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    funds = window.overview.funds
    funds.set_cell_text("fiscal", "full_year", "150000")
    funds.set_cell_text("fiscal", "executed", "90,432.10")
    assert "60.29%" in funds.rate_label.text()
    assert "6.03" in funds.rate_label.text()
    assert funds.cell_text("total", "full_year") == "150,000.00"
    assert funds.cell_text("total", "executed") == "90,432.10"
    assert project.funds.rows["total"].executed == Decimal("90432.10")
    assert "总分" in window.score_label.text()
    assert window.flush()
    store = open_store(store_path(ui_store), create=False)
    saved = repo.load_project(store, project.id)
    store.close()
    assert saved.funds.rows["fiscal"].executed == Decimal("90432.10")
    assert saved.funds.rows["total"].full_year == Decimal("150000.00")


def test_bad_money_is_shown_and_not_saved(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    funds = window.overview.funds
    funds.set_cell_text("fiscal", "executed", "1000")
    assert window.flush()
    for bad in ("一千元", "-5", "1.234"):
        funds.set_cell_text("fiscal", "executed", bad)
        assert funds.is_bad("fiscal", "executed")
        tip = funds.table.item(1, 2).toolTip()
        assert "全年执行数" in tip and "未保存" in tip
        assert project.funds.rows["fiscal"].executed == Decimal("1000.00")
    assert window.flush()
    store = open_store(store_path(ui_store), create=False)
    assert repo.load_project(store, project.id).funds.rows["fiscal"].executed == Decimal("1000")
    store.close()
    funds.set_cell_text("fiscal", "executed", "2000")
    assert not funds.is_bad("fiscal", "executed")


def test_amounts_in_wan_are_understood_and_refusals_say_why(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    funds = window.overview.funds
    funds.set_cell_text("fiscal", "full_year", "8万")
    funds.set_cell_text("fiscal", "executed", "7.86万元")
    assert project.funds.rows["fiscal"].full_year == Decimal("80000.00")
    assert project.funds.rows["fiscal"].executed == Decimal("78600.00")
    assert funds.cell_text("fiscal", "full_year") == "80,000.00"
    assert "98.25%" in funds.rate_label.text()
    assert not funds.error_label.isVisible()
    # A refused amount says why right under the table, not only in the cell's tooltip.
    funds.set_cell_text("fiscal", "executed", "8千")
    assert funds.error_label.isVisible()
    said = funds.error_label.text()
    assert "全年执行数" in said and "“8千”不是金额" in said and "8万" in said and "未保存" in said
    assert project.funds.rows["fiscal"].executed == Decimal("78600.00")
    funds.set_cell_text("fiscal", "executed", "7.9万")
    assert not funds.error_label.isVisible()
    assert project.funds.rows["fiscal"].executed == Decimal("79000.00")


def test_insert_template_fills_project_figures(ui_store, make_window, monkeypatch, qtbot):
    window = make_window(ui_store)
    _create_unit_and_project(window, monkeypatch)
    funds = window.overview.funds
    funds.set_cell_text("fiscal", "initial", "50000")
    funds.set_cell_text("fiscal", "full_year", "150000")
    funds.set_cell_text("fiscal", "executed", "90432.10")
    editor = window.section_editor("funds_usage")
    editor.template_button.click()
    text = editor.text()
    assert "年初预算5.00万元" in text and "全年执行9.04万元" in text and "60.29%" in text
    editor.edit.undo()
    assert editor.text() == ""


def test_ctrl_s_is_harmless(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    _create_unit_and_project(window, monkeypatch)
    window.action.save.trigger()
    assert "已保存" in window.statusBar().currentMessage()


def test_funds_edit_undo_and_redo(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    funds = window.overview.funds
    funds.set_cell_text("fiscal", "full_year", "100000")
    funds.set_cell_text("fiscal", "executed", "50000")
    assert "50.00%" in funds.rate_label.text()
    window.action.undo.trigger()
    assert funds.cell_text("fiscal", "executed") == ""
    assert project.funds.rows["total"].executed is None
    assert "50.00%" not in funds.rate_label.text()
    window.action.redo.trigger()
    assert funds.cell_text("total", "executed") == "50,000.00"
    assert window.flush()
    assert repo.load_project(ui_store, project.id).funds.rows["fiscal"].executed == Decimal("50000")


def test_year_and_report_type_changes_are_undoable(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    window.overview.year_spin.setValue(2024)
    combo = window.overview.form_combo
    combo.setCurrentIndex(combo.findData("evaluation"))
    assert (project.year, project.form) == (2024, "evaluation")
    window.action.undo.trigger()
    assert project.form == "self_evaluation"
    first = tab_title(load_form("self_evaluation").tabs()[0][0])
    assert window.tabs.tabText(2) == first
    assert combo.currentData() == "self_evaluation"
    window.action.undo.trigger()
    assert project.year == 2023 and window.overview.year_spin.value() == 2023
    assert window.flush()
    saved = repo.load_project(ui_store, project.id)
    assert (saved.year, saved.form) == (2023, "self_evaluation")


def test_standard_shortcuts(ui_store, make_window):
    window = make_window(ui_store)
    keys = {name: [k.toString() for k in a.shortcuts()] for name, a in window.action.items()}
    assert "Ctrl+N" in keys["new_project"]
    assert "Ctrl+S" in keys["save"]
    assert "Ctrl+Z" in keys["undo"]
    assert "Ctrl+Y" in keys["redo"]
    assert keys["quit"].count("Ctrl+Q") == 1


def test_year_and_department_edits_persist_and_move_the_project(ui_store, make_window, monkeypatch):
    window = make_window(ui_store)
    project = _create_unit_and_project(window, monkeypatch)
    window.overview.year_spin.setValue(2022)
    window.overview.department_edit.setFocus()
    type_text(window.overview.department_edit, "（区）")
    window.overview.name_edit.setText("保安费用（调整）")
    window.overview.name_edit.textEdited.emit("保安费用（调整）")
    assert window.navigator.item_for(project.id).text(0) == "保安费用（调整）"
    assert window.flush()
    unit_item = window.navigator.topLevelItem(0)
    assert unit_item.child(0).text(0) == "2022年度"
    assert unit_item.child(0).child(0).text(0) == "保安费用（调整）"
    saved = repo.load_project(ui_store, project.id)
    assert (saved.year, saved.name) == (2022, "保安费用（调整）")
    assert saved.unit.department == "某区人民政府（区）"


def test_status_bar_total_follows_grid_and_funds_edits(ui_store, make_window, sample_project):
    from PySide6.QtCore import Qt

    from desktop.store import repo

    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    assert window.score_label.text().startswith("总分 100 分")
    model = window.grid.model()
    score_col = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "得分"
    )
    model.setData(model.index(1, score_col), "15", Qt.ItemDataRole.EditRole)  # 20 → 15
    assert window.score_label.text().startswith("总分 95 分")
    window.undo_stack.undo()
    assert window.score_label.text().startswith("总分 100 分")
    # spending only half of the budget lowers the 预算执行率 score (entered empty → computed)
    window.current_project().execution.score = None
    funds = window.current_project().funds.rows["total"]
    funds.executed = funds.full_year / 2
    window.grid.refresh()
    window.session.mark_changed()
    assert window.score_label.text().startswith("总分 95 分")


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the platform picks its UI face")
def test_chinese_ui_text_is_drawn_in_a_sans_face_not_kaiti(ui_store, make_window):
    # fontconfig on Debian-based systems may resolve Chinese "sans-serif" to AR PL KaitiM;
    # menus and tables in a calligraphic face are hard to read
    from PySide6.QtGui import QFontDatabase, QRawFont
    from PySide6.QtWidgets import QApplication

    window = make_window(ui_store)
    font = QApplication.font(window)
    used = QRawFont.fromFont(font, QFontDatabase.WritingSystem.SimplifiedChinese).familyName()
    assert "Kai" not in used and "楷" not in used
    assert used in (*PREFERRED_FAMILIES, "WenQuanYi Micro Hei")
