"""The 从 Excel 导入 preview: what will be imported, then one transaction on 导入."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.model.errors import InputError, UserError
from desktop.model.money import fmt_points, fmt_wan
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.store import repo
from desktop.ui.dialogs import REPLACE_TEXT, duplicates_refusal
from desktop.ui.session import EditorSession


class ImportPreviewDialog(QDialog):
    """Lists the projects, funds and indicators of a workbook; 导入 writes them all or none."""

    def __init__(
        self,
        projects: list[Project],
        session: EditorSession,
        source: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("从 Excel 导入 — 预览")
        self.resize(820, 560)
        self.projects = projects
        self.session = session
        self.imported_ids: list[int] = []
        self.duplicates = [
            p for p in projects if repo.find_project_id(session.store, p.unit.name, p.year, p.name)
        ]
        layout = QVBoxLayout(self)
        count = sum(len(p.indicators) for p in projects)
        self.summary = QLabel(
            f"从 {source} 读到 {len(projects)} 个项目、{count} 条绩效指标。"
            "导入后均为草稿；确认无误后点“导入”。"
        )
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["内容", "详情"])
        self.tree.setColumnWidth(0, 330)
        for index, project in enumerate(projects):
            item = self._project_item(project)
            self.tree.addTopLevelItem(item)
            if index < 3:  # show the first few in full; the rest stay folded
                item.setExpanded(True)
                for k in range(item.childCount()):
                    child = item.child(k)
                    if child is not None:
                        child.setExpanded(True)
        layout.addWidget(self.tree, 1)
        self.replace_box = QCheckBox(REPLACE_TEXT)
        self.replace_box.setVisible(bool(self.duplicates))
        layout.addWidget(self.replace_box)
        self.error_label = QLabel("")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setVisible(False)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton("导入", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self._on_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _project_item(self, project: Project) -> QTreeWidgetItem:
        exists = project in self.duplicates
        title = f"{project.unit.name} · {project.year}年度 · {project.name}"
        detail = f"{len(project.indicators)} 条指标"
        if exists:
            detail += "（数据库中已有同名项目）"
        item = QTreeWidgetItem([title, detail])
        funds = QTreeWidgetItem(["项目资金（万元）", " / ".join(FUNDS_COLUMN_LABELS.values())])
        for row in project.funds.ordered():
            values = " / ".join(fmt_wan(row.get(c)) or "—" for c in FUNDS_COLUMNS)
            funds.addChild(QTreeWidgetItem([SOURCE_LABELS[row.source], values]))
        item.addChild(funds)
        if project.goals.target or project.goals.actual:
            goals = QTreeWidgetItem(["年度总体目标", project.goals.target])
            goals.setToolTip(
                1, f"预期目标：{project.goals.target}\n实际完成情况：{project.goals.actual}"
            )
            item.addChild(goals)
        indicators = QTreeWidgetItem(["绩效指标", f"{len(project.indicators)} 条"])
        for ind in project.indicators:
            name = " / ".join(x for x in (ind.level1, ind.level2, ind.level3) if x)
            scores = f"分值 {fmt_points(ind.weight) or '—'}，得分 {fmt_points(ind.score) or '—'}"
            indicators.addChild(QTreeWidgetItem([name, f"{ind.target} → {ind.actual}（{scores}）"]))
        item.addChild(indicators)
        return item

    def _on_import(self) -> None:
        """Insert every project in one transaction; on failure nothing is written."""
        replace = self.replace_box.isChecked()
        ids: list[int] = []
        try:
            if self.duplicates and not replace:
                raise InputError(duplicates_refusal(self.duplicates))
            for project in self.projects:
                project.status = "draft"
            with self.session.transaction() as store:
                # the same project twice in the workbook is named by position, never by an id
                # that the refused import would not keep
                ids = repo.insert_projects(store, self.projects, replace=replace)
        except UserError as exc:
            for project in self.projects:
                project.id = None
            self.error_label.setText(f"未导入任何项目：{exc.message}")
            self.error_label.setVisible(True)
            return
        self.imported_ids = ids
        self.accept()
