"""Page geometry and paragraph styles of the report (GB/T 9704-2012 look)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from desktop.exchange.fonts import FontSet
from desktop.exchange.pdf.textblock import TextBlock

PAGE_W, PAGE_H = A4
MARGIN_TOP = 37 * mm
MARGIN_BOTTOM = 35 * mm
MARGIN_LEFT = 28 * mm
MARGIN_RIGHT = 26 * mm
FRAME_W = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT  # 156 mm
FRAME_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # 225 mm

BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
TABLE_SIZE = 10.5  # 5号
LEADING = 28.9  # 22 lines in the 225 mm text block
TABLE_LEADING = 14.0
INDENT = 2 * BODY_SIZE  # first-line indent: two characters

# Page number: 7 mm below the text block, one character in from the outside edge.
PAGE_NUMBER_Y = MARGIN_BOTTOM - 7 * mm - PAGE_NUMBER_SIZE
PAGE_NUMBER_INSET = PAGE_NUMBER_SIZE


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one rendering (bound to its fonts)."""

    title: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    heading3: ParagraphStyle
    body: ParagraphStyle
    signature: ParagraphStyle
    caption: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_number: ParagraphStyle
    cell_head: ParagraphStyle
    toc_title: ParagraphStyle
    toc_entry: ParagraphStyle
    toc_number: ParagraphStyle
    cover_line: ParagraphStyle


def make_styles(fonts: FontSet) -> Styles:
    """Styles using the resolved fonts of each role."""
    body = ParagraphStyle(
        "body",
        fontName=fonts.name("body"),
        fontSize=BODY_SIZE,
        leading=LEADING,
        firstLineIndent=INDENT,
        alignment=TA_JUSTIFY,
        wordWrap="CJK",
        allowOrphans=0,
        allowWidows=0,
    )
    heading1 = ParagraphStyle("heading1", parent=body, fontName=fonts.name("heading1"))
    heading2 = ParagraphStyle("heading2", parent=body, fontName=fonts.name("heading2"))
    heading3 = ParagraphStyle("heading3", parent=body)
    title = ParagraphStyle(
        "title",
        parent=body,
        fontName=fonts.name("title"),
        fontSize=TITLE_SIZE,
        leading=LEADING * 1.25,
        firstLineIndent=0,
        alignment=TA_CENTER,
    )
    signature = ParagraphStyle(
        "signature", parent=body, firstLineIndent=0, alignment=TA_RIGHT, rightIndent=2 * BODY_SIZE
    )
    caption = ParagraphStyle(
        "caption",
        parent=body,
        fontName=fonts.name("heading1"),
        fontSize=BODY_SIZE - 2,
        firstLineIndent=0,
        alignment=TA_CENTER,
    )
    cell = ParagraphStyle(
        "cell",
        fontName=fonts.name("song"),
        fontSize=TABLE_SIZE,
        leading=TABLE_LEADING,
        alignment=TA_LEFT,
        wordWrap="CJK",
    )
    cell_center = ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER)
    cell_number = ParagraphStyle("cell_number", parent=cell, alignment=TA_RIGHT)
    cell_head = ParagraphStyle(
        "cell_head", parent=cell, fontName=fonts.name("heading1"), alignment=TA_CENTER
    )
    toc_title = ParagraphStyle("toc_title", parent=title)
    toc_entry = ParagraphStyle("toc_entry", parent=body, firstLineIndent=0, alignment=TA_LEFT)
    return Styles(
        title=title,
        heading1=heading1,
        heading2=heading2,
        heading3=heading3,
        body=body,
        signature=signature,
        caption=caption,
        cell=cell,
        cell_center=cell_center,
        cell_number=cell_number,
        cell_head=cell_head,
        toc_title=toc_title,
        toc_entry=toc_entry,
        toc_number=ParagraphStyle("toc_number", parent=toc_entry, alignment=TA_RIGHT),
        cover_line=ParagraphStyle(
            "cover_line", parent=body, firstLineIndent=0, alignment=TA_CENTER
        ),
    )


def role_of_style(style: ParagraphStyle) -> str:
    """The font role a style draws with (for per-character fallback)."""
    return {
        "title": "title",
        "toc_title": "title",
        "heading1": "heading1",
        "caption": "heading1",
        "cell_head": "heading1",
        "heading2": "heading2",
        "cell": "song",
        "cell_center": "song",
        "cell_number": "song",
    }.get(style.name, "body")


def para(fonts: FontSet, text: str, style: ParagraphStyle) -> TextBlock:
    """A paragraph of plain text: Chinese line breaking, per-character font fallback."""
    return TextBlock(text, fonts, style, role_of_style(style))
