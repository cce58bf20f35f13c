"""Helpers for the check tests: a clean project and running one check by code."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from desktop.model.checks import CHECKS, Finding
from desktop.model.forms import load_form
from desktop.model.project import Execution, Funds, FundsRow, Goals, Indicator, Project, Unit

D = Decimal


def clean_project(name: str = "保安费用", budget: str = "80000.00") -> Project:
    """A 自评 project that passes every check."""
    funds = Funds()
    b = D(budget)
    funds.rows["total"] = FundsRow("total", b, b, b)
    funds.rows["fiscal"] = FundsRow("fiscal", b, b, b)
    wan = f"{(b / 10000).normalize():f}"
    return Project(
        unit=Unit(name="攀枝花市西区信访局", department="攀枝花市西区人民政府"),
        year=2023,
        name=name,
        signed_date=dt.date(2024, 1, 25),
        funds=funds,
        execution=Execution(D(10), None),
        goals=Goals("保障本年度内两名保安人员的经费", "全年保障到位"),
        sections={
            "basic_info": f"1.保障本年度内两名保安人员的经费。\n2.2023年预算安排{wan}万元，实际执行{wan}万元。",
            "goals": "1.项目主要内容。维持信访秩序，24小时对周边环境进行巡逻和值班。",
            "funds_usage": f"该项目资金年初预算{wan}万元，区财政已及时拨付到位，全年完成数{wan}万元。",
            "performance": "经发放问卷调查，群众满意度为95%，各项指标均已完成。",
            "conclusion": "经自评，该项目综合得分100分，评价等级为“优”。",
            "problems": "无。",
        },
        indicators=[
            Indicator("产出指标", "数量指标", "保安人员数量", "≥2人", "2人", D(20), D(20)),
            Indicator(
                "产出指标", "质量指标", "安保工作质量", "达成年度指标", "达成年度指标", D(10), D(10)
            ),
            Indicator("产出指标", "时效指标", "保障时限", "全年", "全年", D(10), D(10)),
            Indicator(
                "产出指标", "成本指标", "保安费用", f"≤{wan}万元", f"{wan}万元", D(10), D(10)
            ),
            Indicator(
                "效益指标",
                "社会效益",
                "信访工作顺利开展",
                "达成年度指标",
                "达成年度指标",
                D(30),
                D(30),
            ),
            Indicator("满意度指标", "服务对象满意度", "群众满意度", "≥90%", "95%", D(10), D(10)),
        ],
    )


def run(code: str, project: Project, siblings: list[Project] | None = None) -> list[Finding]:
    """Findings of the check registered under ``code`` (all codes it emits)."""
    return CHECKS[code](project, siblings or [], load_form(project.form))


def codes(findings: list[Finding]) -> list[str]:
    """The codes of findings, in order."""
    return [f.code for f in findings]
