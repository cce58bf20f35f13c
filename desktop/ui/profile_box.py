"""The 自评表格式 box of the 概况 tab: the project's rule profile, the unit's default, and the
cells the profile's 自评表 adds (四川: 原因 and the signature names; 云南: 其他需要说明事项).

Choosing a profile or making it the unit's default is asked of the owner (``change_requested``),
which applies it through the undo stack; the cells are edited in place (``edited``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model.errors import UserError
from desktop.model.profile_rows import OTHER_NOTES_KEY, REASON_KEY, SIGNATURES_KEY, extra_text
from desktop.model.profiles import Profile, available_profiles, load_profile
from desktop.model.project import DEFAULT_PROFILE, Project
from desktop.ui.section_tabs import count_chars

OVER_STYLE = "color: #b00000; font-weight: bold;"
NOT_COVERED = "（无此类报表，按全国通用版式）"


def profile_choices() -> list[Profile]:
    """Every rule profile that can be read, the default first (as `jixiao profiles`)."""
    out: list[Profile] = []
    for key in available_profiles():
        try:
            out.append(load_profile(key))
        except UserError:
            continue
    return out


class ProfileBox(QGroupBox):
    """Profile combo, unit default, and the profile's own cells of the current project."""

    edited = Signal(str)  # "profile_cells"
    change_requested = Signal(str, object)  # ("profile" | "unit_profile", key)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("自评表格式（省份规则）", parent)
        self._project: Project | None = None
        self._loading = False
        self._read_only = False
        self._profiles = {p.key: p for p in profile_choices()}
        self.combo = QComboBox()
        self.combo.setAccessibleName("自评表格式")
        # Long names must not widen the page: the list shows them whole when it opens.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(14)
        for p in self._profiles.values():
            self.combo.addItem(p.name, p.key)
        self.combo.setToolTip(
            "导出的 Excel 与 PDF 自评表按所选省份的表格式样排版（jixiao profiles）"
        )
        self.unit_label = QLabel()
        self.unit_button = QPushButton("设为本单位默认")
        self.unit_button.setToolTip("本单位以后新建的项目使用这一格式")
        self.sources = QLabel()
        self.sources.setWordWrap(True)
        self.sources.setOpenExternalLinks(False)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setAccessibleName("预算执行原因")
        self.reason_edit.setMaximumHeight(70)
        self.reason_count = QLabel()
        self.other_edit = QPlainTextEdit()
        self.other_edit.setAccessibleName("其他需要说明事项")
        self.other_edit.setMaximumHeight(60)
        self.signature_edits: dict[str, QLineEdit] = {}
        self.reason_label, self.other_label = QLabel(), QLabel()
        reason_row = QWidget()
        reason_box = QVBoxLayout(reason_row)
        reason_box.setContentsMargins(0, 0, 0, 0)
        reason_box.addWidget(self.reason_edit)
        reason_box.addWidget(self.reason_count)
        self.signatures = QWidget()
        self.signature_form = QFormLayout(self.signatures)
        self.signature_form.setContentsMargins(0, 0, 0, 0)
        self.cells = QFormLayout()
        self.cells.addRow(self.reason_label, reason_row)
        self.cells.addRow(self.other_label, self.other_edit)
        self.cells.addRow(self.signatures)
        self._reason_row = reason_row
        row = QHBoxLayout()
        row.addWidget(QLabel("格式："))
        row.addWidget(self.combo, 1)
        row.addWidget(self.unit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.unit_label)
        layout.addWidget(self.sources)
        layout.addLayout(self.cells)
        self.combo.currentIndexChanged.connect(self._on_combo)
        self.unit_button.clicked.connect(self._on_unit_default)
        self.reason_edit.textChanged.connect(self._on_reason)
        self.other_edit.textChanged.connect(self._on_other)

    # ----- showing ---------------------------------------------------------------------------
    def set_project(self, project: Project | None) -> None:
        """Show a project's profile, its unit's default and the profile's cells."""
        self._project = project
        self.refresh()

    def refresh(self) -> None:
        """Show the current values again (after a change of profile, unit default or form)."""
        project = self._project
        self._loading = True
        try:
            key = project.profile if project else DEFAULT_PROFILE
            for i in range(self.combo.count()):
                p = self._profiles[str(self.combo.itemData(i))]
                covered = project is None or p.covers(project.form)
                self.combo.setItemText(i, p.name + ("" if covered else NOT_COVERED))
            self.combo.setCurrentIndex(max(self.combo.findData(key), 0))
            self._show_unit(project)
            self._rebuild_cells(project)
        finally:
            self._loading = False
        self.set_read_only(self._read_only)

    def _show_unit(self, project: Project | None) -> None:
        if project is None:
            self.unit_label.setText("")
            self.sources.setText("")
            return
        unit_key = project.unit.profile or DEFAULT_PROFILE
        unit = self._profiles.get(unit_key)
        self.unit_label.setText(f"本单位默认格式：{unit.name if unit else unit_key}")
        profile = self._profiles.get(project.profile)
        self.sources.setText(
            "依据：" + "；".join(profile.sources) if profile and profile.sources else ""
        )
        self.unit_button.setEnabled(unit_key != project.profile and not self._read_only)

    def _rebuild_cells(self, project: Project | None) -> None:
        while self.signature_form.rowCount():
            self.signature_form.removeRow(0)  # deletes the line edits of the last profile
        self.signature_edits = {}
        profile = self._profiles.get(project.profile) if project else None
        layout = None
        if project is not None and profile is not None and profile.covers(project.form):
            layout = profile.layout(project.form)
        reason = layout is not None and "reason" in layout.execution_labels
        other = layout is not None and bool(layout.other_label)
        self.cells.setRowVisible(self._reason_row, reason)
        self.cells.setRowVisible(self.other_edit, other)
        self.cells.setRowVisible(self.signatures, bool(layout and layout.signatures))
        if project is None or layout is None:
            return
        if reason:
            self.reason_label.setText(f"预算执行{layout.execution_labels['reason']}：")
            self.reason_edit.setPlaceholderText(layout.reason_note)
            self.reason_edit.setPlainText(extra_text(project, REASON_KEY))
            self._count_reason()
        if other:
            self.other_label.setText(f"{layout.other_label}：")
            self.other_edit.setPlainText(extra_text(project, OTHER_NOTES_KEY))
        names = project.extra.get(SIGNATURES_KEY)
        names = names if isinstance(names, dict) else {}
        for label in layout.signatures:
            edit = QLineEdit(str(names.get(label, "")))
            edit.setAccessibleName(label)
            edit.setPlaceholderText("签字人姓名（可留空，打印后手签）")
            edit.textEdited.connect(lambda text, lab=label: self._on_signature(lab, text))
            self.signature_edits[label] = edit
            self.signature_form.addRow(f"{label}：", edit)

    def _count_reason(self) -> None:
        project = self._project
        profile = self._profiles.get(project.profile) if project else None
        limit = profile.reasons.low_execution_limit if profile else None
        count = count_chars(self.reason_edit.toPlainText())
        if limit:
            self.reason_count.setText(f"{count} / {limit} 字")
            self.reason_count.setStyleSheet(OVER_STYLE if count > limit else "")
        else:
            self.reason_count.setText(f"{count} 字")

    def set_read_only(self, flag: bool) -> None:
        """Allow or forbid editing."""
        self._read_only = flag
        self.combo.setEnabled(not flag)
        project = self._project
        differs = (
            project is not None and (project.unit.profile or DEFAULT_PROFILE) != project.profile
        )
        self.unit_button.setEnabled(not flag and differs)
        self.reason_edit.setReadOnly(flag)
        self.other_edit.setReadOnly(flag)
        for edit in self.signature_edits.values():
            edit.setReadOnly(flag)

    # ----- edits -----------------------------------------------------------------------------
    def _on_combo(self, index: int) -> None:
        if self._loading or self._project is None or index < 0:
            return
        key = str(self.combo.itemData(index))
        if key != self._project.profile:
            self.change_requested.emit("profile", key)

    def _on_unit_default(self) -> None:
        if self._project is not None:
            self.change_requested.emit("unit_profile", self._project.profile)

    def _set_extra(self, key: str, value: object) -> None:
        project = self._project
        if project is None or self._loading:
            return
        if value in ("", {}, None):
            project.extra.pop(key, None)
        else:
            project.extra[key] = value
        self.edited.emit("profile_cells")

    def _on_reason(self) -> None:
        self._count_reason()
        self._set_extra(REASON_KEY, self.reason_edit.toPlainText())

    def _on_other(self) -> None:
        self._set_extra(OTHER_NOTES_KEY, self.other_edit.toPlainText())

    def _on_signature(self, label: str, text: str) -> None:
        project = self._project
        if project is None or self._loading:
            return
        names = project.extra.get(SIGNATURES_KEY)
        names = dict(names) if isinstance(names, dict) else {}
        names[label] = text.strip()
        self._set_extra(SIGNATURES_KEY, {k: v for k, v in names.items() if v})
