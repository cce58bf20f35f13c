"""A paragraph flowable with Chinese line breaking (see linebreak.py) and font fallback.

Replaces reportlab's Paragraph for the report: lines obey 避头尾, numbers are never split,
justified lines end exactly at the right margin (character spacing absorbs the slack), and a
paragraph that splits over pages keeps at least two lines on each page.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.linebreak import Line, layout

_ALIGN = {TA_CENTER: "centre", TA_RIGHT: "right", TA_JUSTIFY: "justify"}
_WIDTHS: dict[tuple[str, tuple[str, ...], float], dict[str, float]] = {}
# Where the baseline sits in a glyph box of one em (CJK faces: ascent ≈ 0.88 em).
ASCENT = 0.86


def measurer(fonts: FontSet, role: str, size: float) -> Callable[[str], float]:
    """Width of a text in a role at a size, with per-character fallback (cached per character)."""
    primary = fonts.roles[role]
    key = (primary.name, tuple(f.name for f in fonts.fallbacks), size)
    cache = _WIDTHS.setdefault(key, {})

    def char_width(ch: str) -> float:
        font = fonts.font_for(ch, role) or primary
        width = float(stringWidth(ch, font.name, size))
        cache[ch] = width
        return width

    def measure(text: str) -> float:
        get = cache.get
        total = 0.0
        for ch in text:
            w = get(ch)
            total += char_width(ch) if w is None else w
        return total

    return measure


def clean(text: str) -> str:
    """Drop control characters; tabs and line breaks become spaces."""
    return "".join(" " if ch in "\t\r\n" else ch for ch in text if ch >= " " or ch in "\t\r\n")


def draw_line(
    canv: Canvas, fonts: FontSet, role: str, size: float, x: float, y: float, line: Line
) -> None:
    """Draw one laid-out line at (x + its indent, baseline y) with its character spacing."""
    tx = canv.beginText(x + line.indent, y)
    tx.setCharSpace(line.char_space)
    for name, run in fonts.runs(line.text, role):
        tx.setFont(name, size)
        tx.textOut(run)
    tx.setCharSpace(0)
    canv.drawText(tx)


def baseline_offset(leading: float, size: float) -> float:
    """Distance from the top of a line box to the baseline (glyphs centred in the box)."""
    return (leading - size) / 2 + ASCENT * size


class TextBlock(Flowable):
    """One paragraph of plain text in a ParagraphStyle (font role from the style's name)."""

    def __init__(
        self,
        text: str,
        fonts: FontSet,
        style: ParagraphStyle,
        role: str,
        lines: list[Line] | None = None,
    ) -> None:
        """Text is laid out on wrap; ``lines`` fixes an already laid-out part of a split."""
        super().__init__()
        self.text = clean(text)
        self.fonts = fonts
        self.style = style
        self.role = role
        self._lines = lines
        self._fixed = lines is not None
        self._laid_width: float | None = None
        self.width = 0.0
        self.height = 0.0

    def _layout(self, avail: float) -> list[Line]:
        st = self.style
        if self._lines is not None and (self._fixed or self._laid_width == avail):
            return self._lines
        width = avail - st.leftIndent - st.rightIndent
        self._lines = layout(
            self.text,
            measurer(self.fonts, self.role, st.fontSize),
            width,
            indent=st.firstLineIndent,
            size=st.fontSize,
            align=_ALIGN.get(st.alignment, "left"),
        )
        self._laid_width = avail
        return self._lines

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Lay out in the available width; height = lines × leading."""
        lines = self._layout(aW)
        self.width = aW
        self.height = len(lines) * self.style.leading
        return (self.width, self.height)

    def split(self, aW: float, aH: float) -> list[Flowable]:
        """Split between lines, keeping at least two lines on each side (no orphan, no widow)."""
        lines = self._layout(aW)
        fit = int((aH + 1e-6) // self.style.leading)
        if fit >= len(lines):
            return [self]
        keep_first = 1 if self.style.allowOrphans else 2
        keep_last = 1 if self.style.allowWidows else 2
        fit = min(fit, len(lines) - keep_last)
        if fit < keep_first:
            return []
        return [
            TextBlock(self.text, self.fonts, self.style, self.role, lines[:fit]),
            TextBlock(self.text, self.fonts, self.style, self.role, lines[fit:]),
        ]

    def draw(self) -> None:
        """Draw the lines top to bottom."""
        st = self.style
        lines = self._lines or []
        top = self.height - baseline_offset(st.leading, st.fontSize)
        for i, line in enumerate(lines):
            y = top - i * st.leading
            draw_line(self.canv, self.fonts, self.role, st.fontSize, st.leftIndent, y, line)
