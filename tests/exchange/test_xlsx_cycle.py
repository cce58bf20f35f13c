"""The year's cycle in Excel: the 绩效运行监控表 sheet, the 整改 sheet, a 绩效目标申报表 import."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.exchange.xlsx.export import write_workbook
from desktop.exchange.xlsx.importer import read_workbook
from desktop.model.baseline import compare
from tests.cycle_helpers import year_project
from tests.model.checks_helpers import clean_project

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"
MONITOR_COLUMNS = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "1-7月执行情况",
    "全年预计完成情况",
    "偏差原因分析",
    "完成目标可能性",
    "纠偏措施",
]


def _row_of(ws, first: str) -> int:
    for row in ws.iter_rows():
        if row[0].value == first:
            return row[0].row
    raise AssertionError(f"no row starting with {first}")


def test_monitoring_sheet_has_the_official_columns(tmp_path):
    out = tmp_path / "one.xlsx"
    write_workbook([year_project()], out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["保安费用", "绩效运行监控表-保安费用", "整改"]
    ws = wb["绩效运行监控表-保安费用"]
    assert ws["A1"].value == "绩效运行监控表" and ws["A2"].value == "（2023年度）"
    header = _row_of(ws, "一级指标")
    assert [c.value for c in ws[header]] == MONITOR_COLUMNS
    funds = [c.value for c in ws[header - 3] if c.value]
    assert funds == [
        "项目资金（万元）",
        "全年预算数",
        "1-7月执行数",
        "1-7月执行率",
        "全年预计执行数",
    ]
    amounts = [c.value for c in ws[header - 2] if c.value is not None]
    assert amounts == [8, 4.8, 0.6, 8]  # 万元, the rate as a number with a % format
    rows = {r[2].value: [c.value for c in r] for r in ws.iter_rows(min_row=header + 1)}
    assert rows["群众满意度"] == [
        "满意度指标",
        "服务对象满意度",
        "群众满意度",
        "≥90%",
        "调查未开展",
        "85%",
        "人员保障",
        "有可能",
        "四季度开展满意度回访",
    ]
    assert rows["保障时限"][4:] == [None] * 5  # in the table, not monitored


def test_deviation_cause_prints_the_forms_wording(tmp_path):
    project = year_project()
    project.monitoring.indicators[1].deviation_cause = "硬件条件"
    out = tmp_path / "hw.xlsx"
    write_workbook([project], out)
    ws = load_workbook(out)["绩效运行监控表-保安费用"]
    assert any(c.value == "硬件条件保障" for row in ws.iter_rows() for c in row)


def test_unit_year_workbook_has_a_rectification_sheet(tmp_path):
    first, second = year_project(), clean_project("接访费用")
    out = tmp_path / "unit.xlsx"
    write_workbook([first, second], out)
    wb = load_workbook(out)
    assert wb.sheetnames == ["汇总", "保安费用", "接访费用", "绩效运行监控表-保安费用", "整改"]
    ws = wb["整改"]
    assert ws["A1"].value == "攀枝花市西区信访局2023年度整改情况"
    assert [c.value for c in ws[2]] == [
        "项目名称",
        "提出年度",
        "存在的问题",
        "整改措施",
        "责任人",
        "整改期限",
        "完成情况",
        "完成日期",
    ]
    assert [c.value for c in ws[3]][:3] == ["保安费用", "2023", "保安人员培训记录不全"]
    assert ws["G3"].value == "已完成（2024年3月20日）" and ws["H3"].value == "2024-03-20"
    assert ws["G4"].value == "逾期未完成"  # deadline 2024-06-30, still open


def test_two_years_give_one_rectification_sheet_each(tmp_path):
    first = year_project()
    later = year_project()
    later.year = 2024
    out = tmp_path / "years.xlsx"
    write_workbook([first, later], out)
    names = load_workbook(out).sheetnames
    assert "整改-攀枝花市西区信访局2023" in names and "整改-攀枝花市西区信访局2024" in names


def test_a_workbook_with_cycle_sheets_imports_its_projects_only(tmp_path):
    out = tmp_path / "back.xlsx"
    write_workbook([year_project(), clean_project("接访费用")], out)
    assert [p.name for p in read_workbook(out)] == ["保安费用", "接访费用"]


def test_a_user_formula_in_a_measure_stays_text(tmp_path):
    project = year_project()
    project.rectifications[1].measure = "=HYPERLINK(1)"
    out = tmp_path / "f.xlsx"
    write_workbook([project], out)
    ws = load_workbook(out)["整改"]
    cell = ws["D4"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s"


def _target_form_workbook(path: Path) -> None:
    """The 301 申报表 (湘潭市环境卫生管理处) laid out as its page shows it."""
    facts = json.loads((REAL / "301_xiangtan_fog_cannon_targets_2023.facts.json").read_text())
    wb = Workbook()
    ws = wb.active
    ws["A1"] = "2023年项目支出绩效目标申报表"
    ws.merge_cells("A1:F1")
    ws["A2"] = "填报单位:(盖章) 单位:万元"
    ws["A3"], ws["B3"], ws["D3"], ws["E3"] = (
        "项目支出名称",
        "雾炮车降尘抑尘服务",
        "预算部门",
        facts["unit"],
    )
    ws["A4"], ws["B4"] = "年度本级 预算金额", "250万"
    ws["A5"], ws["B5"] = "本年度绩效目标", facts["project"]["goal_year"]
    ws.append(["本年度 绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"])
    start = ws.max_row + 1
    for item in facts["indicators"]:
        ws.append(["", item["l1"], item["l2"], item["l3"], item["target"], "计划标准"])
    end = ws.max_row
    ws.merge_cells(f"B{start}:B{start + 4}")  # 产出指标 over its five rows
    ws.merge_cells(f"C{start}:C{start + 1}")  # 数量指标 over two
    ws.merge_cells(f"B{end}:C{end}")  # the 满意度 row across 一级 and 二级
    ws.append(["财政部门审核意见", ""])
    ws.append(["填表人: 宋云花 联系电话:16607326331 填报日期: 单位负责人签字:"])
    wb.save(path)


def test_a_target_form_creates_the_project_with_its_baseline(tmp_path):
    path = tmp_path / "申报表.xlsx"
    _target_form_workbook(path)
    (project,) = read_workbook(path)
    facts = json.loads((REAL / "301_xiangtan_fog_cannon_targets_2023.facts.json").read_text())
    assert (project.name, project.unit.name, project.year) == (
        "雾炮车降尘抑尘服务",
        "湘潭市环境卫生管理处",
        2023,
    )
    assert project.goals.target == facts["project"]["goal_year"]
    expected = [(i["l1"], i["l2"], i["l3"], i["target"]) for i in facts["indicators"]]
    assert [(b.level1, b.level2, b.level3, b.target) for b in project.baseline] == expected
    assert [i.target for i in project.indicators] == [i["target"] for i in facts["indicators"]]
    assert compare(project.baseline, project.indicators) == []
