"""One report as PDF: the GB/T 9704 story in the A4 page template."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from reportlab.platypus import Flowable

from desktop.exchange.files import write_bytes_atomic
from desktop.exchange.fonts import FontSet, load_fontset
from desktop.exchange.pdf.page import (
    Decorations,
    RenderResult,
    ReportDoc,
    build,
    report_state,
)
from desktop.exchange.pdf.story import StateMarker, report_story
from desktop.exchange.pdf.style import (
    make_styles,
)
from desktop.model.forms import Form
from desktop.model.project import Project

log = logging.getLogger(__name__)


def render_report(
    project: Project,
    form: Form,
    fingerprint: str | None = None,
    fonts: FontSet | None = None,
    sealed: bool = True,
) -> RenderResult:
    """Render one report; the result lists characters no font could draw.

    ``sealed`` lays the 落款 out for a seal (GB/T 9704 7.3.5.1) or without one (7.3.5.2).
    """
    fs = fonts or load_fontset()
    styles = make_styles(fs)
    deco = Decorations(fs)
    buf = io.BytesIO()
    doc = ReportDoc(buf, deco, title=f"{form.title}（{project.name}）")
    story: list[Flowable] = [StateMarker(deco.set_state, report_state(project, fingerprint))]
    story += report_story(project, form, fs, styles, sealed)
    build(doc, story, project.name)
    missing = fs.missing_chars()
    if missing:
        log.warning("characters without a font: %s", "".join(missing))
    return RenderResult(buf.getvalue(), doc.page, missing)


def render_report_pdf(
    project: Project, form: Form, fingerprint: str | None = None, sealed: bool = True
) -> bytes:
    """The PDF bytes of one report."""
    return render_report(project, form, fingerprint, sealed=sealed).data


def write_report_pdf(
    project: Project,
    form: Form,
    out: Path,
    fingerprint: str | None = None,
    sealed: bool = True,
) -> None:
    """Write one report as PDF (atomically)."""
    write_bytes_atomic(out, render_report_pdf(project, form, fingerprint, sealed))
