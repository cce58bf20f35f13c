"""The year's cycle in the Excel export: a 绩效运行监控表 sheet per monitored project and a 整改
sheet per unit and year (the words come from forms/common/cycle.toml)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx import layout as L
from desktop.exchange.xlsx.layout import Styles, put_number, put_text
from desktop.exchange.xlsx.safe import sheet_name
from desktop.exchange.xlsx.sheet import to_wan
from desktop.model.cycle_words import cycle_words
from desktop.model.monitoring import execution_rate
from desktop.model.monitoring_rows import has_monitoring, progress_cells, progress_rows
from desktop.model.project import Project
from desktop.model.rectification import status_label
from desktop.model.vocabulary import vocabulary

MONITOR_WIDTHS = (11.0, 12.0, 20.0, 12.0, 16.0, 16.0, 12.0, 12.0, 24.0)
RECT_WIDTHS = (20.0, 8.0, 30.0, 30.0, 8.0, 12.0, 22.0, 12.0)


def monitoring_title() -> str:
    """The sheet's heading: 绩效运行监控表."""
    return cycle_words().label("monitoring", "title")


def rectification_sheet_title() -> str:
    """The name of the 整改 sheet."""
    return cycle_words().label("rectification", "summary_sheet")


def _head(ws: Worksheet, project: Project, s: Styles, width: int) -> int:
    """Title, year line and the project's name, department and unit; the next free row."""
    words = vocabulary()
    put_text(ws, 1, 1, monitoring_title(), s.title)
    L.merge(ws, 1, 1, 1, width, None)
    put_text(ws, 2, 1, words.titles["table_year_line"].format(year=project.year), s.subtitle)
    L.merge(ws, 2, 1, 2, width, None)
    row = 3
    for key, value in (
        ("name", project.name),
        ("department", project.unit.department),
        ("unit", project.unit.name),
    ):
        put_text(ws, row, 1, words.labels[key], s.label)
        L.merge(ws, row, 1, row, 2, s.label)
        put_text(ws, row, 3, value, s.text)
        L.merge(ws, row, 3, row, width, s.text)
        row += 1
    return row


def _funds(ws: Worksheet, project: Project, s: Styles, row: int, width: int) -> int:
    """项目资金（万元）: 全年预算数, 1-7月执行数, 1-7月执行率, 全年预计执行数."""
    columns = cycle_words().monitoring_funds_columns()
    put_text(ws, row, 1, vocabulary().labels["funds"], s.label)
    L.merge(ws, row, 1, row + 1, 2, s.label)
    budget = project.funds.budget()
    m = project.monitoring
    values: dict[str, tuple[Decimal | None, object]] = {
        "full_year": (to_wan(budget), s.money),
        "executed_jan_jul": (to_wan(m.executed_jan_jul), s.money),
        "rate": (execution_rate(m.executed_jan_jul, budget), s.rate),
        "forecast_full_year": (to_wan(m.forecast_full_year), s.money),
    }
    col = 3
    for n, choice in enumerate(columns):
        last = col + 1 if choice.key in ("executed_jan_jul", "forecast_full_year") else col
        if n == len(columns) - 1:
            last = max(last, width)  # the last one reaches the table's right edge
        put_text(ws, row, col, choice.label, s.header)
        value, style = values.get(choice.key, (None, s.money))
        put_number(ws, row + 1, col, value, style)
        if last > col:
            L.merge(ws, row, col, row, last, s.header)
            L.merge(ws, row + 1, col, row + 1, last, style)
        col = last + 1
    return row + 2


def write_monitoring_sheet(ws: Worksheet, project: Project, s: Styles) -> None:
    """One project's 绩效运行监控表: head, funds to the end of July, indicators' progress."""
    columns = cycle_words().monitoring_columns()
    row = _funds(ws, project, s, _head(ws, project, s, len(columns)), len(columns))
    put_text(ws, row, 1, vocabulary().labels["indicators"], s.label)
    L.merge(ws, row, 1, row, len(columns), s.label)
    row += 1
    header_row = row
    for col, choice in enumerate(columns, start=1):
        put_text(ws, row, col, choice.label, s.header)
    for ind, item in progress_rows(project):
        row += 1
        cells = progress_cells(ind, item)
        for col, choice in enumerate(columns, start=1):
            put_text(ws, row, col, cells.get(choice.key, ""), s.text if col > 3 else s.center)
    _page(ws, MONITOR_WIDTHS, header_row)


def write_rectification_sheet(ws: Worksheet, projects: Sequence[Project], s: Styles) -> None:
    """整改: every item of the projects (one unit and year), with its status."""
    words = cycle_words()
    heads = words.strings("rectification", "summary_columns")
    title = f"{projects[0].unit.name}{projects[0].year}年度{words.label('rectification', 'title')}"
    put_text(ws, 1, 1, title, s.title)
    L.merge(ws, 1, 1, 1, len(heads), None)
    for col, head in enumerate(heads, start=1):
        put_text(ws, 2, col, head, s.header)
    row = 2
    for project in projects:
        for item in project.rectifications:
            row += 1
            values = (
                project.name,
                str(item.raised_in(project.year)),
                item.problem,
                item.measure,
                item.owner,
                item.deadline.isoformat() if item.deadline else "",
                status_label(item),
                item.done_date.isoformat() if item.done_date else "",
            )
            for col, value in enumerate(values, start=1):
                put_text(ws, row, col, value, s.center if col in (2, 5, 6, 8) else s.text)
    _page(ws, RECT_WIDTHS, 2)
    ws.auto_filter.ref = f"A2:{get_column_letter(len(heads))}{row}"


def _fit_rows(ws: Worksheet, widths: Sequence[float], first: int) -> None:
    """Row heights for the wrapped text of each row from ``first`` down."""
    for row in range(first, ws.max_row + 1):
        lines = 1
        for col, width in enumerate(widths, start=1):
            value = ws.cell(row, col).value
            if isinstance(value, str) and value:
                lines = max(lines, L.lines_needed(value, width))
        ws.row_dimensions[row].height = L.row_height(lines)


def _page(ws: Worksheet, widths: Sequence[float], header_row: int) -> None:
    _fit_rows(ws, widths, header_row)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = f"A{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.sheet_view.showGridLines = False


def add_cycle_sheets(
    wb: Workbook,
    projects: Sequence[Project],
    styles: Styles,
    used: set[str],
    with_sheets: Sequence[Project] | None = None,
) -> dict[str, str]:
    """Append a monitoring sheet per project of ``with_sheets`` (default all) and the 整改
    sheets of all ``projects``; returns sheet title → kind (monitoring|rectification)."""
    kinds: dict[str, str] = {}
    for project in projects if with_sheets is None else with_sheets:
        if has_monitoring(project):
            ws = wb.create_sheet(sheet_name(f"{monitoring_title()}-{project.name}", used))
            write_monitoring_sheet(ws, project, styles)
            kinds[ws.title] = "monitoring"
    groups: dict[tuple[str, int], list[Project]] = {}
    for project in projects:
        if project.rectifications:
            groups.setdefault((project.unit.name, project.year), []).append(project)
    for (unit, year), members in groups.items():
        base = rectification_sheet_title()
        title = base if len(groups) == 1 else f"{base}-{unit}{year}"
        ws = wb.create_sheet(sheet_name(title, used))
        write_rectification_sheet(ws, members, styles)
        kinds[ws.title] = "rectification"
    return kinds
