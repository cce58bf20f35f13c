"""导入报告（文本/Word/PDF）: preview what the importer recognised, then write all projects at once.

A fact the document never states (its unit, its year) is asked for: the field above the preview
is marked and focused, and the preview follows as soon as it is filled in (Enter)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.text.facts import AMOUNT
from desktop.exchange.text.files import import_file
from desktop.exchange.text.importer import ImportResult, LineMark, import_text
from desktop.exchange.text.missing import NotStated
from desktop.model.errors import InputError, UserError
from desktop.model.forms import load_form
from desktop.model.money import fmt_points, fmt_wan
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.model.vocabulary import vocabulary
from desktop.store import repo
from desktop.ui.dialogs import REPLACE_TEXT, duplicates_refusal, open_file
from desktop.ui.session import EditorSession
from desktop.ui.workspace import Workspace

LINE_ROLE = Qt.ItemDataRole.UserRole + 1  # source line of a tree item
ASK_STYLE = "background: #fff3a0;"
ASK_TEXT = {
    "unit": "文档中没有写明实施单位：请在上方“实施单位”中填写，按回车重新识别",
    "year": "文档中没有写明报告年度：请在上方“年度”中选择，按回车或“重新识别”",
}
FILE_FILTER = "报告文件 (*.txt *.docx *.pdf);;文本 (*.txt);;Word (*.docx);;PDF（带文字层） (*.pdf)"
PDF_FILTER = "PDF 报告（带文字层） (*.pdf);;所有报告文件 (*.txt *.docx *.pdf)"
YEAR_AUTO = 1999  # the spin box's "自动识别" value
# Background colours of what was recognised (light, so the text stays readable).
MARK_COLOURS: dict[str, str] = {
    "title": "#cfe2ff",
    "name": "#cfe2ff",
    "heading": "#d1e7dd",
    "table": "#e2d9f3",
    "date": "#fff3cd",
    "unit": "#fff3cd",
    "artefact": "#f8d7da",
    "unplaced": "#ffe5d0",
    "amount": "#fff3a0",
}
MARK_LEGEND = (
    "蓝：标题  绿：提纲标题  紫：绩效目标表  黄：金额/落款  橙：未归类文字  红：已去除的残留"
)


def _selection(
    editor: QPlainTextEdit, line: int, start: int, end: int, colour: str
) -> QTextEdit.ExtraSelection | None:
    block = editor.document().findBlockByNumber(line)
    if not block.isValid():
        return None
    length = block.length() - 1
    end = length if end < 0 or end > length else end
    cursor = QTextCursor(block)
    cursor.setPosition(block.position() + min(start, length))
    cursor.setPosition(block.position() + end, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    fmt.setBackground(QColor(colour))
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor
    selection.format = fmt
    return selection


class TextImportDialog(QDialog):
    """Left the source text with what was recognised highlighted, right the resulting projects."""

    def __init__(self, session: EditorSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle("导入报告（文本/Word/PDF）")
        self.resize(1200, 720)
        self.imported: ImportResult | None = None
        self.created_ids: list[int] = []
        self._path: Path | None = None
        self._text: str | None = None
        self.asking: str | None = None  # "unit" | "year" while the document lacks it

        open_button = QPushButton("打开文件…")
        open_button.clicked.connect(self._on_open)
        paste_button = QPushButton("粘贴文本")
        paste_button.clicked.connect(self._on_paste)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText("自动识别")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(YEAR_AUTO, 2100)
        self.year_spin.setSpecialValueText("自动识别")
        self.year_spin.setValue(YEAR_AUTO)
        again = QPushButton("重新识别")
        again.clicked.connect(self.reparse)
        self.unit_edit.returnPressed.connect(self.reparse)
        self.year_spin.editingFinished.connect(self._on_year_entered)
        top = QHBoxLayout()
        widgets: list[QWidget] = [open_button, paste_button, QLabel("实施单位："), self.unit_edit]
        widgets += [QLabel("年度："), self.year_spin, again]
        for widget in widgets:
            top.addWidget(widget)

        self.source = QPlainTextEdit()
        self.source.setReadOnly(True)
        self.source.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["识别结果", "内容"])
        self.tree.setColumnWidth(0, 220)
        self.tree.currentItemChanged.connect(self._on_tree_item)
        self.report = QListWidget()
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.tree)
        right.addWidget(self.report)
        right.setSizes([480, 200])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.source)
        split.addWidget(right)
        split.setSizes([600, 600])

        self.status = QLabel(MARK_LEGEND)
        self.replace_box = QCheckBox(REPLACE_TEXT)
        self.replace_box.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._on_import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.replace_box)
        layout.addWidget(self.buttons)

    # ----- loading ------------------------------------------------------------------------
    def load_file(self, path: Path) -> None:
        """Read a .txt/.docx file and show the preview."""
        self._path, self._text = Path(path), None
        self.reparse()

    def load_text(self, text: str) -> None:
        """Use pasted text and show the preview."""
        self._path, self._text = None, text
        self.reparse()

    def _overrides(self) -> tuple[str | None, int | None]:
        unit = self.unit_edit.text().strip() or None
        year = self.year_spin.value()
        return unit, (None if year == YEAR_AUTO else year)

    def reparse(self) -> None:
        """Run the importer again (after loading, or with a changed unit/year)."""
        unit, year = self._overrides()
        self.imported = None
        self.asking = None
        self.unit_edit.setPlaceholderText("自动识别")
        for edit in (self.unit_edit, self.year_spin):
            edit.setStyleSheet("")
        try:
            if self._path is not None:
                self.imported = import_file(self._path, unit=unit, year=year)
            elif self._text is not None:
                self.imported = import_text(self._text, unit=unit, year=year)
        except NotStated as exc:
            self._ask(exc.fact)
            return
        except UserError as exc:
            self._show_error(exc.message)
            return
        self._show_result()

    def _ask(self, fact: str) -> None:
        """Ask for what the document never states: mark and focus its field."""
        self.asking = fact
        self._show_error(ASK_TEXT[fact])
        item = self.report.item(0)
        item.setText(f"请补充：{ASK_TEXT[fact]}")
        item.setForeground(QColor("#7a5200"))
        if fact == "unit":
            self.unit_edit.setPlaceholderText("请填写实施单位（文档中没有写明）")
        field: QWidget = self.unit_edit if fact == "unit" else self.year_spin
        field.setStyleSheet(ASK_STYLE)
        field.setFocus()

    def _on_year_entered(self) -> None:
        if self.asking == "year" and self.year_spin.value() != YEAR_AUTO:
            self.reparse()

    def _show_error(self, message: str) -> None:
        self.tree.clear()
        self.report.clear()
        self.report.addItem(f"无法导入：{message}")
        self.report.item(0).setForeground(QColor("#b00020"))
        if self._text is not None:
            self.source.setPlainText(self._text)
        elif self._path is not None and self._path.suffix.lower() == ".txt":
            try:
                self.source.setPlainText(
                    self._path.read_text(encoding="utf-8", errors="replace")[:200000]
                )
            except OSError:
                self.source.clear()
        else:
            self.source.clear()
        self.import_button.setEnabled(False)
        self.replace_box.setVisible(False)
        self.status.setText(message)

    def _show_result(self) -> None:
        result = self.imported
        if result is None:
            return
        self.source.setPlainText("\n".join(result.lines))
        self._highlight(result.marks)
        self.tree.clear()
        for n, project in enumerate(result.projects):
            anchors = result.anchors[n] if n < len(result.anchors) else {}
            self.tree.addTopLevelItem(self._project_item(project, anchors))
        first = self.tree.topLevelItem(0)
        if first is not None:
            first.setExpanded(True)
            for i in range(first.childCount()):
                child = first.child(i)
                if child is not None:
                    child.setExpanded(True)
        self.report.clear()
        self.report.addItems(result.report)
        self.import_button.setEnabled(bool(result.projects))
        self.status.setText(f"识别出 {len(result.projects)} 个项目。{MARK_LEGEND}")
        self.replace_box.setChecked(False)
        self.replace_box.setVisible(bool(self.duplicates()))

    def duplicates(self) -> list[Project]:
        """The previewed projects the database already has (same unit, year and name)."""
        if self.imported is None:
            return []
        store = self.session.store
        return [
            p
            for p in self.imported.projects
            if repo.find_project_id(store, p.unit.name, p.year, p.name) is not None
        ]

    def _highlight(self, marks: list[LineMark]) -> None:
        selections = []
        for mark in marks:
            sel = _selection(self.source, mark.line, mark.start, mark.end, MARK_COLOURS[mark.kind])
            if sel is not None:
                selections.append(sel)
        amount_re = re.compile(AMOUNT)
        block = self.source.document().firstBlock()
        while block.isValid():
            for m in amount_re.finditer(block.text()):
                sel = _selection(
                    self.source, block.blockNumber(), m.start(), m.end(), MARK_COLOURS["amount"]
                )
                if sel is not None:
                    selections.append(sel)
            block = block.next()
        self.source.setExtraSelections(selections)

    def _project_item(self, project: Project, anchors: dict[str, int]) -> QTreeWidgetItem:
        form = load_form(project.form)
        where = f"{project.unit.name}，{project.year}年度，{form.title}"
        if repo.find_project_id(self.session.store, project.unit.name, project.year, project.name):
            where += "（数据库中已有同名项目）"
        top = QTreeWidgetItem([project.name, where])
        top.setData(0, LINE_ROLE, anchors.get(""))
        bold = QFont()
        bold.setBold(True)
        top.setFont(0, bold)
        if project.signed_date:
            QTreeWidgetItem(top, ["成文日期", project.signed_date.isoformat()])
        sections = QTreeWidgetItem(top, ["部分", f"{len(project.sections)} 个"])
        for entry in form.sections():
            text = project.sections.get(entry.key or "", "")
            item = QTreeWidgetItem(sections, [entry.title, text.replace("\n", " ")[:80]])
            key = entry.key or ""
            item.setData(0, LINE_ROLE, anchors.get(key, anchors.get(f"group:{key}")))
            if not text:
                item.setForeground(1, QColor("#888888"))
                item.setText(1, "（未找到）")
        funds = QTreeWidgetItem(top, ["资金（万元）", ""])
        funds.setData(0, LINE_ROLE, anchors.get("funds", anchors.get("funds_usage")))
        for row in project.funds.ordered():
            parts = [
                f"{FUNDS_COLUMN_LABELS[c]} {fmt_wan(row.get(c)) or '—'}" for c in FUNDS_COLUMNS
            ]
            QTreeWidgetItem(funds, [SOURCE_LABELS[row.source], "，".join(parts)])
        indicators = QTreeWidgetItem(top, ["绩效指标", f"{len(project.indicators)} 条"])
        indicators.setData(0, LINE_ROLE, anchors.get("indicators"))
        for ind in project.indicators:
            detail = f"{ind.level1} / {ind.level2}：指标值 {ind.target or '—'}"
            if ind.actual:
                detail += f"，实际 {ind.actual}"
            if ind.weight is not None:
                detail += f"，分值 {fmt_points(ind.weight)}"
            QTreeWidgetItem(indicators, [ind.level3, detail])
        return top

    def _on_tree_item(self, item: QTreeWidgetItem | None, _previous: object = None) -> None:
        """Scroll the source to where the selected project, section or table starts."""
        while item is not None and item.data(0, LINE_ROLE) is None:
            item = item.parent()
        if item is None:
            return
        self.show_line(int(item.data(0, LINE_ROLE)))

    def show_line(self, line: int) -> None:
        """Put the cursor on a source line and scroll it into the middle."""
        block = self.source.document().findBlockByNumber(line)
        if not block.isValid():
            return
        self.source.setTextCursor(QTextCursor(block))
        self.source.centerCursor()

    # ----- actions ------------------------------------------------------------------------
    def _on_open(self) -> None:
        self.choose_file(FILE_FILTER)

    def choose_file(self, filters: str) -> bool:
        """Ask for a report file and preview it; False when the user cancelled."""
        path = open_file(self, "选择报告文件", filters)
        if path is not None:
            self.load_file(path)
        return path is not None

    def _on_paste(self) -> None:
        text = QGuiApplication.clipboard().text()
        if not text.strip():
            self._show_error("剪贴板中没有文字；请先在 Word 中复制报告全文")
            return
        self.load_text(text)

    def write(self) -> list[int]:
        """Insert every previewed project in one transaction; returns their ids."""
        if self.imported is None or not self.imported.projects:
            return []
        replace = self.replace_box.isChecked()
        existing = self.duplicates()
        if existing and not replace:
            raise InputError(duplicates_refusal(existing))
        ids: list[int] = []
        with self.session.transaction() as store:
            for project in self.imported.projects:
                project.status = "draft"
                ids.append(repo.insert_project(store, project, replace=replace))
        return ids

    def _on_import(self) -> None:
        try:
            self.created_ids = self.write()
        except UserError as exc:
            if self.imported is not None:
                for project in self.imported.projects:
                    project.id = None
            self.status.setText(f"未导入：{exc.message}")
            self.report.insertItem(0, f"未导入：{exc.message}")
            self.report.item(0).setForeground(QColor("#b00020"))
            return
        self.accept()


def open_import(
    ws: Workspace, path: Path | None = None, choose: str | None = None
) -> TextImportDialog | None:
    """Show the import dialog (with ``path`` loaded, or first asking for a file of the
    ``choose`` filters); on 导入 reload the navigator and open the first project."""
    if ws.session.read_only:
        QMessageBox.warning(ws.window, vocabulary().app_title, "数据库以只读方式打开，不能导入")
        return None
    ws.session.flush()
    dialog = TextImportDialog(ws.session, ws.window)
    if path is not None:
        dialog.load_file(path)
    elif choose is not None and not dialog.choose_file(choose):
        dialog.deleteLater()
        return None

    def done() -> None:
        if dialog.created_ids:
            ws.reload_navigator()
            ws.select_project(dialog.created_ids[0])
            ws.say(f"已导入 {len(dialog.created_ids)} 个项目", 5000)

    dialog.accepted.connect(done)
    dialog.open()
    return dialog


def open_pdf_import(ws: Workspace) -> TextImportDialog | None:
    """导入 PDF 报告: choose a text-layer PDF, then the same preview as for text and Word."""
    return open_import(ws, choose=PDF_FILTER)
