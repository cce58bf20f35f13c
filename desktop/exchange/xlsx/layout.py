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

_NEEDS_CLEANING = ILLEGAL_CHARACTERS_RE.search

# Labels of the official table (财预〔2020〕10号 附件); import matches them by text.
TABLE_TITLE = "项目支出绩效自评表"
YEAR_LINE = "（{year}年度）"
LABEL_NAME = "项目名称"
LABEL_DEPARTMENT = "主管部门"
LABEL_UNIT = "实施单位"
LABEL_FUNDS = "项目资金（万元）"
LABEL_FUNDS_YUAN = "项目资金（元）"
LABEL_WEIGHT = "分值"
LABEL_RATE = "执行率"
LABEL_SCORE = "得分"
LABEL_GOALS = "年度总体目标"
LABEL_GOAL_TARGET = "预期目标"
LABEL_GOAL_ACTUAL = "实际完成情况"
LABEL_INDICATORS = "绩效指标"
LABEL_TOTAL = "总分"
LABEL_GRADE = "评价等级"
NOT_APPLICABLE = "—"

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


LEVEL1 = Column("level1", "一级指标", 11)
LEVEL2 = Column("level2", "二级指标", 13)
LEVEL3 = Column("level3", "三级指标", 22)
OPERATOR = Column("operator", "指标性质", 8, ("指标方向",))
TARGET = Column("target", "年度指标值", 14, ("指标值", "年度目标值", "目标值", "预期指标值"))
UNIT = Column("unit", "度量单位", 8, ("计量单位", "单位"))
ACTUAL = Column("actual", "实际完成值", 14, ("全年实际值", "实际值", "完成值"))
WEIGHT = Column("weight", "分值", 8, ("权重", "权重（分）", "分值（分）"), numeric=True)
SCORE = Column("score", "得分", 8, ("自评得分", "得分（分）"), numeric=True)
DEVIATION = Column(
    "deviation",
    "偏差原因分析及改进措施",
    24,
    ("未完成原因分析", "偏差原因分析", "偏差原因", "原因分析及改进措施", "备注"),
)
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
