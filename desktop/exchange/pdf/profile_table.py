"""The 自评表 appendix in a rule profile's layout (四川, 云南, 部门整体 …; forms/profiles/*.toml).

What the Excel sheet of the same profile holds, as the report's ruled grids: the title, the
header labels, the funds block with the profile's rows and columns (四川: the rate per row, 权重
and 得分 on 总额 only, the 原因 cell), the goals, a department's 收支 breakdown and counts, the
indicator table with the profile's columns and total row, the closing rows and the signature
lines. Widths come from the content (grid.py); the indicator header repeats on every page.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.grid import Cell, GridTable, Row, content_widths
from desktop.exchange.pdf.style import FRAME_H, FRAME_W, LEADING, Styles, para
from desktop.model.department import DEPT_COLUMNS
from desktop.model.forms import Form
from desktop.model.money import fmt_points, fmt_rate, fmt_wan, fmt_yuan
from desktop.model.profile_rows import (
    OTHER_NOTES_KEY,
    REASON_KEY,
    breakdown,
    extra_text,
    funds_rows,
    grade_text,
    indicator_values,
    layout_points,
    row_rate,
    signature_names,
)
from desktop.model.profiles import DEPARTMENT_FORM, Layout, TableColumn
from desktop.model.project import FundsRow, Indicator, Project
from desktop.model.scoring import execution_rate, execution_score, summarise
from desktop.model.vocabulary import label

COUNTS_LABEL = "人员及单位"
BLANK_COUNT = "　" * 3  # room to write a count by hand
REASON_COMFORT_EM = 8  # the 原因 cell of 四川 holds a paragraph: not fewer em a line
SIGNATURE_BLANK = "　" * 6  # room to sign by hand after an empty name
SIGNATURE_GAP = "　" * 4
WIDE_COLUMNS = ("level3", "deviation")
# A form with more indicator columns than the national table's 8 (四川, 云南: 10) is printed in
# 小五 (9 pt) and its header labels may take two balanced lines, so the text columns keep room.
CROWDED_COLUMNS = 8
COMPACT_SIZE = 9.0
COMPACT_LEADING = 12.0


def compact_styles(st: Styles) -> Styles:
    """The cell styles in 小五 (the names, and so the font roles, stay)."""
    small = {
        name: getattr(st, name).clone(
            getattr(st, name).name, fontSize=COMPACT_SIZE, leading=COMPACT_LEADING
        )
        for name in ("cell", "cell_center", "cell_number", "cell_head")
    }
    return replace(st, **small)


def _loosen(table: GridTable, fonts: FontSet) -> GridTable:
    """The table again with header labels that may break over two balanced lines."""
    for row in table.rows:
        for cell in row:
            if cell is not None and cell.head:
                cell.whole = False
    widths = content_widths(table.rows, fonts, FRAME_W, len(table.widths))
    return GridTable(table.rows, widths, fonts, table.header_rows)


def _head(text: str, st: Styles, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(text, st.cell_head, colspan=colspan, rowspan=rowspan, head=True)


def _pad(cells: Row, count: int) -> Row:
    """Cells followed by None for the columns their spans cover, up to ``count`` columns."""
    out: Row = []
    for cell in cells:
        out.append(cell)
        if cell is not None:
            out += [None] * (cell.colspan - 1)
    return out + [None] * (count - len(out))


def _amount(layout: Layout, value: Decimal | None) -> str:
    return fmt_yuan(value) if layout.in_yuan else fmt_wan(value)


class _Head:
    """The header grid: labels, goals, the funds block (one GridTable, rows joined by spans)."""

    def __init__(self, project: Project, layout: Layout, st: Styles) -> None:
        self.p = project
        self.layout = layout
        self.st = st
        self.lead = 2 if layout.funds_heading else 1
        self.n = self.lead + len(layout.funds_columns) + len(layout.execution_labels)
        self.rows: list[Row] = []

    def add(self, *cells: Cell | None) -> None:
        self.rows.append(_pad(list(cells), self.n))

    def labels(self) -> None:
        p, lay, st, n = self.p, self.layout, self.st, self.n
        half = max(2, n // 2)
        if "name" in lay.labels:
            self.add(_head(lay.labels["name"], st), Cell(p.name, st.cell, colspan=n - 1))
            pairs = [("department", p.unit.department), ("unit", p.unit.name)]
        elif "department" in lay.labels:
            pairs = [("unit", p.unit.name), ("department", p.unit.department)]
        else:
            self.add(_head(lay.label("unit"), st), Cell(p.unit.name, st.cell, colspan=n - 1))
            return
        (k1, v1), (k2, v2) = pairs
        self.add(
            _head(lay.label(k1), st),
            Cell(v1, st.cell, colspan=half - 1),
            _head(lay.label(k2), st),
            Cell(v2, st.cell, colspan=n - half - 1),
        )

    def goals_first(self) -> None:
        """四川: 项目基本情况 — 1.项目年度目标完成情况 (目标 | 完成情况), 2.实施内容及过程概述."""
        p, g, st, n = self.p, self.layout.goal_labels, self.st, self.n
        mid = max(1, (n - 1) // 2)
        self.add(_head(g.get("heading", ""), st, rowspan=4), _head(g["first"], st, colspan=n - 1))
        self.add(
            None, _head(g["target"], st, colspan=mid), _head(g["actual"], st, colspan=n - 1 - mid)
        )
        self.add(
            None,
            Cell(p.goals.target, st.cell, colspan=mid),
            Cell(p.goals.actual, st.cell, colspan=n - 1 - mid),
        )
        content = p.section(self.layout.content_section)
        self.add(
            None, _head(g.get("content", ""), st, colspan=2), Cell(content, st.cell, colspan=n - 3)
        )

    def goals(self) -> None:
        p, g, st, n = self.p, self.layout.goal_labels, self.st, self.n
        half = max(1, (n - 1) // 2)
        self.add(
            _head(g.get("heading", ""), st, rowspan=2),
            _head(g["target"], st, colspan=half),
            _head(g["actual"], st, colspan=n - 1 - half),
        )
        self.add(
            None,
            Cell(p.goals.target, st.cell, colspan=half),
            Cell(p.goals.actual, st.cell, colspan=n - 1 - half),
        )

    def funds(self) -> None:
        p, lay, st = self.p, self.layout, self.st
        rows = funds_rows(p, lay)
        heads = [*lay.funds_columns.values(), *lay.execution_labels.values()]
        if lay.funds_heading:
            heading = lay.funds_heading.format(points=layout_points(p, "execution"))
            self.add(
                _head(heading, st, rowspan=1 + len(rows)),
                _head(lay.funds_label, st),
                *(_head(h, st) for h in heads),
            )
        else:
            self.add(_head(lay.funds_label, st), *(_head(h, st) for h in heads))
        for k, (source, name) in enumerate(rows):
            row = p.funds.rows.get(source)
            cells: Row = [None] if lay.funds_heading else []
            cells.append(Cell(name, st.cell))
            cells += [
                Cell(_amount(lay, row.get(c) if row else None), st.cell_number)
                for c in lay.funds_columns
            ]
            cells += [self._exec_cell(key, k, len(rows), row) for key in lay.execution_labels]
            self.rows.append(_pad(cells, self.n))

    def _exec_cell(self, key: str, k: int, count: int, row: FundsRow | None) -> Cell | None:
        """One 分值/执行率/得分/原因 cell of funds row ``k`` (merged down, or per row)."""
        p, lay, st = self.p, self.layout, self.st
        if key == "reason":
            reason = extra_text(p, REASON_KEY) or lay.reason_note
            if k > 0:
                return None
            return Cell(reason, st.cell, rowspan=count, comfort_em=REASON_COMFORT_EM)
        if key == "rate" and lay.rate_per_row:
            return Cell(fmt_rate(row_rate(row)), st.cell_center)
        if lay.rate_per_row and k > 0:
            return Cell("/", st.cell_center)
        if k > 0:
            return None
        if key == "rate":
            text = fmt_rate(execution_rate(p))
        elif key == "weight":
            text = fmt_points(p.execution.weight)
        else:
            score = p.execution.score
            text = fmt_points(score if score is not None else execution_score(p))
        return Cell(text, st.cell_center, rowspan=1 if lay.rate_per_row else count)


def head_table(project: Project, layout: Layout, fonts: FontSet, st: Styles) -> GridTable:
    """Labels, goals and funds block of the profile's table."""
    head = _Head(project, layout, st)
    head.labels()
    if "first" in layout.goal_labels:
        head.goals_first()
    head.funds()
    if "first" not in layout.goal_labels:
        head.goals()
    widths = content_widths(head.rows, fonts, FRAME_W, head.n)
    return GridTable(head.rows, widths, fonts)


def breakdown_table(project: Project, layout: Layout, fonts: FontSet, st: Styles) -> GridTable:
    """A department's 收支情况: income by source, expenditure by kind with its project lines."""
    columns = [c for c in DEPT_COLUMNS if c in layout.breakdown_columns]
    rows: list[Row] = [
        [
            _head(layout.breakdown_label, st),
            *(_head(layout.breakdown_columns[c], st) for c in columns),
        ]
    ]
    for item in breakdown(project, layout):
        if item.line is None:
            rows.append(_pad([_head(item.printed, st, colspan=1 + len(columns))], 1 + len(columns)))
            continue
        line = item.line
        # Depth shows as an indent (the text's leading spaces are not drawn in a cell).
        indented = st.cell.clone("cell", leftIndent=item.depth * st.cell.fontSize)
        rows.append(
            [
                Cell(item.printed.lstrip("　"), indented),
                *(Cell(_amount(layout, line.get(c)), st.cell_number) for c in columns),
            ]
        )
    widths = content_widths(rows, fonts, FRAME_W, 1 + len(columns))
    return GridTable(rows, widths, fonts, header_rows=1)


def counts_table(project: Project, layout: Layout, fonts: FontSet, st: Styles) -> GridTable:
    """编制数, 实有人数, 单位数 as label/value pairs on one row."""
    row: Row = [_head(COUNTS_LABEL, st)]
    for key, name in layout.staff_labels.items():
        value = project.dept.counts.get(key)
        shown = BLANK_COUNT if value is None else str(value)
        row += [_head(name, st), Cell(shown, st.cell_center)]
    widths = content_widths([row], fonts, FRAME_W, len(row))
    return GridTable([row], widths, fonts)


def _indicator_header(
    caption: str, layout: Layout, cols: tuple[TableColumn, ...], st: Styles
) -> list[Row]:
    """The caption row (绩效指标（90分）) over the column labels (two rows under a group)."""
    group = [i for i, c in enumerate(cols) if c.key in ("operator", "target", "unit")]
    count = len(cols)
    title = [_pad([_head(caption, st, colspan=count)], count)]
    if not (layout.target_group and len(group) == 3):
        return [*title, [_head(c.label, st) for c in cols]]
    top: Row = []
    bottom: Row = []
    for i, col in enumerate(cols):
        if i == group[0]:
            top.append(_head(layout.target_group, st, colspan=3))
        elif i in group:
            top.append(None)
        else:
            top.append(_head(col.label, st, rowspan=2))
        bottom.append(_head(col.label, st) if i in group else None)
    return [*title, top, bottom]


def _indicator_cells(ind: Indicator, form: Form, cols: tuple[TableColumn, ...], st: Styles) -> Row:
    out: Row = []
    for col, value in zip(cols, indicator_values(ind, form, cols), strict=True):
        text = value if isinstance(value, str) else fmt_points(value)
        out.append(Cell(text, st.cell if col.key in WIDE_COLUMNS else st.cell_center))
    return out


def _total_row(
    project: Project, form: Form, layout: Layout, cols: tuple[TableColumn, ...], st: Styles
) -> Row:
    keys = [c.key for c in cols]
    count = len(cols)
    wi, si = keys.index("weight"), keys.index("score")
    summary = summarise(project, form)
    cells: Row = []
    if layout.other_label and wi >= 3:
        other = extra_text(project, OTHER_NOTES_KEY)
        cells += [_head(layout.other_label, st), Cell(other, st.cell, colspan=wi - 2)]
        cells.append(_head(layout.total_label, st))
    else:
        cells.append(_head(layout.total_label, st, colspan=wi))
    cells.append(Cell(fmt_points(summary.weight_total), st.cell_center))
    cells.append(Cell(fmt_points(summary.entered_total), st.cell_center))
    if si + 1 < count:
        grade = grade_text(summary.grade, layout)
        cells.append(Cell(grade, st.cell_center, colspan=count - si - 1))
    return _pad(cells, count)


def indicator_table(
    project: Project, form: Form, layout: Layout, fonts: FontSet, st: Styles
) -> GridTable:
    """The indicator rows in the profile's columns under its header, the total, the closing rows."""
    detailed = any(i.operator or i.unit for i in project.indicators)
    cols = layout.columns_for(detailed)
    count = len(cols)
    if not project.indicators:
        key = "no_indicators_department" if project.form == DEPARTMENT_FORM else "no_indicators"
        rows: list[Row] = [_pad([Cell(label(key), st.cell_center, colspan=count)], count)]
        header = 0
    else:
        caption = layout.indicators_label.format(points=layout_points(project, "indicators"))
        rows = _indicator_header(caption, layout, cols, st)
        header = len(rows)
        rows += [_indicator_cells(ind, form, cols, st) for ind in project.indicators]
        rows.append(_total_row(project, form, layout, cols, st))
    for name, section in layout.closing:
        text = project.section(section)
        rows.append(_pad([_head(name, st), Cell(text, st.cell, colspan=count - 1)], count))
    widths = content_widths(rows, fonts, FRAME_W, count)
    return GridTable(rows, widths, fonts, header_rows=header)


def signature_lines(project: Project, layout: Layout, fonts: FontSet, st: Styles) -> list[Flowable]:
    """项目负责人：… 财务负责人：… under the table (blank room to sign when no name is entered)."""
    if not layout.signatures:
        return []
    names = signature_names(project)
    text = SIGNATURE_GAP.join(f"{s}：{names.get(s) or SIGNATURE_BLANK}" for s in layout.signatures)
    style = st.cell.clone("signature_lines", alignment=TA_LEFT, fontSize=12, leading=LEADING)
    return [para(fonts, text, style)]


def _caption(project: Project, layout: Layout, fonts: FontSet, st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    if layout.table_number:
        out.append(
            para(fonts, layout.table_number, st.cell.clone("table_number", alignment=TA_RIGHT))
        )
    out.append(para(fonts, layout.caption(project.year), st.caption))
    if layout.year_line:
        out.append(para(fonts, layout.year_line.format(year=project.year), st.caption))
    if layout.header_note:
        note = layout.header_note.format(department=project.unit.department or project.unit.name)
        out.append(para(fonts, note, st.cell.clone("header_note", alignment=TA_LEFT)))
    return out


def _height(flowable: Flowable) -> float:
    _w, h = flowable.wrap(FRAME_W, 10_000)
    return float(h)


def profile_table(
    project: Project, form: Form, layout: Layout, fonts: FontSet, st: Styles
) -> list[Flowable]:
    """Caption, header/funds grid, breakdown, indicator table and signature lines of a profile."""
    caption = _caption(project, layout, fonts, st)
    crowded = len(layout.columns_for(True)) > CROWDED_COLUMNS
    cells = compact_styles(st) if crowded else st
    tables = [head_table(project, layout, fonts, cells)]
    if layout.breakdown_label:
        tables.append(breakdown_table(project, layout, fonts, cells))
        if layout.staff_labels:
            tables.append(counts_table(project, layout, fonts, cells))
    tables.append(indicator_table(project, form, layout, fonts, cells))
    if crowded:
        tables = [_loosen(t, fonts) for t in tables]
    keep = min(sum(_height(f) for f in [*caption, tables[0]]), FRAME_H)
    parts: list[Flowable] = [CondPageBreak(keep), *caption, *tables]
    parts += signature_lines(project, layout, fonts, st)
    parts.append(Spacer(FRAME_W, LEADING / 2))
    return parts
