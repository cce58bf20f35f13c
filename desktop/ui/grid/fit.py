"""Column widths of the grid from its content: every column readable, long text wrapped.

Each column has a narrowest width (its header; numbers whole; text at least a few characters)
and a preferred one (its longest text on one line, capped so one long 偏差原因 cannot take
every spare pixel). When everything fits, the spare width goes to the text columns in
proportion to what they hold; when not, each column gets its narrowest width plus a share of
the rest in proportion to how much more it wants (long 三级 names and reasons wrap).
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.ui.grid.columns import Column

# Columns of free text: they wrap instead of growing without end.
TEXT_COLUMNS: frozenset[Column] = frozenset(
    {Column.LEVEL1, Column.LEVEL2, Column.LEVEL3, Column.TARGET, Column.ACTUAL, Column.DEVIATION}
)
# Text columns keep at least this many characters (em) on a line; prefer at most this many.
TEXT_MIN_EM = 5
TEXT_MAX_EM: dict[Column, int] = {Column.LEVEL3: 18, Column.DEVIATION: 24}
DEFAULT_MAX_EM = 12


@dataclass(frozen=True)
class Extent:
    """One column's narrowest and preferred width in pixels."""

    least: int
    wish: int


def extent(column: Column, header: int, longest: int, em: int, pad: int) -> Extent:
    """The extent of a column from its header width and its longest content line (pixels,
    without the cell's padding ``pad``)."""
    if column not in TEXT_COLUMNS:
        width = max(header, longest + pad)
        return Extent(width, width)
    cap = TEXT_MAX_EM.get(column, DEFAULT_MAX_EM) * em
    wish = max(header, min(longest, cap) + pad)
    least = max(header, min(longest, TEXT_MIN_EM * em) + pad)
    return Extent(least, max(wish, least))


def distribute(extents: list[Extent], columns: list[Column], available: int) -> list[int]:
    """Widths for the columns in ``available`` pixels (their sum may exceed it: scrolling)."""
    least = sum(e.least for e in extents)
    wish = sum(e.wish for e in extents)
    if wish <= available:
        spare = available - wish
        weights = [
            e.wish if c in TEXT_COLUMNS else 0 for e, c in zip(extents, columns, strict=True)
        ]
        total = sum(weights) or 1
        widths = [e.wish + spare * w // total for e, w in zip(extents, weights, strict=True)]
    elif least >= available:
        widths = [e.least for e in extents]
    else:
        room = available - least
        more = wish - least
        widths = [e.least + room * (e.wish - e.least) // more for e in extents]
    return widths
