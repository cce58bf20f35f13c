"""Word import: a .docx built with python-docx (headings, paragraphs, a 绩效目标表 table)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import docx
import pytest

from desktop.exchange.text.files import import_file
from desktop.model.errors import InputError

HEADER = [
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
]
ROWS = [
    ["产出指标(50分)", "数量指标", "接访人次", "≥100人次", "120人次", "20", "20", ""],
    ["产出指标(50分)", "时效指标", "完成时限", "全年", "全年", "15", "15", ""],
    ["产出指标(50分)", "成本指标", "项目总成本", "≤2万元", "2万元", "15", "15", ""],
    [
        "效益指标",
        "社会效益指标",
        "群体性事件",
        "未发生",
        "未发生",
        "30",
        "28",
        "个别信访人重复来访",
    ],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%", "95%", "10", "10", ""],
]


def build(path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("某区信访局项目支出绩效自评报告")
    doc.add_paragraph("（接访费用）")
    doc.add_heading("一、项目概况", level=1)
    doc.add_paragraph("（一）项目基本情况。保障全年接访工作。")
    doc.add_paragraph("（二）项目绩效目标。完成全年接访任务。")
    doc.add_heading("二、项目资金申报及使用情况", level=1)
    doc.add_paragraph("（二）资金计划、到位及使用情况。")
    doc.add_paragraph("该项目资金年初预算2万元，追加0.5万元，全年完成数2.4万元。")
    doc.add_heading("四、项目绩效情况", level=1)
    doc.add_paragraph("某区接访费用绩效目标表")
    table = doc.add_table(rows=1 + len(ROWS), cols=len(HEADER))
    for c, text in enumerate(HEADER):
        table.cell(0, c).text = text
    for r, row in enumerate(ROWS, 1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.add_paragraph("各项指标均已完成。")
    doc.add_heading("五、评价结论及建议", level=1)
    doc.add_paragraph("（一）评价结论。自评得分98分。")
    doc.add_paragraph("（二）存在的问题。无。")
    doc.add_paragraph("某区信访局")
    doc.add_paragraph("2024年2月3日")
    doc.save(str(path))


def test_docx_report_with_indicator_table(tmp_path: Path) -> None:
    path = tmp_path / "报告.docx"
    build(path)
    result = import_file(path)
    assert len(result.projects) == 1
    project = result.projects[0]
    assert (project.unit.name, project.year, project.name) == ("某区信访局", 2023, "接访费用")
    assert str(project.signed_date) == "2024-02-03"
    assert project.sections["basic_info"] == "保障全年接访工作。"
    assert project.sections["performance"] == "各项指标均已完成。"
    assert project.sections["problems"] == "无。"
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        Decimal("20000.00"),
        Decimal("25000.00"),
        Decimal("24000.00"),
    )
    rows = [
        (i.level1, i.level2, i.level3, i.target, i.actual, i.weight, i.score, i.deviation)
        for i in project.indicators
    ]
    assert rows == [
        ("产出指标", "数量指标", "接访人次", "≥100人次", "120人次", Decimal(20), Decimal(20), ""),
        ("产出指标", "时效指标", "完成时限", "全年", "全年", Decimal(15), Decimal(15), ""),
        ("产出指标", "成本指标", "项目总成本", "≤2万元", "2万元", Decimal(15), Decimal(15), ""),
        (
            "效益指标",
            "社会效益指标",
            "群体性事件",
            "未发生",
            "未发生",
            Decimal(30),
            Decimal(28),
            "个别信访人重复来访",
        ),
        (
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            "≥90%",
            "95%",
            Decimal(10),
            Decimal(10),
            "",
        ),
    ]
    assert project.extra["indicator_table_title"] == "某区接访费用绩效目标表"


def _table_report(path: Path, header: list[str], rows: list[list[str]]) -> None:
    doc = docx.Document()
    doc.add_paragraph("某区信访局2023年度项目支出绩效自评报告")
    doc.add_paragraph("（接访费用）")
    doc.add_heading("四、项目绩效情况", level=1)
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    for c, text in enumerate(header):
        table.cell(0, c).text = text
    for r, row in enumerate(rows, 1):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    doc.save(str(path))


def test_word_total_row_is_not_an_indicator(tmp_path: Path) -> None:
    """Regression: a 合计 row became a sixth indicator (total 198 分 in the PDF and xlsx)."""
    path = tmp_path / "合计.docx"
    total = ["合计", "", "", "", "", "100", "98", ""]
    _table_report(path, HEADER, [*ROWS, total])
    (project,) = import_file(path).projects
    assert [i.level3 for i in project.indicators] == [r[2] for r in ROWS]
    assert sum(i.weight or 0 for i in project.indicators) == 90
    assert project.extra["stated_totals"] == {"weight": "100", "score": "98"}


def test_word_reason_column_under_another_header_is_kept(tmp_path: Path) -> None:
    """Regression: a 偏差原因 column headed "偏差原因及改进措施" (not the form's words) was dropped."""
    path = tmp_path / "原因.docx"
    header = [*HEADER[:-1], "偏差原因及改进措施"]
    _table_report(path, header, ROWS)
    (project,) = import_file(path).projects
    assert project.indicators[3].deviation == "个别信访人重复来访"


def test_vertically_merged_level1(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("某县财政局项目支出绩效自评报告（办公经费）")
    doc.add_paragraph("四、项目绩效情况")
    table = doc.add_table(rows=3, cols=4)
    for c, text in enumerate(["一级指标", "二级指标", "三级指标", "指标值"]):
        table.cell(0, c).text = text
    table.cell(1, 0).text = "产出指标"
    table.cell(1, 0).merge(table.cell(2, 0))
    for r, (l2, l3, v) in enumerate(
        [("数量指标", "采购台数", "≥3台"), ("质量指标", "验收合格率", "=100%")], 1
    ):
        table.cell(r, 1).text, table.cell(r, 2).text, table.cell(r, 3).text = l2, l3, v
    path = tmp_path / "合并.docx"
    doc.save(str(path))
    project = import_file(path, year=2023).projects[0]
    assert [(i.level1, i.level2, i.level3, i.target) for i in project.indicators] == [
        ("产出指标", "数量指标", "采购台数", "≥3台"),
        ("产出指标", "质量指标", "验收合格率", "=100%"),
    ]


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 not really a zip", b"hello"])
def test_corrupt_docx_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "坏.docx"
    path.write_bytes(content)
    with pytest.raises(InputError, match=r"坏\.docx"):
        import_file(path)


def test_cli_import_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import main

    path = tmp_path / "报告.docx"
    build(path)
    db = tmp_path / "j.db"
    assert main(["--db", str(db), "import-docx", str(path)]) == 0
    assert "接访费用" in capsys.readouterr().out
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"junk")
    assert main(["--db", str(db), "import-docx", str(bad)]) == 2
    assert "坏.docx" in capsys.readouterr().err


def test_self_evaluation_table_gives_funds(tmp_path: Path) -> None:
    doc = docx.Document()
    doc.add_paragraph("某区信访局项目支出绩效自评报告（驻京经费）")
    doc.add_paragraph("一、项目概况")
    doc.add_paragraph("（一）项目基本情况。正文里写的是年初预算9万元。")
    grid = [
        [
            "项目资金（万元）",
            "",
            "年初预算数",
            "全年预算数",
            "全年执行数",
            "分值",
            "执行率",
            "得分",
        ],
        ["", "年度资金总额", "5", "15", "15", "10", "100%", "10"],
        ["", "其中：当年财政拨款", "5", "15", "15", "—", "—", "—"],
        ["", "上年结转资金", "", "", "", "—", "—", "—"],
        ["年度总体目标", "预期目标", "保障驻京工作", "", "", "", "", ""],
    ]
    table = doc.add_table(rows=len(grid), cols=len(grid[0]))
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "自评表.docx"
    doc.save(str(path))
    result = import_file(path, year=2023)
    project = result.projects[0]
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        Decimal("50000.00"),
        Decimal("150000.00"),
        Decimal("150000.00"),
    )
    assert project.funds.rows["fiscal"].executed == Decimal("150000.00")
    assert "carryover" not in project.funds.rows
    assert "保障驻京工作" in project.extra["source_tables"][0]
    assert any("资金表" in line for line in result.report)
