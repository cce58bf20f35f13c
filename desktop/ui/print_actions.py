"""打印预览…, 打印…, 导出 PDF…, 导出合订本… of the main window (the work is in print_preview)."""

from __future__ import annotations

import contextlib
import copy
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from desktop.model.errors import UserError
from desktop.model.project import Project
from desktop.model.vocabulary import binder_title
from desktop.store import repo
from desktop.ui import dialogs
from desktop.ui.print_preview import (
    PreviewDialog,
    a4_printer,
    guarded_output,
    print_pdf,
    report_bytes,
    save_pdf_dialog,
    start_batch,
)
from desktop.ui.workspace import Workspace


def preload_fonts() -> None:
    """Load the PDF fonts (in a background thread) so the first preview opens quickly."""
    from desktop.exchange.fonts import load_fontset

    with contextlib.suppress(UserError):  # reported when the user exports
        load_fontset()


def _current(ws: Workspace) -> tuple[Project, bytes] | None:
    """The current project (edits saved first) and its PDF; None after telling the user why."""
    ws.session.flush()
    project = ws.session.project
    if project is None:
        QMessageBox.information(ws.window, "提示", "请先在左侧选择一个项目")
        return None
    data = guarded_output(ws.window, lambda: report_bytes(project, ws.store))
    return None if data is None else (project, data)


def preview(ws: Workspace) -> PreviewDialog | None:
    """打印预览: the PDF as exported, with 打印 and 导出 PDF buttons (non-modal)."""
    current = _current(ws)
    if current is None:
        return None
    project, data = current
    shown = copy.deepcopy(project)  # the report as it was when the preview opened
    store = ws.store
    dialog = PreviewDialog(
        data,
        project.name,
        f"{project.name}.pdf",
        ws.window,
        rerender=lambda sealed: report_bytes(shown, store, sealed),
    )
    dialog.show()
    return dialog


def print_report(ws: Workspace) -> None:
    """打印: the printer dialog, then the PDF's pages at 100 %."""
    current = _current(ws)
    if current is None:
        return
    data = current[1]
    printer = a4_printer()
    if QPrintDialog(printer, ws.window).exec() == QDialog.DialogCode.Accepted:
        guarded_output(ws.window, lambda: print_pdf(data, a4_printer(printer)))


def export_pdf(ws: Workspace) -> Path | None:
    """导出 PDF: ask where, write the file."""
    current = _current(ws)
    if current is None:
        return None
    project, data = current
    path = save_pdf_dialog(ws.window, data, f"{project.name}.pdf")
    if path is not None:
        ws.say(f"已导出 {path}", 5000)
    return path


def export_batch(ws: Workspace) -> None:
    """导出合订本: one PDF of every project of a unit and year, rendered in the background."""
    ws.session.flush()
    rows = repo.list_projects(ws.store)
    groups = sorted({(r.unit, r.year) for r in rows})
    if not groups:
        QMessageBox.information(ws.window, "提示", "还没有项目")
        return
    labels = [f"{unit}　{year}年度" for unit, year in groups]
    current = ws.session.project
    index = 0
    if current is not None and (current.unit.name, current.year) in groups:
        index = groups.index((current.unit.name, current.year))
    label, ok = QInputDialog.getItem(
        ws.window, "导出合订本", "选择单位和年度：", labels, index, False
    )
    if not ok:
        return
    unit, year = groups[labels.index(label)]
    chosen = [r for r in rows if r.unit == unit and r.year == year]
    title = binder_title(unit, year, (r.form for r in chosen))
    out = dialogs.save_export(ws.window, "导出合订本", f"{title}.pdf", dialogs.PDF_FILTER, ".pdf")
    if out is None:
        return
    projects = repo.load_projects(ws.store, [r.id for r in chosen])
    start_batch(ws.window, projects, out, title)  # the window owns dialog and worker
