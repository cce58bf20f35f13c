"""Opens the real main window, the print preview and every dialog on the screen it is given,
and reports what does not fit the screen's available area (printed as JSON).

Run as a script: python screen_driver.py OUT_DIR
The screen comes from the environment, e.g. QT_QPA_PLATFORM=offscreen:configfile=screen.json
(a 1366×768 screen) and QT_SCALE_FACTOR=1.5. OUT_DIR receives the database, the settings and a
picture of every window checked.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import desktop.ui  # noqa: F401  (binding workarounds first)


def _problems(widget, name: str) -> list[str]:
    """Where the window or one of its controls leaves the available area or the window."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QStatusBar

    area = widget.screen().availableGeometry()
    out: list[str] = []
    frame = widget.frameGeometry()
    if not area.contains(frame):
        out.append(f"{name}: window {_rect(frame)} outside the available area {_rect(area)}")
    window = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    controls = [b for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    controls += [w for w in widget.findChildren(QStatusBar) if w.isVisible()]
    for control in controls:
        if _scrolled(control, widget, QAbstractScrollArea):
            continue  # inside a scroll area: reachable by scrolling
        rect = QRect(control.mapToGlobal(QPoint(0, 0)), control.size())
        label = control.text() if isinstance(control, QAbstractButton) else "状态栏"
        if not area.contains(rect) or not window.contains(rect):
            out.append(f"{name}: “{label}” at {_rect(rect)} is cut off")
    for text_label in widget.findChildren(QLabel):
        shown = text_label.isVisible() and _in_status_line(text_label)
        if shown and text_label.width() + 1 < text_label.minimumSizeHint().width():
            out.append(f"{name}: label “{text_label.text()}” is cut")
    return out


def _in_status_line(label) -> bool:
    from PySide6.QtWidgets import QStatusBar

    parent = label.parentWidget()
    return isinstance(parent, QStatusBar) or label.objectName() == "grid_summary"


def _scrolled(control, top, scroll_class) -> bool:
    parent = control.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, scroll_class):
            return True
        parent = parent.parentWidget()
    return False


def _rect(r) -> str:
    return f"{r.x()},{r.y()} {r.width()}×{r.height()}"


def _tab_arrows(tabs) -> bool:
    """True when the tabs need scroll arrows (some tab is out of view until scrolled to)."""
    from PySide6.QtWidgets import QToolButton

    bar = tabs.tabBar()
    if not bar.isVisible():
        return bool(_hidden_tabs(tabs))
    arrows = [b for b in bar.findChildren(QToolButton) if b.isVisible()]
    return bool(arrows) or bar.sizeHint().width() > bar.width()


def _hidden_tabs(tabs) -> list[str]:
    """The tab texts a user cannot read in full on screen without scrolling the tabs."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QAbstractButton, QToolButton

    window = tabs.window()
    area = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    bar = tabs.tabBar()
    shown: dict[str, bool] = {}
    if bar.isVisible():
        visible = bar.rect()
        for arrow in bar.findChildren(QToolButton):
            if arrow.isVisible():  # the scroll arrows cover the bar's end
                visible.setRight(min(visible.right(), arrow.x() - 1))
        for index in range(bar.count()):
            rect = bar.tabRect(index)
            whole = visible.contains(rect) and rect.width() >= bar.tabSizeHint(index).width()
            shown[bar.tabText(index)] = whole
    else:  # another navigation: a button with the tab's text, wide enough for it, on screen
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
        for index in range(tabs.count()):
            text = tabs.tabText(index)
            shown[text] = any(
                b.text() == text
                and b.width() >= b.sizeHint().width()
                and area.contains(QRect(b.mapToGlobal(QPoint(0, 0)), b.size()))
                for b in buttons
            )
    return [text for text, whole in shown.items() if not whole]


def _tab_report(run: Run, window, form: str) -> None:
    """Tabs and the 概况 page of one report kind: arrows, unreadable tabs, sideways scrolling."""
    combo = window.overview.form_combo
    combo.setCurrentIndex(combo.findData(form))
    window.tabs.setCurrentIndex(0)
    run.pump()
    run.result["arrows"][form] = _tab_arrows(window.tabs)  # type: ignore[index]
    run.result["hidden_tabs"][form] = _hidden_tabs(window.tabs)  # type: ignore[index]
    sideways = window.overview.horizontalScrollBar().isVisible()
    run.result["overview_sideways"][form] = sideways  # type: ignore[index]
    run.check(window, f"window-{form}")


class Run:
    """One driver run: the window, the pictures, the findings."""

    def __init__(self, app, out: Path) -> None:
        self.app = app
        self.out = out
        self.result: dict[str, object] = {
            "problems": [],
            "checked": [],
            "arrows": {},
            "hidden_tabs": {},
            "overview_sideways": {},
        }

    def pump(self) -> None:
        from PySide6.QtTest import QTest

        for _ in range(3):
            QTest.qWait(20)  # timers too (the grid refits its columns after a resize)

    def check(self, widget, name: str) -> None:
        self.pump()
        problems = _problems(widget, name)
        self.result["problems"] += problems  # type: ignore[operator]
        self.result["checked"].append(name)  # type: ignore[union-attr]
        widget.grab().save(str(self.out / f"{name}.png"))

    def dialog(self, name: str, make: Callable[[], object]) -> None:
        widget = make()
        widget.show()
        self.check(widget, name)
        widget.close()
        self.pump()


def _projects():
    from docs.make_screenshot import sample_projects

    return sample_projects()


def main(out: Path) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.store import repo
    from desktop.store.db import open_store
    from desktop.ui.app import open_main_window

    app = QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    store = open_store(out / "screen.db")
    ids = [repo.insert_project(store, p) for p in _projects()]
    settings = QSettings(str(out / "settings.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings)
    window.show()
    window.select_project(ids[0])
    window.refresh_findings()
    run = Run(app, out)
    run.result["screen"] = _rect(app.primaryScreen().availableGeometry())
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        run.check(window, f"window-tab{index}")
    for form in ("self_evaluation", "evaluation", "department"):
        _tab_report(run, window, form)
    window.overview.form_combo.setCurrentIndex(
        window.overview.form_combo.findData("self_evaluation")
    )
    _dialogs(run, window, store, ids)
    window.close()
    store.close()
    print(json.dumps(run.result, ensure_ascii=False))
    return 0


def _dialogs(run: Run, window, store, ids: list[int]) -> None:
    """Every dialog of the program, shown over the window."""
    from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QProgressDialog

    from desktop.exchange.jsonio import read_projects
    from desktop.ui import dialogs, print_actions
    from desktop.ui.editor_tabs import form_choices
    from desktop.ui.print_preview import a4_printer
    from desktop.ui.recycle_bin import RecycleBinDialog
    from desktop.ui.revisions_dialog import FinaliseDialog, ReasonDialog, RevisionsDialog
    from desktop.ui.text_import_dialog import TextImportDialog
    from desktop.ui.xlsx_dialogs import ExportScopeDialog
    from desktop.ui.xlsx_preview import ImportPreviewDialog

    ws = window.workspace
    project = window.current_project()
    run.dialog("preview", lambda: print_actions.preview(ws))
    run.dialog("unit", lambda: dialogs.UnitDialog(window, "新建单位", "", ""))
    units = [project.unit.name]
    run.dialog(
        "new-project",
        lambda: dialogs.NewProjectDialog(window, units, units[0], 2023, form_choices()),
    )
    run.dialog("finalise", lambda: FinaliseDialog(project.name, window.findings, window))
    run.dialog("unfinalise", lambda: ReasonDialog(project.name, window))
    run.dialog("revisions", lambda: RevisionsDialog(store, ids[0], window))
    run.dialog("recycle-bin", lambda: RecycleBinDialog(ws))
    run.dialog("text-import", lambda: TextImportDialog(window.session, window))
    run.dialog("xlsx-export", lambda: ExportScopeDialog(project, len(ids), window))
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "seed003_baoan.json"
    imported = read_projects(fixture)
    run.dialog(
        "xlsx-import",
        lambda: ImportPreviewDialog(imported, window.session, "自评表.xlsx", window),
    )
    long_text = "最近的修改未能写入数据库：磁盘已满。" * 6
    run.dialog(
        "message",
        lambda: QMessageBox(QMessageBox.Icon.Warning, "出错了", long_text, parent=window),
    )
    run.dialog("input", lambda: _input_dialog(window, QInputDialog))
    run.dialog("progress", lambda: QProgressDialog("正在生成合订本…", "取消", 0, 10, window))
    run.dialog("file", lambda: _file_dialog(window, QFileDialog))
    run.dialog("print", lambda: _print_dialog(window, a4_printer()))


def _input_dialog(window, cls):
    dialog = cls(window)
    dialog.setWindowTitle("导出合订本")
    dialog.setLabelText("选择单位和年度：")
    dialog.setComboBoxItems(["攀枝花市西区信访局　2023年度", "攀枝花市西区信访局　2022年度"])
    return dialog


def _file_dialog(window, cls):
    dialog = cls(window, "导出 PDF", "", "PDF 文件 (*.pdf)")
    dialog.setOption(cls.Option.DontUseNativeDialog, True)
    return dialog


def _print_dialog(window, printer):
    from PySide6.QtPrintSupport import QPrintDialog

    dialog = QPrintDialog(printer, window)
    dialog.printer_kept = printer  # the dialog uses the printer: keep it alive
    return dialog


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
