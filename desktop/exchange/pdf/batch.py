"""The 合订本: a cover, a table of contents with page numbers, then every report."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Mapping
from pathlib import Path

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, PageBreak, Spacer, Table, TableStyle

from desktop.exchange.files import write_bytes_atomic
from desktop.exchange.fonts import FontSet, load_fontset
from desktop.exchange.pdf.page import (
    Cancelled,
    Decorations,
    OddPageBreak,
    RenderResult,
    ReportDoc,
    build,
    report_state,
)
from desktop.exchange.pdf.story import PageState, StateMarker, format_date, report_story
from desktop.exchange.pdf.style import (
    FRAME_H,
    FRAME_W,
    LEADING,
    PAGE_H,
    PAGE_W,
    Styles,
    make_styles,
    para,
)
from desktop.model.errors import InputError
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


def _cover(projects: list[Project], title: str, fonts: FontSet, st: Styles) -> list[Flowable]:
    """The cover page: the title, the units and the date."""
    units = sorted({p.unit.name for p in projects})
    return [
        Spacer(FRAME_W, FRAME_H * 0.25),
        *[para(fonts, line, st.title) for line in _title_lines(title, st)],
        Spacer(FRAME_W, FRAME_H * 0.35),
        para(fonts, "、".join(units), st.cover_line),
        para(fonts, format_date(_cover_date(projects)), st.cover_line),
    ]


def _contents(
    projects: list[Project], numbers: list[int], fonts: FontSet, st: Styles
) -> list[Flowable]:
    """The table of contents: one row per report with its first page."""
    rows: list[list[Flowable | str]] = [
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
    return [para(fonts, TOC_TITLE, st.toc_title), table]


_FORM_H = FRAME_H - 1  # a contents page fills the text block


def _fill_forms(canv: Canvas, flowables: list[Flowable], names: list[str] | None) -> int:
    """Lay the flowables out page by page (into named forms, or a scratch canvas); pages used."""
    pending = list(flowables)
    pages = 0
    while pending:
        if names is not None:
            if pages >= len(names):
                raise InputError("目录页数计算有误，未能生成合订本")
            canv.beginForm(names[pages], 0, 0, FRAME_W, _FORM_H)
        frame = Frame(0, 0, FRAME_W, _FORM_H, 0, 0, 0, 0)
        placed = False
        while pending:
            if frame.add(pending[0], canv, trySplit=0):
                pending.pop(0)
                placed = True
                continue
            parts = frame.split(pending[0], canv)
            if not parts or not frame.add(parts[0], canv, trySplit=0):
                break  # next page
            pending[0:1] = parts[1:]
            placed = True
        if names is not None:
            canv.endForm()
        pages += 1
        if not placed:
            raise InputError("目录中有过长的项目名称，无法排版，未能生成合订本")
    return pages


class _FormPage(Flowable):
    """A page whose content is a form XObject drawn once the page numbers are known."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        """Fills the text block."""
        return (FRAME_W, _FORM_H)

    def draw(self) -> None:
        """Reference the (later defined) form."""
        self.canv.doForm(self.name)


def render_batch(
    projects: list[Project],
    title: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fingerprints: Mapping[int | None, str] | None = None,
    sealed: bool = True,
) -> RenderResult:
    """Render the 合订本 as one document; raises Cancelled when ``cancelled()`` turns true.

    The contents pages reference form XObjects that are filled in at the end, when every
    report's first page is known, so the whole book is laid out once.
    """
    total = len(projects)
    if cancelled is not None and cancelled():
        raise Cancelled()
    fonts = load_fontset()
    st = make_styles(fonts)
    # How many pages the contents take (page numbers have a fixed-width column).
    scratch = Canvas(io.BytesIO(), pagesize=(PAGE_W, PAGE_H))
    toc_pages = _fill_forms(scratch, _contents(projects, [8888] * total, fonts, st), None)
    names = [f"JXContents{i}" for i in range(toc_pages)]
    deco = Decorations(fonts)
    deco.state = PageState(numbered=False, watermark=False)
    buf = io.BytesIO()
    doc = ReportDoc(buf, deco, title=title)
    starts: list[int] = []

    def after(flowable: Flowable) -> None:
        if isinstance(flowable, _ReportStart):
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(flowable.index, total)
            starts.append(doc.page)

    doc.after_flowable = after
    story: list[Flowable] = _cover(projects, title, fonts, st)
    story.append(PageBreak())
    story.append(StateMarker(deco.set_state, PageState(numbered=True, watermark=False)))
    for i, name in enumerate(names):
        if i:
            story.append(PageBreak())
        story.append(_FormPage(name))
    for i, project in enumerate(projects):
        story.append(OddPageBreak())
        fingerprint = (fingerprints or {}).get(project.id)
        story.append(StateMarker(deco.set_state, report_state(project, fingerprint)))
        story.append(_ReportStart(i))
        story += report_story(project, load_form(project.form), fonts, st, sealed)

    class _BookCanvas(Canvas):
        def save(self) -> None:
            """Draw the contents, now that the page numbers are known, then save."""
            _fill_forms(self, _contents(projects, starts, fonts, st), names)
            super().save()

    build(doc, story, title, canvasmaker=_BookCanvas)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(total, total)
    return RenderResult(buf.getvalue(), doc.page, fonts.missing_chars(), starts)


def write_batch_pdf(
    projects: list[Project],
    out: Path,
    title: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    fingerprints: Mapping[int | None, str] | None = None,
    sealed: bool = True,
) -> None:
    """Write a 合订本: cover, table of contents, every report starting on an odd page.

    ``fingerprints`` maps project ids to their 定稿 fingerprints (printed on final reports);
    ``sealed`` lays the 落款 out for a seal (GB/T 9704 7.3.5.1) or without one (7.3.5.2).
    """
    data = render_batch(
        projects,
        title,
        progress=progress,
        cancelled=cancelled,
        fingerprints=fingerprints,
        sealed=sealed,
    ).data
    write_bytes_atomic(out, data)
