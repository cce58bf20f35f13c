"""The 审核 panel: the current project's findings; a click jumps to the place."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QStyle, QVBoxLayout, QWidget

from desktop.model.findings import ERROR, HINT, WARNING, Finding

FINDING_ROLE = Qt.ItemDataRole.UserRole


class FindingsPanel(QWidget):
    """A list of findings; emits ``activated(finding)`` on click or Enter."""

    activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("审核结果")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        style = self.style()
        self._icons = {
            ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            HINT: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
        }
        self.list.itemClicked.connect(self._on_item)
        self.list.itemActivated.connect(self._on_item)
        self.findings: list[Finding] = []
        self.set_findings(None)

    def set_findings(self, findings: list[Finding] | None) -> None:
        """Show findings; None means no project is open."""
        self.findings = list(findings or [])
        self.list.clear()
        if findings is None:
            self.summary.setText("未打开项目。")
            return
        for finding in self.findings:
            item = QListWidgetItem(self._icons.get(finding.severity, QListWidgetItem().icon()), "")
            item.setText(f"{finding.severity}：{finding.message}")
            item.setToolTip(f"{finding.code}\n{finding.message}\n单击跳转到相应位置")
            item.setData(FINDING_ROLE, finding)
            self.list.addItem(item)
        counts = {
            s: sum(1 for f in self.findings if f.severity == s) for s in (ERROR, WARNING, HINT)
        }
        if not self.findings:
            self.summary.setText("审核通过：未发现问题。")
        else:
            self.summary.setText(
                f"错误 {counts[ERROR]} 项，警告 {counts[WARNING]} 项，提示 {counts[HINT]} 项。单击跳转。"
            )

    def show_pending(self) -> None:
        """A project was opened: its checks run shortly (nothing of the previous one shows)."""
        self.findings = []
        self.list.clear()
        self.summary.setText("正在审核…")

    def _on_item(self, item: QListWidgetItem) -> None:
        finding = item.data(FINDING_ROLE)
        if isinstance(finding, Finding):
            self.activated.emit(finding)
