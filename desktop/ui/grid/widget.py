"""IndicatorGrid: the 绩效指标 tab — toolbar, spreadsheet-like view, message line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.model.findings import Finding
from desktop.model.forms import Form
from desktop.model.money import fmt_points
from desktop.model.project import Project
from desktop.model.scoring import ScoreSummary
from desktop.ui.grid import operations as ops
from desktop.ui.grid.clipboard import parse_tsv, to_tsv
from desktop.ui.grid.columns import COLUMN_OF_FIELD, FIELDS, Column, RowKind
from desktop.ui.grid.delegates import GridDelegate
from desktop.ui.grid.table_model import EXECUTION, IndicatorTableModel
from desktop.ui.grid.template_menu import fill_template_menu
from desktop.ui.grid.templates import make_indicators, starter_set, typical_groups
from desktop.ui.grid.view import GridView


class IndicatorGrid(QWidget):
    """The indicator table editor; every edit is an undo command on the window's stack."""

    changed = Signal()
    message = Signal(str)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self._model = IndicatorTableModel(undo_stack, self)
        self.view = GridView(self)
        self.view.setModel(self._model)
        self.delegate = GridDelegate(self.view)
        self.delegate.set_form_source(self._model)
        self.view.setItemDelegate(self.delegate)
        self.view.apply_widths()
        self.view.place_optional_columns()
        self.view.show_optional_columns(False)
        self.toolbar = QToolBar(self)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status = QLabel(self)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.totals_label = QLabel(self)  # the totals stay visible however long the table
        self.totals_label.setObjectName("grid_summary")
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The totals keep their room; a long message beside them gives way (it is also shown in
        # the status bar).
        self.status.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.totals_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(4, 2, 4, 2)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.totals_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        self.template_menu = QMenu("插入常用指标", self)
        self.template_menu.aboutToShow.connect(
            lambda: fill_template_menu(self.template_menu, self._model.form, self)
        )
        self._build_actions()
        self._model.changed.connect(self._show_totals)
        self._model.changed.connect(self.changed)
        self._model.message.connect(self._on_message)
        self.view.clear_requested.connect(self.clear_selection)
        self._read_only = False
        self._update_actions()

    # ----- public interface --------------------------------------------------------------------
    def model(self) -> IndicatorTableModel:
        """The table model (execution row, indicators, totals row)."""
        return self._model

    def summary(self) -> ScoreSummary | None:
        """The shown project's totals, kept up to date incrementally (cheap to call)."""
        return self._model.summary()

    def set_project(self, project: Project | None, form: Form | None) -> None:
        """Show a project; edits then mutate ``project.indicators`` / ``project.execution``."""
        self._model.set_project(project, form)
        self.view.place_optional_columns()
        used = project is not None and any(i.operator or i.unit for i in project.indicators)
        self.act_optional.setChecked(used)
        self.view.show_optional_columns(used)
        self.view.fit_columns()
        self.status.clear()
        self._show_totals()
        self._update_actions()

    def set_findings(self, findings: list[Finding]) -> None:
        """Tint the cells the findings point at (their messages become tooltips)."""
        self._model.set_findings(findings)
        self._show_totals()

    def refresh(self) -> None:
        """Re-read the shown project after edits made outside the grid (e.g. the funds)."""
        self._model.refresh()
        self._show_totals()

    def focus_cell(self, row: int, column: str) -> None:
        """Jump to an indicator cell by Finding location (row −1 = the 预算执行率 line)."""
        target = COLUMN_OF_FIELD.get(column, Column.LEVEL3)
        self.view.go_to(self._model.model_row(row if row >= 0 else EXECUTION), target)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_execution(self, column: str) -> None:
        """Jump to the 预算执行率 line ("weight" or "score")."""
        self.focus_cell(-1, column)

    def focus_location(self, location: dict[str, object]) -> None:
        """Jump to a Finding location ({"indicator": i, "column": c} or {"execution": c})."""
        if "execution" in location:
            self.focus_execution(str(location["execution"]))
            return
        position = location.get("indicator")
        if isinstance(position, int):
            self.focus_cell(position, str(location.get("column", "")))

    def set_read_only(self, flag: bool) -> None:
        """Lock or unlock editing (selection and copy keep working)."""
        self._read_only = flag
        self.act_undo.setVisible(not flag)
        self.act_redo.setVisible(not flag)
        self._model.set_read_only(flag)
        self.view.set_read_only(flag)
        self._update_actions()

    # ----- actions -----------------------------------------------------------------------------
    def _action(
        self,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.setToolTip(
            f"{tip or text}" + (f"（{QKeySequence(shortcut).toString()}）" if shortcut else "")
        )
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def _build_actions(self) -> None:
        std = QKeySequence.StandardKey
        self.act_insert_above = self._action("上方插入行", self.insert_above, "Ctrl+Shift+Insert")
        self.act_insert_below = self._action("下方插入行", self.insert_below, "Ctrl+Insert")
        self.act_remove = self._action("删除行", self.remove_selected_rows, "Ctrl+-")
        self.act_move_up = self._action("上移", self.move_up, "Ctrl+Shift+Up")
        self.act_move_down = self._action("下移", self.move_down, "Ctrl+Shift+Down")
        self.act_accept = self._action(
            "采用建议得分", self.accept_suggestions, "Ctrl+Shift+A", "所选行的得分改为建议得分"
        )
        self.act_copy = self._action("复制", self.copy_selection, std.Copy)
        self.act_cut = self._action("剪切", self.cut_selection, std.Cut)
        self.act_paste = self._action(
            "粘贴", self.paste_clipboard, std.Paste, "从 Excel/WPS 粘贴（自评表的列顺序）"
        )
        self.act_clear = self._action(
            "清除内容", self.clear_selection, None, "清除所选单元格（Delete）"
        )
        self.act_optional = QAction("指标性质/度量单位列", self)
        self.act_optional.setCheckable(True)
        self.act_optional.setToolTip("显示或隐藏“指标性质”“度量单位”两列（新版自评表的格式）")
        self.act_optional.toggled.connect(self.view.show_optional_columns)
        self.act_undo = self.undo_stack.createUndoAction(self, "撤销")
        self.act_redo = self.undo_stack.createRedoAction(self, "重做")
        for action in (
            self.act_insert_above,
            self.act_insert_below,
            self.act_remove,
            self.act_move_up,
            self.act_move_down,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        button = QToolButton(self.toolbar)
        button.setText("插入常用指标")
        button.setMenu(self.template_menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)
        self.template_button = button
        self.toolbar.addAction(self.act_accept)
        self.toolbar.addAction(self.act_optional)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.act_undo)
        self.toolbar.addAction(self.act_redo)
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.insertAction(self.act_accept, separator)

    def _update_actions(self) -> None:
        enabled = self._model.project is not None and not self._read_only
        for action in (
            self.act_insert_above,
            self.act_insert_below,
            self.act_remove,
            self.act_move_up,
            self.act_move_down,
            self.act_accept,
            self.act_cut,
            self.act_paste,
            self.act_clear,
        ):
            action.setEnabled(enabled)
        self.template_button.setEnabled(enabled and self._model.form is not None)

    def _show_totals(self) -> None:
        summary = self._model.summary()
        if summary is None:
            self.totals_label.clear()
            return
        self.totals_label.setText(
            f"分值合计 {fmt_points(summary.weight_total)}　得分 {fmt_points(summary.entered_total)}"
            f"　建议得分 {fmt_points(summary.suggested_total)}　评价等级 {summary.grade}"
        )

    def _on_message(self, text: str) -> None:
        self.status.setText(text)
        self.message.emit(text)

    # ----- helpers -----------------------------------------------------------------------------
    def _positions(self) -> list[int]:
        """Indicator positions of the selected rows (execution and totals left out)."""
        return [
            self._model.indicator_index(r)
            for r in self.view.selected_rows()
            if self._model.kind(r) == RowKind.INDICATOR
        ]

    def _current_position(self, below: bool) -> int:
        rows = self.view.selected_rows()
        count = len(self._model.indicators())
        if not rows:
            return count
        row = rows[-1] if below else rows[0]
        kind = self._model.kind(row)
        if kind == RowKind.TOTAL:
            return count
        if kind == RowKind.EXECUTION:
            return 0
        return self._model.indicator_index(row) + (1 if below else 0)

    def _select_positions(self, positions: list[int], column: int | None = None) -> None:
        if not positions:
            return
        current = self.view.currentIndex()
        col = column if column is not None else max(current.column(), 0)
        self.view.clearSelection()
        self.view.go_to(self._model.model_row(positions[0]), col)
        selection = self.view.selectionModel()
        for position in positions[1:]:
            index = self._model.index(self._model.model_row(position), col)
            selection.select(index, selection.SelectionFlag.Select)

    # ----- slots -------------------------------------------------------------------------------
    def insert_above(self) -> None:
        """Insert a row above the selection (carrying its 一级/二级)."""
        position = self._current_position(below=False)
        if ops.insert_rows(self._model, position, [ops.blank_like(self._model, position)]):
            self._select_positions([position], Column.LEVEL3)

    def insert_below(self) -> None:
        """Insert a row below the selection (carrying its 一级/二级)."""
        position = self._current_position(below=True)
        if ops.insert_rows(self._model, position, [ops.blank_like(self._model, position - 1)]):
            self._select_positions([position], Column.LEVEL3)

    def remove_selected_rows(self) -> None:
        """Remove the selected indicator rows (one undo command)."""
        positions = self._positions()
        if ops.remove_rows(self._model, positions):
            self._on_message(f"已删除{len(positions)}行（可撤销）")

    def move_up(self) -> None:
        """Move the selected rows one up."""
        self._move(-1)

    def move_down(self) -> None:
        """Move the selected rows one down."""
        self._move(1)

    def _move(self, delta: int) -> None:
        positions = self._positions()
        column = self.view.currentIndex().column()
        if ops.move_rows(self._model, positions, delta):
            self._select_positions([p + delta for p in positions], column)

    def accept_suggestions(self) -> None:
        """得分 ← 建议得分 for the selected rows (the 预算执行率 line included)."""
        positions = [
            EXECUTION
            if self._model.kind(r) == RowKind.EXECUTION
            else self._model.indicator_index(r)
            for r in self.view.selected_rows()
            if self._model.kind(r) != RowKind.TOTAL
        ]
        ops.accept_suggestions(self._model, positions)

    def clear_selection(self) -> None:
        """Empty the selected cells (one undo command)."""
        if not self._read_only:
            ops.clear_cells(self._model, self.view.selected_cells())

    def copy_selection(self) -> None:
        """Copy the selected range as TSV (Excel/WPS paste it into cells)."""
        rows = ops.copy_rows(self._model, self.view.selected_cells(), self.view.visible_columns())
        if rows:
            QGuiApplication.clipboard().setText(to_tsv(rows))

    def cut_selection(self) -> None:
        """Copy, then clear the selected cells."""
        self.copy_selection()
        self.clear_selection()

    def paste_clipboard(self) -> None:
        """Paste TSV from the clipboard at the current cell (one undo command)."""
        self.paste_text(QGuiApplication.clipboard().text())

    def paste_text(self, text: str) -> None:
        """Paste TSV text at the current cell; rows past the end are appended."""
        if self._read_only or self._model.project is None:
            return
        block = parse_tsv(text)
        if not block:
            self._on_message("剪贴板中没有可粘贴的内容")
            return
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else self._model.total_row()
        column = current.column() if current.isValid() else 0
        visible = self.view.visible_columns()
        start = visible.index(column) if column in visible else 0
        columns = [Column(c) for c in visible[start:] if c in FIELDS]
        ops.paste(self._model, block, row, column, self.view.selected_cells(), columns)

    def insert_typical(self, level1: str, level2: str, which: int | None = None) -> None:
        """Insert the typical indicators of a 二级 below the selection."""
        form, project = self._model.form, self._model.project
        if form is None or project is None:
            return
        for group in typical_groups(form):
            if group.level1 == level1 and group.level2 == level2:
                items = make_indicators(group, project, which)
                position = self._current_position(below=True)
                if ops.insert_rows(self._model, position, items, "插入常用指标"):
                    self._select_positions(list(range(position, position + len(items))))
                return

    def insert_starter_set(self) -> None:
        """Insert one typical indicator per 二级 (a start for a blank project)."""
        form, project = self._model.form, self._model.project
        if form is None or project is None:
            return
        items = starter_set(form, project)
        position = self._current_position(below=True)
        ops.insert_rows(self._model, position, items, "插入常用指标")
