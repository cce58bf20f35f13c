"""Small widgets of the main window: the banner and the page shown when no project is open."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

BANNER_STYLES = {
    "readonly": "background: #fff3b0; color: #5a4500; border-bottom: 1px solid #e0c860;",
    "error": "background: #ffd6d6; color: #7a0000; border-bottom: 1px solid #e09090;",
    "info": "background: #e3f0ff; color: #123a6a; border-bottom: 1px solid #9cc0ea;",
}


class Banner(QLabel):
    """A coloured line above the tabs (read-only, save failures)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setContentsMargins(10, 6, 10, 6)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, kind: str = "info") -> None:
        """Show ``text`` in the colours of ``kind`` (readonly | error | info)."""
        self.kind = kind
        self.setStyleSheet(BANNER_STYLES.get(kind, BANNER_STYLES["info"]))
        self.setText(text)
        self.show()

    def hide(self) -> None:
        """Hide and forget the kind."""
        self.kind = ""
        super().hide()


class EmptyPage(QWidget):
    """Shown when no project is open: tells a first-time user what to do."""

    new_unit_clicked = Signal()
    new_project_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.new_unit_button = QPushButton("新建单位…")
        self.new_project_button = QPushButton("新建项目…")
        self.new_unit_button.clicked.connect(self.new_unit_clicked)
        self.new_project_button.clicked.connect(self.new_project_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_unit_button)
        buttons.addWidget(self.new_project_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.set_has_units(False, False)

    def set_has_units(self, has_units: bool, has_projects: bool) -> None:
        """Adapt the hint to what exists."""
        if not has_units:
            text = "数据库中还没有单位。<br>先点击“新建单位”，再“新建项目”，即可开始填写自评报告。"
        elif not has_projects:
            text = "还没有项目。点击“新建项目”开始填写自评报告。"
        else:
            text = "请在左侧目录中选择一个项目。"
        self.label.setText(f"<p style='font-size:14pt'>{text}</p>")
