"""The PDF's 自评表 in each profile's layout, read back from the real PDF with pdfplumber."""

from __future__ import annotations

import io
import re
from decimal import Decimal

import pdfplumber

from desktop.exchange.pdf.document import render_report_pdf
from desktop.model.forms import load_form
from desktop.model.project import FundsRow, Indicator
from tests.dept_helpers import department_project, detailed_project
from tests.exchange.pdfread import page_lines, page_texts

D = Decimal


def _pdf(project) -> bytes:
    return render_report_pdf(project, load_form(project.form))


def _rows(data: bytes) -> list[list[str]]:
    """Every table row on every page, cells' line breaks removed, the watermark left out."""
    out = []
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            clean = page.filter(lambda o: not (o.get("object_type") == "char" and o["size"] > 60))
            for table in clean.extract_tables():
                for row in table:
                    out.append([(c or "").replace("\n", "") for c in row if c is not None])
    return out


def _lines(data: bytes) -> list[str]:
    return [re.sub(r"\s+", "", text) for page in page_lines(data) for _t, _x, text, _c in page]


def _flat(data: bytes) -> str:
    return re.sub(r"\s+", "", "".join(page_texts(data)))


def test_sichuan_pdf_has_its_title_columns_and_signature_lines():
    project = detailed_project("sichuan-2023")
    project.extra["signatures"] = {"项目负责人": "查小兵", "财务负责人": "唐勇"}
    data = _pdf(project)
    rows = _rows(data)
    header = next(r for r in rows if "指标性质" in r)
    assert header == [
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
    for source in ("总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"):
        assert any(source in r for r in rows), source
    # 权重/得分 only on 总额, "/" on the other rows; the rate on every row.
    fiscal = next(r for r in rows if "其中：财政资金" in r)
    assert fiscal[-3:] == ["100.00%", "/", "/"]  # the 原因 cell spans down from 总额
    assert any(x.startswith("预算执行情况（10分）") for r in rows for x in r)
    assert next(r for r in rows if "绩效指标（90分）" in r) == ["绩效指标（90分）"]
    total = next(r for r in rows if r and r[0] == "合计")
    assert total[1:3] == ["100", "100"]
    lines = _lines(data)
    assert "部门预算项目支出绩效自评表（2023年度）" in lines
    signed = next(line for line in lines if "项目负责人" in line)
    assert signed == "项目负责人：查小兵财务负责人：唐勇"
    assert "评价等级" not in _flat(data)


def test_sichuan_signature_lines_print_blank_for_hand_signing():
    data = _pdf(detailed_project("sichuan-2023"))
    signed = next(line for line in _lines(data) if "项目负责人" in line)
    assert signed == "项目负责人：财务负责人："


def test_sichuan_pdf_prints_the_reason_and_closing_rows():
    project = detailed_project("sichuan-2023")
    project.extra["execution_reason"] = "年中追加12.96万元用于调资。"
    project.sections.update(
        {"conclusion": "自评得分100分。", "problems": "无", "suggestions": "继续加强预算管理。"}
    )
    data = _pdf(project)
    flat = _flat(data)
    assert "年中追加12.96万元用于调资。" in flat
    assert "预算执行率未达到90%" not in flat  # the form's prompt gives way to the reason
    rows = _rows(data)
    assert ["评价结论", "自评得分100分。"] in rows
    assert ["改进措施", "继续加强预算管理。"] in rows


def test_sichuan_pdf_without_a_reason_prints_the_forms_prompt():
    flat = _flat(_pdf(detailed_project("sichuan-2023")))
    assert "预算执行率未达到90%的需说明原因（100字以内）" in flat


def test_yunnan_pdf_in_yuan_with_its_table_number_and_target_group():
    data = _pdf(detailed_project("yunnan-2022"))
    rows = _rows(data)
    assert "公开14表" in _lines(data)
    assert "2023年度项目支出绩效自评表" in _lines(data)
    total = next(r for r in rows if r and r[0] == "年度资金总额")
    assert total[1:4] == ["2,389,300.00", "2,518,900.00", "2,518,900.00"]
    assert any("年度指标值" in r for r in rows)
    assert next(r for r in rows if r[:1] == ["指标性质"]) == ["指标性质", "指标值", "度量单位"]
    assert any(r[:1] == ["其他需要说明事项"] for r in rows)


def test_department_pdf_prints_its_breakdown_and_counts():
    project = department_project("mof-2020")
    data = _pdf(project)
    rows = _rows(data)
    breakdown = {r[0]: r[1:] for r in rows if r and r[0]}
    assert breakdown["收入合计"] == ["602.97", "", "792.22"]
    assert breakdown["支出合计"] == ["", "", "799.12"]
    assert breakdown["其中：人员经费"][-1] == "434.89"
    assert breakdown["其中：公用经费"][-1] == "77.40"
    assert breakdown["其中：项目支出"][-1] == "286.83"
    assert breakdown["项目明细：委员活动经费"][-1] == "36.30"
    assert breakdown["项目明细：其他项目"][-1] == "250.53"
    head = next(r for r in rows if r and r[0] == "收支情况（万元）")
    assert head == ["收支情况（万元）", "上年数", "全年预算数", "全年执行数"]
    counts = next(r for r in rows if r and r[0] == "人员及单位")
    assert counts[1:5] == ["编制数", "20", "实有人数", "18"]
    flat = _flat(data)
    assert "部门（单位）整体支出绩效自评表" in flat
    assert "（2021年度）" in flat and "{year}" not in flat


def test_department_pdf_in_the_hunan_layout():
    data = _pdf(department_project("hunan-dept-2023"))
    rows = _rows(data)
    firsts = [r[0] for r in rows if r]
    assert "按收入性质分" in firsts and "按支出性质分" in firsts
    assert "2021年度部门整体支出绩效自评表" in _lines(data)
    assert next(r for r in rows if r and r[0] == "预算部门、单位名称")[1] == "南县政协"


def test_department_pdf_without_indicators_says_so_for_the_department():
    project = department_project()
    project.indicators = []
    flat = _flat(_pdf(project))
    assert "本部门（单位）未填写绩效指标" in flat and "本项目" not in flat


def _crowded_sichuan():
    project = detailed_project("sichuan-2023")
    project.funds.rows["total"] = FundsRow(
        "total", D("12345678.90"), D("23456789.10"), D("22222222.22")
    )
    project.funds.rows["unit_own"] = FundsRow("unit_own", D("1234567.89"), D("2345678.91"), None)
    reason = "因上半年人员调整，合同延后签订，部分月份费用未按期支付；下一步将提前谋划。"
    project.indicators = [
        Indicator(
            "产出指标",
            "数量指标",
            f"第{i + 1}项保安服务及设备维护支出",
            f"{80000 + i}.00",
            f"{120000 + i}.50",
            D("3.75"),
            D("3.75"),
            f"{reason * (1 + i % 3)}第{i + 1}项说明完毕。",
            "≤",
            "元",
        )
        for i in range(24)
    ]
    return project


def test_profile_table_keeps_amounts_whole_and_rows_on_one_page():
    project = _crowded_sichuan()
    data = _pdf(project)
    lines = _lines(data)
    for value in ("1234.57", "2345.68", "2222.22", "123.46", "234.57", "94.74%", "3.75"):
        assert any(value in line for line in lines), f"{value} is broken over lines"
    for ind in project.indicators:
        assert any(f"{ind.target}" in line for line in lines)
        assert any(f"{ind.actual}" in line for line in lines)
    texts = [re.sub(r"\s+", "", t) for t in page_texts(data)]
    for i, ind in enumerate(project.indicators):
        pages = [n for n, t in enumerate(texts) if ind.level3 in t]
        assert len(pages) == 1, ind.level3
        assert f"第{i + 1}项说明完毕。" in texts[pages[0]], f"row {i + 1} continues elsewhere"
    # The indicator header repeats on every page the table reaches.
    assert sum("未完成原" in t and "度量单位" in t for t in texts) >= 2
