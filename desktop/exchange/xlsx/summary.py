"""The 汇总 sheet: one row per project with amounts, rate, score, grade and finding counts."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx.layout import Styles, put_number, put_text
from desktop.exchange.xlsx.sheet import to_wan
from desktop.model.checks import ERROR, WARNING, Finding
from desktop.model.forms import load_form
from desktop.model.project import FUNDS_COLUMN_LABELS, Project
from desktop.model.scoring import summarise
from desktop.model.vocabulary import label, vocabulary

_SUMMARY = vocabulary().summary
SUMMARY_TITLE = _SUMMARY["title"]
UNIT_LABEL = label("unit")
YEAR_LABEL = _SUMMARY["year"]
NAME_LABEL = label("name")
RATE_LABEL = label("execution_rate")
TOTAL_LABEL = label("total")
GRADE_LABEL = _SUMMARY["grade"]

# (header, width)
SUMMARY_COLUMNS: tuple[tuple[str, float], ...] = (
    (UNIT_LABEL, 24),
    (YEAR_LABEL, 7),
    (NAME_LABEL, 30),
    (f"{FUNDS_COLUMN_LABELS['full_year']}（万元）", 19),
    (f"{FUNDS_COLUMN_LABELS['executed']}（万元）", 19),
    (RATE_LABEL, 10),
    (TOTAL_LABEL, 8),
    (GRADE_LABEL, 6),
    (f"{ERROR}数", 7),
    (f"{WARNING}数", 7),
)


def write_summary_sheet(
    ws: Worksheet,
    projects: Sequence[Project],
    findings: dict[int | None, list[Finding]] | None,
    styles: Styles,
) -> None:
    """Fill ``ws`` with the 汇总 table: header row frozen, autofilter over all rows."""
    s = styles
    for c, (head, width) in enumerate(SUMMARY_COLUMNS, start=1):
        put_text(ws, 1, c, head, s.header)
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.row_dimensions[1].height = 30
    for r, project in enumerate(projects, start=2):
        summary = summarise(project, load_form(project.form))
        found = (findings or {}).get(project.id, [])
        put_text(ws, r, 1, project.unit.name, s.text)
        put_number(ws, r, 2, project.year, s.center)
        put_text(ws, r, 3, project.name, s.text)
        put_number(ws, r, 4, to_wan(project.funds.effective("full_year")), s.money)
        put_number(ws, r, 5, to_wan(project.funds.effective("executed")), s.money)
        put_number(ws, r, 6, summary.execution_rate, s.rate)
        put_number(ws, r, 7, summary.entered_total, s.points)
        put_text(ws, r, 8, summary.grade, s.center)
        put_number(ws, r, 9, sum(f.severity == ERROR for f in found), s.center)
        put_number(ws, r, 10, sum(f.severity == WARNING for f in found), s.center)
    last = get_column_letter(len(SUMMARY_COLUMNS))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(projects)) + 1}"
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
