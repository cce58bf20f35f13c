"""The 项目支出绩效自评表 layout: labels, columns, widths and shared cell styles."""

from __future__ import annotations

import math
from copy import copy
from dataclasses import dataclass
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from desktop.exchange.xlsx.safe import clean_text
from desktop.model.vocabulary import label, vocabulary

_NEEDS_CLEANING = ILLEGAL_CHARACTERS_RE.search

# Labels of the official table (财预〔2020〕10号 附件; forms/common/vocabulary.toml).
_WORDS = vocabulary()
TABLE_TITLE = _WORDS.table_title
LABEL_NAME = label("name")
LABEL_DEPARTMENT = label("department")
LABEL_UNIT = label("unit")
LABEL_FUNDS = label("funds")
LABEL_WEIGHT = label("execution_weight")
LABEL_RATE = label("execution_rate")
LABEL_SCORE = label("execution_score")
LABEL_GOALS = label("goals")
LABEL_GOAL_TARGET = label("goal_target")
LABEL_GOAL_ACTUAL = label("goal_actual")
LABEL_INDICATORS = label("indicators")
LABEL_TOTAL = label("total")
LABEL_GRADE = label("grade")

FONT_NAME = "宋体"
TITLE_FONT_NAME = "黑体"
LINE_HEIGHT = 14.0  # points per wrapped line at 10 pt
LABEL_COLUMN_WIDTH = 10.0


@dataclass(frozen=True)
class Column:
    """One column of the indicator block: Indicator attribute, header label, import aliases."""

    key: str
    label: str
    width: float
    aliases: tuple[str, ...] = ()
    numeric: bool = False


def _column(key: str, width: float, numeric: bool = False) -> Column:
    term = _WORDS.column(key)
    return Column(key, term.label, width, term.aliases, numeric)


LEVEL1 = _column("level1", 11)
LEVEL2 = _column("level2", 13)
LEVEL3 = _column("level3", 22)
OPERATOR = _column("operator", 8)
TARGET = _column("target", 14)
UNIT = _column("unit", 8)
ACTUAL = _column("actual", 14)
WEIGHT = _column("weight", 8, numeric=True)
SCORE = _column("score", 8, numeric=True)
DEVIATION = _column("deviation", 24)
STANDARD_COLUMNS: tuple[Column, ...] = (
    LEVEL1,
    LEVEL2,
    LEVEL3,
    TARGET,
    ACTUAL,
    WEIGHT,
    SCORE,
    DEVIATION,
)
# Newer provincial forms (Sichuan 2023) give the comparison and the unit their own columns.
DETAILED_COLUMNS: tuple[Column, ...] = (
    LEVEL1,
    LEVEL2,
    LEVEL3,
    OPERATOR,
    TARGET,
    UNIT,
    ACTUAL,
    WEIGHT,
    SCORE,
    DEVIATION,
)
ALL_COLUMNS: tuple[Column, ...] = DETAILED_COLUMNS

MONEY_FORMAT = "0.00"
RATE_FORMAT = "0.00%"
POINTS_FORMAT = "0.00"
# Right-aligned numbers keep a space's width from the border ("_ " in the format: LibreOffice
# ignores the indent of right-aligned cells, Excel and WPS honour both).
PADDED = "_ "

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True, indent=1)
_RIGHT = Alignment(horizontal="right", vertical="center", indent=1)
_MIDDLE = Alignment(horizontal="center", vertical="center")


class Styles:
    """Cell styles of one workbook, built once and copied onto cells (cheap per cell)."""

    def __init__(self, ws: Worksheet) -> None:
        font = Font(name=FONT_NAME, size=10)
        bold = Font(name=FONT_NAME, size=10, bold=True)
        self.title = self._make(ws, Font(name=TITLE_FONT_NAME, size=16, bold=True), _CENTER)
        self.subtitle = self._make(ws, Font(name=FONT_NAME, size=11), _CENTER)
        self.label = self._make(ws, bold, _CENTER, _BORDER)
        self.center = self._make(ws, font, _CENTER, _BORDER)
        self.text = self._make(ws, font, _LEFT, _BORDER)
        self.money = self._make(ws, font, _RIGHT, _BORDER, MONEY_FORMAT + PADDED)
        self.rate = self._make(ws, font, _RIGHT, _BORDER, RATE_FORMAT + PADDED)
        self.points = self._make(ws, font, _RIGHT, _BORDER, POINTS_FORMAT + PADDED)
        self.money_total = self._make(ws, bold, _RIGHT, _BORDER, MONEY_FORMAT + PADDED)
        self.rate_total = self._make(ws, bold, _RIGHT, _BORDER, RATE_FORMAT + PADDED)
        self.points_center = self._make(ws, font, _MIDDLE, _BORDER, POINTS_FORMAT)
        self.rate_center = self._make(ws, font, _MIDDLE, _BORDER, RATE_FORMAT)
        self.header = self._make(
            ws, bold, _CENTER, _BORDER, fill=PatternFill("solid", fgColor="D9D9D9")
        )
        self.plain = self._make(ws, font, _LEFT)
        self.border = self._make(ws, font, _CENTER, _BORDER)

    @staticmethod
    def _make(
        ws: Worksheet,
        font: Font,
        alignment: Alignment,
        border: Border | None = None,
        number_format: str | None = None,
        fill: PatternFill | None = None,
    ) -> object:
        cell = Cell(ws)
        cell.font = font
        cell.alignment = alignment
        if border is not None:
            cell.border = border
        if number_format is not None:
            cell.number_format = number_format
        if fill is not None:
            cell.fill = fill
        return cell._style


def put_text(ws: Worksheet, row: int, col: int, text: str, style: object) -> Cell:
    """Write user text as a string cell (never a formula, whatever it starts with)."""
    cell = Cell(ws, row=row, column=col)
    ws._cells[(row, col)] = cell
    cell._value = clean_text(text) if _NEEDS_CLEANING(text) else text
    cell.data_type = "s"
    cell._style = copy(style)
    return cell


def put_number(
    ws: Worksheet, row: int, col: int, value: Decimal | int | None, style: object
) -> Cell:
    """Write a number (Decimal kept exact) or an empty styled cell."""
    cell = Cell(ws, row=row, column=col)
    ws._cells[(row, col)] = cell
    if value is not None:
        cell._value = value
        cell.data_type = "n"
    cell._style = copy(style)
    return cell


def merge(ws: Worksheet, r1: int, c1: int, r2: int, c2: int, covered_style: object | None) -> None:
    """Merge a range; covered cells get ``covered_style`` (its border draws the outline).

    Faster than ``ws.merge_cells``, whose border recreation dominates a large export.
    """
    ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
    ws.merged_cells.add(MergedCellRange(ws, ref))
    cells = ws._cells
    for r in range(r1, r2 + 1):
        for c in range(c1, c2 + 1):
            if r == r1 and c == c1:
                continue
            merged = MergedCell(ws, r, c)
            if covered_style is not None:
                merged._style = copy(covered_style)
            cells[(r, c)] = merged


def text_width(text: str) -> float:
    """Display width in column units at 10 pt: CJK and full-width characters ≈ 1.8."""
    return sum(1.8 if ord(ch) > 0x2E7F else 1.0 for ch in text)


def lines_needed(text: str, width: float) -> int:
    """Wrapped lines a text takes in a cell ``width`` units wide."""
    usable = max(width - 2.0, 2.0)
    return sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n"))


def row_height(lines: int, minimum: float = 20.0) -> float:
    """Row height in points for ``lines`` wrapped lines."""
    return max(minimum, lines * LINE_HEIGHT + 6)
