"""The 项目支出绩效自评表 of a report as Platypus tables (funds block + indicators)."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table, TableStyle

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.style import (
    FRAME_W,
    LEADING,
    TABLE_LEADING,
    TABLE_SIZE,
    Styles,
    para,
    role_of_style,
)
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.model.scoring import execution_rate, execution_score, summarise
from desktop.model.vocabulary import label, vocabulary

# The words of the table (forms/common/vocabulary.toml).
_WORDS = vocabulary()
FUNDS_HEAD = label("funds")
INFO_LABELS = (label("name"), label("department"), label("unit"))
GOAL_LABELS = (label("goals"), label("goal_target"), label("goal_actual"))
EXEC_LABELS = (label("execution_weight"), label("execution_rate"), label("execution_score"))
INDICATOR_HEAD = tuple(term.label for term in _WORDS.standard_columns())
TOTAL_LABEL = label("total")
GRADE_LABEL = label("grade")
NO_INDICATORS = label("no_indicators")
DASH = label("not_applicable")

_FUNDS_WIDTHS = (120, 56, 56, 56, 46, 58, 50)
_IND_WIDTHS = (50, 52, 78, 58, 58, 30, 30, 86)
_GRID = 0.6
_PAD = 3


def _scaled(widths: tuple[int, ...]) -> list[float]:
    total = sum(widths)
    return [w * FRAME_W / total for w in widths]


def _base_style(fonts: FontSet) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), fonts.name("song")),
        ("FONTSIZE", (0, 0), (-1, -1), TABLE_SIZE),
        ("LEADING", (0, 0), (-1, -1), TABLE_LEADING),
        ("GRID", (0, 0), (-1, -1), _GRID, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]


class _Cell:
    """Text of a table cell with its style, before it becomes a string or a Paragraph."""

    __slots__ = ("style", "text")

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        self.text = text
        self.style = style


_ALIGN = {TA_LEFT: "LEFT", TA_CENTER: "CENTER", TA_RIGHT: "RIGHT"}


def _materialise(
    rows: list[list[object]], widths: list[float], style: list[tuple[Any, ...]], fonts: FontSet
) -> list[tuple[Any, ...]]:
    """Turn cells into plain strings where one line in the role's font fits (much faster to
    lay out than a Paragraph), else into wrapping Paragraphs; returns the per-cell styles."""
    spanned = {cmd[1] for cmd in style if cmd[0] == "SPAN"}
    extra: list[tuple[Any, ...]] = []
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, _Cell):
                continue
            st = cell.style
            text = cell.text
            font = st.fontName
            plain = (
                (c, r) not in spanned
                and "\n" not in text
                and fonts.single_font(text, role_of_style(st))
                and stringWidth(text, font, st.fontSize) <= widths[c] - 2 * _PAD
            )
            if plain:
                row[c] = text
                extra += [
                    ("FONTNAME", (c, r), (c, r), font),
                    ("ALIGN", (c, r), (c, r), _ALIGN.get(st.alignment, "LEFT")),
                ]
            else:
                row[c] = para(fonts, text, st)
    return extra


def funds_table(project: Project, fonts: FontSet, st: Styles) -> list[Table]:
    """Name, department, unit; the funds rows with the execution line; the goals."""

    def c(text: str) -> object:
        return _Cell(text, st.cell_center)

    def n(text: str) -> object:
        return _Cell(text, st.cell_number)

    def h(text: str) -> object:
        return _Cell(text, st.cell_head)

    rows: list[list[object]] = [
        [h(INFO_LABELS[0]), _Cell(project.name, st.cell), "", "", "", "", ""],
        [
            h(INFO_LABELS[1]),
            _Cell(project.unit.department, st.cell),
            "",
            "",
            h(INFO_LABELS[2]),
            _Cell(project.unit.name, st.cell),
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
    widths = _scaled(_FUNDS_WIDTHS)
    info, money = rows[:2], rows[2:]
    info_style = [
        *_base_style(fonts),
        ("SPAN", (1, 0), (6, 0)),
        ("SPAN", (1, 1), (3, 1)),
        ("SPAN", (5, 1), (6, 1)),
    ]
    info_style += _materialise(info, widths, info_style, fonts)
    money_style = _base_style(fonts)
    money_style += _materialise(money, widths, money_style, fonts)
    tables = [
        Table(info, colWidths=widths, style=TableStyle(info_style)),
        Table(money, colWidths=widths, style=TableStyle(money_style)),
        goals_table(project, fonts, st, widths[0]),
    ]
    for table in tables:
        table.hAlign = "CENTER"
    return tables


def goals_table(project: Project, fonts: FontSet, st: Styles, label_width: float) -> Table:
    """年度总体目标: 预期目标 beside 实际完成情况; no merged cells, so long text can split."""
    rows: list[list[object]] = [
        ["", _Cell(GOAL_LABELS[1], st.cell_head), _Cell(GOAL_LABELS[2], st.cell_head)],
        [
            _Cell(GOAL_LABELS[0], st.cell_head),
            _Cell(project.goals.target, st.cell),
            _Cell(project.goals.actual, st.cell),
        ],
    ]
    half = (FRAME_W - label_width) / 2
    widths = [label_width, half, half]
    style = [
        *(cmd for cmd in _base_style(fonts) if cmd[0] != "GRID"),
        ("BOX", (0, 0), (-1, -1), _GRID, colors.black),
        ("LINEAFTER", (0, 0), (1, -1), _GRID, colors.black),
        ("LINEBELOW", (1, 0), (2, 0), _GRID, colors.black),
    ]
    style += _materialise(rows, widths, style, fonts)
    table = Table(rows, colWidths=widths, style=TableStyle(style), splitInRow=1)
    table.hAlign = "CENTER"
    return table


def indicator_table(project: Project, form: Form, fonts: FontSet, st: Styles) -> Table:
    """The 绩效指标 rows under a header row repeated on every page, then the total score."""

    def c(text: str) -> object:
        return _Cell(text, st.cell_center)

    def n(text: str) -> object:
        return _Cell(text, st.cell_number)

    rows: list[list[object]] = [[_Cell(x, st.cell_head) for x in INDICATOR_HEAD]]
    for ind in project.indicators:
        rows.append(
            [
                c(ind.level1),
                c(ind.level2),
                _Cell(ind.level3, st.cell),
                c(ind.target),
                c(ind.actual),
                n(fmt_points(ind.weight)),
                n(fmt_points(ind.score)),
                _Cell(ind.deviation, st.cell),
            ]
        )
    style = [*_base_style(fonts), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93))]
    if not project.indicators:
        rows.append([c(NO_INDICATORS), "", "", "", "", "", "", ""])
        style.append(("SPAN", (0, 1), (-1, 1)))
    summary = summarise(project, form)
    rows.append(
        [
            _Cell(TOTAL_LABEL, st.cell_head),
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
    widths = _scaled(_IND_WIDTHS)
    style += _materialise(rows, widths, style, fonts)
    table = Table(
        rows,
        colWidths=widths,
        style=TableStyle(style),
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
    )
    table.hAlign = "CENTER"
    return table


def self_evaluation_table(
    project: Project, form: Form, fonts: FontSet, st: Styles
) -> list[Flowable]:
    """Caption, funds block and indicator table."""
    caption = para(fonts, _WORDS.table_caption(project.year), st.caption)
    return [
        CondPageBreak(6 * LEADING),
        caption,
        *funds_table(project, fonts, st),
        indicator_table(project, form, fonts, st),
        Spacer(FRAME_W, LEADING / 2),
    ]
