"""Department-wide reports of the real corpus: recognised as `department`, figures read, checked."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from desktop.exchange.text.importer import import_text, read_text_file
from desktop.model.checks import run_checks
from desktop.model.forms import load_form
from tests.cli_runner import run_cli
from tests.exchange.pdfread import page_texts

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _real(prefix: str) -> Path:
    found = sorted(REAL.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"fixture {prefix} not present")
    return found[0]


def _import(prefix: str, unit: str, year: int):
    result = import_text(read_text_file(_real(prefix)), unit, year)
    return [p for p in result.projects if p.form == "department"]


def _codes(project) -> list[str]:
    return [f.code for f in run_checks(project, [], load_form(project.form))]


@pytest.mark.parametrize("prefix", ["101", "102", "103", "104", "105", "106", "107"])
def test_department_reports_import_as_department(prefix):
    facts = json.loads(_real(prefix).with_suffix(".facts.json").read_text(encoding="utf-8"))
    projects = _import(prefix, facts["unit"] or "某单位", facts["year"])
    assert projects, "no department report recognised"
    assert all(p.name.startswith("部门整体支出") for p in projects)


def test_a_titleless_project_report_is_no_department_report():
    """014 opens with "一、自评结论 … (二)绩效目标完成情况" and never says 整体支出: the
    department outline's "绩效目标完成情况" alone must not make it a department report."""
    result = import_text(read_text_file(_real("014")), "市人民政府驻北京联络处", 2022)
    assert [p.form for p in result.projects] == ["self_evaluation"]


def test_hengshan_table_breakdowns_and_the_execution_that_is_income():
    """107: 全年执行数 2030.12 is the income total; expenditure is 1925.67 (94.85 %)."""
    (project,) = _import("107", "衡山县贯塘乡人民政府", 2023)
    assert project.profile == "hunan-dept-2023"  # its 按收入性质分 table is the 湖南 form
    dept = project.dept
    wan = Decimal(10000)
    assert dept.line("income", "total").executed == Decimal("2030.12") * wan
    assert dept.line("expense", "total").executed == Decimal("1925.67") * wan
    assert dept.line("expense", "basic").executed == Decimal("900.47") * wan
    assert dept.line("expense", "project").executed == Decimal("1025.20") * wan
    assert project.funds.rows["total"].executed == Decimal("2030.12") * wan
    findings = run_checks(project, [], load_form("department"))
    executed = [f for f in findings if f.code == "E-DEPT-EXECUTED"]
    assert len(executed) == 1
    assert "等于收入合计而不是支出合计" in executed[0].message
    assert "E-DEPT-BREAKDOWN" not in _codes(project)  # both breakdowns do add up


def test_nanxian_cppcc_lines_project_list_and_wording():
    """105: 支出 = 人员 + 公用 + 项目 (adds up); 5 listed lines ≠ 项目支出; '本项目' used."""
    (project,) = _import("105", "南县政协", 2021)
    wan = Decimal(10000)
    dept = project.dept
    assert dept.line("income", "total").executed == Decimal("792.22") * wan
    assert dept.line("expense", "personnel").executed == Decimal("434.89") * wan
    assert [x.label for x in dept.project_lines()][:2] == ["委员活动经费", "扫黑除恶工作经费"]
    codes = _codes(project)
    assert "E-DEPT-BREAKDOWN" not in codes
    assert "W-DEPT-PROJECT-LINES" in codes
    assert "W-DEPT-PROJECT-WORD" in codes
    assert "W-DEPT-YOY" not in codes  # 31.39 % and 35.9 % follow from the amounts


def test_nanxian_finance_bureau_ten_units_but_nine_listed():
    (project,) = _import("106", "南县财政局", 2020)
    messages = [f.message for f in run_checks(project, [], load_form("department"))]
    assert "文中说直属事业单位10个，但随后列出9个名称" in messages
    assert not any("预算编制范围的单位有3个" in m for m in messages)  # "A、B和C" is three


def test_staff_counts_read_from_the_text():
    (project,) = _import("101", "红河州数据发展中心", 2024)
    assert project.dept.counts == {"staff_quota": 15, "staff_actual": 14}


def test_cli_imports_checks_and_exports_a_department_report(tmp_path):
    db = str(tmp_path / "j.db")
    done = run_cli("--db", db, "import-text", str(_real("107")), "--unit", "衡山县贯塘乡人民政府")
    assert done.returncode == 0, done.stderr
    shown = json.loads(run_cli("--db", db, "show", "1", "--json").stdout)
    assert shown["form"] == "department" and shown["department"]["lines"]
    checked = run_cli("--db", db, "check", "1", "--json")
    assert checked.returncode == 1
    assert "E-DEPT-EXECUTED" in {f["code"] for f in json.loads(checked.stdout)}
    for ext in ("pdf", "xlsx"):
        out = tmp_path / f"dept.{ext}"
        done = run_cli("--db", db, f"export-{ext}", "1", "--out", str(out))
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 1000
    # The PDF prints the department's breakdown: income, expenditure by kind.
    text = "".join(page_texts((tmp_path / "dept.pdf").read_bytes())).replace(" ", "")
    for words in ("收入合计", "支出合计", "基本支出", "项目支出", "2030.12", "1925.67", "900.47"):
        assert words in text, words


def test_a_page_title_before_the_report_title_is_one_report():
    """105 and 104: the web page's title, a few lines of metadata, then the report's title."""
    (cppcc,) = import_text(read_text_file(_real("105")), "南县政协", None).projects
    assert cppcc.form == "department" and cppcc.year == 2021  # from its 2021年部门决算
    result = import_text(read_text_file(_real("104")))
    assert [(p.form, p.year) for p in result.projects] == [("department", 2019)]


def test_a_township_report_names_its_government():
    """102 "田心乡部门整体支出绩效自评报告" (附件3 above it): 田心乡人民政府, found unaided."""
    (project,) = import_text(read_text_file(_real("102"))).projects
    assert project.unit.name == "田心乡人民政府"
    assert (project.form, project.year) == ("department", 2022)
    assert project.extra["title"] == "田心乡部门整体支出绩效自评报告"


def test_a_department_table_with_its_department_cell():
    """023: the 自评表 alone, its title row padded with empty cells, "部门 | 金寨县…中心"."""
    (project,) = import_text(read_text_file(_real("023"))).projects
    assert project.form == "department"
    assert project.unit.name == "金寨县茶谷和美丽乡村建设服务中心"
    codes = _codes(project)
    assert "E-FUNDS-OVERSPENT" in codes  # 338.31 spent of 329.77
    # Only the department form's own sections can be missing, never a project report's.
    keys = {e.key for e in load_form("department").outline if e.key}
    for f in run_checks(project, [], load_form("department")):
        if "section" in (f.location or {}):
            assert f.location["section"] in keys, f
