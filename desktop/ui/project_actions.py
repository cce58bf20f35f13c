"""Navigator actions: new unit/project, rename, copy to next year, delete (undoable), 关于."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoCommand

from desktop import __version__
from desktop.model.carry_forward import next_year_copy
from desktop.model.errors import UserError
from desktop.model.project import DEFAULT_PROFILE, Project, Unit
from desktop.store import repo
from desktop.ui import dialogs
from desktop.ui.editor_tabs import form_choices
from desktop.ui.workspace import Workspace


def save_now(ws: Workspace) -> None:
    """Ctrl+S: everything is saved automatically; flush and say so."""
    if ws.session.read_only:
        ws.say("只读方式打开，不能保存修改", 4000)
    elif ws.session.flush():
        ws.say("已保存（修改会自动保存，无需手动保存）", 4000)


def new_unit(ws: Workspace) -> int | None:
    """Ask for a unit and create it; returns its id."""
    if ws.session.read_only:
        return None
    answer = dialogs.ask_unit(ws.window, "新建单位")
    if answer is None:
        return None
    name, department = answer
    if repo.find_unit(ws.store, name) is not None:
        dialogs.error(ws.window, "新建单位", f"已存在名为“{name}”的单位。")
        return None
    try:
        with ws.session.transaction() as store:
            unit_id = repo.ensure_unit(store, Unit(name=name, department=department))
    except UserError as exc:
        dialogs.error(ws.window, "新建单位", str(exc))
        return None
    ws.reload_navigator()
    ws.say(f"已新建单位“{name}”，接着可以新建项目", 5000)
    return unit_id


def new_project(ws: Workspace) -> int | None:
    """Ask for unit, year, name and form; create the project and open it."""
    if ws.session.read_only or not ws.session.flush():
        return None
    units = [u.name for u in repo.list_units(ws.store)]
    _kind, _, year, unit = ws.navigator.current_info()
    current = ws.session.project
    default_year = year or (current.year if current else dt.date.today().year - 1)
    default_unit = unit or (units[0] if units else "")
    spec = dialogs.ask_new_project(ws.window, units, default_unit, default_year, form_choices())
    if spec is None:
        return None
    known = repo.find_unit(ws.store, spec.unit)
    project = Project(
        unit=Unit(name=spec.unit, department=spec.department),
        year=spec.year,
        name=spec.name,
        form=spec.form,
        # A new project follows its unit's default 自评表 format.
        profile=(known.profile if known is not None else "") or DEFAULT_PROFILE,
    )
    return _insert_and_show(ws, project, "新建项目", f"已新建项目“{spec.name}”")


def rename(ws: Workspace) -> bool:
    """Rename the selected unit or project."""
    if ws.session.read_only or not ws.session.flush():
        return False
    kind, ident, _, unit_name = ws.navigator.current_info()
    if kind == "unit" and ident is not None:
        return _rename_unit(ws, unit_name)
    if kind == "project" and ident is not None:
        return _rename_project(ws, ident)
    return False


def _rename_unit(ws: Workspace, unit_name: str) -> bool:
    unit = repo.find_unit(ws.store, unit_name)
    if unit is None:
        return False
    answer = dialogs.ask_unit(ws.window, "重命名单位", unit.name, unit.department)
    if answer is None:
        return False
    unit.name, unit.department = answer
    try:
        with ws.session.transaction() as store:
            repo.update_unit(store, unit)
    except UserError as exc:
        dialogs.error(ws.window, "重命名单位", str(exc))
        return False
    current = ws.session.project
    if current is not None and current.unit.id == unit.id:
        ws.select_project(None)
        ws.reload_navigator()
        if current.id is not None:
            ws.select_project(current.id)
    else:
        ws.reload_navigator()
    return True


def _rename_project(ws: Workspace, project_id: int) -> bool:
    project = ws.session.project
    if project is None or project.id != project_id:
        return False
    if not ws.session.editable:
        dialogs.error(ws.window, "重命名项目", "项目已定稿，不能重命名；如需修改，请先取消定稿。")
        return False
    name = dialogs.ask_text(ws.window, "重命名项目", "项目名称：", project.name)
    if name is None or name == project.name:
        return False
    if repo.find_project_id(ws.store, project.unit.name, project.year, name) is not None:
        dialogs.error(ws.window, "重命名项目", f"本单位本年度已有名为“{name}”的项目。")
        return False
    ws.session.rename(name)
    ws.reload_navigator()
    return True


def copy_next_year(ws: Workspace) -> int | None:
    """复制为下一年度: a new project from the current one via carry_forward.next_year_copy."""
    project = ws.session.project
    if ws.session.read_only or project is None:
        return None
    if not ws.session.flush():
        return None
    copy = next_year_copy(project)
    return _insert_and_show(ws, copy, "复制为下一年度", f"已复制为{copy.year}年度项目“{copy.name}”")


def _insert_and_show(ws: Workspace, project: Project, title: str, done: str) -> int | None:
    """Write a new project (one transaction), list and select it; a Chinese error otherwise."""
    try:
        with ws.session.transaction() as store:
            project_id = repo.insert_project(store, project)
    except UserError as exc:
        dialogs.error(ws.window, title, str(exc))
        return None
    ws.reload_navigator()
    ws.select_project(project_id)
    ws.say(done, 5000)
    return project_id


class DeleteProjectCommand(QUndoCommand):
    """Move a project into the 回收站; undo restores it."""

    def __init__(self, ws: Workspace, project_id: int, name: str) -> None:
        super().__init__(f"删除项目“{name}”")
        self.ws = ws
        self.project_id = project_id
        self.name = name
        self.failed = False

    def redo(self) -> None:
        """Soft-delete and show the next project."""
        ws = self.ws
        try:
            with ws.session.transaction() as store:
                repo.set_deleted(store, self.project_id, True)
        except UserError as exc:
            self.failed = True
            dialogs.error(ws.window, "删除项目", str(exc))
            return
        current = ws.session.project
        if current is not None and current.id == self.project_id:
            ws.select_project(None, keep_undo=True)
        ws.reload_navigator()
        ids = ws.navigator.project_ids()
        if ws.session.project is None and ids:
            ws.select_project(ids[0], keep_undo=True)
        ws.say(f"已将“{self.name}”移入回收站（Ctrl+Z 撤销，或在回收站中恢复）", 8000)

    def undo(self) -> None:
        """Restore and reopen the project."""
        ws = self.ws
        try:
            with ws.session.transaction() as store:
                repo.set_deleted(store, self.project_id, False)
        except UserError as exc:
            dialogs.error(ws.window, "恢复项目", str(exc))
            return
        ws.reload_navigator()
        ws.select_project(self.project_id, keep_undo=True)
        ws.say(f"已恢复“{self.name}”", 5000)


def delete_project(ws: Workspace) -> bool:
    """Ask, then move the current project into the 回收站 (undoable)."""
    project = ws.session.project
    if ws.session.read_only or project is None or project.id is None:
        return False
    if not dialogs.confirm(
        ws.window,
        "删除项目",
        f"确定删除项目“{project.name}”（{project.unit.name}，{project.year}年度）吗？\n\n"
        "项目会移入回收站，可用“撤销”或在“文件 → 回收站”中恢复。",
    ):
        return False
    ws.session.flush()
    command = DeleteProjectCommand(ws, project.id, project.name)
    ws.session.undo_stack.push(command)
    return not command.failed


def about(ws: Workspace) -> None:
    """The 关于 box."""
    dialogs.info(
        ws.window,
        "关于",
        f"绩效自评报告编辑器 {__version__}\n\n"
        "编写、审核、打印和导出项目支出绩效自评报告。\n"
        f"数据库：{ws.store.path}",
    )


def data_location(ws: Workspace) -> None:
    """Tell where the database and its automatic backups are."""
    path = ws.store.path
    backups = path.parent / "backups" if path else None
    dialogs.info(
        ws.window,
        "数据文件位置",
        f"数据库文件：{path}\n自动备份文件夹：{backups}\n\n"
        "可用启动参数 --db 路径 或环境变量 JIXIAO_DB 指定其他数据库文件。",
    )
