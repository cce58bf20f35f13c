"""Edits kept after the window lost the writer lock: saved as a copy, never over others' work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from desktop.model.errors import UserError
from desktop.ui import dialogs
from desktop.ui.workspace import Workspace

COPY_FILTER = "项目文件 (*.json)"


def save_copy(ws: Workspace) -> Path | None:
    """Ask for a file and write the edited project (with what was not saved) there as JSON.

    The file is a jixiao.project/1 document: 导入 JSON (or ``jixiao import-json``) brings it back
    as a new draft.
    """
    from desktop.exchange.jsonio import write_projects

    rescued = ws.session.rescue_copy()
    if rescued is None:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M")
    suggested = (
        f"{ws.session.project.name if ws.session.project else '项目'}-未保存的修改-{stamp}.json"
    )
    out = dialogs.save_file(ws.window, "另存为副本", suggested, COPY_FILTER)
    if out is None:
        return None
    if out.suffix.lower() != ".json":
        out = out.with_name(out.name + ".json")
    try:
        write_projects([rescued], out)
    except UserError as exc:
        dialogs.error(ws.window, "另存为副本", f"未能保存：{exc}")
        return None
    ws.say(f"未保存的修改已另存到 {out}（可用“导入 JSON”导入为新项目）", 15000)
    return out
