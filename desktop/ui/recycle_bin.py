"""The 回收站: deleted projects, restorable."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.model.errors import UserError
from desktop.store import repo
from desktop.ui import dialogs
from desktop.ui.workspace import Workspace


class RecycleBinDialog(QDialog):
    """Lists projects in the 回收站; 恢复 brings the selected ones back."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws.window)
        self.ws = ws
        self.setWindowTitle("回收站")
        self.resize(640, 380)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["实施单位", "年度", "项目名称"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.restore_button = QPushButton("恢复所选项目")
        self.restore_button.setEnabled(not ws.session.read_only)
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.note = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        """Re-read the deleted projects."""
        rows = repo.list_projects(self.ws.store, deleted=True)
        self._ids = [row.id for row in rows]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row.unit, f"{row.year}", row.name)):
                item = QTableWidgetItem(text)
                self.table.setItem(r, c, item)
        self.note.setText(
            f"回收站中有 {len(rows)} 个项目。选中后点击“恢复所选项目”。"
            if rows
            else "回收站是空的。"
        )

    def project_ids(self) -> list[int]:
        """Ids of the listed projects."""
        return list(self._ids)

    def restore_selected(self) -> list[int]:
        """Restore the selected projects and open the first; returns their ids."""
        ids = sorted({self._ids[i.row()] for i in self.table.selectedIndexes()})
        try:
            with self.ws.session.transaction() as store:
                for project_id in ids:
                    repo.set_deleted(store, project_id, False)
        except UserError as exc:
            dialogs.error(self, "恢复项目", str(exc))
            return []
        if ids:
            self.ws.reload_navigator()
            self.ws.select_project(ids[0])
        self.reload()
        return ids


def show_recycle_bin(ws: Workspace) -> None:
    """The 回收站 dialog (modal)."""
    RecycleBinDialog(ws).exec()
