"""One project as a 项目支出绩效自评表 sheet (official layout, ready to print)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx import layout as L
from desktop.exchange.xlsx.layout import Column, Styles, put_number, put_text
from desktop.model.forms import Form
from desktop.model.money import WAN, round_rate
from desktop.model.project import (
    FUNDS_COLUMN_LABELS,
    FUNDS_COLUMNS,
    SOURCE_LABELS,
    SOURCES,
    Project,
)
from desktop.model.scoring import execution_rate, execution_score, suggest, summarise
from desktop.model.vocabulary import vocabulary

WAN_PLACES = Decimal("0.000001")  # 1 分 in 万元: amounts stay exact


def columns_for(project: Project) -> tuple[Column, ...]:
    """The indicator columns: the detailed variant when operator or unit is set anywhere."""
    if any(i.operator or i.unit for i in project.indicators):
        return L.DETAILED_COLUMNS
    return L.STANDARD_COLUMNS


def to_wan(amount: Decimal | None) -> Decimal | None:
    """元 → 万元, exact to the 分."""
    if amount is None:
        return None
    return (amount / WAN).quantize(WAN_PLACES)


class SheetOut(Protocol):
    """Where a project sheet's cells go: an openpyxl worksheet or prepared XML."""

    def text(self, row: int, col: int, text: str, style: object) -> None:
        """A string cell."""

    def number(self, row: int, col: int, value: Decimal | None, style: object) -> None:
        """A number cell (empty when None)."""

    def merge(self, r1: int, c1: int, r2: int, c2: int, covered_style: object | None) -> None:
        """Merge a range."""

    def finish(self, widths: Sequence[float], lines: dict[int, int], n: int, last_row: int) -> None:
        """Widths, row heights and print setup."""


class CellsOut:
    """Cells written into an openpyxl worksheet (the reference path)."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws

    def text(self, row: int, col: int, text: str, style: object) -> None:
        """A string cell."""
        put_text(self.ws, row, col, text, style)

    def number(self, row: int, col: int, value: Decimal | None, style: object) -> None:
        """A number cell (empty when None)."""
        put_number(self.ws, row, col, value, style)

    def merge(self, r1: int, c1: int, r2: int, c2: int, covered_style: object | None) -> None:
        """Merge a range."""
        L.merge(self.ws, r1, c1, r2, c2, covered_style)

    def finish(self, widths: Sequence[float], lines: dict[int, int], n: int, last_row: int) -> None:
        """Widths, row heights and print setup."""
        _finish(self.ws, widths, lines, n, last_row)


class _Sheet:
    """Writes cells, merges and remembers the lines each row needs."""

    def __init__(self, out: SheetOut, styles: Styles, widths: Sequence[float]) -> None:
        self.out = out
        self.s = styles
        self.widths = list(widths)
        self.lines: dict[int, int] = {}

    def span_width(self, c1: int, c2: int) -> float:
        return sum(self.widths[c1 - 1 : c2])

    def text(
        self, row: int, c1: int, text: str, style: object, c2: int | None = None, rows: int = 1
    ) -> None:
        c2 = c2 or c1
        self.out.text(row, c1, text, style)
        self.merge(row, c1, row + rows - 1, c2)
        if text and rows == 1:
            need = L.lines_needed(text, self.span_width(c1, c2))
            self.lines[row] = max(self.lines.get(row, 1), need)

    def number(
        self, row: int, col: int, value: Decimal | None, style: object, rows: int = 1
    ) -> None:
        self.out.number(row, col, value, style)
        self.merge(row, col, row + rows - 1, col)

    def merge(self, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            self.out.merge(r1, c1, r2, c2, self.s.border if r1 > 2 else None)


def write_project_sheet(
    ws: Worksheet | SheetOut, project: Project, form: Form, styles: Styles
) -> None:
    """Fill ``ws`` (a worksheet or another SheetOut) with the 自评表 of one project."""
    out: SheetOut = CellsOut(ws) if isinstance(ws, Worksheet) else ws
    cols = columns_for(project)
    n = len(cols) + 1
    sh = _Sheet(out, styles, [L.LABEL_COLUMN_WIDTH, *(c.width for c in cols)])
    s = styles
    half = n // 2
    sh.text(1, 1, L.TABLE_TITLE, s.title, n)
    sh.text(2, 1, vocabulary().table_year_line(project.year), s.subtitle, n)
    sh.text(3, 1, L.LABEL_NAME, s.label)
    sh.text(3, 2, project.name, s.text, n)
    sh.text(4, 1, L.LABEL_DEPARTMENT, s.label)
    sh.text(4, 2, project.unit.department, s.text, half)
    sh.text(4, half + 1, L.LABEL_UNIT, s.label)
    sh.text(4, half + 2, project.unit.name, s.text, n)
    row = _write_funds(sh, project, 5, n)
    # 年度总体目标
    sh.text(row, 1, L.LABEL_GOALS, s.label, rows=2)
    sh.text(row, 2, L.LABEL_GOAL_TARGET, s.label, half + 1)
    sh.text(row, half + 2, L.LABEL_GOAL_ACTUAL, s.label, n)
    sh.text(row + 1, 2, project.goals.target, s.text, half + 1)
    sh.text(row + 1, half + 2, project.goals.actual, s.text, n)
    sh.lines[row + 1] = max(sh.lines.get(row + 1, 1), 2)
    row = _write_indicators(sh, project, form, cols, row + 2)
    # 总分 and grade
    weight_col = 2 + cols.index(L.WEIGHT)
    score_col = 2 + cols.index(L.SCORE)
    summary = summarise(project, form)
    sh.text(row, 1, L.LABEL_TOTAL, s.label, weight_col - 1)
    sh.number(row, weight_col, summary.weight_total, s.points)
    sh.number(row, score_col, summary.entered_total, s.points)
    sh.text(row, score_col + 1, f"{L.LABEL_GRADE}：{summary.grade}", s.center, n)
    out.finish(sh.widths, sh.lines, n, row)


def _write_funds(sh: _Sheet, project: Project, row: int, n: int) -> int:
    """项目资金（万元）: header row + one row per source; 分值/执行率/得分 on the total row, merged.

    Returns the row after the block.
    """
    s = sh.s
    last_label = n - 6
    funds_label = L.LABEL_FUNDS.replace("（", "\n（")  # two short lines in the narrow column
    sh.text(row, 1, funds_label, s.label, rows=1 + len(SOURCES))
    sh.text(row, 2, "", s.label, last_label)
    heads = [FUNDS_COLUMN_LABELS[c] for c in FUNDS_COLUMNS] + [
        L.LABEL_WEIGHT,
        L.LABEL_RATE,
        L.LABEL_SCORE,
    ]
    for i, head in enumerate(heads):
        sh.text(row, last_label + 1 + i, head, s.label)
    for k, source in enumerate(SOURCES):
        r = row + 1 + k
        sh.text(r, 2, SOURCE_LABELS[source], s.text, last_label)
        funds_row = project.funds.rows.get(source)
        for i, column in enumerate(FUNDS_COLUMNS):
            amount = funds_row.get(column) if funds_row else None
            sh.number(r, last_label + 1 + i, to_wan(amount), s.money)
    rate = execution_rate(project)
    exec_score = (
        project.execution.score if project.execution.score is not None else execution_score(project)
    )
    k = len(SOURCES)
    sh.number(row + 1, n - 2, project.execution.weight, s.points_center, rows=k)
    rounded = round_rate(rate) if rate is not None else None
    sh.number(row + 1, n - 1, rounded, s.rate_center, rows=k)
    sh.number(row + 1, n, exec_score, s.points_center, rows=k)
    return row + 1 + k


def _write_indicators(
    sh: _Sheet, project: Project, form: Form, cols: Sequence[L.Column], row: int
) -> int:
    """绩效指标: the header row and one row per indicator; returns the row after them."""
    s = sh.s
    inds = project.indicators
    sh.text(row, 1, L.LABEL_INDICATORS, s.label, rows=1 + len(inds))
    for i, col in enumerate(cols):
        sh.text(row, 2 + i, col.label, s.label)
    for j, ind in enumerate(inds):
        r = row + 1 + j
        for i, col in enumerate(cols):
            c = 2 + i
            if col is L.LEVEL1 or col is L.LEVEL2:
                continue
            if col is L.WEIGHT:
                sh.number(r, c, ind.weight, s.points)
            elif col is L.SCORE:
                score = ind.score if ind.score is not None else suggest(ind, form).score
                sh.number(r, c, score, s.points)
            else:
                value = getattr(ind, col.key) or ""
                style = s.text if col in (L.LEVEL3, L.DEVIATION) else s.center
                sh.text(r, c, value, style)
    _merge_levels(sh, inds, row + 1)
    return row + 1 + len(inds)


def _merge_levels(sh: _Sheet, inds: Sequence[object], first_row: int) -> None:
    """Write 一级/二级 once per run of equal consecutive values, merged down."""
    s = sh.s
    for key, col, parent in (("level1", 2, None), ("level2", 3, "level1")):
        start = 0
        while start < len(inds):
            value = getattr(inds[start], key)
            end = start
            while (
                end + 1 < len(inds)
                and getattr(inds[end + 1], key) == value
                and (
                    parent is None or getattr(inds[end + 1], parent) == getattr(inds[start], parent)
                )
            ):
                end += 1
            sh.text(first_row + start, col, value, s.center, rows=end - start + 1)
            if value and end == start:
                need = L.lines_needed(value, sh.widths[col - 1])
                sh.lines[first_row + start] = max(sh.lines.get(first_row + start, 1), need)
            start = end + 1


def _finish(
    ws: Worksheet, widths: Sequence[float], lines: dict[int, int], n: int, last_row: int
) -> None:
    """Column widths, row heights and print setup."""
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.row_dimensions[1].height = 30
    ws.row_dimensions[2].height = 20
    for r in range(3, last_row + 1):
        ws.row_dimensions[r].height = L.row_height(lines.get(r, 1))
    ws.print_area = f"A1:{get_column_letter(n)}{last_row}"
    ws.print_title_rows = "1:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.page_margins.header = ws.page_margins.footer = 0.3
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.sheet_view.showGridLines = False
