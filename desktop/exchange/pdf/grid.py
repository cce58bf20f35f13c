"""A ruled table flowable for the 自评表: widths from content, rows kept on one page.

Cells are laid out with the Chinese line breaker (numbers and short labels never split, header
labels balanced over their lines). Column widths follow the content (the CSS auto-table rule:
every column gets its narrowest unbreakable width, the rest is shared by how much more each
column would like). A page break falls between rows; a row moves whole to the next page unless
it is taller than a page, and only then is it split between two lines of text. Header rows are
repeated on every page.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.linebreak import SHORT_LABEL, Line, atoms, layout
from desktop.exchange.pdf.style import FRAME_H, role_of_style
from desktop.exchange.pdf.textblock import baseline_offset, clean, draw_line, measurer

PAD_X = 3.0
PAD_TOP = 2.5
PAD_BOTTOM = 2.5
RULE = 0.6
HEAD_FILL = colors.Color(0.93, 0.93, 0.93)
# No column asks for more than this share of the table width when text must wrap anyway.
MAX_PREFERRED_SHARE = 0.45
# Text that wraps anyway keeps at least this many characters (em) on a line.
COMFORT_EM = 4
# A row taller than a page is split in place when at least this many lines fit.
MIN_SPLIT_LINES = 2


@dataclass
class Cell:
    """One cell: text in a style (alignment, font role), spans, header look."""

    text: str
    style: ParagraphStyle
    colspan: int = 1
    rowspan: int = 1
    head: bool = False
    comfort_em: int = 0  # wrapping text keeps at least this many em a line (0: COMFORT_EM)
    # A short label is never broken; False lets a header of 4-5 characters take two balanced
    # lines (a crowded table: 指标/性质), never leaving one character alone.
    whole: bool = True
    lines: list[Line] | None = None
    _laid: float = field(default=-1.0, repr=False)

    @property
    def role(self) -> str:
        """The font role of the cell's style."""
        return role_of_style(self.style)

    @property
    def align(self) -> str:
        """left text is justified over its lines; centre and right as the style says."""
        if self.style.alignment == TA_CENTER:
            return "centre"
        if self.style.alignment == TA_RIGHT:
            return "right"
        return "justify"


Row = list[Cell | None]  # None: covered by a span
# Below this many characters a label stays whole even where it may break (no lone character).
MIN_BREAKABLE_LABEL = 4


def _keeps_whole(cell: Cell, text: str) -> bool:
    return cell.whole or len(text) < MIN_BREAKABLE_LABEL


def _balanced_head(cell: Cell, text: str) -> bool:
    """True when a header label is laid out over two or three balanced lines."""
    return cell.head and (len(text) > SHORT_LABEL or not _keeps_whole(cell, text))


def _cell_layout(cell: Cell, fonts: FontSet, width: float) -> list[Line]:
    if cell.lines is not None and (cell._laid < 0 or cell._laid == width):
        return cell.lines
    st = cell.style
    text = clean(cell.text)
    cell.lines = layout(
        text,
        measurer(fonts, cell.role, st.fontSize),
        width - 2 * PAD_X - st.leftIndent,
        size=st.fontSize,
        align=cell.align,
        keep_whole=_keeps_whole(cell, text),
        balance=True,
    )
    cell._laid = width
    return cell.lines


def cell_extent(cell: Cell, fonts: FontSet) -> tuple[float, float]:
    """(narrowest, preferred) width of a cell: its widest unbreakable piece, its one-line text."""
    text = clean(cell.text)
    measure = measurer(fonts, cell.role, cell.style.fontSize)
    pieces = atoms(text, keep_whole=_keeps_whole(cell, text))
    natural = measure(text)
    narrowest = max((measure(p) for p in pieces), default=0.0)
    if _balanced_head(cell, text):
        # A long header label takes two balanced lines (three when it is very long).
        rows = 2 if len(text) <= 12 else 3
        narrowest = max(narrowest, measure(text[: math.ceil(len(text) / rows)]))
        natural = narrowest
    else:
        comfort = cell.comfort_em or COMFORT_EM
        narrowest = max(narrowest, min(natural, comfort * cell.style.fontSize))
    indent = cell.style.leftIndent
    return narrowest + 2 * PAD_X + indent, natural + 2 * PAD_X + indent


def hard_width(cell: Cell, fonts: FontSet) -> float:
    """The width below which a cell would break an unbreakable piece (an amount, a label);
    a header label keeps its balanced lines."""
    if cell.head:
        return cell_extent(cell, fonts)[0]
    measure = measurer(fonts, cell.role, cell.style.fontSize)
    text = clean(cell.text)
    pieces = atoms(text, keep_whole=_keeps_whole(cell, text))
    widest = max((measure(p) for p in pieces), default=0.0)
    return widest + 2 * PAD_X + cell.style.leftIndent


def content_widths(rows: list[Row], fonts: FontSet, total: float, columns: int) -> list[float]:
    """Column widths for ``rows`` filling ``total`` (see the module docstring)."""
    hard = [2 * PAD_X] * columns
    lo = [2 * PAD_X] * columns
    hi = [2 * PAD_X] * columns
    spanned: list[tuple[int, int, float, float, float]] = []
    for row in rows:
        for c, cell in enumerate(row):
            if cell is None:
                continue
            narrow, pref = cell_extent(cell, fonts)
            pref = min(pref, total * MAX_PREFERRED_SHARE)
            least = hard_width(cell, fonts)
            if cell.colspan == 1:
                hard[c] = max(hard[c], least)
                lo[c] = max(lo[c], narrow)
                hi[c] = max(hi[c], pref)
            else:
                spanned.append((c, c + cell.colspan, least, narrow, pref))
    for a, b, least, narrow, pref in spanned:
        _widen(hard, a, b, least)
        _widen(lo, a, b, narrow)
        _widen(hi, a, b, pref)
    lo = [max(low, h) for low, h in zip(lo, hard, strict=True)]
    hi = [max(h, low) for h, low in zip(hi, lo, strict=True)]
    if sum(lo) >= total:
        return _squeeze(hard, lo, total)
    if sum(hi) <= total:
        extra = total - sum(hi)
        return [h + extra * h / sum(hi) for h in hi]
    room = total - sum(lo)
    wish = sum(h - low for h, low in zip(hi, lo, strict=True))
    return [low + room * (h - low) / wish for h, low in zip(hi, lo, strict=True)]


def _squeeze(hard: list[float], lo: list[float], total: float) -> list[float]:
    """Too little room for comfort: every column keeps its unbreakable pieces whole and the
    comfortable widths give way in proportion (only when even that is impossible, all shrink)."""
    if sum(hard) >= total:
        return [w * total / sum(hard) for w in hard]
    room = total - sum(hard)
    wish = sum(low - h for low, h in zip(lo, hard, strict=True))
    return [h + room * (low - h) / wish for low, h in zip(lo, hard, strict=True)]


def _widen(widths: list[float], a: int, b: int, need: float) -> None:
    """Grow columns a..b-1 in proportion so together they are at least ``need`` wide."""
    have = sum(widths[a:b])
    if need <= have:
        return
    for c in range(a, b):
        widths[c] += (need - have) * (widths[c] / have if have else 1 / (b - a))


class GridTable(Flowable):
    """A ruled table of Cells; the first ``header_rows`` rows repeat on every page."""

    def __init__(
        self, rows: list[Row], widths: list[float], fonts: FontSet, header_rows: int = 0
    ) -> None:
        """Rows of cells (None under spans) over the given column widths."""
        super().__init__()
        self.rows = rows
        self.widths = widths
        self.fonts = fonts
        self.header_rows = header_rows
        self.heights: list[float] = []
        self.width = sum(widths)
        self.height = 0.0
        self.hAlign = "CENTER"

    # -- layout -------------------------------------------------------------------------

    def _span_width(self, c: int, cell: Cell) -> float:
        return sum(self.widths[c : c + cell.colspan])

    def _content_height(self, cell: Cell, c: int) -> float:
        lines = _cell_layout(cell, self.fonts, self._span_width(c, cell))
        return max(len(lines), 1) * cell.style.leading + PAD_TOP + PAD_BOTTOM

    def _measure(self) -> list[float]:
        heights = [0.0] * len(self.rows)
        tall: list[tuple[int, int, float]] = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                need = self._content_height(cell, c)
                if cell.rowspan == 1:
                    heights[r] = max(heights[r], need)
                else:
                    tall.append((r, r + cell.rowspan, need))
        for a, b, need in tall:
            have = sum(heights[a:b])
            if need > have:
                # The rows a span covers share what it needs beyond them.
                for r in range(a, b):
                    heights[r] += (need - have) / (b - a)
        return heights

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Lay out every cell; height = sum of the row heights."""
        self.heights = self._measure()
        self.height = sum(self.heights)
        return (self.width, self.height)

    def _bands(self) -> list[tuple[int, int]]:
        """Row ranges that must stay together (joined by row spans), after the header."""
        bands: list[tuple[int, int]] = []
        r = self.header_rows
        while r < len(self.rows):
            end = r + 1
            k = r
            while k < end:
                for cell in self.rows[k]:
                    if cell is not None:
                        end = max(end, k + cell.rowspan)
                k += 1
            bands.append((r, end))
            r = end
        return bands

    # -- splitting ----------------------------------------------------------------------

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Break between rows; a row taller than a page breaks between its lines."""
        if not self.heights:
            self.wrap(aW, aH)
        head = self.rows[: self.header_rows]
        head_h = sum(self.heights[: self.header_rows])
        used = head_h
        cut = None
        for start, end in self._bands():
            band_h = sum(self.heights[start:end])
            if used + band_h > aH + 1e-6:
                cut = (start, end, band_h)
                break
            used += band_h
        if cut is None:
            return [self]
        start, end, band_h = cut
        if start > self.header_rows:
            return [self._part(head + self.rows[self.header_rows : start]), self._rest(start)]
        if band_h + head_h <= FRAME_H:
            return []  # the first row fits on a fresh page: move the table there
        return self._split_inside(start, end, aH - head_h)

    def _part(self, rows: list[Row]) -> GridTable:
        return GridTable(rows, self.widths, self.fonts, self.header_rows)

    def _rest(self, start: int) -> GridTable:
        head = self.rows[: self.header_rows]
        return self._part(head + self.rows[start:])

    def _split_inside(self, start: int, end: int, room: float) -> list[Flowable]:
        """Split the last row of a band taller than a page so the first part fills ``room``."""
        last = end - 1
        above = sum(self.heights[start:last])
        lines_room = room - above - PAD_TOP - PAD_BOTTOM
        first: Row = []
        second: Row = []
        for c, cell in enumerate(self.rows[last]):
            if cell is None:
                first.append(None)
                second.append(self._continued_blank(last, c))
                continue
            lines = _cell_layout(cell, self.fonts, self._span_width(c, cell))
            fit = int((lines_room + 1e-6) // cell.style.leading)
            first.append(replace(cell, lines=lines[:fit], _laid=-1.0))
            second.append(replace(cell, lines=lines[fit:], _laid=-1.0))
        fits = min(
            (
                int((lines_room + 1e-6) // cell.style.leading)
                for cell in self.rows[last]
                if cell is not None
            ),
            default=0,
        )
        if fits < MIN_SPLIT_LINES:
            return []
        head = self.rows[: self.header_rows]
        part1 = self._part(head + self.rows[start:last] + [first])
        part2 = self._part([*head, second, *self.rows[end:]])
        return [part1, part2]

    def _continued_blank(self, r: int, c: int) -> Cell | None:
        """A covered position on a split row: blank if a row span covered it, else None."""
        for k in range(r, -1, -1):
            cell = self.rows[k][c]
            if cell is not None:
                if k < r and cell.rowspan > 1:
                    return replace(cell, text="", lines=[], rowspan=1, _laid=-1.0)
                return None
        return None

    # -- drawing ------------------------------------------------------------------------

    def draw(self) -> None:
        """Backgrounds, text (vertically centred), then the rules around every cell."""
        canv = self.canv
        xs = [sum(self.widths[:c]) for c in range(len(self.widths) + 1)]
        tops = [self.height - sum(self.heights[:r]) for r in range(len(self.rows) + 1)]
        boxes: list[tuple[float, float, float, float]] = []
        for r, row in enumerate(self.rows):
            for c, cell in enumerate(row):
                if cell is None:
                    continue
                x0, x1 = xs[c], xs[c + cell.colspan]
                y1, y0 = tops[r], tops[min(r + cell.rowspan, len(self.rows))]
                boxes.append((x0, y0, x1 - x0, y1 - y0))
                if cell.head:
                    canv.setFillColor(HEAD_FILL)
                    canv.rect(x0, y0, x1 - x0, y1 - y0, stroke=0, fill=1)
                    canv.setFillColor(colors.black)
                self._draw_text(cell, x0, y0, y1)
        canv.setLineWidth(RULE)
        canv.setStrokeColor(colors.black)
        for x, y, w, h in boxes:
            canv.rect(x, y, w, h, stroke=1, fill=0)

    def _draw_text(self, cell: Cell, x0: float, y0: float, y1: float) -> None:
        lines = cell.lines or []
        st = cell.style
        block = len(lines) * st.leading
        top = y1 - PAD_TOP - max(0.0, (y1 - y0 - PAD_TOP - PAD_BOTTOM - block) / 2)
        base = top - baseline_offset(st.leading, st.fontSize)
        for i, line in enumerate(lines):
            draw_line(
                self.canv,
                self.fonts,
                cell.role,
                st.fontSize,
                x0 + PAD_X + st.leftIndent,
                base - i * st.leading,
                line,
            )
