"""The page machinery shared by one report and the 合订本: the A4 doc template, its decorations
(page numbers, watermark, fingerprint footer) and building a story into it."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.story import PageState, StateMarker
from desktop.exchange.pdf.style import (
    FRAME_H,
    FRAME_W,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_H,
    PAGE_NUMBER_INSET,
    PAGE_NUMBER_SIZE,
    PAGE_NUMBER_Y,
    PAGE_W,
)
from desktop.model.errors import InputError
from desktop.model.project import Project
from desktop.model.vocabulary import vocabulary

WATERMARK = "草稿"
FINGERPRINT_LABEL = "定稿指纹："
WATERMARK_SIZE = 110.0
FOOTER_SIZE = 8.0


class Cancelled(Exception):
    """The user cancelled a long export; nothing was written."""


@dataclass
class RenderResult:
    """PDF bytes with what the rendering noticed."""

    data: bytes
    pages: int
    missing_chars: list[str] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


def page_number_text(number: int) -> str:
    """'— 1 —'."""
    return f"— {number} —"


def draw_text(
    canv: Canvas, fonts: FontSet, role: str, size: float, x: float, y: float, text: str, align: str
) -> None:
    """Draw one line of text on the canvas with per-character font fallback."""
    runs = fonts.runs(text, role)
    width = sum(stringWidth(run, name, size) for name, run in runs)
    if align == "right":
        x -= width
    elif align == "centre":
        x -= width / 2
    for name, run in runs:
        canv.setFont(name, size)
        canv.drawString(x, y, run)
        x += stringWidth(run, name, size)


class Decorations:
    """Page furniture drawn at the end of every page: number, watermark, fingerprint."""

    def __init__(self, fonts: FontSet, page_offset: int = 0) -> None:
        """Start with a numbered draft page."""
        self.fonts = fonts
        self.page_offset = page_offset
        self.state = PageState()

    def set_state(self, state: PageState) -> None:
        """Switch the decoration (called by StateMarker)."""
        self.state = state

    def on_page_end(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        """Draw the furniture of the page just finished."""
        st = self.state
        number = doc.page + self.page_offset
        canv.saveState()
        if st.watermark and not st.final:
            canv.setFillColor(colors.Color(0.6, 0.6, 0.6, alpha=0.25))
            canv.translate(PAGE_W / 2, PAGE_H / 2)
            canv.rotate(45)
            draw_text(
                canv,
                self.fonts,
                "heading1",
                WATERMARK_SIZE,
                0,
                -WATERMARK_SIZE / 3,
                WATERMARK,
                "centre",
            )
            canv.restoreState()
            canv.saveState()
        canv.setFillColor(colors.black)
        if st.numbered:
            text = page_number_text(number)
            if number % 2:
                x, align = PAGE_W - MARGIN_RIGHT - PAGE_NUMBER_INSET, "right"
            else:
                x, align = MARGIN_LEFT + PAGE_NUMBER_INSET, "left"
            draw_text(canv, self.fonts, "song", PAGE_NUMBER_SIZE, x, PAGE_NUMBER_Y, text, align)
        if st.final and st.fingerprint:
            draw_text(
                canv,
                self.fonts,
                "song",
                FOOTER_SIZE,
                PAGE_W / 2,
                PAGE_NUMBER_Y - 2 * FOOTER_SIZE,
                FINGERPRINT_LABEL + st.fingerprint,
                "centre",
            )
        canv.restoreState()


class ReportDoc(BaseDocTemplate):
    """A4 document with the GB/T 9704 text block and start-on-odd-page breaks."""

    def __init__(self, buf: io.BytesIO, deco: Decorations, title: str, **kw: Any) -> None:
        frame = Frame(
            MARGIN_LEFT,
            MARGIN_BOTTOM,
            FRAME_W,
            FRAME_H,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        super().__init__(
            buf,
            pagesize=(PAGE_W, PAGE_H),
            leftMargin=MARGIN_LEFT,
            rightMargin=MARGIN_RIGHT,
            topMargin=PAGE_H - MARGIN_BOTTOM - FRAME_H,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author="",
            creator=vocabulary().app_title,
            initialFontName=deco.fonts.name("body"),
            initialFontSize=16,
            invariant=1,
            **kw,
        )
        self.deco = deco
        self.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=deco.on_page_end)])
        self.after_flowable: Callable[[Flowable], None] | None = None

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        """Expand an OddPageBreak into one or two page breaks by the page parity."""
        f = flowables[0]
        if isinstance(f, OddPageBreak):
            flowables.pop(0)
            insert: list[Flowable] = [PageBreak()]
            if (self.page + self.deco.page_offset) % 2 == 1:
                blank = PageState(numbered=False, watermark=False)
                insert += [StateMarker(self.deco.set_state, blank), PageBreak()]
            flowables[0:0] = insert
            return
        super().handle_flowable(flowables)

    def afterFlowable(self, flowable: Flowable) -> None:
        """Report each drawn flowable to the batch (progress, cancellation, TOC)."""
        if self.after_flowable is not None:
            self.after_flowable(flowable)


class OddPageBreak(Flowable):
    """Continue on the next odd page (a blank even page is inserted when needed)."""

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Never drawn: the document expands it."""
        return (0, 0)


def build(
    doc: BaseDocTemplate, story: list[Flowable], what: str, canvasmaker: type[Canvas] = Canvas
) -> None:
    """Lay out the story; content that cannot be laid out becomes a Chinese InputError."""
    from reportlab.platypus.doctemplate import LayoutError

    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError:
        raise InputError(
            f"“{what}”中有无法排入 A4 页面的内容（例如过长的表格单元格），请缩短后再导出"
        ) from None


def report_state(project: Project, fingerprint: str | None) -> PageState:
    """Draft pages carry the watermark; final pages the fingerprint."""
    return PageState(final=project.is_final, fingerprint=fingerprint if project.is_final else None)
