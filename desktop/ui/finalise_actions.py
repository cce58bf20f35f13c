"""项目 menu: 定稿…, 撤销定稿…, 版本记录… of the main window (dialogs in revisions_dialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.model.errors import UserError
from desktop.store import revisions
from desktop.ui.revisions_dialog import FinaliseDialog, ReasonDialog, RevisionsDialog
from desktop.ui.workspace import Workspace


def finalise(ws: Workspace) -> str | None:
    """定稿: show what blocks it or the warnings to confirm, then freeze; returns the fingerprint."""
    session = ws.session
    session.flush()
    project = session.project
    if project is None or project.id is None:
        return None
    session.forget_siblings()
    session.refresh_findings()
    dialog = FinaliseDialog(project.name, session.findings, ws.window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.blocked:
        if dialog.jump_target is not None:
            ws.jump_to(dialog.jump_target)
        return None
    try:
        session.check_can_write()
        fingerprint = revisions.finalise(ws.store, project.id)
    except UserError as exc:
        QMessageBox.warning(ws.window, "不能定稿", exc.message)
        return None
    ws.reload_current()
    QMessageBox.information(
        ws.window,
        "已定稿",
        f"项目“{project.name}”已定稿，现为只读。\n指纹（SHA-256）：\n{fingerprint}",
    )
    return fingerprint


def unfinalise(ws: Workspace) -> bool:
    """撤销定稿 (a reason is required): the project can be edited again."""
    project = ws.session.project
    if project is None or project.id is None or not project.is_final:
        return False
    dialog = ReasonDialog(project.name, ws.window)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.text():
        return False
    try:
        ws.session.check_can_write()
        revisions.unfinalise(ws.store, project.id, reason=dialog.text())
    except UserError as exc:
        QMessageBox.warning(ws.window, "不能撤销定稿", exc.message)
        return False
    ws.reload_current()
    return True


def history(ws: Workspace) -> None:
    """版本记录: the 定稿 versions of the current project, two of them compared."""
    project = ws.session.project
    if project is not None and project.id is not None:
        RevisionsDialog(ws.store, project.id, ws.window).exec()
