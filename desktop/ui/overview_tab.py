"""The 概况 tab: project fields, 年度总体目标 and the funds editor."""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtGui import QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.model.findings import Finding
from desktop.model.profiles import DEPARTMENT_FORM
from desktop.model.project import SOURCES, YEAR_MAX, YEAR_MIN, Project
from desktop.ui.fields_box import FieldsBox
from desktop.ui.funds_editor import FundsEditor
from desktop.ui.profile_box import ProfileBox
from desktop.ui.stated_box import StatedBox
from desktop.ui.undo import SwapCommand, push

if TYPE_CHECKING:
    from desktop.ui.dept_editor import DeptEditor

NO_DATE = QDate(YEAR_MIN - 1, 1, 1)


class OverviewTab(QScrollArea):
    """Edits the project's own fields in place; emits ``edited(field)`` after each change.

    The 收支情况 editor of a department report is built when a department report is first shown
    (or ``dept`` is asked for): most files hold project reports only.
    """

    edited = Signal(str)

    def __init__(self, forms: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self._project: Project | None = None
        self._loading = False
        self.undo_stack: QUndoStack | None = None
        page = QWidget()
        self.setWidget(page)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("项目名称")
        self.unit_edit = QLineEdit()
        self.unit_edit.setReadOnly(True)
        self.unit_edit.setToolTip("实施单位在左侧目录中右键“重命名”修改")
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText("主管部门，如：某区人民政府")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(YEAR_MIN, YEAR_MAX)
        self.year_spin.setSuffix(" 年度")
        self.form_combo = QComboBox()
        self.form_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.form_combo.setMinimumContentsLength(10)
        for key, title in forms:
            self.form_combo.addItem(title, key)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy年M月d日")
        self.date_edit.setMinimumDate(NO_DATE)
        self.date_edit.setSpecialValueText("未填写")
        self.date_edit.setDate(NO_DATE)
        self.goal_target_edit = QPlainTextEdit()
        self.goal_target_edit.setPlaceholderText("年度总体目标（预期目标）")
        self.goal_actual_edit = QPlainTextEdit()
        self.goal_actual_edit.setPlaceholderText("实际完成情况")
        self.funds = FundsEditor()
        self.funds_box = QGroupBox("项目资金（元）")
        QVBoxLayout(self.funds_box).addWidget(self.funds)
        self._dept: DeptEditor | None = None
        self._dept_findings: list[Finding] = []
        self._read_only = False
        self.dept_box = QGroupBox("收支情况（元）")
        QVBoxLayout(self.dept_box)
        self.dept_box.hide()
        self.profile_box = ProfileBox()
        self.stated_box = StatedBox()

        layout = QVBoxLayout(page)
        layout.addWidget(self._basic_box())
        layout.addWidget(self.stated_box)
        layout.addWidget(self.funds_box)
        layout.addWidget(self.dept_box)
        layout.addWidget(self.profile_box)
        layout.addWidget(self._goals_box())
        layout.addStretch(1)
        self._connect()

    def _basic_box(self) -> FieldsBox:
        year_and_form = QWidget()
        row = QHBoxLayout(year_and_form)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year_spin)
        row.addWidget(QLabel("报告类型："))
        row.addWidget(self.form_combo, 1)
        self.basic_box = FieldsBox(
            "项目信息",
            [
                [("项目名称：", self.name_edit)],
                [("实施单位：", self.unit_edit), ("主管部门：", self.department_edit)],
                [("年度：", year_and_form), ("成文日期：", self.date_edit)],
            ],
        )
        return self.basic_box

    def viewportEvent(self, event: QEvent) -> bool:
        """The 项目信息 fields wrap into one column when the page is too narrow for two."""
        page = self.widget()
        layout = page.layout() if page is not None else None
        if isinstance(event, QResizeEvent) and layout is not None:
            margins = layout.contentsMargins()
            # The event's size, not self.viewport(): wrapping the viewport for Python makes
            # PySide6 load every QWidget subclass it knows (some 10 ms before the first paint).
            self.basic_box.fit(event.size().width() - margins.left() - margins.right())
        return super().viewportEvent(event)

    def _goals_box(self) -> QGroupBox:
        goals = QGroupBox("年度总体目标")
        goals_layout = QFormLayout(goals)
        for edit in (self.goal_target_edit, self.goal_actual_edit):
            edit.setMinimumHeight(56)
            edit.setMaximumHeight(90)
        goals_layout.addRow("预期目标：", self.goal_target_edit)
        goals_layout.addRow("实际完成情况：", self.goal_actual_edit)
        return goals

    def _connect(self) -> None:
        self.name_edit.textEdited.connect(self._on_name)
        self.department_edit.textEdited.connect(self._on_department)
        self.year_spin.valueChanged.connect(self._on_year)
        self.form_combo.currentIndexChanged.connect(self._on_form)
        self.date_edit.dateChanged.connect(self._on_date)
        self.goal_target_edit.textChanged.connect(self._on_goal_target)
        self.goal_actual_edit.textChanged.connect(self._on_goal_actual)
        self.funds.edited.connect(lambda: self.edited.emit("funds"))
        self.profile_box.edited.connect(self._emit)
        self.profile_box.change_requested.connect(self._on_profile_change)

    @property
    def dept(self) -> DeptEditor:
        """The 收支情况 editor (built now if it was not yet)."""
        if self._dept is None:
            from desktop.ui.dept_editor import DeptEditor

            editor = DeptEditor()
            editor.undo_stack = self.undo_stack
            editor.edited.connect(lambda: self.edited.emit("dept"))
            layout = self.dept_box.layout()
            assert layout is not None
            layout.addWidget(editor)
            editor.set_project(self._project)
            editor.set_findings(self._dept_findings)
            editor.set_read_only(self._read_only)
            self._dept = editor
        return self._dept

    def _dept_if_needed(self) -> DeptEditor | None:
        """The editor when it exists or the project is a department report (it is built then)."""
        project = self._project
        if self._dept is None and (project is None or project.form != DEPARTMENT_FORM):
            return None
        return self.dept

    def set_project(self, project: Project | None) -> None:
        """Show a project's fields (or an empty page)."""
        self._project = project
        self._loading = True
        try:
            self.name_edit.setText(project.name if project else "")
            self.name_edit.setStyleSheet("")
            self.name_edit.setToolTip("")
            self.unit_edit.setText(project.unit.name if project else "")
            self.department_edit.setText(project.unit.department if project else "")
            self.year_spin.setValue(project.year if project else dt.date.today().year)
            index = self.form_combo.findData(project.form) if project else 0
            self.form_combo.setCurrentIndex(max(index, 0))
            signed = project.signed_date if project else None
            self.date_edit.setDate(
                QDate(signed.year, signed.month, signed.day) if signed else NO_DATE
            )
            self.goal_target_edit.setPlainText(project.goals.target if project else "")
            self.goal_actual_edit.setPlainText(project.goals.actual if project else "")
        finally:
            self._loading = False
        self.funds.set_project(project)
        if (editor := self._dept_if_needed()) is not None:
            editor.set_project(project)
        self.profile_box.set_project(project)
        self.stated_box.set_project(project)
        self._show_kind()

    def _show_kind(self) -> None:
        """A department report edits its 收支情况 and only the 年度资金总额 funds row."""
        project = self._project
        department = project is not None and project.form == DEPARTMENT_FORM
        self.dept_box.setVisible(department)
        self.funds_box.setTitle("年度资金（元）" if department else "项目资金（元）")
        for r, source in enumerate(SOURCES):
            self.funds.table.setRowHidden(r, department and source != "total")
        self.funds.fit_height()

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint what the 审核 names on this tab (a department's breakdowns)."""
        self._dept_findings = findings
        if self._dept is not None:
            self._dept.set_findings(findings)

    def show_name(self) -> None:
        """Show the project's name after it was changed elsewhere (重命名)."""
        project = self._project
        if project is None or self.name_edit.text().strip() == project.name:
            return
        self._loading = True
        try:
            self.name_edit.setText(project.name)
        finally:
            self._loading = False

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        for edit in (self.name_edit, self.department_edit):
            edit.setReadOnly(flag)
        for plain in (self.goal_target_edit, self.goal_actual_edit):
            plain.setReadOnly(flag)
        for widget in (self.year_spin, self.form_combo, self.date_edit):
            widget.setEnabled(not flag)
        self.funds.set_read_only(flag)
        self._read_only = flag
        if self._dept is not None:
            self._dept.set_read_only(flag)
        self.profile_box.set_read_only(flag)

    def focus_field(self, name: str) -> None:
        """Put the cursor into the widget of a project field (from a finding)."""
        widgets: dict[str, QWidget] = {
            "name": self.name_edit,
            "unit": self.unit_edit,
            "department": self.department_edit,
            "year": self.year_spin,
            "form": self.form_combo,
            "signed_date": self.date_edit,
            "goals": self.goal_target_edit,
            "goal_target": self.goal_target_edit,
            "target": self.goal_target_edit,
            "goal_actual": self.goal_actual_edit,
            "actual": self.goal_actual_edit,
            "profile": self.profile_box.combo,
            "execution_reason": self.profile_box.reason_edit,
            "claimed_score": self.stated_box,
            "claimed_grade": self.stated_box,
        }
        widget = widgets.get(name, self.name_edit)
        self.ensureWidgetVisible(widget)
        widget.setFocus()

    def _emit(self, field: str) -> bool:
        if self._loading or self._project is None:
            return False
        self.edited.emit(field)
        return True

    def _on_name(self, text: str) -> None:
        if self._loading or self._project is None:
            return
        if not text.strip():
            self.name_edit.setStyleSheet("background: #f8c8c8;")
            self.name_edit.setToolTip("项目名称不能为空，未保存")
            return
        self.name_edit.setStyleSheet("")
        self.name_edit.setToolTip("")
        self._project.name = text.strip()
        self._emit("name")

    def _on_department(self, text: str) -> None:
        if self._project is not None and not self._loading:
            self._project.unit.department = text.strip()
            self._emit("department")

    def _on_year(self, value: int) -> None:
        if self._project is not None and not self._loading:
            self._change("year", "年度", value)

    def _on_form(self, index: int) -> None:
        if self._project is not None and not self._loading and index >= 0:
            self._change("form", "报告类型", str(self.form_combo.itemData(index)))

    def _on_date(self, date: QDate) -> None:
        if self._project is not None and not self._loading:
            value = None if date == NO_DATE else dt.date(date.year(), date.month(), date.day())
            self._change("signed_date", "成文日期", value)

    def _on_profile_change(self, field: str, key: object) -> None:
        if self._project is not None and not self._loading:
            label = "自评表格式" if field == "profile" else "单位默认格式"
            self._change(field, label, key)

    def _change(self, field: str, label: str, value: object) -> None:
        """Apply a field change, through the undo stack when there is one."""
        project = self._project
        if project is None:
            return
        old = project.unit.profile if field == "unit_profile" else getattr(project, field)
        put = functools.partial(self.apply_field, project, field)
        push(self.undo_stack, SwapCommand(f"修改{label}", put, old, value))

    def apply_field(self, project: Project, field: str, value: object) -> None:
        """Set a project field and show it (undo/redo of year, report type, 成文日期, profile)."""
        if field == "unit_profile":
            project.unit.profile = str(value or "")
        else:
            setattr(project, field, value)
        if project is self._project:
            self._loading = True
            try:
                if field == "year" and isinstance(value, int):
                    self.year_spin.setValue(value)
                elif field == "form":
                    self.form_combo.setCurrentIndex(max(self.form_combo.findData(value), 0))
                    if (editor := self._dept_if_needed()) is not None:
                        editor.set_project(project)
                    self._show_kind()
                elif field == "signed_date":
                    signed = value if isinstance(value, dt.date) else None
                    self.date_edit.setDate(
                        QDate(signed.year, signed.month, signed.day) if signed else NO_DATE
                    )
            finally:
                self._loading = False
            if field in ("form", "profile", "unit_profile"):
                self.profile_box.refresh()
            self._emit(field)

    def _on_goal_target(self) -> None:
        if self._project is not None and not self._loading:
            self._project.goals.target = self.goal_target_edit.toPlainText()
            self._emit("goal_target")

    def _on_goal_actual(self) -> None:
        if self._project is not None and not self._loading:
            self._project.goals.actual = self.goal_actual_edit.toPlainText()
            self._emit("goal_actual")
