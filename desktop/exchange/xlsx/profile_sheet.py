"""A 自评表 sheet in a rule profile's layout (四川, 云南, 部门整体 …; forms/profiles/*.toml).

The national project table keeps its own writer (sheet.py); every other layout — a provincial
project form or any department-wide table — is written here from the profile's data: title,
header labels, funds rows and columns, goals, the department breakdown, indicator columns, the
total row, closing rows and signature lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx import layout as L
from desktop.exchange.xlsx.layout import Styles
from desktop.exchange.xlsx.sheet import CellsOut, SheetOut, to_wan
from desktop.model.forms import Form
from desktop.model.money import round_rate
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
from desktop.model.profiles import Layout, TableColumn
from desktop.model.project import FundsRow, Indicator, Project
from desktop.model.scoring import execution_rate, execution_score, summarise

WIDTHS = {
    "level1": 11.0,
    "level2": 13.0,
    "level3": 22.0,
    "operator": 8.0,
    "target": 12.0,
    "unit": 8.0,
    "actual": 12.0,
    "weight": 8.0,
    "score": 8.0,
    "deviation": 22.0,
}


class _Writer:
    """Writes rows top to bottom and remembers the lines each row needs."""

    def __init__(self, out: SheetOut, styles: Styles, widths: Sequence[float]) -> None:
        self.out = out
        self.s = styles
        self.widths = list(widths)
        self.n = len(widths)
        self.lines: dict[int, int] = {}
        self.row = 1

    def text(self, c1: int, text: str, style: object, c2: int | None = None, rows: int = 1) -> None:
        c2 = c2 or c1
        self.out.text(self.row, c1, text, style)
        if (c1, rows) != (c2, 1):
            self.out.merge(self.row, c1, self.row + rows - 1, c2, self.s.border)
        if text and rows == 1:
            need = L.lines_needed(text, sum(self.widths[c1 - 1 : c2]))
            self.lines[self.row] = max(self.lines.get(self.row, 1), need)

    def number(self, col: int, value: Decimal | None, style: object, rows: int = 1) -> None:
        self.out.number(self.row, col, value, style)
        if rows > 1:
            self.out.merge(self.row, col, self.row + rows - 1, col, self.s.border)


def write_profile_sheet(
    ws: object, project: Project, form: Form, layout: Layout, styles: Styles
) -> None:
    """Fill ``ws`` (a worksheet or a SheetOut) with the project's 自评表 in ``layout``."""
    out: SheetOut = CellsOut(ws) if isinstance(ws, Worksheet) else ws  # type: ignore[assignment]
    detailed = any(i.operator or i.unit for i in project.indicators)
    cols = layout.columns_for(detailed)
    widths = [L.LABEL_COLUMN_WIDTH, *(WIDTHS.get(c.key, 10.0) for c in cols)]
    money_cols = len(layout.funds_columns) + len(layout.execution_labels)
    for i in range(len(widths) - money_cols, len(widths) - money_cols + 3):
        widths[i] = max(widths[i], 13.0 if layout.in_yuan else 10.0)
    w = _Writer(out, styles, widths)
    _title(w, project, layout)
    _header(w, project, layout)
    if "first" in layout.goal_labels:
        _goals_first(w, project, layout)
    _funds(w, project, layout)
    if "first" not in layout.goal_labels:
        _goals(w, project, layout)
    if layout.breakdown_label:
        _breakdown(w, project, layout)
        _counts(w, project, layout)
    _indicators(w, project, form, layout, cols)
    _closing(w, project, layout)
    out.finish(w.widths, w.lines, w.n, w.row - 1)


def _title(w: _Writer, project: Project, layout: Layout) -> None:
    s, n = w.s, w.n
    if layout.header_note or layout.table_number:
        note = layout.header_note.format(department=project.unit.department or project.unit.name)
        w.text(1, note, s.plain, max(1, n - 2))
        if layout.table_number:
            w.text(n - 1, layout.table_number, s.plain, n)
        w.row += 1
    w.text(1, layout.caption(project.year), s.title, n)
    w.row += 1
    if layout.year_line:
        w.text(1, layout.year_line.format(year=project.year), s.subtitle, n)
        w.row += 1


def _header(w: _Writer, project: Project, layout: Layout) -> None:
    s, n, half = w.s, w.n, w.n // 2
    if "name" in layout.labels:
        w.text(1, layout.labels["name"], s.label)
        w.text(2, project.name, s.text, n)
        w.row += 1
        w.text(1, layout.labels.get("department", ""), s.label)
        w.text(2, project.unit.department, s.text, half)
        w.text(half + 1, layout.labels.get("unit", ""), s.label)
        w.text(half + 2, project.unit.name, s.text, n)
        w.row += 1
        return
    w.text(1, layout.labels.get("unit", ""), s.label)
    if "department" in layout.labels:
        w.text(2, project.unit.name, s.text, half)
        w.text(half + 1, layout.labels["department"], s.label)
        w.text(half + 2, project.unit.department, s.text, n)
    else:
        w.text(2, project.unit.name, s.text, n)
    w.row += 1


def _goals_first(w: _Writer, project: Project, layout: Layout) -> None:
    """四川: 项目基本情况 — 1.项目年度目标完成情况 (目标 | 完成情况), 2.项目实施内容及过程概述."""
    s, n, g = w.s, w.n, layout.goal_labels
    mid = 2 + (n - 1) // 2
    w.text(1, g.get("heading", ""), s.label, rows=4)
    w.text(2, g["first"], s.label, n)
    w.row += 1
    w.text(2, g["target"], s.label, mid - 1)
    w.text(mid, g["actual"], s.label, n)
    w.row += 1
    w.text(2, project.goals.target, s.text, mid - 1)
    w.text(mid, project.goals.actual, s.text, n)
    w.lines[w.row] = max(w.lines.get(w.row, 1), 2)
    w.row += 1
    w.text(2, g.get("content", ""), s.label, 3)
    w.text(4, project.section(layout.content_section), s.text, n)
    w.row += 1


def _funds(w: _Writer, project: Project, layout: Layout) -> None:
    s, n = w.s, w.n
    heads = list(layout.funds_columns.values()) + list(layout.execution_labels.values())
    first = n - len(heads) + 1
    rows = funds_rows(project, layout)
    if layout.funds_heading:
        heading = layout.funds_heading.format(points=layout_points(project, "execution"))
        w.text(1, heading, s.label, rows=1 + len(rows))
        w.text(2, layout.funds_label, s.label, first - 1)
    else:
        w.text(1, layout.funds_label.replace("（", "\n（"), s.label, rows=1 + len(rows))
        w.text(2, "", s.label, first - 1)
    for i, head in enumerate(heads):
        w.text(first + i, head, s.label)
    w.row += 1
    scale_yuan = layout.in_yuan
    rate = execution_rate(project)
    score = project.execution.score
    if score is None:
        score = execution_score(project)
    exec_keys = list(layout.execution_labels)
    values: dict[str, Decimal | None] = {
        "weight": project.execution.weight,
        "score": score,
        "rate": round_rate(rate) if rate is not None else None,
    }
    for k, (source, label) in enumerate(rows):
        w.text(2, label, s.text, first - 1)
        row = project.funds.rows.get(source)
        for i, column in enumerate(layout.funds_columns):
            amount = row.get(column) if row else None
            w.number(first + i, amount if scale_yuan else to_wan(amount), s.money)
        base = first + len(layout.funds_columns)
        for j, key in enumerate(exec_keys):
            _exec_cell(w, project, layout, base + j, key, k, len(rows), values, row)
        w.row += 1


def _exec_cell(
    w: _Writer,
    project: Project,
    layout: Layout,
    col: int,
    key: str,
    k: int,
    n_rows: int,
    values: dict[str, Decimal | None],
    row: FundsRow | None,
) -> None:
    """One 分值/执行率/得分/原因 cell of funds row ``k`` (merged down or per row)."""
    s = w.s
    if key == "reason":
        if k == 0:
            reason = extra_text(project, REASON_KEY) or layout.reason_note
            w.text(col, reason, s.text, rows=n_rows)
    elif key == "rate" and layout.rate_per_row:
        w.number(col, row_rate(row), s.rate)
    elif layout.rate_per_row:
        if k == 0:
            w.number(col, values.get(key), s.points_center)
        else:
            w.text(col, "/", s.center)
    elif k == 0:
        style = s.rate_center if key == "rate" else s.points_center
        w.number(col, values.get(key), style, rows=n_rows)


def _goals(w: _Writer, project: Project, layout: Layout) -> None:
    s, n, g = w.s, w.n, layout.goal_labels
    half = n // 2
    w.text(1, g.get("heading", ""), s.label, rows=2)
    w.text(2, g["target"], s.label, half + 1)
    w.text(half + 2, g["actual"], s.label, n)
    w.row += 1
    w.text(2, project.goals.target, s.text, half + 1)
    w.text(half + 2, project.goals.actual, s.text, n)
    w.lines[w.row] = max(w.lines.get(w.row, 1), 2)
    w.row += 1


def _breakdown(w: _Writer, project: Project, layout: Layout) -> None:
    s, n = w.s, w.n
    rows = breakdown(project, layout)
    columns = list(layout.breakdown_columns.items())
    first = n - len(columns) + 1
    w.text(1, layout.breakdown_label.replace("（", "\n（"), s.label, rows=1 + len(rows))
    w.text(2, "", s.label, first - 1)
    for i, (_key, label) in enumerate(columns):
        w.text(first + i, label, s.label)
    w.row += 1
    for printed in rows:
        line = printed.line
        style = s.label if line is None else s.text
        w.text(2, printed.printed, style, first - 1)
        for i, (key, _label) in enumerate(columns):
            amount = line.get(key) if line is not None else None
            w.number(first + i, amount if layout.in_yuan else to_wan(amount), s.money)
        w.row += 1


def _counts(w: _Writer, project: Project, layout: Layout) -> None:
    """人员情况: 编制数, 实有人数, 单位数 as label/value pairs."""
    s, n = w.s, w.n
    labels = list(layout.staff_labels.items())
    if not labels:
        return
    w.text(1, "人员及单位", s.label)
    col = 2
    span = max(1, (n - 1) // (2 * len(labels)))
    for key, label in labels:
        w.text(col, label, s.label, col + span - 1)
        value = project.dept.counts.get(key)
        last = n if key == labels[-1][0] else col + 2 * span - 1
        w.number(col + span, Decimal(value) if value is not None else None, s.center)
        if last > col + span:
            w.out.merge(w.row, col + span, w.row, last, s.border)
        col += 2 * span
    w.row += 1


def _indicators(
    w: _Writer, project: Project, form: Form, layout: Layout, cols: Sequence[TableColumn]
) -> None:
    s, n = w.s, w.n
    inds = project.indicators
    label = layout.indicators_label.format(points=layout_points(project, "indicators"))
    group = [i for i, c in enumerate(cols) if c.key in ("operator", "target", "unit")]
    two_rows = bool(layout.target_group) and len(group) == 3
    w.text(1, label, s.label, rows=len(inds) + (2 if two_rows else 1))
    if two_rows:
        for i, col in enumerate(cols):
            if i == group[0]:
                w.text(2 + i, layout.target_group, s.label, 2 + group[-1])
            elif i not in group:
                w.text(2 + i, col.label, s.label, rows=2)
        w.row += 1
        for i in group:
            w.text(2 + i, cols[i].label, s.label)
    else:
        for i, col in enumerate(cols):
            w.text(2 + i, col.label, s.label)
    w.row += 1
    for ind in inds:
        _indicator_row(w, ind, form, cols)
        w.row += 1
    summary = summarise(project, form)
    keys = [c.key for c in cols]
    weight_col = 2 + keys.index("weight")
    score_col = 2 + keys.index("score")
    other = extra_text(project, OTHER_NOTES_KEY)
    if layout.other_label:
        w.text(1, layout.other_label, s.label)
        w.text(2, other, s.text, weight_col - 2)
        w.text(weight_col - 1, layout.total_label, s.label)
    else:
        w.text(1, layout.total_label, s.label, weight_col - 1)
    w.number(weight_col, summary.weight_total, s.points)
    w.number(score_col, summary.entered_total, s.points)
    if score_col < n:
        w.text(score_col + 1, grade_text(summary.grade, layout), s.center, n)
    w.row += 1


def _indicator_row(w: _Writer, ind: Indicator, form: Form, cols: Sequence[TableColumn]) -> None:
    s = w.s
    for c, (col, value) in enumerate(zip(cols, indicator_values(ind, form, cols), strict=True), 2):
        if isinstance(value, str):
            w.text(c, value, s.text if col.key in ("level3", "deviation") else s.center)
        else:
            w.number(c, value, s.points)


def _closing(w: _Writer, project: Project, layout: Layout) -> None:
    s, n = w.s, w.n
    for label, section in layout.closing:
        w.text(1, label, s.label)
        w.text(2, project.section(section), s.text, n)
        w.lines[w.row] = max(w.lines.get(w.row, 1), 2)
        w.row += 1
    if layout.signatures:
        names = signature_names(project)
        per = max(1, n // len(layout.signatures))
        for k, label in enumerate(layout.signatures):
            c1 = 1 + k * per
            c2 = n if k == len(layout.signatures) - 1 else c1 + per - 1
            name = names.get(label, "")
            w.text(c1, f"{label}：{name}", s.plain, c2)
        w.row += 1
