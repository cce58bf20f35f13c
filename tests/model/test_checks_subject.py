"""A department report's 审核 names it 部门 where a project report's says 项目: the word comes
from the form ([checks] subject and framework_basis), so a 部门整体支出 report is never told
about "本项目" or "项目取得的效果"."""

from __future__ import annotations

import re
from decimal import Decimal

from desktop.model.checks import run_checks
from desktop.model.forms import load_form
from desktop.model.project import Indicator, Project
from tests.dept_helpers import department_project

SHARED = "本年度共召开常委会议六次，围绕全县中心工作开展专题协商和视察调研十二次。"
# Where 项目 is right in a department report: its 项目支出 and the projects it lists.
PROJECT_TERMS = re.compile(r"项目支出|个项目合计|列全项目|同一项目名称")


def _thin_table(project: Project) -> Project:
    """One 产出 indicator only: no 效益, no 满意度, no 数量/质量 (the framework checks speak)."""
    project.indicators = [
        Indicator("产出", "时效指标", "按时完成率", "100%", "100%", Decimal(90), Decimal(90))
    ]
    project.sections["functions"] = SHARED
    return project


def _reports(form: str) -> tuple[Project, list[Project]]:
    report = _thin_table(department_project())
    sibling = _thin_table(department_project())
    sibling.name = "县政协机关运行"
    if form != "department":
        for p in (report, sibling):
            p.form = form
            p.sections["basic_info"] = SHARED
    return report, [sibling]


def _said(form: str) -> dict[str, str]:
    report, siblings = _reports(form)
    return {f.code: f.message for f in run_checks(report, siblings, load_form(form))}


def _unquoted(message: str) -> str:
    """The message without what it quotes from the report."""
    return re.sub(r"“[^”]*”", "", message)


def test_department_findings_say_department_not_project():
    said = _said("department")
    for code in ("W-FRAME-NO-BENEFIT", "W-FRAME-NO-OUTPUT", "I-FRAME-NO-SATISFACTION"):
        assert code in said
    assert "I-COPY-SIBLING" in said or "W-COPY-SIBLING" in said
    wrong = {
        code: message
        for code, message in said.items()
        if "项目" in PROJECT_TERMS.sub("", _unquoted(message))
    }
    assert wrong == {}
    assert "有服务对象的部门一般应设满意度指标" in said["I-FRAME-NO-SATISFACTION"]
    benefit = said["W-FRAME-NO-BENEFIT"]
    assert "财预〔2020〕10号" not in benefit  # the 项目支出 rules are not the department's
    assert "部门整体支出的指标体系" in benefit and "无法说明部门取得的效果" in benefit
    copied = said.get("I-COPY-SIBLING") or said["W-COPY-SIBLING"]
    assert "“县政协机关运行”" in copied and "部门" in _unquoted(copied)


def test_project_findings_still_say_project():
    said = _said("self_evaluation")
    assert "有服务对象的项目一般应设满意度指标" in said["I-FRAME-NO-SATISFACTION"]
    assert "财预〔2020〕10号" in said["W-FRAME-NO-BENEFIT"]
    assert "无法说明项目取得的效果" in said["W-FRAME-NO-BENEFIT"]
    copied = said.get("I-COPY-SIBLING") or said["W-COPY-SIBLING"]
    assert "项目" in _unquoted(copied)
