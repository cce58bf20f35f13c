"""The dialogs of 定稿…, 撤销定稿… and 版本记录… (over desktop.store.revisions)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.findings import ERROR, WARNING, Finding
from desktop.model.forms import load_form
from desktop.model.revision_diff import compare
from desktop.model.snapshot import short_fingerprint
from desktop.store import repo, revisions
from desktop.store.db import Store


class FinaliseDialog(QDialog):
    """Shows what blocks 定稿 (errors) or asks to confirm the warnings, then confirms."""

    def __init__(self, name: str, findings: list[Finding], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("定稿")
        self.errors = [f for f in findings if f.severity == ERROR]
        self.warnings = [f for f in findings if f.severity == WARNING]
        self.jump_target: Finding | None = None  # chosen by double-click: show it in the window
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setToolTip("双击一项，关闭本对话框并跳到出错位置")
        self.list.itemActivated.connect(self._on_activated)
        layout.addWidget(self.list)
        self.confirm = QCheckBox("我已逐项核对以上警告，确认定稿")
        layout.addWidget(self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if self.errors:
            self.heading.setText(
                f"项目“{name}”还有{len(self.errors)}项错误，改正后才能定稿（双击一项跳到出错位置）："
            )
            for f in self.errors:
                self.list.addItem(f"[{f.severity}] {f.message}")
            self.confirm.hide()
            ok.setEnabled(False)
            ok.setText("不能定稿")
        else:
            ok.setText("定稿")
            if self.warnings:
                self.heading.setText(
                    f"项目“{name}”有{len(self.warnings)}项警告。定稿后内容将锁定，"
                    "并生成 SHA-256 指纹打印在报告页脚："
                )
                for f in self.warnings:
                    self.list.addItem(f"[{f.severity}] {f.message}")
                ok.setEnabled(False)
                self.confirm.toggled.connect(ok.setEnabled)
            else:
                self.heading.setText(
                    f"审核未发现错误或警告。定稿后项目“{name}”将锁定为只读，"
                    "并生成 SHA-256 指纹打印在报告页脚。确认定稿？"
                )
                self.list.hide()
                self.confirm.hide()
        self.resize(640, 360)

    @property
    def blocked(self) -> bool:
        """True when errors prevent 定稿."""
        return bool(self.errors)

    def _on_activated(self, item: QListWidgetItem) -> None:
        shown = self.errors if self.errors else self.warnings
        row = self.list.row(item)
        if 0 <= row < len(shown):
            self.jump_target = shown[row]
            self.reject()


class ReasonDialog(QDialog):
    """撤销定稿 needs a reason: OK stays disabled until one is typed."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("撤销定稿")
        layout = QVBoxLayout(self)
        label = QLabel(
            f"撤销项目“{name}”的定稿后即可再次修改；原定稿版本仍保留在版本记录中。\n请填写撤销原因："
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText("例如：财政局退回，需修改成本指标")
        layout.addWidget(self.reason)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("撤销定稿")
        ok.setEnabled(False)
        self.reason.textChanged.connect(
            lambda: ok.setEnabled(bool(self.reason.toPlainText().strip()))
        )

    def text(self) -> str:
        """The reason typed."""
        return self.reason.toPlainText().strip()


class RevisionsDialog(QDialog):
    """版本记录: time, event, fingerprint and reason; pick two 定稿 versions to compare."""

    COLUMNS = ("时间", "操作", "指纹（SHA-256）", "原因")

    def __init__(self, store: Store, project_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.project_id = project_id
        project = repo.load_project(store, project_id)
        self.form = load_form(project.form)
        self.setWindowTitle(f"版本记录 — {project.name}")
        layout = QVBoxLayout(self)
        self.rows = revisions.list_revisions(store, project_id)
        self.table = QTableWidget(len(self.rows), len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels(list(self.COLUMNS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for i, row in enumerate(self.rows):
            cells = (
                row.created_at.replace("T", " "),
                row.label,
                short_fingerprint(row.fingerprint) if row.fingerprint else "",
                row.reason,
            )
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j == 2:
                    item.setToolTip(row.fingerprint)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        if not self.rows:
            layout.addWidget(QLabel("该项目还没有定稿记录。"))
        bar = QHBoxLayout()
        self.compare_button = QPushButton("比较所选两个版本")
        self.compare_button.clicked.connect(self._on_compare)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        bar.addWidget(close)
        layout.addLayout(bar)
        self.diff = QPlainTextEdit()
        self.diff.setReadOnly(True)
        self.diff.setPlaceholderText(
            "选择两个定稿版本后点击“比较”，此处显示各部分文字和指标单元格的变化。"
        )
        layout.addWidget(self.diff)
        self.resize(860, 560)

    def select(self, first: int, second: int) -> None:
        """Select two rows (for keyboard users and tests)."""
        self.table.clearSelection()
        for row in (first, second):
            self.table.selectRow(row)

    def _on_compare(self) -> None:
        chosen = sorted({i.row() for i in self.table.selectedIndexes()})
        finals = [self.rows[i] for i in chosen if self.rows[i].kind == revisions.KIND_FINAL]
        if len(finals) != 2:
            self.diff.setPlainText("请选择两个“定稿”版本进行比较。")
            return
        old = revisions.load_snapshot(self.store, finals[0].id)
        new = revisions.load_snapshot(self.store, finals[1].id)
        changes = compare(old, new, self.form)
        lines = [
            f"比较 {finals[0].created_at.replace('T', ' ')} 与 {finals[1].created_at.replace('T', ' ')}",
            "",
        ]
        if not changes:
            lines.append("两个版本内容相同。")
        for change in changes:
            if change.diff:
                lines.append(f"【{change.where}】")
                lines.extend(f"  {line}" for line in change.diff)
            else:
                lines.append(f"【{change.where}】“{change.old}” → “{change.new}”")
        self.diff.setPlainText("\n".join(lines))
