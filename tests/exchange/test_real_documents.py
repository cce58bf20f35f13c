"""Real published reports that were refused or landed wrong, each as the document states it."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from desktop.exchange.text.importer import import_text
from tests.exchange.real_corpus import document_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def _import(prefix: str):
    (path,) = sorted(REAL.glob(f"{prefix}_*.txt"))
    return import_text(document_text(path)).projects


def test_a_page_title_over_the_document_title_is_one_report_by_its_author():
    """004: the page's title, its "【作者:县政协办】" line, then the document's own title."""
    (project,) = _import("004")
    assert (project.unit.name, project.year, project.form) == ("县政协", 2021, "department")


def test_a_township_report_is_its_government_s_and_an_attachment_number_is_no_title():
    """102: "附件3 / 田心乡部门整体支出绩效自评报告 / (2022年度)"."""
    (project,) = _import("102")
    assert project.unit.name == "田心乡人民政府"
    assert project.extra["title"] == "田心乡部门整体支出绩效自评报告"


def test_a_narrative_without_a_title_takes_its_unit_from_the_attached_table():
    """019: the 绩效目标自评表 names 资金使用单位; its funds table has no 年初预算数 column, the
    text says 财政年初预算40万元."""
    (project,) = _import("019")
    assert project.unit.name == "梓潼县人大常委会办公室"
    assert project.name == "人大代表之家建设"
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (Decimal(400000),) * 3


def test_a_page_with_its_metadata_block_and_two_title_lines():
    """013: 发布机构 block, the title with the project in brackets, then the title again."""
    (project,) = _import("013")
    assert (project.unit.name, project.year, project.name) == (
        "保山市卫生健康委员会",
        2022,
        "春节慰问经费项目",
    )


def test_a_two_row_header_gives_every_column_and_the_total_row_its_score():
    """029 (tabs) and 028 (the page's jumbled pipes): "绩效指标 | 年度指标值 | 实际完成值 | 分值 |
    得分 | 偏差…" over "一级指标 | … | 度量单位"; "其他需要说明事项 | 无" ends the table;
    "总分 | 100 | 96 | 优" states weight, score and grade."""
    for prefix in ("029", "028"):
        (project,) = _import(prefix)
        rows = [(i.level3, i.actual, i.weight, i.score) for i in project.indicators]
        assert len(rows) == 9, prefix
        assert rows[2] == ("资金到位及时率", "100%", Decimal(10), Decimal(7))
        assert project.indicators[-1].level2 == "服务对象满意度指标等"
        assert project.extra["stated_totals"] == {"weight": "100", "score": "96"}
        assert (project.extra["claimed_score"], project.extra["claimed_grade"]) == ("96", "优")


def test_a_department_sheet_in_pipe_rows_names_its_unit_in_the_部门_cell():
    """023: "部门整体支出绩效自评表 | |||" over "部门 | 金寨县茶谷和美丽乡村建设服务中心"."""
    (project,) = _import("023")
    assert (project.unit.name, project.year, project.form) == (
        "金寨县茶谷和美丽乡村建设服务中心",
        2023,
        "department",
    )
    assert len(project.indicators) == 9


def test_a_whole_table_flattened_onto_one_line():
    """030: every cell of 009's table on one line, empty cells lost: "年度资金总额 32.4 31.69 10
    97.80% 9" has no 年初预算数."""
    (project,) = _import("030")
    assert project.unit.name == "临沧市临翔区林业和草原局"
    assert project.name == "2023年马鹿坑国有林场新建野生动物收容所建设项目"
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        None,
        Decimal("324000.00"),
        Decimal("316900.00"),
    )
    assert project.execution.score == Decimal(9)
    assert len(project.indicators) == 8


def test_a_cover_page_of_label_value_lines_and_a_cell_per_line_funds_block():
    """018 (岳阳 form): "项目名称            代表之家", "项目单位          岳阳楼区人大办", an empty
    主管部门, "报告日期:2017年5月8日" (not the 项目起止时间 "2016年1月1日" further down), then
    "计划安排资金 / (万元) / 48", "实际到位资金 / (万元) / 48", "实际支出 / … / 46.5"."""
    (project,) = _import("018")
    assert (project.name, project.unit.name, project.unit.department) == (
        "代表之家",
        "岳阳楼区人大办",
        "",  # the 来源 line names where it was posted, not the 主管部门
    )
    assert project.signed_date.isoformat() == "2017-05-08"
    total = project.funds.rows["total"]
    assert (total.initial, total.executed) == (Decimal(480000), Decimal(465000))
    assert project.extra["funds_arrived"] == "480000.00"
    titles = [s["title"] for s in project.extra["extra_sections"]]
    assert titles[-2:] == ["二、项目支出明细情况", "三、项目绩效自评情况"]


def test_a_page_of_several_自评表_is_one_project_each():
    """Three copies of 029's table one after another (as a unit's page of all its projects'
    自评表): each titled table is a project of its own, with its own rows and 总分."""
    one = document_text(next(REAL.glob("029_*.txt")))
    names = ["义务教育营养改善计划专项资金", "学前教育资助资金", "校舍维修经费"]
    page = "\n".join(one.replace(names[0], name) for name in names)
    projects = import_text(page).projects
    assert [p.name for p in projects] == names
    assert all(len(p.indicators) == 9 for p in projects)
    assert all(p.extra["stated_totals"] == {"weight": "100", "score": "96"} for p in projects)
    assert {p.unit.name for p in projects} == {"永德县明朗中学"}


def test_a_county_form_with_lettered_columns_and_a_filler_line():
    """024 (昌宁): "预算数(A) | 执行数(B) | 执行率(B/A)", "年度财政资金总额 | 50 | 10", indicator
    columns "年初目标值(A) | 实际完成值(B) | 得分", and "单位名称:… 填报日期:2023年4月15日"."""
    (project,) = _import("024")
    assert project.unit.name == "昌宁县昌龙鸿运牧业专业合作社"
    assert project.signed_date.isoformat() == "2023-04-15"
    total = project.funds.rows["total"]
    assert (total.full_year, total.executed) == (Decimal(500000), Decimal(100000))
    assert len(project.indicators) == 19
    first = project.indicators[0]
    assert (first.level3, first.target, first.actual, first.score) == (
        "公猪舍(≥**平方米)",
        "22.8",
        "22.8",
        Decimal(1),
    )


def test_a_funds_header_with_two_label_cells_over_rows_with_one():
    """202 (四川 2023): "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数"
    over "总额 | 0.00 | 3.36 | 3.36 | 100.00%": the amounts start after the row's label."""
    (project,) = _import("202")
    total = project.funds.rows["total"]
    assert (total.initial, total.full_year, total.executed) == (
        Decimal(0),
        Decimal(33600),
        Decimal(33600),
    )
    assert project.execution.score == Decimal(10)


def test_a_school_s_whole_budget_self_evaluation_is_a_department_report():
    """109: "丰都县兴义镇中心小学校2022年度预算绩效自评工作报告", published by 丰都县教育委员会."""
    (project,) = _import("109")
    assert (project.unit.name, project.unit.department, project.form) == (
        "丰都县兴义镇中心小学校",
        "丰都县教育委员会",
        "department",
    )


def test_a_cited_document_s_author_is_not_the_unit_and_a_mention_of_整体支出_no_kind():
    """015: 《保山市财政局关于2021年部门预算的批复》 is cited twice; the unit is 市交通运输局.
    "部门整体支出和项目支出绩效自评工作是…" in its opening does not make it a department report."""
    (project,) = _import("015")
    assert project.unit.name == "市交通运输局"
    assert project.form == "self_evaluation"
    assert "document_kind" not in project.extra


def test_a_row_that_lost_its_empty_cells_keeps_its_weight_and_score():
    """028 (the page's pipes): "减轻贫困学生家庭经济负担 |" / "有效 |" / "有效 | 10 | 10 |" has
    no 指标性质 and 度量单位 cells; its 分值 and 得分 are the two figures it ends with, so the
    table adds up to its 总分 row (100 / 96) and 审核 finds nothing to say about it."""
    from desktop.model.checks import run_checks

    for prefix in ("028", "203", "029"):
        (project,) = _import(prefix)
        row = next(i for i in project.indicators if i.level3 == "减轻贫困学生家庭经济负担")
        assert (row.target, row.actual, row.weight, row.score) == (
            "有效",
            "有效",
            Decimal(10),
            Decimal(10),
        )
        codes = {f.code for f in run_checks(project)}
        assert not codes & {"E-STATED-TOTAL", "W-STATED-SCORE", "W-STATED-GRADE"}, prefix
