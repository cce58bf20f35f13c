"""What the window says about the session: title, banner, score, save state, 定稿 fingerprint."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from desktop.model.money import fmt_points
from desktop.model.project import Project
from desktop.model.scoring import summarise
from desktop.model.stated import reported_total
from desktop.model.vocabulary import vocabulary
from desktop.store import revisions
from desktop.ui.editor_tabs import EditorTabs
from desktop.ui.session import EditorSession
from desktop.ui.widgets import Banner

APP_TITLE = vocabulary().app_title


class WindowStatus:
    """Keeps the title, the banner and the status bar in step with the session's signals."""

    def __init__(
        self, window: QMainWindow, session: EditorSession, banner: Banner, tabs: EditorTabs
    ) -> None:
        self.window = window
        self.session = session
        self.banner = banner
        self.tabs = tabs
        self.final_label = QLabel()
        self.final_label.setStyleSheet(
            "QLabel { color: #1f5f1f; font-weight: bold; padding: 0 6px; }"
        )
        self.score_label = QLabel("")
        self.save_label = QLabel("自动保存已开启")
        bar = window.statusBar()
        for label in (self.score_label, self.save_label, self.final_label):
            bar.addPermanentWidget(label)
        session.project_loaded.connect(self._on_project_loaded)
        session.read_only_changed.connect(self._on_read_only_changed)
        session.field_changed.connect(self._on_field_changed)
        session.changed.connect(self.update_score)
        session.saved.connect(self._on_saved)
        session.save_failed.connect(self._on_save_failed)
        session.save_pending.connect(lambda: self.save_label.setText("有修改，正在保存…"))
        session.message.connect(lambda text: self.say(text, 8000))
        session.lock_lost.connect(self._on_lock_lost)
        session.lock_regained.connect(self._on_lock_regained)

    def say(self, text: str, msec: int = 5000) -> None:
        """A passing note in the status bar."""
        self.window.statusBar().showMessage(text, msec)

    # ----- title and score ------------------------------------------------------------------
    def update_title(self) -> None:
        """Project, unit and year in the title; [只读] when read-only."""
        project = self.session.project
        parts = []
        if project is not None:
            parts.append(f"{project.name}（{project.unit.name} {project.year}年度）")
        parts.append(APP_TITLE)
        title = " - ".join(parts)
        if self.session.read_only:
            title += " [只读]"
        self.window.setWindowTitle(title)

    def update_score(self) -> None:
        """Total score and grade of the current project in the status bar."""
        project, form = self.session.project, self.session.form
        if project is None or form is None:
            self.score_label.setText("")
            return
        # The grid keeps the totals incrementally (500 rows: < 1 ms) when it shows the project.
        grid = self.tabs.built_grid()
        shown = grid is not None and grid.model().project is project
        summary = (grid.summary() if grid is not None and shown else None) or summarise(
            project, form
        )
        reported = reported_total(
            project, summary.entered_total, summary.grade, form.scoring.grades
        )
        if reported.source == "stated":  # no indicator table: what the document states
            said = f"{fmt_points(reported.total)} 分" if reported.total is not None else "未写明"
            self.score_label.setText(f"报告所述总分 {said}　等级 {reported.grade or '未写明'}")
            self.score_label.setToolTip(
                "没有绩效指标表，无法按指标计算得分；显示的是报告自己写的得分"
            )
            return
        self.score_label.setText(
            f"总分 {fmt_points(summary.entered_total)} 分　等级 {summary.grade}"
        )
        self.score_label.setToolTip(
            f"建议总分 {fmt_points(summary.suggested_total)} 分（{summary.suggested_grade}）；"
            f"分值合计 {fmt_points(summary.weight_total)}"
        )

    # ----- following the session ------------------------------------------------------------
    def _on_project_loaded(self, project: Project | None) -> None:
        self._show_project_state(project)
        self.update_title()
        self.update_score()
        self._show_fingerprint(project)

    def _on_read_only_changed(self, reason: str | None) -> None:
        if reason is not None:
            # a damaged file offers its remedy right in the banner
            link = ("restore", "恢复备份…") if self.session.store.damaged else None
            self.banner.show_message(reason, "readonly", link)
            self.save_label.setText("只读")
            self.save_label.setToolTip(reason)
        else:
            self.banner.hide()
            self.save_label.setText("自动保存已开启")
            self.save_label.setToolTip("")
        self._show_project_state(self.session.project)
        self.update_title()

    def _on_lock_lost(self, reason: str) -> None:
        self.save_label.setText("未保存！" if self.session.unsaved else "只读")
        self.save_label.setToolTip(reason)
        link = ("save-copy", "另存为副本…") if self.session.unsaved else None
        self.banner.show_message(reason, "error", link)

    def _on_lock_regained(self, note: str) -> None:
        self.save_label.setText("自动保存已开启")
        self.save_label.setToolTip("")
        self.banner.show_message(note, "notice")
        self.say(note, 15000)

    def _on_field_changed(self, name: str) -> None:
        if name in ("name", "year"):
            self.update_title()

    def _show_project_state(self, project: Project | None) -> None:
        """The 已定稿 note, unless a read-only or save-failure banner is more important."""
        if self.session.read_only_reason is not None or self.banner.kind in ("error", "notice"):
            return
        if project is not None and project.is_final:
            self.banner.show_message(
                f"“{project.name}”已定稿，内容不能再修改；如需修改，请先取消定稿。", "info"
            )
        elif self.banner.kind == "info":
            self.banner.hide()

    def _show_fingerprint(self, project: Project | None) -> None:
        if project is None or project.id is None or not project.is_final:
            self.final_label.setText("")
            self.final_label.setToolTip("")
            return
        from desktop.model.snapshot import short_fingerprint  # hashlib: only for 定稿 projects

        fingerprint = revisions.latest_fingerprint(self.session.store, project.id) or ""
        self.final_label.setText(f"已定稿（只读）· 指纹 {short_fingerprint(fingerprint)}")
        self.final_label.setToolTip(fingerprint)

    def _on_saved(self, stamp: str) -> None:
        self.save_label.setText(f"已保存 {stamp}")
        self.save_label.setToolTip("所有修改都已写入数据库")
        if self.banner.kind in ("error", "notice"):
            self.banner.hide()
            self._show_project_state(self.session.project)

    def _on_save_failed(self, reason: str) -> None:
        self.save_label.setText("未保存！")
        self.save_label.setToolTip(reason)
        if self.session.read_only_reason is None:
            self.banner.show_message(
                f"修改未能写入数据库：{reason}。修改仍保留在窗口中，程序每 5 秒自动重试；"
                "请勿关闭程序，先解决该问题（如释放磁盘空间）。",
                "error",
            )
