"""The 合订本: a cover, a table of contents with page numbers, then every report."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from desktop.exchange.fonts import FontSet, load_fontset
from desktop.exchange.pdf import (
    Cancelled,
    Decorations,
    OddPageBreak,
    RenderResult,
    _Doc,
    build,
    report_state,
)
from desktop.exchange.pdf_story import PageState, StateMarker, format_date, report_story
from desktop.exchange.pdf_style import FRAME_H, FRAME_W, LEADING, Styles, make_styles, para
from desktop.model.forms import load_form
from desktop.model.project import Project

TOC_TITLE = "目　　录"


class _ReportStart(Flowable):
    """Zero-size marker: report ``index`` starts here (page number, progress, cancel)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Takes no room."""
        return (0, 0)

    def draw(self) -> None:
        """Nothing to draw."""


def _title_lines(title: str, st: Styles) -> list[str]:
    """A cover title too long for one line is broken after its year ("…2023年度" / "…合订本")."""
    if stringWidth(title, st.title.fontName, st.title.fontSize) <= FRAME_W:
        return [title]
    for mark in ("年度", "年"):
        cut = title.find(mark)
        if 0 < cut < len(title) - len(mark):
            cut += len(mark)
            return [title[:cut], title[cut:]]
    return [title]


def _cover_date(projects: list[Project]) -> dt.date:
    """The latest 成文日期 of the reports (today when none is set)."""
    dates = [p.signed_date for p in projects if p.signed_date is not None]
    return max(dates) if dates else dt.date.today()


def _front_story(
    projects: list[Project],
    title: str,
    numbers: list[int],
    fonts: FontSet,
    st: Styles,
    setter: Callable[[PageState], None],
) -> list[Flowable]:
    """Cover page and table of contents (one row per report with its first page)."""
    cover = PageState(numbered=False, watermark=False)
    toc = PageState(numbered=True, watermark=False)
    units = sorted({p.unit.name for p in projects})
    story: list[Flowable] = [
        Spacer(FRAME_W, FRAME_H * 0.25),
        *[para(fonts, line, st.title) for line in _title_lines(title, st)],
        Spacer(FRAME_W, FRAME_H * 0.35),
        para(fonts, "、".join(units), st.cover_line),
        para(fonts, format_date(_cover_date(projects)), st.cover_line),
        StateMarker(setter, cover),
        PageBreak(),
    ]
    rows = [
        [para(fonts, f"{i + 1}. {p.name}", st.toc_entry), para(fonts, str(n), st.toc_number)]
        for i, (p, n) in enumerate(zip(projects, numbers, strict=True))
    ]
    table = Table(
        rows or [["", ""]],
        colWidths=[FRAME_W - 3 * LEADING, 3 * LEADING],
        style=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), fonts.name("body")),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.Color(0.6, 0.6, 0.6), 1, (1, 2)),
            ]
        ),
    )
    story += [StateMarker(setter, toc), para(fonts, TOC_TITLE, st.toc_title), table]
    return story


def _render_front(
    projects: list[Project], title: str, numbers: list[int], fonts: FontSet, st: Styles
) -> tuple[bytes, int]:
    deco = Decorations(fonts)
    story = _front_story(projects, title, numbers, fonts, st, deco.set_state)
    deco.state = PageState(numbered=False, watermark=False)
    buf = io.BytesIO()
    doc = _Doc(buf, deco, title=title)
    build(doc, story, title)
    return buf.getvalue(), doc.page


def render_batch(
    projects: list[Project],
    title: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fingerprints: Mapping[int | None, str] | None = None,
) -> RenderResult:
    """Render the 合订本; raises Cancelled when ``cancelled()`` turns true."""
    from pypdf import PdfReader, PdfWriter

    total = len(projects)
    if cancelled is not None and cancelled():
        raise Cancelled()
    fonts = load_fontset()
    st = make_styles(fonts)
    # 1. Front matter with placeholder numbers: how many pages it takes.
    placeholder = [8888] * total
    _data, front_pages = _render_front(projects, title, placeholder, fonts, st)
    offset = front_pages + (front_pages % 2)
    # 2. The reports, numbered after the front matter, each starting on an odd page.
    deco = Decorations(fonts, page_offset=offset)
    buf = io.BytesIO()
    doc = _Doc(buf, deco, title=title)
    starts: list[int] = []

    def after(flowable: Flowable) -> None:
        if isinstance(flowable, _ReportStart):
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(flowable.index, total)
            starts.append(doc.page + offset)

    doc.after_flowable = after
    story: list[Flowable] = []
    for i, project in enumerate(projects):
        if i:
            story.append(OddPageBreak())
        fingerprint = (fingerprints or {}).get(project.id)
        story.append(StateMarker(deco.set_state, report_state(project, fingerprint)))
        story.append(_ReportStart(i))
        story += report_story(project, load_form(project.form), fonts, st)
    if not story:
        story.append(Spacer(FRAME_W, LEADING))
    build(doc, story, title)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(total, total)
    # 3. Front matter with the real page numbers, then everything in one file.
    front, pages = _render_front(projects, title, starts, fonts, st)
    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(front)))
    if pages % 2:
        writer.add_blank_page()
    if projects:
        writer.append(PdfReader(io.BytesIO(buf.getvalue())))
    writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    return RenderResult(out.getvalue(), len(writer.pages), fonts.missing_chars(), starts)
