"""项目 → 记录批复目标 and 生成整改事项: the actions of the year's cycle.

记录批复目标 records the project's indicators (三级指标, 指标值, 分值) as the targets approved with
the budget; from then on the 审核 names every change. Recording, re-recording and clearing are
undoable.
"""

from __future__ import annotations

import copy
import functools

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.model.baseline import BaselineIndicator, compare, from_indicators
from desktop.model.project import Project
from desktop.ui import dialogs
from desktop.ui.session import EditorSession
from desktop.ui.undo import SwapCommand
from desktop.ui.workspace import Workspace

RERECORD, CLEAR = "rerecord", "clear"
TITLE = "记录批复目标"


def _put_baseline(
    session: EditorSession, project: Project, baseline: list[BaselineIndicator]
) -> None:
    """Set a copy of ``baseline`` as the project's approved targets (undo/redo)."""
    project.baseline = copy.deepcopy(baseline)
    if session.project is project:
        session.mark_changed()
        session.refresh_findings()


def baseline_command(
    session: EditorSession, project: Project, after: list[BaselineIndicator], text: str
) -> SwapCommand:
    """Replace a project's approved targets (record, re-record, clear), undoable."""
    put = functools.partial(_put_baseline, session, project)
    return SwapCommand(text, put, copy.deepcopy(project.baseline), copy.deepcopy(after))


def choose(parent: QWidget | None, title: str, text: str, details: str) -> str | None:
    """Re-record, clear or cancel (None) for a project that has approved targets."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setDetailedText(details)
    again = box.addButton("按当前指标重新记录", QMessageBox.ButtonRole.AcceptRole)
    clear = box.addButton("清除批复目标", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return RERECORD if clicked is again else CLEAR if clicked is clear else None


def _listing(baseline: list[BaselineIndicator]) -> str:
    lines = []
    for b in baseline:
        weight = f"（分值 {b.weight:f}）" if b.weight is not None else ""
        lines.append(f"{b.level1}/{b.level2}/{b.level3}：{b.target}{weight}")
    return "\n".join(lines)


def record_baseline(ws: Workspace) -> bool:
    """Record the indicators as the approved targets (asking first); True when recorded/changed."""
    session = ws.session
    project = session.project
    if project is None or not session.editable:
        return False
    current = from_indicators(project.indicators)
    if not project.baseline:
        if not current:
            dialogs.info(
                ws.window, TITLE, "本项目还没有绩效指标，请先在“绩效指标”页填写批复的指标。"
            )
            return False
        if not dialogs.confirm(
            ws.window,
            TITLE,
            f"把当前 {len(current)} 项绩效指标的指标值和分值记录为批复的绩效目标？\n\n"
            "记录后，审核会指出与批复目标不一致的指标值、分值和被删去的指标。"
            "批复目标随项目保存、导出，复制为下一年度时不会带入。",
        ):
            return False
        session.undo_stack.push(baseline_command(session, project, current, TITLE))
        ws.say(f"已记录批复目标 {len(current)} 项")
        return True
    diffs = [d for d in compare(project.baseline, project.indicators) if d.kind != "added"]
    text = (
        f"本项目已记录批复目标 {len(project.baseline)} 项，"
        + (f"当前有 {len(diffs)} 处与之不一致（见审核）。" if diffs else "当前指标与之一致。")
        + "\n批复后的目标一般不得调整；确需调整并已重新批复的，可按当前指标重新记录。"
    )
    answer = choose(ws.window, TITLE, text, _listing(project.baseline))
    if answer == RERECORD:
        session.undo_stack.push(baseline_command(session, project, current, "重新记录批复目标"))
        ws.say(f"已按当前指标重新记录批复目标 {len(current)} 项")
        return True
    if answer == CLEAR:
        session.undo_stack.push(baseline_command(session, project, [], "清除批复目标"))
        ws.say("已清除批复目标")
        return True
    return False


def generate_rectifications(ws: Workspace) -> int:
    """从“存在的问题”生成整改事项 (the 整改 tab's button, from the menu)."""
    tabs = ws.tabs
    tabs.setCurrentWidget(tabs.rectification)
    return tabs.rectification.generate()
