"""Heading variants of real reports: inline text, wrong or missing numbers, prose after the table."""

from __future__ import annotations

from desktop.exchange.text.importer import import_text

REPORT = """某县信访局项目支出绩效自评报告
（信访维稳经费）
一、项目概况
（一）项目基本情况。本项目保障信访维稳工作。
项目绩效目标
全年无重大信访事件。
（3）项目自评步骤及方法。
采用比较法。
二、项目资金申报及使用情况
（2） 资金计划、到位及使用情况。
    年初预算10万元，全年执行10万元。
四、项目绩效情况
某县信访维稳经费绩效目标表
\t一级指标
\t二级指标
\t三级指标

\t产出指标
\t数量指标
\t劝返人次

\t\t时效指标
\t全年

本项目各项绩效指标均按计划完成，偏差原因已在上表中说明，无其他需要说明的情况。
五、评价结论及建议
（一）评价结论：良好。
（三）相关建议 无
某县信访局
二〇二四年一月五日
"""


def test_variants() -> None:
    result = import_text(REPORT)
    project = result.projects[0]
    assert project.name == "信访维稳经费"
    assert project.unit.name == "某县信访局"
    assert project.year == 2023
    assert str(project.signed_date) == "2024-01-05"
    s = project.sections
    assert s["basic_info"] == "本项目保障信访维稳工作。"
    assert s["goals"] == "全年无重大信访事件。"
    assert s["method"] == "采用比较法。"
    assert s["funds_usage"] == "年初预算10万元，全年执行10万元。"
    assert s["performance"].startswith("本项目各项绩效指标均按计划完成")
    assert s["conclusion"] == "良好。"
    assert s["suggestions"] == "无"
    assert [(i.level1, i.level2, i.level3) for i in project.indicators] == [
        ("产出指标", "数量指标", "劝返人次"),
        ("产出指标", "时效指标", "全年"),
    ]
    report = "\n".join(result.report)
    assert "“项目绩效目标”缺少编号" in report
    assert "“（3）”应为“（三）”" in report
    assert "存在的问题" in report  # missing section listed


def test_reports_without_title_lines_are_split_where_the_outline_restarts() -> None:
    one = "一、项目概况\n（一）项目基本情况。2023年预算安排2万元，实际执行2万元。\n五、评价结论及建议\n（一）评价结论。良好。\n"
    two = one.replace("2万元", "3万元")
    result = import_text(one + two, unit="某局")
    assert [p.name for p in result.projects] == [
        "项目支出绩效自评报告",
        "项目支出绩效自评报告（2）",
    ]
    amounts = [p.funds.rows["total"].initial for p in result.projects]
    assert [str(a) for a in amounts] == ["20000.00", "30000.00"]
    assert any("重复" in line for line in result.report)
    assert result.report[1].startswith("项目“项目支出绩效自评报告”")
    assert result.report[2].startswith("项目“项目支出绩效自评报告（2）”")
