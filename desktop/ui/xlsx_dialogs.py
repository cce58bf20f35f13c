"""导出 Excel… and 从 Excel 导入… of the main window."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model.errors import UserError
from desktop.model.project import Project
from desktop.store import repo
from desktop.ui import dialogs
from desktop.ui.workspace import Workspace
from desktop.ui.xlsx_preview import ImportPreviewDialog

SCOPE_PROJECT, SCOPE_UNIT_YEAR, SCOPE_ALL = "project", "unit_year", "all"
XLSX_FILTER = "Excel 工作簿 (*.xlsx)"


# ----- small seams for dialogs the user answers (tests replace these) ---------------------
def ask_save_path(parent: QWidget, suggested: str) -> Path | None:
    """The file to export to, or None when cancelled."""
    return dialogs.save_export(parent, "导出 Excel", suggested, XLSX_FILTER, ".xlsx")


def ask_open_path(parent: QWidget) -> Path | None:
    """The workbook to import, or None when cancelled."""
    return dialogs.open_file(parent, "从 Excel 导入", XLSX_FILTER)


def show_message(parent: QWidget, text: str, error: bool = False) -> None:
    """Tell the user something (a warning box for errors)."""
    if error:
        QMessageBox.warning(parent, "Excel", text)
    else:
        QMessageBox.information(parent, "Excel", text)


class ExportScopeDialog(QDialog):
    """Which projects go into the workbook: the current one, its unit/year, or all."""

    def __init__(self, project: Project | None, total: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("导出 Excel")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("导出哪些项目？"))
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        choices = [(SCOPE_ALL, f"数据库中全部 {total} 个项目（含汇总表）")]
        if project is not None:
            choices = [
                (SCOPE_PROJECT, f"当前项目：{project.name}"),
                (
                    SCOPE_UNIT_YEAR,
                    f"{project.unit.name} {project.year}年度全部项目（含汇总表）",
                ),
                *choices,
            ]
        for key, label in choices:
            button = QRadioButton(label)
            self.group.addButton(button)
            self.options[key] = button
            layout.addWidget(button)
        next(iter(self.options.values())).setChecked(True)
        self.audit_box = QCheckBox("附“审核”表（各项目的错误数、警告数及问题，供内部核对）")
        self.audit_box.setToolTip("审核结果放在单独的工作表中，不在汇总表上；报送财政局时可不附")
        self.audit_box.setChecked(True)
        layout.addWidget(self.audit_box)
        buttons = QDialogButtonBox()
        buttons.addButton("导出", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self) -> str:
        """The chosen scope key."""
        for key, button in self.options.items():
            if button.isChecked():
                return key
        return SCOPE_ALL


def export_excel(ws: Workspace) -> None:
    """Ask the scope and the file, then export (the user's edits are saved first)."""
    if not ws.session.flush():
        show_message(ws.window, "当前修改尚未保存，暂不能导出", error=True)
        return
    project = ws.session.project
    total = len(repo.list_projects(ws.store))
    if total == 0:
        show_message(ws.window, "数据库中还没有项目，无可导出")
        return
    dialog = ExportScopeDialog(project, total, ws.window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    scope = dialog.scope()
    path = ask_save_path(ws.window, suggested_name(project, scope))
    if path is None:
        return
    export_to(ws, scope, path, audit=dialog.audit_box.isChecked())


def suggested_name(project: Project | None, scope: str) -> str:
    """The default file name for a scope."""
    if project is not None and scope == SCOPE_PROJECT:
        return f"{project.name}-绩效自评表.xlsx"
    if project is not None and scope == SCOPE_UNIT_YEAR:
        return f"{project.unit.name}{project.year}年度绩效自评表.xlsx"
    return "绩效自评表汇总.xlsx"


def export_to(ws: Workspace, scope: str, path: Path, audit: bool = True) -> bool:
    """Write the workbook for a scope (with the 审核 sheet when ``audit``); errors are shown,
    never raised. True on success."""
    from desktop.exchange.xlsx.export import write_workbook
    from desktop.store.audit import findings_with_siblings

    try:
        with _wait_cursor():
            projects = _projects_for(ws, scope)
            findings = findings_with_siblings(ws.store, projects)
            write_workbook(projects, path, findings, audit=audit)
    except UserError as exc:
        show_message(ws.window, f"导出失败：{exc.message}", error=True)
        return False
    ws.say(f"已导出 {len(projects)} 个项目到 {path}", 8000)
    return True


@contextlib.contextmanager
def _wait_cursor() -> Iterator[None]:
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def _projects_for(ws: Workspace, scope: str) -> list[Project]:
    """The projects a scope exports (the current one, its unit and year, or all)."""
    project = ws.session.project
    if scope == SCOPE_PROJECT and project is not None:
        ids = [project.id] if project.id is not None else []
        return repo.load_projects(ws.store, ids) or [project]
    if scope == SCOPE_UNIT_YEAR and project is not None:
        rows = repo.list_projects(ws.store, unit=project.unit.name, year=project.year)
    else:
        rows = repo.list_projects(ws.store)
    return repo.load_projects(ws.store, [r.id for r in rows])


def import_excel(ws: Workspace) -> ImportPreviewDialog | None:
    """Ask for a workbook, read it, and open the preview (non-modal; 导入 finishes)."""
    path = ask_open_path(ws.window)
    if path is None:
        return None
    return preview_import(ws, path)


def preview_import(ws: Workspace, path: Path) -> ImportPreviewDialog | None:
    """Read ``path`` and show the preview; a bad file is reported and nothing happens."""
    from desktop.exchange.xlsx.importer import read_workbook

    if ws.session.read_only:
        show_message(ws.window, "数据库以只读方式打开，不能导入", error=True)
        return None
    try:
        projects = read_workbook(path)
    except UserError as exc:
        show_message(ws.window, f"无法导入：{exc.message}", error=True)
        return None
    if not ws.session.flush():
        show_message(ws.window, "当前修改尚未保存，暂不能导入", error=True)
        return None
    dialog = ImportPreviewDialog(projects, ws.session, path.name, ws.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.accepted.connect(lambda: _after_import(ws, dialog))
    dialog.open()
    return dialog


def _after_import(ws: Workspace, dialog: ImportPreviewDialog) -> None:
    ids = dialog.imported_ids
    ws.reload_navigator()
    if ids:
        ws.select_project(ids[0])
    ws.say(f"已从 Excel 导入 {len(ids)} 个项目（草稿）", 8000)
