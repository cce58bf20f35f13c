"""The year's cycle in the printed report: 上年整改情况 (the items carried from last year and
their status) beside the 存在的问题, and the 绩效运行监控表 as an appendix after the 落款.

Words and columns come from forms/common/cycle.toml; the tables are the report's ruled grids.
"""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.grid import Cell, GridTable, Row, content_widths
from desktop.exchange.pdf.style import FRAME_W, LEADING, Styles, para
from desktop.model.cycle_words import cycle_words
from desktop.model.money import fmt_rate, fmt_wan
from desktop.model.monitoring import execution_rate
from desktop.model.monitoring_rows import has_monitoring, progress_cells, progress_rows
from desktop.model.project import Project
from desktop.model.rectification import fmt_date, previous_items, status_label, today
from desktop.model.vocabulary import vocabulary

# Keep a table's caption with its header and first rows.
KEEP_WITH_CAPTION = LEADING * 4


def _head(text: str, st: Styles, colspan: int = 1) -> Cell:
    return Cell(text, st.cell_head, colspan=colspan, head=True)


def previous_rectifications(project: Project, fonts: FontSet, st: Styles) -> list[Flowable]:
    """上年整改情况: each item raised in an earlier year, its measure, owner, deadline, status."""
    items = previous_items(project.rectifications, project.year)
    if not items:
        return []
    words = cycle_words()
    columns = words.rectification_columns()
    rows: list[Row] = [[_head(c.label, st) for c in columns]]
    on = today()
    for item in items:
        values = {
            "problem": item.problem,
            "measure": item.measure,
            "owner": item.owner,
            "deadline": fmt_date(item.deadline),
            "status": status_label(item, on),
        }
        wide = ("problem", "measure")
        rows.append(
            [
                Cell(values.get(c.key, ""), st.cell if c.key in wide else st.cell_center)
                for c in columns
            ]
        )
    title = words.label("rectification", "previous_title")
    widths = content_widths(rows, fonts, FRAME_W, len(columns))
    return [
        CondPageBreak(KEEP_WITH_CAPTION),
        para(fonts, title, st.caption),
        GridTable(rows, widths, fonts, header_rows=1),
        Spacer(FRAME_W, LEADING / 2),
    ]


# The funds lines over the nine indicator columns: (key, span); the label takes the first two.
FUNDS_SPANS = (("label", 2), ("full_year", 2), ("executed_jan_jul", 2), ("rate", 1))
FORECAST_SPAN = 2


def _spanned(cells: list[Cell]) -> Row:
    row: Row = []
    for cell in cells:
        row += [cell] + [None] * (cell.colspan - 1)
    return row


def _funds_rows(project: Project, st: Styles) -> list[Row]:
    """全年预算数, 1-7月执行数, 1-7月执行率, 全年预计执行数 (万元) under their labels."""
    labels = {c.key: c.label for c in cycle_words().monitoring_funds_columns()}
    labels["label"] = vocabulary().labels["funds"]
    monitoring = project.monitoring
    budget = project.funds.budget()
    rate = execution_rate(monitoring.executed_jan_jul, budget)
    values = {
        "label": "",
        "full_year": fmt_wan(budget),
        "executed_jan_jul": fmt_wan(monitoring.executed_jan_jul),
        "rate": fmt_rate(rate),
        "forecast_full_year": fmt_wan(monitoring.forecast_full_year),
    }
    spans = (*FUNDS_SPANS, ("forecast_full_year", FORECAST_SPAN))
    head = [Cell(labels[k], st.cell_head, colspan=n, head=True) for k, n in spans]
    body = [Cell(values[k], st.cell_number, colspan=n) for k, n in spans]
    return [_spanned(head), _spanned(body)]


def _indicator_rows(project: Project, st: Styles) -> list[Row]:
    columns = cycle_words().monitoring_columns()
    rows: list[Row] = [[_head(c.label, st) for c in columns]]
    for ind, item in progress_rows(project):
        values = progress_cells(ind, item)
        left = ("level3", "done_jan_jul", "forecast", "correction")
        rows.append(
            [Cell(values[c.key], st.cell if c.key in left else st.cell_center) for c in columns]
        )
    return rows


def monitoring_appendix(project: Project, fonts: FontSet, st: Styles) -> list[Flowable]:
    """附件 on its own page: the 绩效运行监控表 — execution to the end of July and each
    indicator's progress, the funds lines over the indicator table's columns."""
    if not has_monitoring(project):
        return []
    words = cycle_words()
    caption = f"{project.year}年度{words.label('monitoring', 'title')}"
    indicators = _indicator_rows(project, st)
    count = len(words.monitoring_columns())
    widths = content_widths(indicators, fonts, FRAME_W, count)
    funds = (
        _funds_rows(project, st) if count == sum(n for _k, n in FUNDS_SPANS) + FORECAST_SPAN else []
    )
    tables: list[Flowable] = [GridTable(funds, widths, fonts)] if funds else []
    return [
        PageBreak(),
        para(fonts, words.label("monitoring", "appendix_label"), st.heading1),
        para(fonts, caption, st.title),
        *tables,
        GridTable(indicators, widths, fonts, header_rows=1),
    ]
