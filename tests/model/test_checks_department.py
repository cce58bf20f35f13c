"""Department checks, each with a failing and a passing example."""

from __future__ import annotations

from decimal import Decimal

from desktop.model.checks import run_checks
from desktop.model.department import DeptLine
from desktop.model.forms import load_form
from tests.dept_helpers import department_project


def _findings(project, code):
    return [f for f in run_checks(project, [], load_form(project.form)) if f.code == code]


def test_breakdown_adds_up_in_the_example():
    assert not _findings(department_project(), "E-DEPT-BREAKDOWN")


def test_basic_spending_not_personnel_plus_public():
    project = department_project()
    project.dept.lines.append(DeptLine("expense", "basic", "基本支出", executed=Decimal("5000000")))
    total, basic = _findings(project, "E-DEPT-BREAKDOWN")
    assert "基本支出" in basic.message and "人员经费＋公用经费合计512.29万元" in basic.message
    assert "支出合计（全年执行数）为799.12万元，但基本支出＋项目支出合计786.83万元" in total.message
    finding = basic
    assert finding.location == {"department": "expense", "line": "basic", "column": "executed"}


def test_expense_total_not_basic_plus_projects():
    project = department_project()
    project.dept.line("expense", "total").executed = Decimal("8991200.00")
    (finding,) = _findings(project, "E-DEPT-BREAKDOWN")
    assert "支出合计（全年执行数）为899.12万元" in finding.message


def test_project_lines_must_add_up_to_project_spending():
    project = department_project()
    assert not _findings(project, "W-DEPT-PROJECT-LINES")
    project.dept.project_lines()[1].executed = Decimal("100000.00")
    (finding,) = _findings(project, "W-DEPT-PROJECT-LINES")
    assert "列出的2个项目合计46.30万元，与项目支出286.83万元不一致" in finding.message


def test_executed_must_be_the_expenditure():
    project = department_project()
    assert not _findings(project, "E-DEPT-EXECUTED")
    project.funds.rows["total"].executed = Decimal("7922200.00")  # the income
    (finding,) = _findings(project, "E-DEPT-EXECUTED")
    assert "等于收入合计而不是支出合计" in finding.message


def test_year_on_year_stated_against_computed():
    project = department_project()
    project.sections["income"] = "收入:792.22万元。同比上年度增加189.25万元,增加31.39%。"
    assert not _findings(project, "W-DEPT-YOY")
    project.sections["income"] = "收入:792.22万元。同比上年度增加189.25万元,增加23.89%。"
    (finding,) = _findings(project, "W-DEPT-YOY")
    assert "变动率应为31.39%，文中写23.89%" in finding.message
    assert finding.location["section"] == "income"


def test_count_stated_against_names_listed():
    project = department_project()
    project.sections["organisation"] = "下属单位3个，即甲中心、乙中心、丙中心。"
    assert not _findings(project, "W-DEPT-COUNT")
    project.sections["organisation"] = "下属单位4个，即甲中心、乙中心、丙中心。"
    (finding,) = _findings(project, "W-DEPT-COUNT")
    assert finding.message == "文中说下属单位4个，但随后列出3个名称"


def test_staff_over_establishment_is_a_hint():
    project = department_project()
    project.dept.counts.update(staff_quota=46, staff_actual=50)
    (finding,) = _findings(project, "W-DEPT-COUNT")
    assert "实有人数50人超过编制数46人（控制率108.70%）" in finding.message


def test_this_project_in_a_department_report():
    project = department_project()
    project.sections["expenditure"] = "本部门支出由基本支出和项目支出构成。"
    assert not _findings(project, "W-DEPT-PROJECT-WORD")
    project.sections["expenditure"] = "本项目由基本支出和项目支出两个部分构成。"
    (finding,) = _findings(project, "W-DEPT-PROJECT-WORD")
    assert finding.location == {"section": "expenditure", "start": 0, "end": 3}


def test_project_reports_are_not_checked_as_departments():
    from tests.dept_helpers import detailed_project

    project = detailed_project()
    project.sections["basic_info"] = "本项目由基本支出构成。下属单位4个，即甲、乙、丙。"
    codes = {f.code for f in run_checks(project, [], load_form(project.form))}
    assert not {c for c in codes if c.startswith(("W-DEPT", "E-DEPT"))}


def test_no_check_points_a_department_report_at_a_section_it_does_not_have():
    """Empty sections of a department report are the department form's, never a project's."""
    from desktop.model.checks import run_checks as run_all
    from desktop.model.forms import load_form as form_of
    from tests.dept_helpers import department_project

    project = department_project()
    form = form_of("department")
    keys = {e.key for e in form.outline if e.key}
    findings = run_all(project, [], form)
    located = [f for f in findings if "section" in f.location]
    assert located and {f.code for f in located} == {"E-SECTION-EMPTY"}
    assert {f.location["section"] for f in located} <= keys
