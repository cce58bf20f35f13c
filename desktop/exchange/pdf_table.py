"""The 项目支出绩效自评表 of a report as Platypus tables (funds block + indicators)."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf_style import FRAME_W, LEADING, Styles, para
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.model.scoring import execution_rate, execution_score, summarise

TABLE_TITLE = "项目支出绩效自评表"
FUNDS_HEAD = "项目资金（万元）"
INFO_LABELS = ("项目名称", "主管部门", "实施单位")
GOAL_LABELS = ("年度总体目标", "预期目标", "实际完成情况")
EXEC_LABELS = ("分值", "执行率", "得分")
INDICATOR_HEAD = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
    "偏差原因分析及改进措施",
)
TOTAL_LABEL = "总分"
GRADE_LABEL = "等级"
NO_INDICATORS = "（未填写绩效指标）"
DASH = "—"

_FUNDS_WIDTHS = (120, 56, 56, 56, 46, 58, 50)
_IND_WIDTHS = (50, 52, 78, 58, 58, 30, 30, 86)
_GRID = 0.6


def _scaled(widths: tuple[int, ...]) -> list[float]:
    total = sum(widths)
    return [w * FRAME_W / total for w in widths]


def _base_style(fonts: FontSet) -> list[tuple[object, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.name("song")),
        ("GRID", (0, 0), (-1, -1), _GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


def funds_table(project: Project, fonts: FontSet, st: Styles) -> Table:
    """Name, department, unit, the funds rows with the execution line, and the goals."""

    def c(text: str) -> Paragraph:
        return para(fonts, text, st.cell_center)

    def n(text: str) -> Paragraph:
        return para(fonts, text, st.cell_number)

    def h(text: str) -> Paragraph:
        return para(fonts, text, st.cell_head)

    rows: list[list[object]] = [
        [h(INFO_LABELS[0]), para(fonts, project.name, st.cell), "", "", "", "", ""],
        [
            h(INFO_LABELS[1]),
            para(fonts, project.unit.department, st.cell),
            "",
            "",
            h(INFO_LABELS[2]),
            para(fonts, project.unit.name, st.cell),
            "",
        ],
        [h(FUNDS_HEAD)]
        + [h(FUNDS_COLUMN_LABELS[col]) for col in FUNDS_COLUMNS]
        + [h(x) for x in EXEC_LABELS],
    ]
    funds = project.funds
    shown = funds.ordered() or [funds.row("total")]
    if shown[0].source != "total":
        shown.insert(0, funds.row("total"))
    rate = execution_rate(project)
    score = project.execution.score
    if score is None:
        score = execution_score(project)
    for row in shown:
        if row.source == "total":
            amounts = [
                funds.effective(col) if row.is_empty() else row.get(col) for col in FUNDS_COLUMNS
            ]
            extra = [
                n(fmt_points(project.execution.weight)),
                n(fmt_rate(rate) if rate is not None else DASH),
                n(fmt_points(score)),
            ]
        else:
            amounts = [row.get(col) for col in FUNDS_COLUMNS]
            extra = [c(DASH), c(DASH), c(DASH)]
        rows.append([c(SOURCE_LABELS[row.source])] + [n(fmt_wan(a)) for a in amounts] + extra)
    goal_row = len(rows)
    rows.append([h(GOAL_LABELS[0]), h(GOAL_LABELS[1]), "", "", h(GOAL_LABELS[2]), "", ""])
    rows.append(
        [
            "",
            para(fonts, project.goals.target, st.cell),
            "",
            "",
            para(fonts, project.goals.actual, st.cell),
            "",
            "",
        ]
    )
    style = [
        *_base_style(fonts),
        ("SPAN", (1, 0), (6, 0)),
        ("SPAN", (1, 1), (3, 1)),
        ("SPAN", (5, 1), (6, 1)),
        ("SPAN", (0, goal_row), (0, goal_row + 1)),
        ("SPAN", (1, goal_row), (3, goal_row)),
        ("SPAN", (4, goal_row), (6, goal_row)),
        ("SPAN", (1, goal_row + 1), (3, goal_row + 1)),
        ("SPAN", (4, goal_row + 1), (6, goal_row + 1)),
    ]
    table = Table(rows, colWidths=_scaled(_FUNDS_WIDTHS), style=TableStyle(style))
    table.hAlign = "CENTER"
    return table


def indicator_table(project: Project, form: Form, fonts: FontSet, st: Styles) -> Table:
    """The 绩效指标 rows under a header row repeated on every page, then the total score."""

    def c(text: str) -> Paragraph:
        return para(fonts, text, st.cell_center)

    def n(text: str) -> Paragraph:
        return para(fonts, text, st.cell_number)

    rows: list[list[object]] = [[para(fonts, x, st.cell_head) for x in INDICATOR_HEAD]]
    for ind in project.indicators:
        rows.append(
            [
                c(ind.level1),
                c(ind.level2),
                para(fonts, ind.level3, st.cell),
                c(ind.target),
                c(ind.actual),
                n(fmt_points(ind.weight)),
                n(fmt_points(ind.score)),
                para(fonts, ind.deviation, st.cell),
            ]
        )
    style = [*_base_style(fonts), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93))]
    if not project.indicators:
        rows.append([c(NO_INDICATORS), "", "", "", "", "", "", ""])
        style.append(("SPAN", (0, 1), (-1, 1)))
    summary = summarise(project, form)
    rows.append(
        [
            para(fonts, TOTAL_LABEL, st.cell_head),
            "",
            "",
            "",
            "",
            n(fmt_points(summary.weight_total)),
            n(fmt_points(summary.entered_total)),
            c(f"{GRADE_LABEL}：{summary.grade}"),
        ]
    )
    style.append(("SPAN", (0, len(rows) - 1), (4, len(rows) - 1)))
    table = Table(
        rows, colWidths=_scaled(_IND_WIDTHS), style=TableStyle(style), repeatRows=1, splitByRow=1
    )
    table.hAlign = "CENTER"
    return table


def self_evaluation_table(
    project: Project, form: Form, fonts: FontSet, st: Styles
) -> list[Flowable]:
    """Caption, funds block and indicator table."""
    caption = para(fonts, f"{project.year}年度{TABLE_TITLE}", st.caption)
    return [
        CondPageBreak(6 * LEADING),
        caption,
        funds_table(project, fonts, st),
        indicator_table(project, form, fonts, st),
        Spacer(FRAME_W, LEADING / 2),
    ]
