"""The 自评表 export read back with openpyxl: values, formats, merges, print setup, safety."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.exchange.xlsx.export import write_workbook
from desktop.exchange.xlsx.safe import sheet_name
from desktop.model.checks import ERROR, HINT, WARNING, Finding
from desktop.model.project import Funds, FundsRow, Indicator, Project, Unit

INJECTION = '=HYPERLINK("http://x","点我")'


def _export(tmp_path: Path, projects: list[Project], findings=None) -> Path:
    out = tmp_path / "out.xlsx"
    write_workbook(projects, out, findings)
    return out


def test_one_project_sheet_layout(tmp_path, sample_project):
    sample_project.funds.rows["total"].executed = Decimal("60300.00")
    sample_project.funds.rows["fiscal"].executed = Decimal("60300.00")
    wb = load_workbook(_export(tmp_path, [sample_project]))
    assert wb.sheetnames == ["保安费用"]
    ws = wb["保安费用"]
    assert ws["A1"].value == "项目支出绩效自评表"
    assert ws["A2"].value == "（2023年度）"
    assert (ws["A3"].value, ws["B3"].value) == ("项目名称", "保安费用")
    assert (ws["A4"].value, ws["B4"].value) == ("主管部门", "攀枝花市西区人民政府")
    assert (ws["E4"].value, ws["F4"].value) == ("实施单位", "攀枝花市西区信访局")
    # Funds block: labels from the model, amounts in 万元 as numbers.
    assert ws["A5"].value == "项目资金\n（万元）"
    assert [ws.cell(5, c).value for c in range(4, 10)] == [
        "年初预算数",
        "全年预算数",
        "全年执行数",
        "分值",
        "执行率",
        "得分",
    ]
    assert [ws.cell(r, 2).value for r in range(6, 10)] == [
        "年度资金总额",
        "其中：当年财政拨款",
        "上年结转资金",
        "其他资金",
    ]
    assert ws["D6"].value == 8 and ws["F6"].value == pytest.approx(6.03)
    assert ws["D6"].number_format == "0.00_ "
    assert ws["D8"].value is None  # 上年结转资金 empty
    assert ws["G6"].value == 10 and ws["G6"].number_format == "0.00"
    assert ws["H6"].value == pytest.approx(0.7538) and ws["H6"].number_format == "0.00%"
    assert ws["I6"].value == pytest.approx(7.54)
    # Goals and indicators.
    assert (ws["A10"].value, ws["B10"].value, ws["F10"].value) == (
        "年度总体目标",
        "预期目标",
        "实际完成情况",
    )
    assert ws["B11"].value == "保障本年度内两名保安人员的经费"
    assert [ws.cell(12, c).value for c in range(1, 10)] == [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    assert [ws.cell(13, c).value for c in range(2, 9)] == [
        "产出指标",
        "数量指标",
        "保安人员数量",
        "≥2人",
        "2人",
        20,
        20,
    ]
    assert ws["G13"].number_format == "0.00_ "
    assert ws["B17"].value == "效益指标" and ws["B18"].value == "满意度指标"
    assert (ws["A19"].value, ws["G19"].value, ws["H19"].value) == ("总分", 100, 97.54)
    assert ws["I19"].value == "评价等级：优"
    merged = {str(r) for r in ws.merged_cells.ranges}
    for ref in ("A1:I1", "A2:I2", "B3:I3", "B4:D4", "F4:I4", "A5:A9", "B5:C5", "B6:C6"):
        assert ref in merged, ref
    for ref in ("G6:G9", "H6:H9", "I6:I9", "A10:A11", "B10:E10", "F11:I11"):
        assert ref in merged, ref
    assert "A12:A18" in merged and "B13:B16" in merged and "A19:F19" in merged
    # Borders on a value cell and on a covered cell at the edge of a merge.
    assert ws["D6"].border.left.style == "thin"
    assert ws["I3"].border.right.style == "thin"
    assert ws["D13"].alignment.wrap_text


def test_print_setup_and_widths(tmp_path, sample_project):
    ws = load_workbook(_export(tmp_path, [sample_project])).active
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.orientation == "portrait"
    assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$1:$2"
    assert ws.print_options.horizontalCentered is True
    assert ws.print_area == "'保安费用'!$A$1:$I$19"
    assert ws.column_dimensions["D"].width >= 20  # 三级指标 holds long Chinese names
    assert ws.column_dimensions["I"].width >= 20
    assert ws.page_margins.left == 0.5


def test_scores_fall_back_to_suggestions(tmp_path, sample_project):
    sample_project.indicators[0].score = None
    ws = load_workbook(_export(tmp_path, [sample_project])).active
    assert ws["H13"].value == 20  # suggested: 2人 meets ≥2人
    assert ws["I6"].value == 10  # execution score computed (100 %)


def test_money_is_exact(tmp_path, sample_project):
    sample_project.funds.rows["total"] = FundsRow(
        "total", Decimal("12345.67"), Decimal("12345.67"), Decimal("0.01")
    )
    ws = load_workbook(_export(tmp_path, [sample_project])).active
    assert ws["D6"].value == pytest.approx(1.234567, abs=1e-12)
    assert ws["F6"].value == pytest.approx(0.000001, abs=1e-12)


def _raw_sheet_xml(path: Path, index: int = 1) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(f"xl/worksheets/sheet{index}.xml").decode("utf-8")


def test_formula_injection_is_text(tmp_path, sample_project):
    sample_project.name = INJECTION
    sample_project.unit.department = "+1+1"
    sample_project.goals.target = "-2+3"
    sample_project.goals.actual = "@SUM(A1)"
    sample_project.indicators[0].level3 = "\t=1+1"
    sample_project.indicators[0].deviation = "\r=cmd|' /C calc'!A0"
    out = _export(tmp_path, [sample_project])
    xml = _raw_sheet_xml(out)
    assert "<f>" not in xml and "<f " not in xml
    ws = load_workbook(out).active
    assert ws.title == '=HYPERLINK("http___x","点我")'
    for ref, text in (
        ("B3", INJECTION),
        ("B4", "+1+1"),
        ("B11", "-2+3"),
        ("F11", "@SUM(A1)"),
        ("D13", "\t=1+1"),
        ("I13", "\r=cmd|' /C calc'!A0"),
    ):
        assert ws[ref].data_type == "s", ref
        assert ws[ref].value == text, ref


@pytest.mark.skipif(shutil.which("libreoffice") is None, reason="LibreOffice not installed")
def test_libreoffice_shows_injection_as_text(tmp_path, sample_project):
    sample_project.name = INJECTION
    out = _export(tmp_path, [sample_project])
    result = subprocess.run(
        [
            "libreoffice",
            f"-env:UserInstallation=file://{tmp_path}/lo-profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "csv"),
            str(out),
        ],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "csv" / "out.csv").read_text(encoding="utf-8")
    assert 'HYPERLINK(""http://x"",""点我"")' in text  # the formula text, quoted as CSV
    assert ",点我," not in text


def test_control_characters_are_dropped(tmp_path, sample_project):
    sample_project.goals.actual = "完成\x00\x07情况\n第二行"
    ws = load_workbook(_export(tmp_path, [sample_project])).active
    assert ws["F11"].value == "完成情况\n第二行"


def test_detailed_columns_when_operator_or_unit(tmp_path, sample_project):
    sample_project.indicators[0].operator = "≥"
    sample_project.indicators[0].unit = "人"
    ws = load_workbook(_export(tmp_path, [sample_project])).active
    assert [ws.cell(12, c).value for c in range(2, 12)] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "年度指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    assert (ws["E13"].value, ws["G13"].value) == ("≥", "人")
    assert ws["F5"].value == "年初预算数"


def test_sheet_names_valid_and_unique():
    used: set[str] = set()
    assert sheet_name("a[b]:c*d?e/f\\g", used) == "a_b__c_d_e_f_g"
    long = "很长的项目名称" * 6
    first = sheet_name(long, used)
    second = sheet_name(long, used)
    assert len(first) == 31 and len(second) == 31 and second.endswith("(2)")
    assert sheet_name("  ", used) == "项目"
    assert sheet_name("项目", used) == "项目(2)"
    assert sheet_name("ABC", used) == "ABC" and sheet_name("abc", used) == "abc(2)"


def _two_projects(sample_project):
    other = Project(unit=Unit("另一单位", "某区人民政府"), year=2024, name="保安费用")
    other.funds = Funds({"total": FundsRow("total", None, Decimal(50000), Decimal(25000))})
    other.indicators = [Indicator("产出指标", "数量指标", "人数", "≥2人", "1人", Decimal(90))]
    sample_project.id, other.id = 1, 2
    findings = {
        1: [Finding(WARNING, "W", "w"), Finding(HINT, "I", "i")],
        2: [Finding(ERROR, "E", "e"), Finding(ERROR, "E", "e2"), Finding(WARNING, "W", "w")],
    }
    return [sample_project, other], findings


def test_summary_sheet(tmp_path, sample_project):
    projects, findings = _two_projects(sample_project)
    wb = load_workbook(_export(tmp_path, projects, findings))
    assert wb.sheetnames == ["汇总", "保安费用", "保安费用(2)", "审核"]
    ws = wb["汇总"]
    assert ws["A1"].value == "攀枝花市西区信访局、另一单位2023—2024年度项目支出绩效自评汇总表"
    assert "A1:H1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]] == [
        "实施单位",
        "年度",
        "项目名称",
        "全年预算数（万元）",
        "全年执行数（万元）",
        "执行率",
        "总分",
        "等级",
    ]
    assert [c.value for c in ws[3]] == ["攀枝花市西区信访局", 2023, "保安费用", 8, 8, 1, 100, "优"]
    row4 = [c.value for c in ws[4]]
    assert row4[:6] == ["另一单位", 2024, "保安费用", 5, 2.5, 0.5]
    assert row4[7] == "差"
    # Right-aligned numbers keep a space from the border; text is indented.
    assert ws["D3"].number_format == "0.00_ " and ws["F3"].number_format == "0.00%_ "
    assert ws["C3"].alignment.indent == 1
    assert ws.auto_filter.ref == "A2:H4"
    assert ws.freeze_panes == "A3"
    assert ws.print_title_rows == "$1:$2"
    assert wb["保安费用(2)"]["B4"].value == "某区人民政府"


def test_summary_total_row_is_the_sum_and_carries_no_audit(tmp_path, sample_project):
    projects, findings = _two_projects(sample_project)
    ws = load_workbook(_export(tmp_path, projects, findings))["汇总"]
    rows = list(ws.iter_rows(min_row=3, values_only=True))
    total = rows[-1]
    assert total[0] == "合计"
    body = rows[:-1]
    assert total[3] == pytest.approx(sum(r[3] for r in body))  # 全年预算数 13.00
    assert total[4] == pytest.approx(sum(r[4] for r in body))  # 全年执行数 10.50
    assert total[5] == pytest.approx(total[4] / total[3], abs=1e-4)  # overall rate
    assert (total[3], total[4]) == (13, 10.5)
    headers = {c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert not {"错误数", "警告数"} & headers
    assert not any("错误" in h or "警告" in h for h in headers)


def test_audit_sheet_holds_the_counts_or_is_left_out(tmp_path, sample_project):
    projects, findings = _two_projects(sample_project)
    ws = load_workbook(_export(tmp_path, projects, findings))["审核"]
    assert [c.value for c in ws[2]][:5] == ["实施单位", "年度", "项目名称", "错误数", "警告数"]
    assert [c.value for c in ws[3]][3:5] == [0, 1]
    assert [c.value for c in ws[4]][3:5] == [2, 1]
    assert "错误：e2" in ws["F4"].value
    out = tmp_path / "no-audit.xlsx"
    write_workbook(projects, out, findings, audit=False)
    assert load_workbook(out).sheetnames == ["汇总", "保安费用", "保安费用(2)"]


def test_a_project_named_like_the_audit_sheet_is_still_imported(tmp_path, sample_project):
    from desktop.exchange.xlsx.importer import read_workbook

    projects, findings = _two_projects(sample_project)
    projects[1].name = "审核"
    out = _export(tmp_path, projects, findings)
    assert load_workbook(out).sheetnames == ["汇总", "保安费用", "审核(2)", "审核"]
    assert [p.name for p in read_workbook(out)] == ["保安费用", "审核"]


def test_unwritable_target_is_input_error(tmp_path, sample_project):
    from desktop.model.errors import InputError

    with pytest.raises(InputError, match="无法写入文件"):
        write_workbook([sample_project], tmp_path / "missing" / "out.xlsx")
