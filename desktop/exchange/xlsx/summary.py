"""The 汇总 sheet (title, one row per project, 合计) and the separate 审核 sheet.

The 汇总 goes to the finance bureau as it is: a title naming the unit and year, amounts, rate,
score and grade per project, and a 合计 row. The audit's counts are internal: they go to a
sheet of their own (审核), which the caller may leave out.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx.layout import (
    LINE_HEIGHT,
    Styles,
    lines_needed,
    merge,
    put_number,
    put_text,
)
from desktop.exchange.xlsx.sheet import to_wan
from desktop.model.checks import ERROR, WARNING, Finding
from desktop.model.forms import load_form
from desktop.model.money import round_rate
from desktop.model.project import FUNDS_COLUMN_LABELS, Project
from desktop.model.scoring import summarise
from desktop.model.vocabulary import label, vocabulary

_SUMMARY = vocabulary().summary
SUMMARY_TITLE = _SUMMARY["title"]
AUDIT_TITLE = _SUMMARY["audit_title"]
SUMMARY_HEADING = _SUMMARY["heading"]
AUDIT_HEADING = _SUMMARY["audit_heading"]
UNIT_LABEL = label("unit")
YEAR_LABEL = _SUMMARY["year"]
NAME_LABEL = label("name")
RATE_LABEL = label("execution_rate")
TOTAL_LABEL = label("total")
GRADE_LABEL = _SUMMARY["grade"]
SUM_LABEL = _SUMMARY["sum"]
ISSUES_LABEL = _SUMMARY["issues"]
ROW_HEIGHT = 20.0
HEAD_HEIGHT = 30.0
TITLE_HEIGHT = 32.0

# (header, width)
SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    (UNIT_LABEL, 24),
    (YEAR_LABEL, 8),
    (NAME_LABEL, 30),
    (f"{FUNDS_COLUMN_LABELS['full_year']}（万元）", 19),
    (f"{FUNDS_COLUMN_LABELS['executed']}（万元）", 19),
    (RATE_LABEL, 11),
    (TOTAL_LABEL, 9),
    (GRADE_LABEL, 7),
)
AUDIT_COLUMNS: tuple[tuple[str, float], ...] = (
    (UNIT_LABEL, 24),
    (YEAR_LABEL, 8),
    (NAME_LABEL, 30),
    (f"{ERROR}数", 8),
    (f"{WARNING}数", 8),
    (ISSUES_LABEL, 70),
)
FIRST_ROW = 3  # title, header, then the projects


def summary_heading(projects: Sequence[Project]) -> str:
    """'攀枝花市西区信访局2023年度项目支出绩效自评汇总表' (units and years as exported)."""
    units = list(dict.fromkeys(p.unit.name for p in projects))
    years = sorted({p.year for p in projects})
    unit = "、".join(units[:3]) + ("等" if len(units) > 3 else "")
    if not years:
        year = ""
    elif len(years) == 1:
        year = f"{years[0]}年度"
    else:
        year = f"{years[0]}—{years[-1]}年度"
    return f"{unit}{year}{SUMMARY_HEADING}"


def _start(ws: Worksheet, title: str, columns: Sequence[tuple[str, float]], s: Styles) -> None:
    """Title row over all columns, then the header row."""
    put_text(ws, 1, 1, title, s.title)
    merge(ws, 1, 1, 1, len(columns), None)
    ws.row_dimensions[1].height = TITLE_HEIGHT
    for c, (head, width) in enumerate(columns, start=1):
        put_text(ws, 2, c, head, s.header)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[2].height = HEAD_HEIGHT


def _finish(ws: Worksheet, columns: int, last_row: int, data_rows: int) -> None:
    """Filter over the project rows, header frozen and repeated, A4 landscape one page wide."""
    last = get_column_letter(columns)
    ws.auto_filter.ref = f"A2:{last}{FIRST_ROW + max(data_rows, 1) - 1}"
    ws.freeze_panes = f"A{FIRST_ROW}"
    ws.print_title_rows = "1:2"
    ws.print_area = f"A1:{last}{last_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.sheet_view.showGridLines = False


def _sum(values: Sequence[Decimal | None]) -> Decimal | None:
    present = [v for v in values if v is not None]
    return sum(present, Decimal(0)) if present else None


def write_summary_sheet(ws: Worksheet, projects: Sequence[Project], styles: Styles) -> None:
    """Fill ``ws`` with the 汇总: title, header, one row per project, 合计."""
    s = styles
    _start(ws, summary_heading(projects), SUMMARY_COLUMNS, s)
    budgets: list[Decimal | None] = []
    executed: list[Decimal | None] = []
    r = FIRST_ROW
    for r, project in enumerate(projects, start=FIRST_ROW):
        summary = summarise(project, load_form(project.form))
        budget = to_wan(project.funds.effective("full_year"))
        spent = to_wan(project.funds.effective("executed"))
        budgets.append(budget)
        executed.append(spent)
        put_text(ws, r, 1, project.unit.name, s.text)
        put_number(ws, r, 2, project.year, s.center)
        put_text(ws, r, 3, project.name, s.text)
        put_number(ws, r, 4, budget, s.money)
        put_number(ws, r, 5, spent, s.money)
        put_number(ws, r, 6, summary.execution_rate, s.rate)
        put_number(ws, r, 7, summary.entered_total, s.points)
        put_text(ws, r, 8, summary.grade, s.center)
        ws.row_dimensions[r].height = ROW_HEIGHT
    total_row = FIRST_ROW + len(projects)
    budget_sum, spent_sum = _sum(budgets), _sum(executed)
    put_text(ws, total_row, 1, SUM_LABEL, s.label)
    merge(ws, total_row, 1, total_row, 3, s.label)
    put_number(ws, total_row, 4, budget_sum, s.money_total)
    put_number(ws, total_row, 5, spent_sum, s.money_total)
    rate = None
    if budget_sum and spent_sum is not None:
        rate = round_rate(spent_sum / budget_sum)
    put_number(ws, total_row, 6, rate, s.rate_total)
    put_text(ws, total_row, 7, "", s.label)
    put_text(ws, total_row, 8, "", s.label)
    ws.row_dimensions[total_row].height = ROW_HEIGHT
    _finish(ws, len(SUMMARY_COLUMNS), total_row, len(projects))


def write_audit_sheet(
    ws: Worksheet,
    projects: Sequence[Project],
    findings: dict[int | None, list[Finding]],
    styles: Styles,
) -> None:
    """Fill ``ws`` with the 审核: per project the 错误/警告 counts and their messages."""
    s = styles
    _start(ws, AUDIT_HEADING, AUDIT_COLUMNS, s)
    r = FIRST_ROW
    for r, project in enumerate(projects, start=FIRST_ROW):
        found = [f for f in findings.get(project.id, []) if f.severity in (ERROR, WARNING)]
        put_text(ws, r, 1, project.unit.name, s.text)
        put_number(ws, r, 2, project.year, s.center)
        put_text(ws, r, 3, project.name, s.text)
        put_number(ws, r, 4, sum(f.severity == ERROR for f in found), s.center)
        put_number(ws, r, 5, sum(f.severity == WARNING for f in found), s.center)
        issues = "\n".join(f"{f.severity}：{f.message}" for f in found)
        put_text(ws, r, 6, issues, s.text)
        lines = lines_needed(issues, AUDIT_COLUMNS[-1][1]) if issues else 1
        ws.row_dimensions[r].height = max(ROW_HEIGHT, LINE_HEIGHT * lines + 6)
    _finish(ws, len(AUDIT_COLUMNS), max(r, FIRST_ROW), len(projects))
