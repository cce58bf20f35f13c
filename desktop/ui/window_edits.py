"""Autosave writes and the status shown for them (title, score, save state)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer

from desktop.model.money import fmt_points
from desktop.model.scoring import ScoreSummary, summarise
from desktop.model.vocabulary import vocabulary
from desktop.store import project_status, repo

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

APP_TITLE = vocabulary().app_title


def write(window: MainWindow) -> None:
    """Autosave: write what changed in one transaction (whole project, or only sections)."""
    project = window._project
    if project is None or project.id is None:
        return
    if not (window._dirty_all or window._dirty_sections or window._dirty_unit):
        return
    stored = project_status.stored_status(window.store, project.id)
    if stored is not None and stored != project.status:
        # 定稿 or 取消定稿 happened outside the editor: never overwrite it with stale status.
        project.status = stored
        if stored == "final":
            window._dirty_all = False
            window._dirty_sections.clear()
            window._dirty_unit = False
            QTimer.singleShot(0, window.reload_current)
            return
        window._dirty_all = True
    with window.store.transaction():
        if window._dirty_unit and project.unit.id is not None:
            repo.update_unit(window.store, project.unit)
        if window._dirty_all:
            repo.save_project(window.store, project)
        else:
            for key in sorted(window._dirty_sections):
                repo.save_section(window.store, project.id, key, project.section(key))
    window._dirty_all = False
    window._dirty_sections.clear()
    window._dirty_unit = False


def on_saved(window: MainWindow, stamp: str) -> None:
    """Show the time of the last write; clear a failure banner."""
    window.save_label.setText(f"已保存 {stamp}")
    window.save_label.setToolTip("所有修改都已写入数据库")
    if window.banner.kind == "error":
        window.banner.hide()
    if window._tree_stale:
        window._tree_stale = False
        window.reload_navigator()


def on_save_failed(window: MainWindow, reason: str) -> None:
    """Say loudly that edits are not in the database yet."""
    window.save_label.setText("未保存！")
    window.save_label.setToolTip(reason)
    if window.read_only_reason is None:
        window.banner.show_message(
            f"修改未能写入数据库：{reason}。修改仍保留在窗口中，程序每 5 秒自动重试；"
            "请勿关闭程序，先解决该问题（如释放磁盘空间）。",
            "error",
        )


def update_title(window: MainWindow) -> None:
    """Project, unit and year in the title; [只读] when read-only."""
    parts = []
    if window._project is not None:
        parts.append(
            f"{window._project.name}（{window._project.unit.name} {window._project.year}年度）"
        )
    parts.append(APP_TITLE)
    title = " - ".join(parts)
    if window.read_only:
        title += " [只读]"
    window.setWindowTitle(title)


def update_score(window: MainWindow) -> None:
    """Total score and grade of the current project in the status bar."""
    if window._project is None or window._form is None:
        window.score_label.setText("")
        return
    summary = _grid_summary(window) or summarise(window._project, window._form)
    window.score_label.setText(f"总分 {fmt_points(summary.entered_total)} 分　等级 {summary.grade}")
    window.score_label.setToolTip(
        f"建议总分 {fmt_points(summary.suggested_total)} 分（{summary.suggested_grade}）；"
        f"分值合计 {fmt_points(summary.weight_total)}"
    )


def _grid_summary(window: MainWindow) -> ScoreSummary | None:
    """The grid's incrementally kept totals when it shows the current project (500 rows: <1 ms)."""
    grid = window.grid
    summary = getattr(grid, "summary", None)
    model = grid.model() if hasattr(grid, "model") else None
    if summary is None or getattr(model, "project", None) is not window._project:
        return None
    result = summary()
    return result if isinstance(result, ScoreSummary) else None
