"""The import preview dialog and the 复制为下一年度 action, with real widgets and a real store."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.store import repo
from desktop.store.db import Store
from desktop.ui.session import EditorSession
from desktop.ui.text_import_dialog import TextImportDialog, open_import

SEED_003 = "003_0bef1ca0c8c97894.txt"


@pytest.fixture
def session(ui_store: Store) -> EditorSession:
    """The editor session the dialog writes through (a real one over the test's store)."""
    return EditorSession(ui_store)


def tree_names(dialog: TextImportDialog) -> list[str]:
    return [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]


def test_preview_shows_projects_and_import_writes_them(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path, tmp_path: Path
) -> None:
    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.load_file(seeds_dir / SEED_003)
    assert tree_names(dialog) == [
        "保安费用",
        "接访费用",
        "矛盾化解和疑难信访问题费用",
        "驻京驻蓉信访维稳经费",
    ]
    first = dialog.tree.topLevelItem(0)
    assert "攀枝花市西区信访局" in first.text(1)
    children = {first.child(i).text(0): first.child(i) for i in range(first.childCount())}
    assert children["绩效指标"].childCount() == 6
    assert children["资金（万元）"].child(0).text(1).startswith("年初预算数 8.00")
    assert dialog.source.toPlainText().startswith("附件4")
    assert len(dialog.source.extraSelections()) > 50  # headings, table, amounts highlighted
    assert dialog.report.count() > 4
    assert dialog.import_button.isEnabled()
    dialog.show()
    dialog.grab().save(str(tmp_path / "preview.png"))
    dialog.import_button.click()
    assert dialog.result() == TextImportDialog.DialogCode.Accepted
    stored = sorted(p.name for p in repo.list_projects(ui_store))
    assert stored == sorted(tree_names(dialog))
    assert len(dialog.created_ids) == 4


def test_cancel_writes_nothing(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.load_file(seeds_dir / SEED_003)
    dialog.cancel_button.click()
    assert dialog.result() == TextImportDialog.DialogCode.Rejected
    assert repo.list_projects(ui_store) == []


def test_bad_input_shows_message_and_disables_import(
    qtbot, ui_store: Store, session: EditorSession, tmp_path: Path
) -> None:
    bad = tmp_path / "坏.docx"
    bad.write_bytes(b"junk")
    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.load_file(bad)
    assert not dialog.import_button.isEnabled()
    assert "坏.docx" in dialog.report.item(0).text()
    dialog.load_text("随便一段文字\n没有标题\n")
    assert not dialog.import_button.isEnabled()
    assert "不是绩效自评报告" in dialog.report.item(0).text()


def test_unit_and_year_override(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.load_text((seeds_dir / "000_cdb5fd7bd89dc735.txt").read_text(encoding="utf-8"))
    assert "2023年度" in dialog.tree.topLevelItem(0).text(1)
    dialog.year_spin.setValue(2022)
    dialog.unit_edit.setText("某区信访局")
    dialog.reparse()
    assert dialog.tree.topLevelItem(0).text(1).startswith("某区信访局，2022年度")


def test_duplicate_import_is_refused_and_nothing_half_written(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    first = TextImportDialog(session)
    qtbot.addWidget(first)
    first.load_file(seeds_dir / SEED_003)
    first.import_button.click()
    again = TextImportDialog(session)
    qtbot.addWidget(again)
    again.load_file(seeds_dir / SEED_003)
    assert again.replace_box.isVisibleTo(again)  # the way to overwrite is offered
    assert "数据库中已有同名项目" in again.tree.topLevelItem(0).text(1)
    again.import_button.click()
    assert again.result() != TextImportDialog.DialogCode.Accepted
    refusal = again.report.item(0).text()
    assert "已有" in refusal and "保安费用" in refusal
    assert "--replace" not in refusal and "勾选" in refusal  # the window's way, not the CLI's
    assert len(repo.list_projects(ui_store)) == 4


def test_duplicate_import_replaces_when_ticked(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    first = TextImportDialog(session)
    qtbot.addWidget(first)
    first.load_file(seeds_dir / SEED_003)
    first.import_button.click()
    before = {p.id for p in repo.list_projects(ui_store)}
    again = TextImportDialog(session)
    qtbot.addWidget(again)
    again.load_file(seeds_dir / SEED_003)
    again.replace_box.setChecked(True)
    again.import_button.click()
    assert again.result() == TextImportDialog.DialogCode.Accepted
    after = repo.list_projects(ui_store)
    assert len(after) == 4 and {p.id for p in after} != before


def test_open_file_offers_pdf_reports(qtbot, ui_store: Store, session: EditorSession) -> None:
    """打开文件… lists text-layer PDFs (the importer reads them) and imports the chosen one."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton

    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    seen: list[str] = []
    pdf = Path(__file__).parents[1] / "fixtures" / "real" / "009_linxiang_wildlife_shelter_2023.pdf"

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(20, answer)
            return
        seen.extend(box.nameFilters())
        box.findChild(QLineEdit, "fileNameEdit").setText(str(pdf))
        box.accept()

    QTimer.singleShot(0, answer)
    opener = next(b for b in dialog.findChildren(QPushButton) if b.text() == "打开文件…")
    opener.click()
    assert "*.pdf" in seen[0]  # the first (default) filter shows PDF files too
    assert tree_names(dialog) == ["2023年马鹿坑国有林场新建野生动物收容所建设项目"]


def test_real_main_window_gets_one_import_and_one_copy_action(
    ui_store: Store, seeds_dir: Path, make_window
) -> None:
    window = make_window(ui_store)
    file_texts = [a.text() for a in window.menus.file.actions()]
    assert file_texts.count("导入报告文本/Word…") == 1
    project_texts = [a.text() for a in window.menus.project.actions()]
    assert project_texts.count("复制为下一年度") == 1
    assert "导入报告文本/Word…" not in project_texts
    dialog = open_import(window.workspace, seeds_dir / SEED_003)
    assert dialog is not None
    dialog.import_button.click()
    assert len(repo.list_projects(ui_store)) == 4
    current = window.current_project()
    assert current is not None and current.id == dialog.created_ids[0]
    assert current.name == "保安费用"
    assert window.navigator.item_for(current.id) is window.navigator.currentItem()


def test_selecting_a_section_scrolls_the_source_to_it(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    dialog.load_file(seeds_dir / SEED_003)
    last = dialog.tree.topLevelItem(3)
    children = {last.child(i).text(0): last.child(i) for i in range(last.childCount())}
    sections = children["部分"]
    conclusion = next(
        sections.child(i)
        for i in range(sections.childCount())
        if "评价结论" in sections.child(i).text(0)
    )
    dialog.tree.setCurrentItem(conclusion)
    assert dialog.source.textCursor().block().text() == "（一）评价结论。"
    assert dialog.source.textCursor().blockNumber() == 297  # line 298 of the seed
    dialog.tree.setCurrentItem(children["绩效指标"])
    assert dialog.source.textCursor().block().text().endswith("驻京驻蓉信访维稳经费绩效目标表")


def test_paste_button_reads_the_clipboard(
    qtbot, ui_store: Store, session: EditorSession, seeds_dir: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    dialog = TextImportDialog(session)
    qtbot.addWidget(dialog)
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("")
    paste = next(
        b for b in dialog.findChildren(type(dialog.import_button)) if b.text() == "粘贴文本"
    )
    paste.click()
    assert "剪贴板中没有文字" in dialog.report.item(0).text()
    clipboard.setText((seeds_dir / "000_cdb5fd7bd89dc735.txt").read_text(encoding="utf-8"))
    if clipboard.text() == "":
        pytest.skip("no clipboard on this platform")
    paste.click()
    assert dialog.tree.topLevelItemCount() == 1
    assert dialog.import_button.isEnabled()
