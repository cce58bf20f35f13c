"""The window's actions from one table: text, shortcut, icon, slot and when each is enabled.

Menus, the toolbar and the navigator's context menu list action names; ``WindowActions`` holds
every action as a typed attribute. Every slot runs guarded: a program bug in it is logged and
reported in one Chinese line (see bugs.py), never a traceback.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, fields

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStyle, QToolBar
from shiboken6 import isValid

from desktop.ui.bugs import guarded
from desktop.ui.navigator import PROJECT, UNIT
from desktop.ui.workspace import Workspace

SP = QStyle.StandardPixmap
Key = QKeySequence.StandardKey | str
# A slot: a function of the workspace, or "module.function" of a desktop.ui module that is
# imported when the action is first used (the window paints before those modules load).
Slot = Callable[[Workspace], object] | str
Condition = Callable[[Workspace], bool]
SEPARATOR = "-"


# ----- when actions are enabled -----------------------------------------------------------
def writable(ws: Workspace) -> bool:
    """The database may be written."""
    return not ws.session.read_only


def restorable(ws: Workspace) -> bool:
    """A backup may replace the file: writable, or damaged (opened read-only for that reason)."""
    return writable(ws) or ws.store.damaged


def unit_or_project_selected(ws: Workspace) -> bool:
    """Writable, and a unit or a project is selected in the navigator."""
    return writable(ws) and ws.navigator.current_info()[0] in (UNIT, PROJECT)


def project_selected(ws: Workspace) -> bool:
    """Writable, and the open project is the one selected in the navigator."""
    return (
        writable(ws)
        and ws.session.project is not None
        and ws.navigator.current_info()[0] == PROJECT
    )


def saved_project(ws: Workspace) -> bool:
    """A stored project is open."""
    project = ws.session.project
    return project is not None and project.id is not None


def draft_project(ws: Workspace) -> bool:
    """A stored draft is open in a writable window (定稿 possible)."""
    project = ws.session.project
    return writable(ws) and saved_project(ws) and not (project is not None and project.is_final)


def final_project(ws: Workspace) -> bool:
    """A 定稿 project is open in a writable window (撤销定稿 possible)."""
    project = ws.session.project
    return writable(ws) and project is not None and project.id is not None and project.is_final


@dataclass(frozen=True)
class ActionSpec:
    """One row of the action table."""

    name: str
    text: str
    slot: Slot
    keys: tuple[Key, ...] = ()
    icon: SP | None = None
    tip: str = ""
    enabled: Condition | None = None  # None: always enabled
    navigator_only: bool = False  # its keys act in the navigator only (F2, Delete)


# ----- slots of the features loaded on first use (the window paints before they load) -----
LAZY_FEATURES = (
    *("project_actions", "db_actions", "recycle_bin", "cycle_actions", "rescue"),
    *("print_actions", "text_import_dialog", "xlsx_dialogs", "finalise_actions"),
)


def load_features() -> None:
    """Import the feature modules now (after the first paint), so a first click is instant."""
    for name in LAZY_FEATURES:
        load_feature(name)


def load_feature(name: str) -> None:
    """Import one feature module (one of LAZY_FEATURES)."""
    importlib.import_module(f"desktop.ui.{name}")


def resolve(slot: Slot) -> Callable[[Workspace], object]:
    """The function a slot names ("module.function" is imported now if it was not yet)."""
    if callable(slot):
        return slot
    module, name = slot.rsplit(".", 1)
    function: Callable[[Workspace], object] = getattr(
        importlib.import_module(f"desktop.ui.{module}"), name
    )
    return function


def _quit(ws: Workspace) -> None:
    ws.window.close()


def _check(ws: Workspace) -> None:
    ws.session.refresh_findings()


STD = QKeySequence.StandardKey
# fmt: off
ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("new_unit", "新建单位…", "project_actions.new_unit", (), SP.SP_FileDialogNewFolder,
               "新建一个实施单位", writable),
    ActionSpec("new_project", "新建项目…", "project_actions.new_project", (STD.New,), SP.SP_FileIcon,
               "新建项目（Ctrl+N）", writable),
    ActionSpec("save", "保存", "project_actions.save_now", (STD.Save,), SP.SP_DialogSaveButton,
               "修改会自动保存（Ctrl+S）"),
    ActionSpec("import_text", "导入报告文本/Word…", "text_import_dialog.open_import",
               ("Ctrl+Shift+I",), None, "把已有的报告（文本、.docx 或 PDF）导入为项目，先预览再导入",
               writable),
    ActionSpec("import_pdf", "导入 PDF 报告…", "text_import_dialog.open_pdf_import", (), None,
               "把带文字层的 PDF 报告（网站公开的报告、去年的报告）导入为项目，先预览再导入",
               writable),
    ActionSpec("import_excel", "从 Excel 导入…", "xlsx_dialogs.import_excel", (), None,
               "读取项目支出绩效自评表，预览后导入为草稿", writable),
    ActionSpec("print_preview", "打印预览…", "print_actions.preview", ("Ctrl+P",)),
    ActionSpec("print_report", "打印…", "print_actions.print_report", ("Ctrl+Shift+P",)),
    ActionSpec("backup", "备份数据库…", "db_actions.backup", (), SP.SP_DriveHDIcon,
               "把整个数据库备份到一个文件"),
    ActionSpec("restore", "恢复备份…", "db_actions.restore", (), SP.SP_BrowserReload,
               "用备份文件替换当前数据库", restorable),
    ActionSpec("recycle_bin", "回收站…", "recycle_bin.show_recycle_bin", (), SP.SP_TrashIcon,
               "查看并恢复已删除的项目"),
    ActionSpec("quit", "退出", _quit, (STD.Quit, "Ctrl+Q"), SP.SP_DialogCloseButton),
    ActionSpec("rename", "重命名…", "project_actions.rename", ("F2",), None,
               "重命名所选单位或项目", unit_or_project_selected, navigator_only=True),
    ActionSpec("copy_next_year", "复制为下一年度", "project_actions.copy_next_year", (),
               SP.SP_FileDialogDetailedView, "以所选项目为底稿新建下一年度的项目",
               project_selected),
    ActionSpec("delete", "删除项目…", "project_actions.delete_project", (STD.Delete,),
               SP.SP_TrashIcon, "把所选项目移入回收站（可恢复）", project_selected,
               navigator_only=True),
    ActionSpec("record_baseline", "记录批复目标…", "cycle_actions.record_baseline", (), None,
               "把当前绩效指标记录为批复的绩效目标，审核将指出此后的改动", draft_project),
    ActionSpec("generate_rectifications", "从“存在的问题”生成整改事项",
               "cycle_actions.generate_rectifications", (), None,
               "把“存在的问题”中的每个问题建为一项整改事项", draft_project),
    ActionSpec("check", "重新审核", _check, ("F5",), SP.SP_MessageBoxWarning,
               "重新审核当前项目（F5）"),
    ActionSpec("finalise", "定稿…", "finalise_actions.finalise", ("Ctrl+Shift+F",), None,
               "审核通过后锁定项目并生成指纹", draft_project),
    ActionSpec("unfinalise", "撤销定稿…", "finalise_actions.unfinalise", (), None,
               "填写原因后恢复为可修改的草稿", final_project),
    ActionSpec("history", "版本记录…", "finalise_actions.history", (), None,
               "历次定稿与撤销定稿，可比较两个定稿版本", saved_project),
    ActionSpec("export_pdf", "导出 PDF…", "print_actions.export_pdf", ("Ctrl+E",)),
    ActionSpec("export_batch", "导出合订本…", "print_actions.export_batch", (), None,
               "一个单位一个年度的全部报告合订为一个 PDF"),
    ActionSpec("export_excel", "导出 Excel…", "xlsx_dialogs.export_excel", ("Ctrl+Shift+X",), None,
               "导出项目支出绩效自评表（多个项目时含汇总表）"),
    ActionSpec("data_location", "数据文件位置…", "project_actions.data_location", (), SP.SP_DirIcon),
    ActionSpec("about", "关于…", "project_actions.about", (), SP.SP_MessageBoxInformation),
)

# The menus, the toolbar and the navigator's context menu, by action name.
MENUS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("file", "文件(&F)", ("new_unit", "new_project", "save", "-", "import_text", "import_pdf",
                          "import_excel", "-", "print_preview", "print_report", "-", "backup", "restore", "recycle_bin",
                          "-", "quit")),
    ("edit", "编辑(&E)", ("undo", "redo", "-", "show_navigator", "show_findings")),
    ("project", "项目(&P)", ("new_project", "rename", "copy_next_year", "delete", "-",
                             "record_baseline", "generate_rectifications", "-",
                             "recycle_bin", "check", "-", "finalise", "unfinalise", "history")),
    ("export", "导出(&X)", ("export_pdf", "export_batch", "export_excel")),
    ("help", "帮助(&H)", ("data_location", "about")),
)
TOOLBAR = ("new_project", "save", "-", "undo_button", "redo_button", "-", "delete", "check")
NAVIGATOR_MENU = ("new_unit", "new_project", "-", "rename", "copy_next_year", "delete", "-",
                  "recycle_bin")
# fmt: on


@dataclass
class WindowActions:
    """Every action of the main window (the table's rows, undo/redo and the dock toggles)."""

    new_unit: QAction
    new_project: QAction
    save: QAction
    import_text: QAction
    import_pdf: QAction
    import_excel: QAction
    print_preview: QAction
    print_report: QAction
    backup: QAction
    restore: QAction
    recycle_bin: QAction
    quit: QAction
    rename: QAction
    copy_next_year: QAction
    delete: QAction
    record_baseline: QAction
    generate_rectifications: QAction
    check: QAction
    finalise: QAction
    unfinalise: QAction
    history: QAction
    export_pdf: QAction
    export_batch: QAction
    export_excel: QAction
    data_location: QAction
    about: QAction
    undo: QAction
    redo: QAction
    undo_button: QAction  # the toolbar's: a fixed word, the command in its tooltip
    redo_button: QAction
    show_navigator: QAction
    show_findings: QAction

    def items(self) -> list[tuple[str, QAction]]:
        """(name, action) of every action."""
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def named(self, name: str) -> QAction:
        """The action called ``name`` (a name of the tables above)."""
        return dict(self.items())[name]


@dataclass
class WindowMenus:
    """The menu bar's menus and the toolbar."""

    file: QMenu
    edit: QMenu
    project: QMenu
    export: QMenu
    help: QMenu
    toolbar: QToolBar


def _key_sequences(keys: tuple[Key, ...]) -> list[QKeySequence]:
    unique: dict[str, QKeySequence] = {}
    for key in keys:
        sequence = QKeySequence(key)
        unique.setdefault(sequence.toString(), sequence)
    return list(unique.values())


def _make(ws: Workspace, spec: ActionSpec) -> QAction:
    window = ws.window
    action = QAction(spec.text, window)
    if spec.icon is not None:
        action.setIcon(window.style().standardIcon(spec.icon))
    if spec.keys:
        action.setShortcuts(_key_sequences(spec.keys))
    if spec.tip:
        action.setStatusTip(spec.tip)
        action.setToolTip(spec.tip)
    if spec.navigator_only:
        # F2 and Delete act on the navigator only (the grid and the editors use those keys too).
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ws.navigator.addAction(action)
    slot = spec.slot
    action.triggered.connect(
        lambda _checked=False: guarded(window, lambda: resolve(slot)(ws), spec.text)
    )
    return action


def build_actions(ws: Workspace) -> WindowActions:
    """Create every action of the table (plus undo/redo and the dock toggles)."""
    made = {spec.name: _make(ws, spec) for spec in ACTIONS}
    style = ws.window.style()
    undo = ws.session.undo_stack.createUndoAction(ws.window, "撤销")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setIcon(style.standardIcon(SP.SP_ArrowBack))
    redo = ws.session.undo_stack.createRedoAction(ws.window, "重做")
    redo.setShortcuts(_key_sequences(("Ctrl+Y", QKeySequence.StandardKey.Redo)))
    redo.setIcon(style.standardIcon(SP.SP_ArrowForward))
    made.update(
        undo=undo,
        redo=redo,
        undo_button=_fixed_text(undo, "撤销", ws.window),
        redo_button=_fixed_text(redo, "重做", ws.window),
        show_navigator=ws.nav_dock.toggleViewAction(),
        show_findings=ws.findings_dock.toggleViewAction(),
    )
    return WindowActions(**made)


def _fixed_text(action: QAction, text: str, parent: QMainWindow) -> QAction:
    """A toolbar twin of an undo/redo action: its word stays short (the toolbar never grows),
    the command it would undo is in the tooltip; enabled and triggered as the original."""
    twin = QAction(action.icon(), text, parent)

    def follow() -> None:
        if not (isValid(twin) and isValid(action)):
            return  # the window is being torn down
        twin.setEnabled(action.isEnabled())
        twin.setToolTip(f"{action.text()}（{action.shortcut().toString()}）")

    action.changed.connect(follow)
    twin.triggered.connect(action.trigger)
    follow()
    return twin


def _fill(menu: QMenu | QToolBar, actions: WindowActions, names: tuple[str, ...]) -> None:
    for name in names:
        if name == SEPARATOR:
            menu.addSeparator()
        else:
            menu.addAction(actions.named(name))


def build_menus(window: QMainWindow, actions: WindowActions) -> WindowMenus:
    """The menu bar (文件 编辑 项目 导出 帮助) and the toolbar, from the tables above."""
    bar = window.menuBar()
    menus: dict[str, QMenu] = {}
    for key, title, names in MENUS:
        menus[key] = bar.addMenu(title)
        _fill(menus[key], actions, names)
    toolbar = window.addToolBar("常用")
    toolbar.setObjectName("main_toolbar")
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    _fill(toolbar, actions, TOOLBAR)
    return WindowMenus(toolbar=toolbar, **menus)


def navigator_menu(ws: Workspace, actions: WindowActions) -> QMenu:
    """The context menu of the navigator for the current item."""
    update_enabled(ws, actions)
    menu = QMenu(ws.window)
    _fill(menu, actions, NAVIGATOR_MENU)
    return menu


def update_enabled(ws: Workspace, actions: WindowActions) -> None:
    """Enable what makes sense for the selection, the project and the read-only state."""
    for spec in ACTIONS:
        if spec.enabled is not None:
            actions.named(spec.name).setEnabled(spec.enabled(ws))
    ws.empty_page.new_unit_button.setEnabled(actions.new_unit.isEnabled())
    ws.empty_page.new_project_button.setEnabled(actions.new_project.isEnabled())
    ws.empty_page.import_text_button.setEnabled(actions.import_text.isEnabled())
    ws.empty_page.import_excel_button.setEnabled(actions.import_excel.isEnabled())


def connect_actions(ws: Workspace, actions: WindowActions) -> None:
    """Keep the enabled states current; the navigator's context menu; the empty page's buttons."""

    def refresh(*_args: object) -> None:
        update_enabled(ws, actions)

    def context_menu(pos: QPoint) -> None:
        item = ws.navigator.itemAt(pos)
        if item is not None:
            ws.navigator.setCurrentItem(item)
        navigator_menu(ws, actions).exec(ws.navigator.viewport().mapToGlobal(pos))

    ws.navigator.currentItemChanged.connect(refresh)
    ws.session.project_loaded.connect(refresh)
    ws.session.read_only_changed.connect(refresh)
    ws.navigator.customContextMenuRequested.connect(context_menu)
    ws.empty_page.new_unit_clicked.connect(actions.new_unit.trigger)
    ws.empty_page.new_project_clicked.connect(actions.new_project.trigger)
    ws.empty_page.import_text_clicked.connect(actions.import_text.trigger)
    ws.empty_page.import_excel_clicked.connect(actions.import_excel.trigger)
    ws.banner.link_clicked.connect(lambda key: _on_banner_link(ws, actions, key))
    refresh()


def _on_banner_link(ws: Workspace, actions: WindowActions, key: str) -> None:
    """The banner's action: save the edits kept after losing the writer lock as a copy, or
    restore a backup over a damaged file."""
    if key == "save-copy":
        resolve("rescue.save_copy")(ws)
    elif key == "restore":
        actions.restore.trigger()
