"""Reading 自评表 sheets back: round trip, tolerant variants, bad files."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop.exchange.xlsx.export import write_workbook
from desktop.exchange.xlsx.importer import read_workbook
from desktop.model.errors import InputError
from desktop.model.project import Funds, FundsRow, Indicator, Project, Unit
from desktop.model.snapshot import project_to_dict

INJECTION = '=HYPERLINK("http://x","点我")'


def comparable(project: Project) -> dict:
    """What the 自评表 holds: the project's JSON without sections, dates and status."""
    data = project_to_dict(project)
    for key in ("sections", "signed_date", "status"):
        data.pop(key, None)
    return data


def _odd_project() -> Project:
    d = Decimal
    project = Project(
        unit=Unit("某区信访局", "+某区人民政府"),
        year=2024,
        name=INJECTION,
        funds=Funds(
            {
                "total": FundsRow("total", d("12345.67"), d("150000.01"), None),
                "other": FundsRow("other", None, d("0.01"), d("0.00")),
            }
        ),
        indicators=[
            Indicator(
                "产出指标", "数量指标", "人次", "12", "14", d("20.5"), d("20.5"), "", "≥", "人次"
            ),
            Indicator("产出指标", "数量指标", "-2", "≥20人次", "23人次", d(30), d(29)),
            Indicator("效益指标", "", "@秩序", "达成", "达成", d(40), d(40), "第一行\n第二行"),
        ],
    )
    project.goals.target = "目标\n第二行"
    project.execution.score = d("0")
    return project


def test_round_trip_equal_data(tmp_path, sample_project):
    sample_project.execution.score = Decimal(10)
    other = _odd_project()
    first = tmp_path / "first.xlsx"
    write_workbook([sample_project, other], first, {})
    imported = read_workbook(first)
    assert [comparable(p) for p in imported] == [comparable(sample_project), comparable(other)]
    second = tmp_path / "second.xlsx"
    write_workbook(imported, second, {})
    again = read_workbook(second)
    assert [comparable(p) for p in again] == [comparable(p) for p in imported]


def test_form_key_survives(tmp_path, sample_project):
    sample_project.form = "evaluation"
    out = tmp_path / "eval.xlsx"
    write_workbook([sample_project], out)
    (project,) = read_workbook(out)
    assert project.form == "evaluation"
    wb = load_workbook(out)
    wb.custom_doc_props = type(wb.custom_doc_props)()  # a workbook saved by another program
    wb.save(out)
    assert read_workbook(out)[0].form == "self_evaluation"


def test_single_sheet_round_trip(tmp_path, sample_project):
    sample_project.execution.score = Decimal("9.5")
    out = tmp_path / "one.xlsx"
    write_workbook([sample_project], out)
    (project,) = read_workbook(out)
    assert comparable(project) == comparable(sample_project)
    assert project.status == "draft" and project.id is None


def _variant_workbook(path: Path) -> None:
    """A hand-made sheet: 单位：元, blank rows, no merges, Sichuan-2023 columns, weights in 一级."""
    wb = Workbook()
    ws = wb.active
    ws.title = "驻京"
    rows = [
        ["2023年度项目支出绩效自评表"],
        ["", "", "", "", "", "", "单位：元"],
        [],
        ["项 目 名 称", "驻京驻蓉信访维稳经费"],
        ["主管部门", "某区人民政府", "", "实施单位", "某区信访局"],
        ["项目资金", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", 50000, 150000, "150,000.00", 10, "100%", 10],
        ["", "本年财政拨款", 50000, 150000, 150000, "—", "—", "—"],
        [],
        ["", "其他资金", None, "", "-"],
        ["年度总体目标", "预期目标", "", "实际完成情况"],
        ["", "做好驻京驻蓉信访维稳工作", "", "全年派驻14人次"],
        [
            "绩效指标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "权重",
            "实际完成值",
            "得分",
            "未完成原因分析",
        ],
        ["", "产出指标(50分)", "数量指标", "驻京值班人次", "≥", 12, "人次", 20, 14, 20, ""],
        ["", "", "", "劝返人次", "≥", 20, "人次", 30, 23, "30分", ""],
        [],
        [
            "",
            "效益指标（30分）",
            "社会效益指标",
            "秩序稳定",
            "定性",
            "达成年度指标",
            "",
            30,
            "达成",
            28,
            "略",
        ],
        ["", "完成指标", "时效指标", "及时率", "≥", 95, "%", 10, 93.5, 9.84, ""],
        ["总分", "", "", "", "", "", "", 100, "", 97.84],
    ]
    for row in rows:
        ws.append(row)
    wb.create_sheet("空白表")
    wb.save(path)


def test_tolerant_variant(tmp_path):
    path = tmp_path / "variant.xlsx"
    _variant_workbook(path)
    (p,) = read_workbook(path)
    assert (p.year, p.name, p.unit.name, p.unit.department) == (
        2023,
        "驻京驻蓉信访维稳经费",
        "某区信访局",
        "某区人民政府",
    )
    assert p.funds.rows["total"] == FundsRow(
        "total", Decimal("50000.00"), Decimal("150000.00"), Decimal("150000.00")
    )
    assert p.funds.rows["fiscal"].full_year == Decimal("150000.00")
    assert set(p.funds.rows) == {"total", "fiscal"}
    assert (p.execution.weight, p.execution.score) == (Decimal(10), Decimal(10))
    assert (p.goals.target, p.goals.actual) == ("做好驻京驻蓉信访维稳工作", "全年派驻14人次")
    assert [(i.level1, i.level2, i.level3) for i in p.indicators] == [
        ("产出指标", "数量指标", "驻京值班人次"),
        ("产出指标", "数量指标", "劝返人次"),
        ("效益指标", "社会效益指标", "秩序稳定"),
        ("产出指标", "时效指标", "及时率"),
    ]
    first = p.indicators[0]
    assert (first.operator, first.target, first.unit, first.actual) == ("≥", "12", "人次", "14")
    assert (first.weight, first.score) == (Decimal(20), Decimal(20))
    assert p.indicators[1].score == Decimal(30)
    assert (p.indicators[2].operator, p.indicators[2].deviation) == ("定性", "略")
    assert p.indicators[3].actual == "93.5"


def test_level2_names_kept_as_written(tmp_path):
    """Regression: 社会效益指标 was renamed 社会效益 on import; the user's words are kept."""
    path = tmp_path / "variant.xlsx"
    _variant_workbook(path)
    (p,) = read_workbook(path)
    assert [i.level2 for i in p.indicators] == ["数量指标", "数量指标", "社会效益指标", "时效指标"]


def test_amounts_in_wan_are_scaled(tmp_path, sample_project):
    out = tmp_path / "wan.xlsx"
    write_workbook([sample_project], out)
    (p,) = read_workbook(out)
    assert p.funds.rows["total"].initial == Decimal("80000.00")


def _expect_error(path: Path, *fragments: str) -> str:
    with pytest.raises(InputError) as info:
        read_workbook(path)
    for fragment in fragments:
        assert fragment in info.value.message, info.value.message
    return info.value.message


def test_text_in_amount_cell_names_sheet_and_cell(tmp_path, sample_project):
    out = tmp_path / "bad.xlsx"
    write_workbook([sample_project], out)
    wb = load_workbook(out)
    wb.active["E6"] = "约八万"
    wb.save(out)
    _expect_error(out, "第 1 张表“保安费用”E6：‘约八万’不是金额")


def test_text_in_score_cell(tmp_path, sample_project):
    out = tmp_path / "bad.xlsx"
    write_workbook([sample_project], out)
    wb = load_workbook(out)
    wb.active["H14"] = "满分"
    wb.save(out)
    _expect_error(out, "H14", "‘满分’不是分数")


def test_other_layout_sheet(tmp_path, sample_project):
    out = tmp_path / "other.xlsx"
    write_workbook([sample_project], out)
    wb = load_workbook(out)
    ws = wb.create_sheet("名单")
    ws.append(["姓名", "电话"])
    ws.append(["张三", "123"])
    wb.save(out)
    _expect_error(out, "第 2 张表“名单”", "不是项目支出绩效自评表")


def test_no_self_evaluation_sheet(tmp_path):
    out = tmp_path / "empty.xlsx"
    Workbook().save(out)
    _expect_error(out, "没有项目支出绩效自评表")


def test_text_file_renamed(tmp_path):
    out = tmp_path / "notes.xlsx"
    out.write_text("项目名称,保安费用\n", encoding="utf-8")
    _expect_error(out, "notes.xlsx", "不是 Excel 工作簿")


def test_truncated_file(tmp_path, sample_project):
    out = tmp_path / "cut.xlsx"
    write_workbook([sample_project], out)
    out.write_bytes(out.read_bytes()[:2000])
    _expect_error(out, "cut.xlsx", "已损坏")


def test_zip_that_is_not_a_workbook(tmp_path):
    out = tmp_path / "zip.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("readme.txt", "hello")
    out.write_bytes(buffer.getvalue())
    _expect_error(out, "zip.xlsx", "已损坏")


def test_password_protected(tmp_path, sample_project):
    msoffcrypto = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = tmp_path / "plain.xlsx"
    write_workbook([sample_project], plain)
    locked = tmp_path / "locked.xlsx"
    with plain.open("rb") as fh, locked.open("wb") as out:
        msoffcrypto.OOXMLFile(fh).encrypt("secret", out)
    _expect_error(locked, "locked.xlsx", "密码")


def test_missing_file(tmp_path):
    _expect_error(tmp_path / "nope.xlsx", "找不到文件")
