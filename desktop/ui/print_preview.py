"""打印预览, 打印 and 导出 PDF: the preview shows the very PDF that is exported and printed."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QObject,
    QRectF,
    QSize,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.model.errors import InputError, UserError
from desktop.model.project import Project
from desktop.model.vocabulary import binder_title

PRINT_DPI = 300  # pages are rendered at most at this resolution for the printer


def report_bytes(project: Project, store: Any = None) -> bytes:
    """The PDF of a project as exported (with its 定稿 fingerprint when there is one)."""
    from desktop.exchange.pdf.document import render_report_pdf
    from desktop.model.forms import load_form

    fingerprint = None
    if store is not None and project.id is not None:
        try:
            from desktop.store.revisions import latest_fingerprint

            fingerprint = latest_fingerprint(store, project.id)
        except ImportError:
            pass
    return render_report_pdf(project, load_form(project.form), fingerprint=fingerprint)


def load_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over PDF bytes (the buffer is kept alive by the document)."""
    doc = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buf = QBuffer(doc)
    buf.setData(QByteArray(data))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    doc._jixiao_buffer = buf  # type: ignore[attr-defined]
    return doc


def a4_printer(printer: QPrinter | None = None) -> QPrinter:
    """A printer set to A4 portrait, full page, no margins (the PDF has its own)."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    return printer


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Send the PDF's pages to the printer at 100 % (A4 onto A4); returns pages printed."""
    doc = load_document(data)
    count = doc.pageCount()
    if count <= 0:
        raise InputError("PDF 无法打开，未打印")
    painter = QPainter()
    if not painter.begin(printer):
        raise InputError("无法启动打印机")
    try:
        for i in range(count):
            if i:
                printer.newPage()
            target = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            points = doc.pagePointSize(i)
            dpi = min(PRINT_DPI, printer.resolution())
            size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = doc.render(i, size)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return count


class PreviewDialog(QDialog):
    """Shows the PDF pages with 打印 and 导出 PDF buttons."""

    def __init__(
        self, data: bytes, title: str, suggested_name: str, parent: QWidget | None = None
    ) -> None:
        """Open the bytes in a QPdfView."""
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        self.resize(820, 960)
        self.data = data
        self.suggested_name = suggested_name
        self.doc = load_document(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.doc)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton("打印…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button = buttons.addButton("导出 PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self._on_print)
        self.export_button.clicked.connect(self._on_export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def page_count(self) -> int:
        """Pages shown."""
        return int(self.doc.pageCount())

    def _on_print(self) -> None:
        printer = a4_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        _guarded(self, lambda: print_pdf(self.data, a4_printer(printer)))

    def _on_export(self) -> None:
        save_pdf_dialog(self, self.data, self.suggested_name)


def _guarded(parent: QWidget | None, action: Any) -> Any:
    try:
        return action()
    except UserError as exc:
        QMessageBox.warning(parent, "出错了", exc.message)
    return None


def save_pdf_dialog(parent: QWidget | None, data: bytes, suggested_name: str) -> Path | None:
    """Ask where to save, then write atomically; returns the path written."""
    from desktop.exchange.files import write_bytes_atomic

    name, _filter = QFileDialog.getSaveFileName(
        parent, "导出 PDF", suggested_name, "PDF 文件 (*.pdf)"
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    try:
        write_bytes_atomic(path, data)
    except UserError as exc:
        QMessageBox.warning(parent, "出错了", exc.message)
        return None
    return path


class BatchWorker(QThread):
    """Renders a 合订本 off the GUI thread; cancellable."""

    progressed = Signal(int, int)
    succeeded = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, projects: list[Project], out: Path, title: str) -> None:
        """Projects must be loaded already (the database stays on the GUI thread)."""
        super().__init__()
        self.projects = projects
        self.out = out
        self.title = title
        self._cancel = False

    def cancel(self) -> None:
        """Ask the rendering to stop at the next report."""
        self._cancel = True

    def run(self) -> None:
        """Render and write; report the outcome through signals."""
        from desktop.exchange.pdf.batch import Cancelled, write_batch_pdf

        try:
            write_batch_pdf(
                self.projects,
                self.out,
                self.title,
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=lambda: self._cancel,
            )
        except Cancelled:
            self.cancelled.emit()
        except UserError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # never a traceback in the GUI
            self.failed.emit(f"导出合订本失败：{exc}")
        else:
            self.succeeded.emit(str(self.out))


def start_batch(
    parent: QWidget | None, projects: list[Project], out: Path, title: str
) -> tuple[BatchWorker, QProgressDialog]:
    """Start a batch export with a cancellable progress dialog."""
    total = len(projects)
    dialog = QProgressDialog("正在生成合订本…", "取消", 0, max(total, 1), parent)
    dialog.setWindowTitle("导出合订本")
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(True)
    worker = BatchWorker(projects, out, title)
    worker.setParent(dialog)

    def on_progress(done: int, count: int) -> None:
        dialog.setMaximum(max(count, 1))
        dialog.setValue(done)
        dialog.setLabelText(f"正在生成合订本… {done}/{count}")

    worker.progressed.connect(on_progress)
    dialog.canceled.connect(worker.cancel)
    worker.succeeded.connect(lambda path: dialog.reset())

    def on_failed(message: str) -> None:
        dialog.reset()
        QMessageBox.warning(parent, "出错了", message)

    worker.failed.connect(on_failed)
    worker.cancelled.connect(dialog.reset)
    worker.start()
    dialog.show()
    return worker, dialog


def _project_for(window: Any) -> Project | None:
    flush = getattr(window, "flush", None)
    if callable(flush):
        flush()
    project = window.current_project()
    if project is None:
        QMessageBox.information(window, "提示", "请先在左侧选择一个项目")
    return project


def _on_preview(window: Any) -> None:
    project = _project_for(window)
    if project is None:
        return
    data = _guarded(window, lambda: report_bytes(project, getattr(window, "store", None)))
    if data is None:
        return
    dialog = PreviewDialog(data, project.name, f"{project.name}.pdf", window)
    window._print_preview_dialog = dialog
    dialog.show()


def _on_print(window: Any) -> None:
    project = _project_for(window)
    if project is None:
        return
    data = _guarded(window, lambda: report_bytes(project, getattr(window, "store", None)))
    if data is None:
        return
    printer = a4_printer()
    if QPrintDialog(printer, window).exec() == QDialog.DialogCode.Accepted:
        _guarded(window, lambda: print_pdf(data, a4_printer(printer)))


def _on_export(window: Any) -> None:
    project = _project_for(window)
    if project is None:
        return
    data = _guarded(window, lambda: report_bytes(project, getattr(window, "store", None)))
    if data is not None:
        path = save_pdf_dialog(window, data, f"{project.name}.pdf")
        if path is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(f"已导出 {path}", 5000)


def _on_batch(window: Any) -> None:
    from desktop.store import repo

    flush = getattr(window, "flush", None)
    if callable(flush):
        flush()
    rows = repo.list_projects(window.store)
    groups = sorted({(r.unit, r.year) for r in rows})
    if not groups:
        QMessageBox.information(window, "提示", "还没有项目")
        return
    labels = [f"{unit}　{year}年度" for unit, year in groups]
    current = window.current_project()
    index = 0
    if current is not None and (current.unit.name, current.year) in groups:
        index = groups.index((current.unit.name, current.year))
    label, ok = QInputDialog.getItem(window, "导出合订本", "选择单位和年度：", labels, index, False)
    if not ok:
        return
    unit, year = groups[labels.index(label)]
    chosen = [r for r in rows if r.unit == unit and r.year == year]
    title = binder_title(unit, year, (r.form for r in chosen))
    name, _f = QFileDialog.getSaveFileName(window, "导出合订本", f"{title}.pdf", "PDF 文件 (*.pdf)")
    if not name:
        return
    ids = [r.id for r in chosen]
    projects = repo.load_projects(window.store, ids)
    window._batch_export = start_batch(window, projects, Path(name), title)


def _preload_fonts() -> None:
    """Load the fonts in the background so the first preview opens quickly."""
    from desktop.exchange.fonts import load_fontset

    with contextlib.suppress(UserError):  # reported when the user exports
        load_fontset()


def install(window: Any) -> None:
    """Add 导出 PDF… (Ctrl+E), 打印预览… (Ctrl+P), 打印…, 导出合订本… to the window's menus."""
    threading.Thread(target=_preload_fonts, name="font-preload", daemon=True).start()
    export_menu = getattr(window, "menu_export", None) or window.menu_file
    file_menu = getattr(window, "menu_file", None) or export_menu

    def add(menu: Any, text: str, slot: Any, shortcut: str | None = None) -> QAction:
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot(window))
        menu.addAction(action)
        return action

    window.action_export_pdf = add(export_menu, "导出 PDF…", _on_export, "Ctrl+E")
    window.action_export_batch = add(export_menu, "导出合订本…", _on_batch)
    window.action_print_preview = add(file_menu, "打印预览…", _on_preview, "Ctrl+P")
    window.action_print = add(file_menu, "打印…", _on_print, "Ctrl+Shift+P")
