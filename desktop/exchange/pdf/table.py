"""The 项目支出绩效自评表 of a report: funds block with goals, then the indicator table.

The layout follows the official form (and the xlsx): all four funds rows, 分值/执行率/得分
merged down beside them, 年度总体目标 beside its two texts. Column widths come from the content.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.grid import Cell, GridTable, Row, content_widths
from desktop.exchange.pdf.style import FRAME_W, LEADING, Styles, para
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan
from desktop.model.project import (
    FUNDS_COLUMN_LABELS,
    FUNDS_COLUMNS,
    SOURCE_LABELS,
    SOURCES,
    Project,
)
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
FUNDS_COLUMNS_COUNT = 7
INFO_ROWS = 2


def _head(text: str, st: Styles, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, st.cell_head, colspan=colspan, rowspan=rowspan, head=True)


def _funds_rows(project: Project, st: Styles) -> list[Row]:
    """年度资金总额 and every source row (empty ones too), the execution line merged beside."""
    funds = project.funds
    rate = execution_rate(project)
    score = project.execution.score
    if score is None:
        score = execution_score(project)
    rows: list[Row] = []
    for k, source in enumerate(SOURCES):
        row = funds.rows.get(source)
        if source == "total":
            amounts = [
                funds.effective(col) if row is None or row.is_empty() else row.get(col)
                for col in FUNDS_COLUMNS
            ]
        else:
            amounts = [row.get(col) if row is not None else None for col in FUNDS_COLUMNS]
        cells: Row = [Cell(SOURCE_LABELS[source], st.cell)]
        cells += [Cell(fmt_wan(a), st.cell_number) for a in amounts]
        if k == 0:
            span = len(SOURCES)
            cells += [
                Cell(fmt_points(project.execution.weight), st.cell_center, rowspan=span),
                Cell(fmt_rate(rate) if rate is not None else "", st.cell_center, rowspan=span),
                Cell(fmt_points(score), st.cell_center, rowspan=span),
            ]
        else:
            cells += [None, None, None]
        rows.append(cells)
    return rows


def funds_table(project: Project, fonts: FontSet, st: Styles) -> GridTable:
    """Name, department, unit; the funds rows with the execution line; the goals."""
    info: list[Row] = [
        [_head(INFO_LABELS[0], st), Cell(project.name, st.cell, colspan=6)] + [None] * 5,
        [
            _head(INFO_LABELS[1], st),
            Cell(project.unit.department, st.cell, colspan=3),
            None,
            None,
            _head(INFO_LABELS[2], st),
            Cell(project.unit.name, st.cell, colspan=2),
            None,
        ],
        [
            _head(FUNDS_HEAD, st),
            *(_head(FUNDS_COLUMN_LABELS[col], st) for col in FUNDS_COLUMNS),
            *(_head(x, st) for x in EXEC_LABELS),
        ],
    ]
    money = _funds_rows(project, st)
    goals: list[Row] = [
        [
            _head(GOAL_LABELS[0], st, rowspan=2),
            _head(GOAL_LABELS[1], st, colspan=3),
            None,
            None,
            _head(GOAL_LABELS[2], st, colspan=3),
            None,
            None,
        ],
        [
            None,
            Cell(project.goals.target, st.cell, colspan=3),
            None,
            None,
            Cell(project.goals.actual, st.cell, colspan=3),
            None,
            None,
        ],
    ]
    widths = content_widths(info + money, fonts, FRAME_W, FUNDS_COLUMNS_COUNT)
    return GridTable(info + money + goals, widths, fonts)


def indicator_table(project: Project, form: Form, fonts: FontSet, st: Styles) -> GridTable:
    """The 绩效指标 rows under a header row repeated on every page, then the total score;
    without indicators, one full-width line that says the indicator table is missing."""
    count = len(INDICATOR_HEAD)
    if not project.indicators:
        row: Row = [Cell(NO_INDICATORS, st.cell_center, colspan=count)] + [None] * (count - 1)
        return GridTable([row], [FRAME_W / count] * count, fonts)
    rows: list[Row] = [[_head(x, st) for x in INDICATOR_HEAD]]
    for ind in project.indicators:
        rows.append(
            [
                Cell(ind.level1, st.cell_center),
                Cell(ind.level2, st.cell_center),
                Cell(ind.level3, st.cell),
                Cell(ind.target, st.cell_center),
                Cell(ind.actual, st.cell_center),
                Cell(fmt_points(ind.weight), st.cell_center),
                Cell(fmt_points(ind.score), st.cell_center),
                Cell(ind.deviation, st.cell),
            ]
        )
    summary = summarise(project, form)
    rows.append(
        [
            _head(TOTAL_LABEL, st, colspan=5),
            None,
            None,
            None,
            None,
            Cell(fmt_points(summary.weight_total), st.cell_center),
            Cell(fmt_points(summary.entered_total), st.cell_center),
            Cell(f"{GRADE_LABEL}：{summary.grade}", st.cell_center),
        ]
    )
    widths = content_widths(rows, fonts, FRAME_W, count)
    return GridTable(rows, widths, fonts, header_rows=1)


def self_evaluation_table(
    project: Project, form: Form, fonts: FontSet, st: Styles
) -> list[Flowable]:
    """Caption, funds block and indicator table; the caption stays with the funds rows."""
    caption = para(fonts, _WORDS.table_caption(project.year), st.caption)
    funds = funds_table(project, fonts, st)
    _w, caption_h = caption.wrap(FRAME_W, 10_000)
    funds.wrap(FRAME_W, 10_000)
    keep = caption_h + sum(funds.heights[: INFO_ROWS + 1 + len(SOURCES)])
    return [
        CondPageBreak(keep),
        caption,
        funds,
        indicator_table(project, form, fonts, st),
        Spacer(FRAME_W, LEADING / 2),
    ]
