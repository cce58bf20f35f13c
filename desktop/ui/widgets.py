"""Small widgets of the main window: the banner and the page shown when no project is open."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

BANNER_STYLES = {
    "readonly": "background: #fff3b0; color: #5a4500; border-bottom: 1px solid #e0c860;",
    "error": "background: #ffd6d6; color: #7a0000; border-bottom: 1px solid #e09090;",
    "info": "background: #e3f0ff; color: #123a6a; border-bottom: 1px solid #9cc0ea;",
    # like info, but it stays until the next write (taking the lock back after losing it)
    "notice": "background: #e3f0ff; color: #123a6a; border-bottom: 1px solid #9cc0ea;",
}


class Banner(QLabel):
    """A coloured line above the tabs (read-only, save failures), optionally with one link."""

    link_clicked = Signal(str)  # the key of the link that was activated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setContentsMargins(10, 6, 10, 6)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setOpenExternalLinks(False)
        self.linkActivated.connect(self.link_clicked)
        self.kind = ""
        self.message = ""
        self.link = ""
        self.hide()

    def show_message(
        self, text: str, kind: str = "info", link: tuple[str, str] | None = None
    ) -> None:
        """Show ``text`` in the colours of ``kind`` (readonly | error | info); ``link`` is
        (key, label) of an action offered after the text."""
        self.kind = kind
        self.message = text
        self.link = link[0] if link else ""
        self.setStyleSheet(BANNER_STYLES.get(kind, BANNER_STYLES["info"]))
        if link is None:
            self.setTextFormat(Qt.TextFormat.PlainText)
            self.setText(text)
        else:
            self.setTextFormat(Qt.TextFormat.RichText)
            self.setText(
                f"{html.escape(text)} <a href='{html.escape(link[0])}'><b>{html.escape(link[1])}</b></a>"
            )
        self.show()

    def text_shown(self) -> str:
        """The message as the user reads it (without markup)."""
        return self.message

    def hide(self) -> None:
        """Hide and forget the kind."""
        self.kind = ""
        self.message = ""
        self.link = ""
        super().hide()


class EmptyPage(QWidget):
    """Shown when no project is open: tells a first-time user what to do.

    Besides 新建单位/新建项目 it offers the two ways most users start: last year's report
    (Word or text) and the 自评表 spreadsheet they already have.
    """

    new_unit_clicked = Signal()
    new_project_clicked = Signal()
    import_text_clicked = Signal()
    import_excel_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.new_unit_button = QPushButton("新建单位…")
        self.new_project_button = QPushButton("新建项目…")
        self.import_text_button = QPushButton("导入往年报告…")
        self.import_text_button.setToolTip("从往年的 Word 报告或文本中读出项目（先预览再导入）")
        self.import_excel_button = QPushButton("从 Excel 导入…")
        self.import_excel_button.setToolTip(
            "从《项目支出绩效自评表》Excel 中读出项目（先预览再导入）"
        )
        self.new_unit_button.clicked.connect(self.new_unit_clicked)
        self.new_project_button.clicked.connect(self.new_project_clicked)
        self.import_text_button.clicked.connect(self.import_text_clicked)
        self.import_excel_button.clicked.connect(self.import_excel_clicked)
        create = QHBoxLayout()
        create.addStretch(1)
        create.addWidget(self.new_unit_button)
        create.addWidget(self.new_project_button)
        create.addStretch(1)
        bring = QHBoxLayout()
        bring.addStretch(1)
        bring.addWidget(self.import_text_button)
        bring.addWidget(self.import_excel_button)
        bring.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(create)
        layout.addSpacing(6)
        layout.addLayout(bring)
        layout.addStretch(2)
        self.set_has_units(False, False)

    def set_has_units(self, has_units: bool, has_projects: bool) -> None:
        """Adapt the hint to what exists."""
        if not has_units:
            text = (
                "数据库中还没有单位。<br>先点击“新建单位”，再“新建项目”，即可开始填写自评报告；"
                "<br>已有往年的报告或自评表的，可直接导入。"
            )
        elif not has_projects:
            text = "还没有项目。点击“新建项目”开始填写自评报告，或导入往年的报告、自评表。"
        else:
            text = "请在左侧目录中选择一个项目。"
        self.label.setText(f"<p style='font-size:14pt'>{text}</p>")
