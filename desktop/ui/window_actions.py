"""Menus, toolbar and shortcuts of the main window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QStyle

from desktop.ui import db_actions, project_actions

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

SP = QStyle.StandardPixmap
WRITE_ACTIONS = ("new_unit", "new_project", "rename", "copy_next_year", "delete", "restore")
PROJECT_ACTIONS = ("rename", "copy_next_year", "delete")


def _action(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    icon: SP | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if icon is not None:
        action.setIcon(window.style().standardIcon(icon))
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    window.actions_by_name[name] = action
    return action


def build(window: MainWindow) -> None:
    """Create the menus (文件 编辑 项目 导出 帮助), the toolbar and the navigator context menu."""
    a = window.actions_by_name
    _action(
        window,
        "new_unit",
        "新建单位…",
        lambda: project_actions.new_unit(window),
        None,
        SP.SP_FileDialogNewFolder,
        "新建一个实施单位",
    )
    _action(
        window,
        "new_project",
        "新建项目…",
        lambda: project_actions.new_project(window),
        QKeySequence.StandardKey.New,
        SP.SP_FileIcon,
        "新建项目（Ctrl+N）",
    )
    _action(
        window,
        "save",
        "保存",
        lambda: project_actions.save_now(window),
        QKeySequence.StandardKey.Save,
        SP.SP_DialogSaveButton,
        "修改会自动保存（Ctrl+S）",
    )
    _action(
        window,
        "backup",
        "备份数据库…",
        lambda: db_actions.backup(window),
        None,
        SP.SP_DriveHDIcon,
        "把整个数据库备份到一个文件",
    )
    _action(
        window,
        "restore",
        "恢复备份…",
        lambda: db_actions.restore(window),
        None,
        SP.SP_BrowserReload,
        "用备份文件替换当前数据库",
    )
    _action(
        window,
        "recycle_bin",
        "回收站…",
        lambda: project_actions.recycle_bin(window),
        None,
        SP.SP_TrashIcon,
        "查看并恢复已删除的项目",
    )
    _action(
        window, "quit", "退出", window.close, QKeySequence.StandardKey.Quit, SP.SP_DialogCloseButton
    )
    quit_keys = [*QKeySequence.keyBindings(QKeySequence.StandardKey.Quit), QKeySequence("Ctrl+Q")]
    a["quit"].setShortcuts(list({k.toString(): k for k in quit_keys}.values()))
    undo = window.undo_stack.createUndoAction(window, "撤销")
    undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
    undo.setIcon(window.style().standardIcon(SP.SP_ArrowBack))
    redo = window.undo_stack.createRedoAction(window, "重做")
    redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence(QKeySequence.StandardKey.Redo)])
    redo.setIcon(window.style().standardIcon(SP.SP_ArrowForward))
    a["undo"], a["redo"] = undo, redo
    _action(
        window,
        "rename",
        "重命名…",
        lambda: project_actions.rename(window),
        "F2",
        None,
        "重命名所选单位或项目",
    )
    _action(
        window,
        "copy_next_year",
        "复制为下一年度",
        lambda: project_actions.copy_next_year(window),
        None,
        SP.SP_FileDialogDetailedView,
        "以所选项目为底稿新建下一年度的项目",
    )
    _action(
        window,
        "delete",
        "删除项目…",
        lambda: project_actions.delete_project(window),
        None,
        SP.SP_TrashIcon,
        "把所选项目移入回收站（可恢复）",
    )
    _action(
        window,
        "check",
        "重新审核",
        window.refresh_findings,
        "F5",
        SP.SP_MessageBoxWarning,
        "重新审核当前项目（F5）",
    )
    _action(
        window,
        "about",
        "关于…",
        lambda: project_actions.about(window),
        None,
        SP.SP_MessageBoxInformation,
    )
    _action(
        window,
        "data_location",
        "数据文件位置…",
        lambda: project_actions.data_location(window),
        None,
        SP.SP_DirIcon,
    )

    bar = window.menuBar()
    window.menu_file = bar.addMenu("文件(&F)")
    window.menu_edit = bar.addMenu("编辑(&E)")
    window.menu_project = bar.addMenu("项目(&P)")
    window.menu_export = bar.addMenu("导出(&X)")
    window.menu_help = bar.addMenu("帮助(&H)")
    for name in ("new_unit", "new_project", "save"):
        window.menu_file.addAction(a[name])
    window.menu_file.addSeparator()
    for name in ("backup", "restore", "recycle_bin"):
        window.menu_file.addAction(a[name])
    window.menu_edit.addAction(undo)
    window.menu_edit.addAction(redo)
    window.menu_edit.addSeparator()
    window.menu_edit.addAction(window.nav_dock.toggleViewAction())
    window.menu_edit.addAction(window.findings_dock.toggleViewAction())
    for name in ("new_project", "rename", "copy_next_year", "delete"):
        window.menu_project.addAction(a[name])
    window.menu_project.addSeparator()
    window.menu_project.addAction(a["recycle_bin"])
    window.menu_project.addAction(a["check"])
    window.menu_help.addAction(a["data_location"])
    window.menu_help.addAction(a["about"])

    toolbar = window.addToolBar("常用")
    toolbar.setObjectName("main_toolbar")
    toolbar.setIconSize(QSize(20, 20))
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for name in ("new_project", "save"):
        toolbar.addAction(a[name])
    toolbar.addSeparator()
    toolbar.addAction(undo)
    toolbar.addAction(redo)
    toolbar.addSeparator()
    for name in ("delete", "check"):
        toolbar.addAction(a[name])
    window.toolbar = toolbar

    window.navigator.customContextMenuRequested.connect(lambda pos: _navigator_menu(window, pos))
    # F2 and Delete act on the navigator only (the grid and the editors use those keys too).
    a["delete"].setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    for name in ("rename", "delete"):
        a[name].setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        window.navigator.addAction(a[name])
    window.navigator.currentItemChanged.connect(lambda *_: update_enabled(window))
    window.empty_page.new_unit_clicked.connect(a["new_unit"].trigger)
    window.empty_page.new_project_clicked.connect(a["new_project"].trigger)


def finish_menus(window: MainWindow) -> None:
    """After the feature modules: 退出 last in 文件; a note when nothing can be exported yet."""
    window.menu_file.addSeparator()
    window.menu_file.addAction(window.actions_by_name["quit"])
    if not window.menu_export.actions():
        note = window.menu_export.addAction("（尚无可用的导出功能）")
        note.setEnabled(False)


def _navigator_menu(window: MainWindow, pos: QPoint) -> None:
    item = window.navigator.itemAt(pos)
    if item is not None:
        window.navigator.setCurrentItem(item)
    menu = navigator_menu(window)
    menu.exec(window.navigator.viewport().mapToGlobal(pos))


def navigator_menu(window: MainWindow) -> QMenu:
    """The context menu of the navigator for the current item."""
    a = window.actions_by_name
    update_enabled(window)
    menu = QMenu(window)
    menu.addAction(a["new_unit"])
    menu.addAction(a["new_project"])
    menu.addSeparator()
    menu.addAction(a["rename"])
    menu.addAction(a["copy_next_year"])
    menu.addAction(a["delete"])
    menu.addSeparator()
    menu.addAction(a["recycle_bin"])
    return menu


def update_enabled(window: MainWindow) -> None:
    """Enable what makes sense for the selection and the read-only state."""
    a = window.actions_by_name
    if not a:
        return
    kind, _, _, _ = window.navigator.current_info()
    has_project = window.current_project() is not None and kind == "project"
    writable = not window.read_only
    for name in WRITE_ACTIONS:
        a[name].setEnabled(writable)
    a["restore"].setEnabled(writable or window.store.damaged)  # a damaged file is restored
    a["rename"].setEnabled(writable and kind in ("unit", "project"))
    a["delete"].setEnabled(writable and has_project)
    a["copy_next_year"].setEnabled(writable and has_project)
    window.empty_page.new_unit_button.setEnabled(writable)
    window.empty_page.new_project_button.setEnabled(writable)
