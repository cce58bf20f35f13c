"""The 文档所述 box of the 概况 tab: what an imported report states about itself — its title,
the score and grade it claims, its 合计/总分 row, 实际到位资金 — shown beside the data (审核
compares them), read-only. Hidden for a project that was not imported from a document."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QWidget

from desktop.model.money import fmt_points, fmt_yuan
from desktop.model.project import Project
from desktop.model.stated import (
    claimed_grade,
    claimed_score,
    extra_sections,
    stated_totals,
    title,
)

NOT_STATED = "（文档未写明）"


def _label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class StatedBox(QGroupBox):
    """Read-only lines of what the document states."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("文档所述（导入时读出，供审核对照）", parent)
        self.title_label = _label()
        self.score_label = _label()
        self.grade_label = _label()
        self.totals_label = _label()
        self.arrived_label = _label()
        self.extra_label = _label()
        for short in (self.score_label, self.grade_label, self.totals_label):
            short.setWordWrap(False)
        claims = QHBoxLayout()
        for caption, label in (
            ("自评得分：", self.score_label),
            ("等级：", self.grade_label),
            ("自评表合计行：", self.totals_label),
        ):
            claims.addWidget(QLabel(caption))
            claims.addWidget(label)
            claims.addSpacing(24)
        claims.addStretch(1)
        self.form = QFormLayout(self)
        self.form.addRow("文档标题：", self.title_label)
        self.form.addRow("所述：", claims)
        self.form.addRow("实际到位资金：", self.arrived_label)
        self.form.addRow("提纲外部分：", self.extra_label)
        self.hide()

    def set_project(self, project: Project | None) -> None:
        """Show what this project's document states; hide the box when it states nothing."""
        if project is None or not _states_anything(project):
            self.hide()
            return
        score = claimed_score(project)
        self.title_label.setText(title(project) or NOT_STATED)
        self.score_label.setText(f"{fmt_points(score)}分" if score is not None else NOT_STATED)
        self.grade_label.setText(claimed_grade(project) or NOT_STATED)
        totals = stated_totals(project)
        parts = [
            f"{word}{fmt_points(totals[key])}分"
            for key, word in (("weight", "分值"), ("score", "得分"))
            if key in totals
        ]
        self.totals_label.setText("，".join(parts) or NOT_STATED)
        arrived = project.extra.get("funds_arrived")
        stated_arrival = arrived not in (None, "")
        if stated_arrival:
            self.arrived_label.setText(f"{fmt_yuan(Decimal(str(arrived)))} 元")
        self.form.setRowVisible(self.arrived_label, stated_arrival)
        extras = [s["title"] for s in extra_sections(project)]
        self.extra_label.setText("、".join(extras))
        self.form.setRowVisible(self.extra_label, bool(extras))
        self.show()


def _states_anything(project: Project) -> bool:
    extra = project.extra
    return any(
        extra.get(k) not in (None, "", {}, [])
        for k in ("title", "claimed_score", "claimed_grade", "stated_totals", "funds_arrived")
    )
