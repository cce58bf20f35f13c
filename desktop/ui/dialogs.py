"""Small dialogs. Actions call these module functions, so tests can substitute answers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QWidget,
)

from desktop.model.project import YEAR_MAX, YEAR_MIN, Project

# The check box of the import previews that lets an import overwrite existing projects.
REPLACE_TEXT = "覆盖数据库中同单位、同年度、同名的项目"
# The file type of the PDF exports' save dialogs.
PDF_FILTER = "PDF 文件 (*.pdf)"


@dataclass(frozen=True)
class NewProjectSpec:
    """What the 新建项目 dialog returns."""

    unit: str
    department: str
    year: int
    name: str
    form: str


class _FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)

    def finish(self) -> None:
        self.form.addRow(self.buttons)


class UnitDialog(_FormDialog):
    """Name and 主管部门 of a unit."""

    def __init__(self, parent: QWidget | None, title: str, name: str, department: str) -> None:
        super().__init__(parent, title)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText("如：某区信访局")
        self.department_edit = QLineEdit(department)
        self.department_edit.setPlaceholderText("如：某区人民政府")
        self.form.addRow("实施单位：", self.name_edit)
        self.form.addRow("主管部门：", self.department_edit)
        self.finish()
        self.name_edit.textChanged.connect(self._on_changed)
        self._on_changed()

    def _on_changed(self) -> None:
        ok = bool(self.name_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class NewProjectDialog(_FormDialog):
    """Unit, year, name and report type of a new project."""

    def __init__(
        self,
        parent: QWidget | None,
        units: list[str],
        unit: str,
        year: int,
        forms: list[tuple[str, str]],
    ) -> None:
        super().__init__(parent, "新建项目")
        self.unit_combo = QComboBox()
        self.unit_combo.setEditable(True)
        self.unit_combo.addItems(units)
        self.unit_combo.setCurrentText(unit)
        self.department_edit = QLineEdit()
        self.department_edit.setPlaceholderText("新单位时填写，如：某区人民政府")
        self.year_spin = QSpinBox()
        self.year_spin.setRange(YEAR_MIN, YEAR_MAX)
        self.year_spin.setValue(year)
        self.year_spin.setSuffix(" 年度")
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("如：保安费用")
        self.form_combo = QComboBox()
        for key, title in forms:
            self.form_combo.addItem(title, key)
        self.form.addRow("实施单位：", self.unit_combo)
        self.form.addRow("主管部门：", self.department_edit)
        self.form.addRow("年度：", self.year_spin)
        self.form.addRow("项目名称：", self.name_edit)
        self.form.addRow("报告类型：", self.form_combo)
        self.finish()
        self.name_edit.textChanged.connect(self._on_changed)
        self.unit_combo.currentTextChanged.connect(self._on_changed)
        self._on_changed()
        self.name_edit.setFocus()

    def _on_changed(self) -> None:
        ok = bool(self.name_edit.text().strip() and self.unit_combo.currentText().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def spec(self) -> NewProjectSpec:
        """The entered values."""
        return NewProjectSpec(
            unit=self.unit_combo.currentText().strip(),
            department=self.department_edit.text().strip(),
            year=self.year_spin.value(),
            name=self.name_edit.text().strip(),
            form=str(self.form_combo.currentData()),
        )


def ask_unit(
    parent: QWidget | None, title: str, name: str = "", department: str = ""
) -> tuple[str, str] | None:
    """Ask for a unit's name and 主管部门; None when cancelled."""
    dialog = UnitDialog(parent, title, name, department)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.name_edit.text().strip(), dialog.department_edit.text().strip()


def ask_new_project(
    parent: QWidget | None, units: list[str], unit: str, year: int, forms: list[tuple[str, str]]
) -> NewProjectSpec | None:
    """Ask for a new project's unit, year, name and form; None when cancelled."""
    dialog = NewProjectDialog(parent, units, unit, year, forms)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.spec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """Ask for one line of text; None when cancelled or empty."""
    dialog = _FormDialog(parent, title)
    edit = QLineEdit(text)
    dialog.form.addRow(label, edit)
    dialog.finish()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    value = edit.text().strip()
    return value or None


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """A yes/no question (default no)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton("确定", QMessageBox.ButtonRole.AcceptRole)
    no = box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def error(parent: QWidget | None, title: str, text: str) -> None:
    """Show an error message."""
    QMessageBox.critical(parent, title, text)


def info(parent: QWidget | None, title: str, text: str) -> None:
    """Show an information message."""
    QMessageBox.information(parent, title, text)


_last_folder: list[Path] = []  # the folder of the file last chosen in this session


def _start_in(name: str = "", folder: Path | None = None) -> str:
    """Where a file dialog opens (with ``name`` suggested): ``folder`` when given, else the
    folder last used in this session, else the user's Documents folder — never the program's
    working folder (the installation folder, or / when started from the desktop menu)."""
    place = folder if folder is not None and folder.is_dir() else None
    if place is None and _last_folder and _last_folder[-1].is_dir():
        place = _last_folder[-1]
    if place is None:
        docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        place = Path(docs) if docs and Path(docs).is_dir() else Path.home()
    return str(place / name) if name else str(place)


def _chose(name: str) -> Path | None:
    """The dialog's answer as a path (None when cancelled); its folder is used next time."""
    if not name:
        return None
    path = Path(name)
    _last_folder[:] = [path.parent]
    return path


def open_file(
    parent: QWidget | None, title: str, filters: str, folder: Path | None = None
) -> Path | None:
    """Pick an existing file (starting in ``folder`` when given); None when cancelled."""
    name, _ = QFileDialog.getOpenFileName(parent, title, _start_in(folder=folder), filters)
    return _chose(name)


def save_file(parent: QWidget | None, title: str, suggested: str, filters: str) -> Path | None:
    """Pick a file to write; None when cancelled."""
    name, _ = QFileDialog.getSaveFileName(parent, title, _start_in(suggested), filters)
    return _chose(name)


def save_export(
    parent: QWidget | None, title: str, suggested: str, filters: str, suffix: str
) -> Path | None:
    """The file an export writes: ``suffix`` added when the user left it out, and a file that
    only exists under the added suffix replaced only with the user's yes; None when cancelled."""
    picked = save_file(parent, title, suggested, filters)
    return chosen_file(parent, str(picked), suffix) if picked is not None else None


def duplicates_refusal(existing: list[Project]) -> str:
    """Why an import preview did not write: the projects the database has (the window's way
    out is the check box, never the command line's --replace)."""
    names = "、".join(f"“{p.name}”（{p.unit.name}，{p.year}年度）" for p in existing[:3])
    more = f"等 {len(existing)} 个项目" if len(existing) > 3 else ""
    return f"数据库中已有{names}{more}；如需覆盖，请勾选“{REPLACE_TEXT}”后再导入"


def chosen_file(parent: QWidget | None, name: str, suffix: str) -> Path | None:
    """The file picked in a save dialog, with ``suffix`` added when the user left it out.

    The dialog asked before replacing the name as typed; a name that only exists with the added
    suffix is asked about here, so no export replaces a file without the user's yes.
    """
    path = Path(name)
    if path.suffix.lower() == suffix.lower():
        return path
    path = path.with_name(path.name + suffix)
    if path.exists() and not confirm(
        parent, "文件已存在", f"“{path.name}”已存在。要替换它吗？\n\n{path.parent}"
    ):
        return None
    return path
