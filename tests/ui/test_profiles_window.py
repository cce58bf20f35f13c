"""The 自评表 format (rule profile) and a department's 收支情况 in a real window."""

from __future__ import annotations

import re
from decimal import Decimal

from openpyxl import load_workbook

from desktop.exchange.pdf.document import render_report_pdf
from desktop.exchange.xlsx.export import write_workbook
from desktop.model.forms import load_form
from desktop.store import repo
from desktop.ui import dialogs
from desktop.ui.dialogs import NewProjectSpec
from tests.dept_helpers import department_project
from tests.exchange.pdfread import page_texts
from tests.ui.window_helpers import type_text

D = Decimal


def _choose(window, key: str) -> None:
    combo = window.overview.profile_box.combo
    combo.setCurrentIndex(combo.findData(key))


def _header_row(path):
    ws = load_workbook(path).active
    rows = [[c.value for c in row if c.value is not None] for row in ws.iter_rows()]
    return next(r for r in rows if "三级指标" in r)


def test_choosing_sichuan_changes_the_exports_and_is_undoable(
    ui_store, make_window, sample_project, tmp_path
):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    box = window.overview.profile_box
    assert box.combo.currentData() == "mof-2020"
    assert not box.reason_edit.isVisibleTo(window)  # the national form has no 原因 cell
    _choose(window, "sichuan-2023")
    assert window.current_project().profile == "sichuan-2023"
    assert box.reason_edit.isVisibleTo(window) and set(box.signature_edits) == {
        "项目负责人",
        "财务负责人",
    }
    assert window.flush()
    saved = repo.load_project(ui_store, pid)
    assert saved.profile == "sichuan-2023"
    write_workbook([saved], tmp_path / "sc.xlsx")
    assert _header_row(tmp_path / "sc.xlsx")[-4:] == ["完成值", "权重", "得分", "未完成原因分析"]
    pdf = "".join(page_texts(render_report_pdf(saved, load_form(saved.form))))
    assert "部门预算项目支出绩效自评表" in pdf and "项目负责人" in pdf
    window.action.undo.trigger()
    assert box.combo.currentData() == "mof-2020"
    assert window.flush()
    saved = repo.load_project(ui_store, pid)
    write_workbook([saved], tmp_path / "mof.xlsx")
    assert _header_row(tmp_path / "mof.xlsx")[-1] == "偏差原因分析及改进措施"


def test_the_reason_and_signatures_are_edited_saved_and_printed(
    ui_store, make_window, sample_project
):
    sample_project.profile = "sichuan-2023"
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    box = window.overview.profile_box
    box.reason_edit.setFocus()
    type_text(box.reason_edit, "年中追加3万元用于设备更新。")
    assert box.reason_count.text() == "14 / 100 字"
    type_text(box.signature_edits["项目负责人"], "查小兵")
    assert window.flush()
    saved = repo.load_project(ui_store, pid)
    assert saved.extra["execution_reason"] == "年中追加3万元用于设备更新。"
    assert saved.extra["signatures"] == {"项目负责人": "查小兵"}
    text = re.sub(r"\s+", "", "".join(page_texts(render_report_pdf(saved, load_form(saved.form)))))
    assert "年中追加3万元用于设备更新。" in text and "项目负责人：查小兵" in text
    # 四川 limits the 评价结论 cell to 200 字: the section's counter says so.
    editor = window.section_editor("conclusion")
    assert editor.count_label.text().endswith("/ 200 字")
    type_text(box.reason_edit, "说明" * 50)
    assert box.reason_count.styleSheet()  # over 100: shown in red
    window.refresh_findings()
    assert "W-TEXT-LIMIT" in {f.code for f in window.findings}


def test_the_units_default_format_is_used_by_its_new_projects(
    ui_store, make_window, sample_project, monkeypatch
):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    _choose(window, "yunnan-2022")
    box = window.overview.profile_box
    assert box.unit_button.isEnabled()
    box.unit_button.click()
    assert "云南" in box.unit_label.text() and not box.unit_button.isEnabled()
    window.action.undo.trigger()  # the unit's default is an undoable edit of its own
    assert "财政部" in box.unit_label.text() and box.unit_button.isEnabled()
    assert window.current_project().profile == "yunnan-2022"
    window.action.redo.trigger()
    assert "云南" in box.unit_label.text()
    assert window.flush()
    assert repo.find_unit(ui_store, sample_project.unit.name).profile == "yunnan-2022"
    monkeypatch.setattr(
        dialogs,
        "ask_new_project",
        lambda parent, units, unit, year, forms: NewProjectSpec(
            sample_project.unit.name, "", 2023, "接访费用", "self_evaluation"
        ),
    )
    window.action.new_project.trigger()
    assert window.current_project().name == "接访费用"
    assert window.current_project().profile == "yunnan-2022"
    assert window.overview.profile_box.combo.currentData() == "yunnan-2022"


def test_a_department_edits_its_lines_with_live_sums_and_tinted_findings(ui_store, make_window):
    project = department_project()
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)
    window.select_project(pid)
    project = window.current_project()
    overview = window.overview
    assert overview.dept_box.isVisibleTo(window)
    assert overview.funds_box.title() == "年度资金（元）"
    dept = overview.dept
    assert dept.cell_text("expense", "personnel", "executed") == "4,348,900.00"
    assert "分项合计 799.12 万元 ✓" in dept.sums.text()
    window.refresh_findings()
    assert "E-DEPT-BREAKDOWN" not in {f.code for f in window.findings}
    dept.set_cell_text("expense", "personnel", "executed", "4,000,000")
    assert project.dept.line("expense", "personnel").executed == D("4000000.00")
    assert "不一致" in dept.sums.text()  # 支出合计 799.12 ≠ 400 + 77.40 + 286.83
    window.refresh_findings()
    found = [f for f in window.findings if f.code == "E-DEPT-BREAKDOWN"]
    assert found and "支出合计" in found[0].message
    assert dept.is_tinted("expense", "total", "executed")
    assert window.flush()
    saved = repo.load_project(ui_store, pid)
    assert saved.dept.line("expense", "personnel").executed == D("4000000.00")
    window.action.undo.trigger()
    assert dept.cell_text("expense", "personnel", "executed") == "4,348,900.00"
    window.refresh_findings()
    assert not dept.is_tinted("expense", "total", "executed")


def test_a_department_adds_a_project_line_and_a_count(ui_store, make_window):
    project = department_project()
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)
    window.select_project(pid)
    project = window.current_project()
    dept = window.overview.dept
    dept.add_project_line()
    lines = project.dept.project_lines()
    assert [x.label for x in lines][-1] == "新项目"
    dept.set_cell_text("expense", "project_line", "executed", "1000", index=2)
    assert project.dept.project_lines()[2].executed == D("1000.00")
    count = dept.count_edits["staff_actual"]
    count.setText("25")
    count.editingFinished.emit()
    assert project.dept.counts["staff_actual"] == 25
    window.refresh_findings()
    assert "W-DEPT-PROJECT-LINES" in {f.code for f in window.findings}
    assert window.flush()
    saved = repo.load_project(ui_store, pid)
    assert saved.dept.counts["staff_actual"] == 25
    assert [x.executed for x in saved.dept.project_lines()][-1] == D("1000.00")
    count.setText("二十")
    count.editingFinished.emit()
    assert project.dept.counts["staff_actual"] == 25 and "整数" in count.toolTip()


def test_a_final_project_shows_its_format_and_lines_read_only(ui_store, make_window):
    project = department_project("hunan-dept-2023")
    project.status = "final"
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)
    window.select_project(pid)
    overview = window.overview
    assert overview.profile_box.combo.currentData() == "hunan-dept-2023"
    assert not overview.profile_box.combo.isEnabled()
    assert not overview.dept.add_button.isEnabled()
    assert overview.dept.count_edits["units"].isReadOnly()
