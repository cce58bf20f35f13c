"""Print preview shows the exported PDF; printing to a PDF printer gives the same A4 pages."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.ui.print_preview import (
    BatchWorker,
    PreviewDialog,
    a4_printer,
    print_pdf,
    report_bytes,
    start_batch,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed003_baoan.json"


def _seed_project(store):
    from desktop.exchange.jsonio import read_projects
    from desktop.store import repo

    project = read_projects(FIXTURE)[0]
    pid = repo.insert_project(store, project)
    return repo.load_project(store, pid)


def test_menu_actions_with_shortcuts(ui_store, make_window):
    window = make_window(ui_store)
    export_texts = [a.text() for a in window.menus.export.actions()]
    file_texts = [a.text() for a in window.menus.file.actions()]
    assert "导出 PDF…" in export_texts and "导出合订本…" in export_texts
    assert "打印预览…" in file_texts and "打印…" in file_texts
    assert window.action.export_pdf.shortcut().toString() == "Ctrl+E"
    assert window.action.print_preview.shortcut().toString() == "Ctrl+P"


def test_preview_action_shows_the_current_project(ui_store, make_window, qtbot):
    project = _seed_project(ui_store)
    window = make_window(ui_store)
    window.select_project(project.id)
    window.action.print_preview.trigger()
    (dialog,) = window.findChildren(PreviewDialog)
    assert dialog.isVisible() and project.name in dialog.windowTitle()
    assert dialog.page_count() == len(PdfReader(io.BytesIO(dialog.data)).pages) > 1
    dialog.close()


def test_preview_shows_every_page_of_the_exported_pdf(qtbot, ui_store, tmp_path):
    project = _seed_project(ui_store)
    data = report_bytes(project, ui_store)
    dialog = PreviewDialog(data, project.name, "x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.page_count() == len(PdfReader(io.BytesIO(data)).pages)
    dialog.grab().save(str(tmp_path / "preview.png"))
    assert (tmp_path / "preview.png").stat().st_size > 0


def test_printing_to_a_pdf_printer_keeps_a4_pages(qtbot, ui_store, tmp_path):
    project = _seed_project(ui_store)
    data = report_bytes(project, ui_store)
    out = tmp_path / "printed.pdf"
    printer = a4_printer(QPrinter(QPrinter.PrinterMode.ScreenResolution))
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    pages = print_pdf(data, printer)
    source = PdfReader(io.BytesIO(data)).pages
    printed = PdfReader(str(out)).pages
    assert pages == len(source) == len(printed)
    for page in printed:
        assert float(page.mediabox.width) == pytest.approx(595.3, abs=1.5)
        assert float(page.mediabox.height) == pytest.approx(841.9, abs=1.5)
    # What prints is what was previewed: the printed page looks like the PDF page.
    assert _difference(data, out.read_bytes()) < 6


def _difference(a: bytes, b: bytes) -> float:
    """Mean absolute grey-level difference of the first pages rendered at 30 dpi."""
    import pypdfium2

    def grey(data: bytes):
        page = pypdfium2.PdfDocument(data)[0]
        return page.render(scale=30 / 72).to_pil().convert("L").resize((248, 351))

    ga, gb = grey(a), grey(b)
    pa, pb = ga.tobytes(), gb.tobytes()
    assert min(pa) < 100, "the page is blank"
    return sum(abs(x - y) for x, y in zip(pa, pb, strict=True)) / len(pa)


def test_batch_worker_writes_the_book_and_can_be_cancelled(qtbot, ui_store, tmp_path):
    project = _seed_project(ui_store)
    projects = [project] * 3
    out = tmp_path / "book.pdf"
    worker, dialog = start_batch(None, projects, out, "合订本")
    # Waits watch the GUI thread's state: a test's Python callable connected to a worker
    # thread's signal is what PySide6 can crash on (PYSIDE-3124), not what the program does.
    qtbot.waitUntil(worker.isFinished, timeout=60_000)
    assert len(PdfReader(str(out)).pages) > 3
    out2 = tmp_path / "book2.pdf"
    cancelled = BatchWorker(projects, out2, "合订本")
    cancelled.cancel()
    cancelled.start()
    qtbot.waitUntil(cancelled.isFinished, timeout=60_000)
    assert not out2.exists()
    dialog.close()


def test_cancel_button_of_the_progress_dialog_stops_the_batch(qtbot, ui_store, tmp_path):
    project = _seed_project(ui_store)
    out = tmp_path / "book.pdf"
    worker, dialog = start_batch(None, [project] * 40, out, "合订本")
    qtbot.waitUntil(lambda: dialog.value() >= 1, timeout=60_000)  # a report is done
    button = dialog.findChild(QPushButton)
    assert button is not None and button.text() == "取消"
    button.click()
    qtbot.waitUntil(worker.isFinished, timeout=60_000)
    assert not out.exists()
    assert list(tmp_path.glob("*.part")) == []


def test_preview_pages_and_zoom(qtbot, ui_store):
    from PySide6.QtPdfWidgets import QPdfView

    project = _seed_project(ui_store)
    dialog = PreviewDialog(report_bytes(project, ui_store), project.name, "x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    viewer = dialog.viewer
    count = viewer.page_count()
    assert count > 2
    assert viewer.count_label.text().strip() == f"/ {count} 页"
    assert not viewer.prev_button.isEnabled() and viewer.next_button.isEnabled()
    viewer.next_button.click()
    qtbot.waitUntil(lambda: viewer.page_box.value() == 2)
    viewer.last_button.click()
    qtbot.waitUntil(lambda: viewer.page_box.value() == count)
    assert not viewer.next_button.isEnabled() and viewer.first_button.isEnabled()
    viewer.page_box.setValue(1)
    qtbot.waitUntil(lambda: viewer.current_page() == 0)
    # Fit width is the default; 整页 shows a whole page; percentages step up and down.
    assert viewer.fit_width_button.isChecked()
    viewer.fit_page_button.click()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert viewer.fit_page_button.isChecked() and not viewer.fit_width_button.isChecked()
    assert viewer.zoom_box.currentText() == "整页"
    viewer.set_zoom(1.5)
    assert viewer.zoom_box.currentText() == "150%"
    viewer.zoom_in_button.click()
    assert viewer.view.zoomFactor() == pytest.approx(2.0)
    viewer.zoom_out_button.click()
    viewer.zoom_out_button.click()
    assert viewer.view.zoomFactor() == pytest.approx(1.25)
    assert not viewer.fit_width_button.isChecked()
    viewer.fit_width_button.click()
    assert viewer.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_preview_buttons_and_size_follow_the_screen(qtbot, ui_store, tmp_path):
    from PySide6.QtCore import QSettings, QSize
    from PySide6.QtWidgets import QApplication

    from desktop.ui import screen_fit

    settings = QSettings(str(tmp_path / "fit.ini"), QSettings.Format.IniFormat)
    screen_fit.install(QApplication.instance(), settings)
    project = _seed_project(ui_store)
    data = report_bytes(project, ui_store)
    dialog = PreviewDialog(data, project.name, "x.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    area = dialog.screen().availableGeometry()
    assert area.contains(dialog.frameGeometry())
    assert dialog.frameGeometry().height() == area.height()  # as tall as the screen allows
    for button in (dialog.print_button, dialog.export_button, dialog.close_button):
        assert dialog.rect().contains(button.geometry().translated(button.parentWidget().pos()))
    # The size the user gives the preview is the size it opens with next time.
    dialog.resize(QSize(700, 500))
    dialog.close()
    again = PreviewDialog(data, project.name, "x.pdf")
    qtbot.addWidget(again)
    again.show()
    assert again.size() == QSize(700, 500)
    again.close()


def test_preview_switches_the_signature_layout_and_exports_what_it_shows(
    ui_store, make_window, tmp_path, monkeypatch
):
    from tests.exchange.pdfread import page_lines

    project = _seed_project(ui_store)
    window = make_window(ui_store)
    window.select_project(project.id)
    window.action.print_preview.trigger()
    (dialog,) = window.findChildren(PreviewDialog)
    assert dialog.seal_box.isVisible() and dialog.seal_box.isChecked()

    def date_right_edge(data: bytes) -> float:
        last = page_lines(data)[-1]
        chars = next(c for _t, _x, text, c in last if text.endswith("日") and "年" in text)
        return chars[-1]["x1"]

    right = 595.28 - 26 * 72 / 25.4
    assert date_right_edge(dialog.data) == pytest.approx(right - 4 * 16, abs=0.5)
    dialog.seal_box.setChecked(False)  # without a seal: the date ends two characters in
    unsealed = dialog.data
    assert date_right_edge(unsealed) > right - 4 * 16 + 1
    assert dialog.page_count() == len(PdfReader(io.BytesIO(unsealed)).pages)
    out = tmp_path / "exported.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_button.click()
    assert out.read_bytes() == unsealed  # what is exported is what is shown
    dialog.close()
