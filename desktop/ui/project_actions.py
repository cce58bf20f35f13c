"""Navigator actions: new unit/project, rename, copy to next year, delete (undoable), 回收站."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop import __version__
from desktop.model.carry_forward import next_year_copy
from desktop.model.errors import UserError
from desktop.model.project import Project, Unit
from desktop.store import repo
from desktop.ui import dialogs

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def save_now(window: MainWindow) -> None:
    """Ctrl+S: everything is saved automatically; flush and say so."""
    if window.read_only:
        window.statusBar().showMessage("只读方式打开，不能保存修改", 4000)
    elif window.flush():
        window.statusBar().showMessage("已保存（修改会自动保存，无需手动保存）", 4000)


def new_unit(window: MainWindow) -> int | None:
    """Ask for a unit and create it; returns its id."""
    if window.read_only:
        return None
    answer = dialogs.ask_unit(window, "新建单位")
    if answer is None:
        return None
    name, department = answer
    if repo.find_unit(window.store, name) is not None:
        dialogs.error(window, "新建单位", f"已存在名为“{name}”的单位。")
        return None
    try:
        unit_id = repo.ensure_unit(window.store, Unit(name=name, department=department))
    except UserError as exc:
        dialogs.error(window, "新建单位", str(exc))
        return None
    window.reload_navigator()
    window.statusBar().showMessage(f"已新建单位“{name}”，接着可以新建项目", 5000)
    return unit_id


def new_project(window: MainWindow) -> int | None:
    """Ask for unit, year, name and form; create the project and open it."""
    if window.read_only or not window.flush():
        return None
    from desktop.ui.main_window import form_choices

    units = [u.name for u in repo.list_units(window.store)]
    _kind, _, year, unit = window.navigator.current_info()
    current = window.current_project()
    default_year = year or (current.year if current else dt.date.today().year - 1)
    default_unit = unit or (units[0] if units else "")
    spec = dialogs.ask_new_project(window, units, default_unit, default_year, form_choices())
    if spec is None:
        return None
    project = Project(
        unit=Unit(name=spec.unit, department=spec.department),
        year=spec.year,
        name=spec.name,
        form=spec.form,
    )
    return _insert_and_show(window, project, "新建项目", f"已新建项目“{spec.name}”")


def rename(window: MainWindow) -> bool:
    """Rename the selected unit or project."""
    if window.read_only or not window.flush():
        return False
    kind, ident, _, unit_name = window.navigator.current_info()
    if kind == "unit" and ident is not None:
        unit = repo.find_unit(window.store, unit_name)
        if unit is None:
            return False
        answer = dialogs.ask_unit(window, "重命名单位", unit.name, unit.department)
        if answer is None:
            return False
        unit.name, unit.department = answer
        try:
            repo.update_unit(window.store, unit)
        except UserError as exc:
            dialogs.error(window, "重命名单位", str(exc))
            return False
        current = window.current_project()
        if current is not None and current.unit.id == unit.id:
            window.select_project(None)
            window.reload_navigator()
            if current.id is not None:
                window.select_project(current.id)
        else:
            window.reload_navigator()
        return True
    if kind == "project" and ident is not None:
        project = window.current_project()
        if project is None or project.id != ident:
            return False
        name = dialogs.ask_text(window, "重命名项目", "项目名称：", project.name)
        if name is None or name == project.name:
            return False
        if repo.find_project_id(window.store, project.unit.name, project.year, name) is not None:
            dialogs.error(window, "重命名项目", f"本单位本年度已有名为“{name}”的项目。")
            return False
        project.name = name
        window.overview.set_project(project)
        window.project_changed.emit()
        window.flush()
        window.reload_navigator()
        return True
    return False


def copy_next_year(window: MainWindow) -> int | None:
    """复制为下一年度: a new project from the current one via carry_forward.next_year_copy."""
    project = window.current_project()
    if window.read_only or project is None:
        return None
    if not window.flush():
        return None
    copy = next_year_copy(project)
    return _insert_and_show(
        window, copy, "复制为下一年度", f"已复制为{copy.year}年度项目“{copy.name}”"
    )


def _insert_and_show(window: MainWindow, project: Project, title: str, done: str) -> int | None:
    """Write a new project (one transaction), list and select it; a Chinese error otherwise."""
    try:
        project_id = repo.insert_project(window.store, project)
    except UserError as exc:
        dialogs.error(window, title, str(exc))
        return None
    window.reload_navigator()
    window.select_project(project_id)
    window.statusBar().showMessage(done, 5000)
    return project_id


class DeleteProjectCommand(QUndoCommand):
    """Move a project into the 回收站; undo restores it."""

    def __init__(self, window: MainWindow, project_id: int, name: str) -> None:
        super().__init__(f"删除项目“{name}”")
        self.window = window
        self.project_id = project_id
        self.name = name
        self.failed = False

    def redo(self) -> None:
        """Soft-delete and show the next project."""
        window = self.window
        try:
            repo.set_deleted(window.store, self.project_id, True)
        except UserError as exc:
            self.failed = True
            dialogs.error(window, "删除项目", str(exc))
            return
        current = window.current_project()
        if current is not None and current.id == self.project_id:
            window.select_project(None, keep_undo=True)
        window.reload_navigator()
        ids = window.navigator.project_ids()
        if window.current_project() is None and ids:
            window.select_project(ids[0], keep_undo=True)
        window.statusBar().showMessage(
            f"已将“{self.name}”移入回收站（Ctrl+Z 撤销，或在回收站中恢复）", 8000
        )

    def undo(self) -> None:
        """Restore and reopen the project."""
        window = self.window
        try:
            repo.set_deleted(window.store, self.project_id, False)
        except UserError as exc:
            dialogs.error(window, "恢复项目", str(exc))
            return
        window.reload_navigator()
        window.select_project(self.project_id, keep_undo=True)
        window.statusBar().showMessage(f"已恢复“{self.name}”", 5000)


def delete_project(window: MainWindow) -> bool:
    """Ask, then move the current project into the 回收站 (undoable)."""
    project = window.current_project()
    if window.read_only or project is None or project.id is None:
        return False
    if not dialogs.confirm(
        window,
        "删除项目",
        f"确定删除项目“{project.name}”（{project.unit.name}，{project.year}年度）吗？\n\n"
        "项目会移入回收站，可用“撤销”或在“文件 → 回收站”中恢复。",
    ):
        return False
    window.flush()
    command = DeleteProjectCommand(window, project.id, project.name)
    window.undo_stack.push(command)
    return not command.failed


def recycle_bin(window: MainWindow) -> None:
    """Show the 回收站 dialog."""
    from desktop.ui.recycle_bin import RecycleBinDialog

    dialog = RecycleBinDialog(window)
    dialog.exec()


def about(window: MainWindow) -> None:
    """The 关于 box."""
    dialogs.info(
        window,
        "关于",
        f"绩效自评报告编辑器 {__version__}\n\n"
        "编写、审核、打印和导出项目支出绩效自评报告。\n"
        f"数据库：{window.store.path}",
    )


def data_location(window: MainWindow) -> None:
    """Tell where the database and its automatic backups are."""
    path = window.store.path
    backups = path.parent / "backups" if path else None
    dialogs.info(
        window,
        "数据文件位置",
        f"数据库文件：{path}\n自动备份文件夹：{backups}\n\n"
        "可用启动参数 --db 路径 或环境变量 JIXIAO_DB 指定其他数据库文件。",
    )
