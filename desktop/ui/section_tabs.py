"""Section editors: one page per level-1 heading of a form, a QPlainTextEdit per section."""

from __future__ import annotations

import re

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.model.forms import Form, OutlineEntry
from desktop.model.limits import MAX_SECTION_CHARS
from desktop.model.project import Project

_SPACES = (" ", "\n", "\t", "\r", "\u3000", "\xa0", "\u2029", "\f", "\v")


def count_chars(text: str) -> int:
    """Characters a reader counts: everything but whitespace (str.count keeps it O(n) in C)."""
    return len(text) - sum(text.count(space) for space in _SPACES)


def qt_position(text: str, index: int) -> int:
    """A Python str index as a QTextDocument position (UTF-16 code units)."""
    return len(text[:index].encode("utf-16-le")) // 2


_NUMBERING = re.compile(r"^[一二三四五六七八九十]+[、.．]\s*")


def tab_title(entry: OutlineEntry) -> str:
    """The tab text of a level-1 heading: the form's short name for it, else the heading
    without its numbering and closing full stop (the full heading is the tab's tooltip)."""
    return entry.tab or _NUMBERING.sub("", entry.title).rstrip("。.")


class SectionTextEdit(QPlainTextEdit):
    """A section's text field: a paste (or drop) that would take the section over the length
    the database keeps is refused with a message, never half-saved or retried for ever."""

    def __init__(self, max_chars: int = MAX_SECTION_CHARS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_chars = max_chars

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Insert the pasted text, unless the section would then be too long."""
        if source.hasText():
            after = len(self.toPlainText()) - len(self.textCursor().selectedText())
            after += len(source.text())
            if after > self.max_chars:
                from desktop.ui import dialogs  # only on a refused paste: not at the start

                dialogs.error(
                    self.window(),
                    "文字过长，未粘贴",
                    f"粘贴后“{self.accessibleName()}”将有 {after:,} 字，超过每部分 "
                    f"{self.max_chars:,} 字的上限，所以没有粘贴。\n\n"
                    "请只复制本部分的文字，或分成几部分整理后再粘贴。",
                )
                return
        super().insertFromMimeData(source)


class SectionEditor(QWidget):
    """One section: heading, text, character count, 插入模板."""

    text_edited = Signal(str)  # section key
    template_requested = Signal(str)  # section key

    def __init__(self, entry: OutlineEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.key = entry.key or ""
        self._loading = False
        self._limit: tuple[int, str] | None = None  # (characters, the rule that sets them)
        title = QLabel(
            f"<b>{entry.title}</b>"
            + ("　<span style='color:#b00'>必填</span>" if entry.required else "")
        )
        self.edit = SectionTextEdit()
        self.edit.setPlaceholderText(entry.hint or "在此填写")
        self.edit.setAccessibleName(entry.title)
        self.edit.setTabChangesFocus(True)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # A fixed size: a new count repaints the label only, not the page's layout (typing).
        self.count_label.setFixedSize(
            self.count_label.fontMetrics().horizontalAdvance("0000000 字"),
            self.count_label.sizeHint().height(),
        )
        self.template_button = QPushButton("插入模板")
        self.template_button.setEnabled(bool(entry.template))
        self.template_button.setToolTip(
            "按本项目的数据填写模板：\n" + entry.template if entry.template else "本部分没有模板"
        )
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.count_label)
        header.addWidget(self.template_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(header)
        layout.addWidget(self.edit, 1)
        self.edit.textChanged.connect(self._on_text_changed)
        self.template_button.clicked.connect(lambda: self.template_requested.emit(self.key))
        self._update_count()

    def text(self) -> str:
        """The section text."""
        return self.edit.toPlainText()

    def set_text(self, text: str) -> None:
        """Replace the text without signalling an edit (loading a project resets its undo)."""
        self._loading = True
        try:
            if self.edit.toPlainText() != text or text == "":
                self.edit.setPlainText(text)
            self.edit.document().clearUndoRedoStacks()
        finally:
            self._loading = False
        self._update_count()

    def insert_text(self, text: str) -> None:
        """Insert at the cursor (undoable with Ctrl+Z), as typing would."""
        cursor = self.edit.textCursor()
        if self.edit.toPlainText() and not cursor.hasSelection():
            cursor.movePosition(QTextCursor.MoveOperation.End)
            if not self.edit.toPlainText().endswith("\n"):
                text = "\n" + text
        cursor.insertText(text)
        self.edit.setTextCursor(cursor)
        self.edit.setFocus()

    def select_range(self, start: int | None, end: int | None) -> None:
        """Select text[start:end] (Python indices) and show it."""
        text = self.text()
        cursor = self.edit.textCursor()
        if start is None:
            cursor.movePosition(QTextCursor.MoveOperation.End)
        else:
            start = max(0, min(start, len(text)))
            stop = max(start, min(end if end is not None else start, len(text)))
            cursor.setPosition(qt_position(text, start))
            cursor.setPosition(qt_position(text, stop), QTextCursor.MoveMode.KeepAnchor)
        self.edit.setTextCursor(cursor)
        self.edit.ensureCursorVisible()
        self.edit.setFocus()

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        self.edit.setReadOnly(flag)
        self.template_button.setEnabled(bool(self.entry.template) and not flag)

    def set_limit(self, limit: tuple[int, str] | None) -> None:
        """Show the count against a limit the project's 自评表 sets (None: no limit)."""
        self._limit = limit
        self._update_count()

    def _update_count(self) -> None:
        count = count_chars(self.edit.toPlainText())
        if self._limit is None:
            self.count_label.setText(f"{count} 字")
            self.count_label.setStyleSheet("")
            self.count_label.setToolTip("")
            return
        limit, rule = self._limit
        self.count_label.setText(f"{count} / {limit} 字")
        self.count_label.setStyleSheet(
            "color: #b00000; font-weight: bold;" if count > limit else ""
        )
        self.count_label.setToolTip(f"{rule}：自评表中此栏限{limit}字以内")

    def _on_text_changed(self) -> None:
        self._update_count()
        if not self._loading:
            self.text_edited.emit(self.key)


class SectionPage(QSplitter):
    """The page of one level-1 heading: its sections stacked, resizable."""

    def __init__(
        self, heading: OutlineEntry, entries: list[OutlineEntry], parent: QWidget | None = None
    ) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.heading = heading
        self.setChildrenCollapsible(False)
        self.editors: list[SectionEditor] = []
        for entry in entries:
            editor = SectionEditor(entry)
            editor.setMinimumHeight(110)
            self.addWidget(editor)
            self.editors.append(editor)
        if not entries:
            self.addWidget(QLabel(f"“{heading.title}”下没有需要填写的内容。"))


class FormPages:
    """All section pages of one form, built once and reused for every project of that form."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self.pages: list[tuple[str, SectionPage]] = []
        self.editors: dict[str, SectionEditor] = {}
        for heading, entries in form.tabs():
            page = SectionPage(heading, entries)
            self.pages.append((tab_title(heading), page))
            for editor in page.editors:
                self.editors[editor.key] = editor

    def set_project(self, project: Project | None) -> None:
        """Load every section's text."""
        for key, editor in self.editors.items():
            editor.set_text(project.section(key) if project else "")

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        for editor in self.editors.values():
            editor.set_read_only(flag)

    def set_limits(self, limits: dict[str, tuple[int, str]]) -> None:
        """The limits of the sections the 自评表 prints in a limited cell."""
        for key, editor in self.editors.items():
            editor.set_limit(limits.get(key))

    def page_of(self, key: str) -> SectionPage | None:
        """The page that holds a section."""
        for _, page in self.pages:
            if any(e.key == key for e in page.editors):
                return page
        return None
