"""Real reports through the window: a PDF from the 文件 menu, asking for the unit a document
never states, and what the document states shown on the 概况 tab and in the status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from desktop.store import repo
from desktop.store.db import Store
from desktop.ui.session import EditorSession
from desktop.ui.text_import_dialog import TextImportDialog, open_pdf_import
from tests.exchange.real_corpus import document_text

REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_a_document_that_never_names_its_unit_asks_for_it(qtbot, ui_store: Store) -> None:
    dialog = TextImportDialog(EditorSession(ui_store))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_text(document_text(REAL / "204_hubei_hbou_project_execution_2022.txt"))
    assert dialog.asking == "unit"
    assert "没有写明实施单位" in dialog.report.item(0).text()
    assert "--unit" not in dialog.report.item(0).text()
    assert dialog.unit_edit.styleSheet() and dialog.focusWidget() is dialog.unit_edit
    assert not dialog.import_button.isEnabled()
    dialog.unit_edit.setText("湖北开放大学")  # (QTest cannot type CJK characters)
    qtbot.keyClick(dialog.unit_edit, Qt.Key.Key_Return)
    assert dialog.asking is None and not dialog.unit_edit.styleSheet()
    assert dialog.tree.topLevelItemCount() == 20
    dialog.import_button.click()
    assert {p.unit for p in repo.list_projects(ui_store)} == {"湖北开放大学"}


def test_pdf_report_from_the_file_menu(
    ui_store: Store, make_window, monkeypatch, tmp_path: Path
) -> None:
    window = make_window(ui_store)
    texts = [a.text() for a in window.menus.file.actions()]
    assert "导入 PDF 报告…" in texts
    pdf = REAL / "028_yongde_school_nutrition_2022.pdf"
    asked: list[str] = []

    def choose(_parent, _caption, _dir, filters):
        asked.append(filters)
        return str(pdf), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    dialog = open_pdf_import(window.workspace)
    assert dialog is not None and asked[0].startswith("PDF")
    top = dialog.tree.topLevelItem(0)
    assert top.text(0) == "义务教育营养改善计划专项资金"
    children = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    assert children["绩效指标"].text(1) == "9 条"
    dialog.import_button.click()
    project = window.current_project()
    assert project is not None and len(project.indicators) == 9
    overview = window.workspace.tabs.overview
    assert overview.stated_box.isVisible()
    assert overview.stated_box.score_label.text() == "96分"
    assert overview.stated_box.grade_label.text() == "优"
    assert overview.stated_box.totals_label.text() == "分值100分，得分96分"
    window.grab().save(str(tmp_path / "stated.png"))


def test_a_report_without_a_table_shows_its_stated_score(ui_store: Store, make_window) -> None:
    """014 states 自评分为98.14分 and has no indicator table."""
    from desktop.exchange.text.importer import import_text

    (project,) = import_text(document_text(REAL / "014_baoshan_beijing_liaison_2022.txt")).projects
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)
    window.workspace.select_project(pid)
    assert window.workspace.tabs.overview.stated_box.score_label.text() == "98.14分"
    assert window.score_label.text() == "报告所述总分 98.14 分　等级 优"
