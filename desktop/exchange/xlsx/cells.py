"""A worksheet seen as a grid of values, merged cells resolved, with typed cell readers."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from desktop.model.errors import InputError
from desktop.model.money import FEN, parse_points

_SPACE_RE = re.compile(r"\s+")
_NUMBER_RE = re.compile(r"^-?\d+(\.\d+)?$")
EMPTY_MARKS = ("", "—", "--", "-", "/", "／", "无")


def norm(text: str) -> str:
    """A label as compared: no whitespace, full-width colons and brackets made plain."""
    out = _SPACE_RE.sub("", text)
    return out.replace("：", ":").replace("（", "(").replace("）", ")")


class Grid:
    """Cell values of one sheet by (row, column); a merged range reads as its top-left value."""

    def __init__(self, ws: Worksheet, index: int) -> None:
        self.title = ws.title
        self.index = index
        self.values: dict[tuple[int, int], object] = {}
        # Only the cells the sheet holds: iter_rows() would walk the whole bounding rectangle,
        # billions of cells when one formatted cell sits at XFD1048576.
        cells = getattr(ws, "_cells", None)
        stored = (
            cells.values() if isinstance(cells, dict) else (c for r in ws.iter_rows() for c in r)
        )
        for cell in stored:
            value = getattr(cell, "value", None)
            if value is not None and not (isinstance(value, str) and not value.strip()):
                self.values[(cell.row, cell.column)] = value
        self.owner: dict[tuple[int, int], tuple[int, int]] = {}
        self.extent: dict[tuple[int, int], tuple[int, int]] = {}
        for rng in ws.merged_cells.ranges:
            top = (rng.min_row, rng.min_col)
            self.extent[top] = (rng.max_row, rng.max_col)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != top:
                        self.owner[(r, c)] = top
        self.max_row = max((r for r, _ in self.values), default=0)
        self.max_col = max((c for _, c in self.values), default=0)

    def where(self, row: int, col: int) -> str:
        """The user-facing name of a cell: 第 3 张表“名称”E12."""
        return f"第 {self.index} 张表“{self.title}”{get_column_letter(col)}{row}"

    def value(self, row: int, col: int) -> object:
        """The value shown at a cell (the merged range's value when covered)."""
        r, c = self.owner.get((row, col), (row, col))
        return self.values.get((r, c))

    def is_covered(self, row: int, col: int) -> bool:
        """True for a cell hidden under a merged range (not its top-left)."""
        return (row, col) in self.owner

    def right_edge(self, row: int, col: int) -> int:
        """The last column of the merged range starting at (row, col), or col itself."""
        return self.extent.get((row, col), (row, col))[1]

    def bottom_edge(self, row: int, col: int) -> int:
        """The last row of the merged range starting at (row, col), or row itself."""
        return self.extent.get((row, col), (row, col))[0]

    def text(self, row: int, col: int) -> str:
        """The shown value as text ('' when empty)."""
        return cell_text(self.value(row, col))

    def find(self, predicate: object, rows: range | None = None) -> tuple[int, int] | None:
        """The first top-left cell (row-major) whose normalised text satisfies ``predicate``."""
        assert callable(predicate)
        for (r, c), v in sorted(self.values.items()):
            if rows is not None and r not in rows:
                continue
            if isinstance(v, str) and predicate(norm(v)):
                return r, c
        return None

    def texts(self) -> list[str]:
        """Every non-empty value of the sheet as text, row by row."""
        return [cell_text(v) for _, v in sorted(self.values.items())]

    def row_cells(self, row: int) -> list[int]:
        """Columns of the non-covered cells of a row holding a value, left to right."""
        return sorted(c for (r, c) in self.values if r == row)


def cell_text(value: object) -> str:
    """A cell value as text: integral numbers without '.0', dates as 2024-01-25."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        dec = Decimal(repr(value))
        return f"{dec.normalize():f}" if dec == dec.to_integral_value() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, str):
        text = value.strip().replace(",", "").replace("，", "")
        if _NUMBER_RE.match(text):
            return Decimal(text)
    return None


def read_amount(grid: Grid, row: int, col: int, scale: Decimal) -> Decimal | None:
    """An amount cell in the sheet's unit (× ``scale`` → 元, rounded to 分); None when empty."""
    value = grid.value(row, col)
    if value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKS):
        return None
    number = _number(value)
    if number is None or not number.is_finite():
        raise InputError(f"{grid.where(row, col)}：‘{cell_text(value)}’不是金额")
    if number < 0:
        raise InputError(f"{grid.where(row, col)}：金额不能为负数（{cell_text(value)}）")
    return (number * scale).quantize(FEN, rounding=ROUND_HALF_UP)


def read_points(grid: Grid, row: int, col: int) -> Decimal | None:
    """A 分值/得分 cell; None when empty."""
    value = grid.value(row, col)
    if value is None or (isinstance(value, str) and value.strip() in EMPTY_MARKS):
        return None
    number = _number(value)
    if number is None:
        try:
            return parse_points(cell_text(value), grid.where(row, col))
        except InputError:
            raise InputError(f"{grid.where(row, col)}：‘{cell_text(value)}’不是分数") from None
    try:
        return parse_points(number, grid.where(row, col))
    except (InputError, InvalidOperation):
        raise InputError(f"{grid.where(row, col)}：‘{cell_text(value)}’不是有效分数") from None
