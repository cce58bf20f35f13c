"""打印预览, 打印 and 导出 PDF: the preview shows the very PDF that is exported and printed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

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
    Slot,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop.errorlog import log_program_error, program_error_message
from desktop.exchange.files import write_bytes_atomic
from desktop.model.errors import InputError, UserError
from desktop.model.forms import load_form
from desktop.model.project import Project
from desktop.store.db import Store
from desktop.store.revisions import latest_fingerprint
from desktop.ui import dialogs
from desktop.ui.pdf_viewer import PdfViewer
from desktop.ui.screen_fit import available_area

PRINT_DPI = 300  # pages are rendered at most at this resolution for the printer
PREVIEW_SIZE = QSize(860, 1200)  # wanted; the screen's available area decides
T = TypeVar("T")


def report_bytes(project: Project, store: Store | None = None, sealed: bool = True) -> bytes:
    """The PDF of a project as exported (with its 定稿 fingerprint when there is one); the
    落款 laid out for a seal or without one (GB/T 9704 7.3.5)."""
    from desktop.exchange.pdf.document import render_report_pdf  # reportlab loads on first use

    fingerprint = None
    if store is not None and project.id is not None:
        fingerprint = latest_fingerprint(store, project.id)
    return render_report_pdf(
        project, load_form(project.form), fingerprint=fingerprint, sealed=sealed
    )


class BytesPdfDocument(QPdfDocument):
    """A QPdfDocument over PDF bytes; it keeps the buffer it reads from."""

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        if parent is None:
            super().__init__()
        else:
            super().__init__(parent)
        self.buffer = QBuffer(self)
        self.reload(data)

    def reload(self, data: bytes) -> None:
        """Show other PDF bytes (a re-rendering of the same report)."""
        self.close()
        self.buffer.close()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.load(self.buffer)


def load_document(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument over PDF bytes (the buffer is kept alive by the document)."""
    return BytesPdfDocument(data, parent)


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
    """The PDF pages (navigation, zoom) above 打印…, 导出 PDF… and 关闭, always on screen.

    It opens as tall as the screen's available area allows (the screen fitter keeps it and its
    buttons inside, and remembers the size the user gives it).
    """

    def __init__(
        self,
        data: bytes,
        title: str,
        suggested_name: str,
        parent: QWidget | None = None,
        rerender: Callable[[bool], bytes] | None = None,
    ) -> None:
        """Open the bytes in a PdfViewer; ``rerender(sealed)`` offers the 落款 choice."""
        super().__init__(parent)
        self.setWindowTitle(f"打印预览 — {title}")
        area = available_area(parent)
        self.resize(PREVIEW_SIZE.boundedTo(area.size()))
        self.data = data
        self.suggested_name = suggested_name
        self.rerender = rerender
        self.doc = BytesPdfDocument(data, self)
        self.viewer = PdfViewer(self.doc, self)
        self.view = self.viewer.view
        buttons = QDialogButtonBox(self)
        self.seal_box = QCheckBox("落款按盖章排")
        self.seal_box.setToolTip(
            "勾选：成文日期右空四字，单位名称居中其上，留出印章位置（GB/T 9704 7.3.5.1）；\n"
            "不勾选：单位名称右空二字，日期首字右移二字（7.3.5.2）"
        )
        self.seal_box.setChecked(True)
        self.seal_box.setVisible(rerender is not None)
        self.seal_box.toggled.connect(self._on_seal)
        self.print_button = buttons.addButton("打印…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button = buttons.addButton("导出 PDF…", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self._on_print)
        self.export_button.clicked.connect(self._on_export)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.seal_box)
        bottom.addWidget(buttons, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.viewer, 1)
        layout.addLayout(bottom)

    def _on_seal(self, sealed: bool) -> None:
        """Re-render with the other 落款; printing and export then use the new pages."""
        if self.rerender is None:
            return
        render = self.rerender
        data = guarded_output(self, lambda: render(sealed))
        if data is None:
            return
        page = self.viewer.current_page()
        self.data = data
        self.doc.reload(data)
        self.viewer.go_to(page)

    def page_count(self) -> int:
        """Pages shown."""
        return int(self.doc.pageCount())

    def _on_print(self) -> None:
        printer = a4_printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        guarded_output(self, lambda: print_pdf(self.data, a4_printer(printer)))

    def _on_export(self) -> None:
        save_pdf_dialog(self, self.data, self.suggested_name)


def guarded_output(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run a rendering or printing step; bad input becomes a warning box and None."""
    try:
        return action()
    except UserError as exc:
        QMessageBox.warning(parent, "出错了", exc.message)
    return None


def save_pdf_dialog(parent: QWidget | None, data: bytes, suggested_name: str) -> Path | None:
    """Ask where to save, then write atomically; returns the path written."""
    path = dialogs.save_export(parent, "导出 PDF", suggested_name, dialogs.PDF_FILTER, ".pdf")
    if path is None:
        return None
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

    @Slot()
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
        except Exception as exc:  # a program bug: logged, and said in one line
            self.failed.emit(program_error_message(log_program_error(exc, "导出合订本")))
        else:
            self.succeeded.emit(str(self.out))


class BatchProgressDialog(QProgressDialog):
    """The 合订本's progress; the worker thread's signals arrive at its slots.

    Cross-thread signals go to decorated slots of an object living on the GUI thread: PySide6
    6.8+ can crash delivering a worker thread's signal to a plain Python callable (PYSIDE-3124).
    """

    def __init__(self, parent: QWidget | None, total: int) -> None:
        super().__init__("正在生成合订本…", "取消", 0, max(total, 1), parent)
        self.setWindowTitle("导出合订本")
        self.setMinimumDuration(0)
        self.setAutoClose(True)

    @Slot(int, int)
    def on_progress(self, done: int, count: int) -> None:
        """One more report rendered."""
        self.setMaximum(max(count, 1))
        self.setValue(done)
        self.setLabelText(f"正在生成合订本… {done}/{count}")

    @Slot(str)
    def on_succeeded(self, path: str) -> None:
        """Written: close."""
        self.reset()

    @Slot()
    def on_cancelled(self) -> None:
        """Stopped at the user's request: nothing was written."""
        self.reset()

    @Slot(str)
    def on_failed(self, message: str) -> None:
        """Close and say why in one line."""
        self.reset()
        QMessageBox.warning(self.parentWidget(), "出错了", message)


def start_batch(
    parent: QWidget | None, projects: list[Project], out: Path, title: str
) -> tuple[BatchWorker, BatchProgressDialog]:
    """Start a batch export with a cancellable progress dialog."""
    dialog = BatchProgressDialog(parent, len(projects))
    worker = BatchWorker(projects, out, title)
    worker.setParent(dialog)
    worker.progressed.connect(dialog.on_progress)
    worker.succeeded.connect(dialog.on_succeeded)
    worker.failed.connect(dialog.on_failed)
    worker.cancelled.connect(dialog.on_cancelled)
    dialog.canceled.connect(worker.cancel)
    worker.start()
    dialog.show()
    return worker, dialog
