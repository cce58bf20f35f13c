"""The 自评表 in each profile's layout: columns, signature lines, and a round trip per form."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook, load_workbook

from desktop.exchange.jsonio import project_to_dict
from desktop.exchange.xlsx.export import write_workbook
from desktop.exchange.xlsx.importer import read_workbook
from desktop.model.department import PROJECT_LINE
from tests.dept_helpers import department_project, detailed_project


def _texts(path):
    ws = load_workbook(path).active
    return [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]


def _rows(path):
    ws = load_workbook(path).active
    return [[c.value for c in row if c.value is not None] for row in ws.iter_rows()]


def test_sichuan_export_has_its_title_columns_and_signature_lines(tmp_path):
    project = detailed_project("sichuan-2023")
    project.extra["signatures"] = {"项目负责人": "查小兵", "财务负责人": "唐勇"}
    out = tmp_path / "sc.xlsx"
    write_workbook([project], out)
    rows = _rows(out)
    assert rows[0] == ["部门预算项目支出绩效自评表（2023年度）"]
    header = next(r for r in rows if "三级指标" in r)
    assert header[1:] == [
        "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位",
        "完成值", "权重", "得分", "未完成原因分析",
    ]  # fmt: skip
    funds_head = next(r for r in rows if "调整后预算数" in r)
    assert funds_head[-7:] == [
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
        "权重",
        "得分",
        "原因",
    ]
    sources = ("总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金")
    assert [x for r in rows for x in r if x in sources] == list(sources)
    assert rows[-1] == ["项目负责人：查小兵", "财务负责人：唐勇"]
    total = next(r for r in rows if "合计" in r)
    assert total[1:3] == [100, 100]  # 10 (执行) + 90 (指标), no grade on this form
    assert not any("评价等级" in str(x) for r in rows for x in r)


def test_sichuan_signature_lines_print_even_when_unsigned(tmp_path):
    out = tmp_path / "sc.xlsx"
    write_workbook([detailed_project("sichuan-2023")], out)
    assert _rows(out)[-1] == ["项目负责人：", "财务负责人："]


def test_yunnan_export_in_yuan_with_its_table_number(tmp_path):
    out = tmp_path / "yn.xlsx"
    write_workbook([detailed_project("yunnan-2022")], out)
    texts = _texts(out)
    assert "2023年度项目支出绩效自评表" in texts and "公开14表" in texts
    assert "项目资金\n（元）" in texts
    ws = load_workbook(out).active
    amounts = [c.value for row in ws.iter_rows() for c in row if c.value == 2518900]
    assert amounts  # 元, not 251.89 万元


def _same(a, b):
    left, right = project_to_dict(a), project_to_dict(b)
    for data in (left, right):
        data.pop("sections", None)
    assert left == right


@pytest.mark.parametrize("profile", ["mof-2020", "sichuan-2023", "yunnan-2022"])
def test_project_forms_round_trip(tmp_path, profile):
    project = detailed_project(profile)
    project.extra["signatures"] = {"项目负责人": "张三", "财务负责人": "李四"}
    if profile != "sichuan-2023":
        project.extra = {}
    out = tmp_path / f"{profile}.xlsx"
    write_workbook([project], out)
    (back,) = read_workbook(out)
    assert back.profile == profile
    _same(project, back)


def test_sichuan_closing_rows_reason_and_content_round_trip(tmp_path):
    project = detailed_project("sichuan-2023")
    project.funds.rows["total"].executed = project.funds.rows["fiscal"].executed = None
    project.sections = {
        "basic_info": "2023年按月发放工资。",
        "conclusion": "自评得分100分。",
        "problems": "无",
        "suggestions": "继续加强预算管理。",
    }
    project.extra["execution_reason"] = "年中追加12.96万元用于调资。"
    out = tmp_path / "sc.xlsx"
    write_workbook([project], out)
    (back,) = read_workbook(out)
    assert back.sections == project.sections
    assert back.extra["execution_reason"] == "年中追加12.96万元用于调资。"


@pytest.mark.parametrize("profile", ["mof-2020", "hunan-dept-2023"])
def test_department_forms_round_trip(tmp_path, profile):
    project = department_project(profile)
    if profile == "hunan-dept-2023":
        project.unit.department = ""  # the 湖南 form has no 主管部门 cell
    out = tmp_path / f"dept-{profile}.xlsx"
    write_workbook([project], out)
    (back,) = read_workbook(out)
    assert back.form == "department" and back.profile == profile
    _same(project, back)


def test_department_breakdown_read_from_the_visible_table(tmp_path):
    """A department sheet saved by another program (our properties gone) reads its lines."""
    project = department_project("hunan-dept-2023")
    out = tmp_path / "dept.xlsx"
    write_workbook([project], out)
    wb = load_workbook(out)
    wb.custom_doc_props = type(wb.custom_doc_props)()
    plain = tmp_path / "plain.xlsx"
    wb.save(plain)
    (back,) = read_workbook(plain)
    assert back.form == "department" and back.profile == "hunan-dept-2023"
    assert [(x.side, x.key, x.executed) for x in back.dept.lines] == [
        (x.side, x.key, x.executed) for x in project.dept.lines
    ]
    assert back.dept.project_lines()[0].label == "委员活动经费"
    assert back.dept.counts == project.dept.counts
    assert PROJECT_LINE in {x.key for x in back.dept.lines}


def test_foreign_sichuan_sheet_sets_the_profile(tmp_path):
    """A sheet in 四川's layout from elsewhere (no properties of ours) imports as sichuan-2023."""
    project = detailed_project("sichuan-2023")
    out = tmp_path / "sc.xlsx"
    write_workbook([project], out)
    src = load_workbook(out).active
    wb = Workbook()
    ws = wb.active
    for row in src.iter_rows():
        for c in row:
            if c.value is not None:
                ws.cell(c.row, c.column, c.value)
    for rng in src.merged_cells.ranges:
        ws.merge_cells(str(rng))
    foreign = tmp_path / "foreign.xlsx"
    wb.save(foreign)
    (back,) = read_workbook(foreign)
    assert back.profile == "sichuan-2023"
    assert back.unit.profile == "sichuan-2023"
    assert [i.operator for i in back.indicators] == ["=", "="]
    assert back.funds.rows["total"].executed == project.funds.rows["total"].executed
    assert json.dumps(project_to_dict(back)["indicators"], ensure_ascii=False) == json.dumps(
        project_to_dict(project)["indicators"], ensure_ascii=False
    )
