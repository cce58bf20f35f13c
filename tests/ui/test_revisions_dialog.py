"""定稿 dialogs on a host window that offers the main-window interface (INTERFACES.md)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMainWindow, QMessageBox

from desktop.exchange.jsonio import read_projects
from desktop.store import repo, revisions
from desktop.ui import revisions_dialog
from desktop.ui.revisions_dialog import FinaliseDialog, ReasonDialog, RevisionsDialog

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


class HostWindow(QMainWindow):
    """The parts of MainWindow that features use: store, menus, current project, reloads."""

    def __init__(self, store):
        super().__init__()
        self.store = store
        self.menu_project = self.menuBar().addMenu("项目")
        self.project = None
        self.read_only: bool | None = None
        self.flushed = 0

    def current_project(self):
        return self.project

    def select_project(self, project_id):
        self.project = repo.load_project(self.store, project_id)

    def reload_navigator(self):
        pass

    def refresh_findings(self):
        pass

    def flush(self):
        self.flushed += 1

    def set_read_only(self, flag):
        self.read_only = flag


def _answer(button_text: str | None = None, reason: str | None = None, tick: bool = False):
    """Answer the next modal dialog (and the message box that may follow)."""

    def act():
        w = QApplication.activeModalWidget()
        if w is None:
            QTimer.singleShot(20, act)
            return
        if isinstance(w, QMessageBox):
            w.accept()
            return
        if isinstance(w, ReasonDialog) and reason is not None:
            w.reason.setPlainText(reason)
        if isinstance(w, FinaliseDialog) and tick:
            w.confirm.setChecked(True)
        box = w.findChild(QDialogButtonBox)
        ok = box.button(QDialogButtonBox.StandardButton.Ok) if box else None
        if ok is not None and ok.isEnabled():
            ok.click()
        else:
            w.reject()
        QTimer.singleShot(50, _close_message)

    QTimer.singleShot(20, act)


def _close_message():
    w = QApplication.activeModalWidget()
    if isinstance(w, QMessageBox):
        w.accept()


def _window(qtbot, store, fixture="seed003_security"):
    (project,) = read_projects(FIXTURES / f"{fixture}.json")
    pid = repo.insert_project(store, project)
    window = HostWindow(store)
    qtbot.addWidget(window)
    revisions_dialog.install(window)
    window.select_project(pid)
    window.revisions_feature.refresh()
    return window, pid


def test_menu_actions_installed(qtbot, ui_store):
    window, _ = _window(qtbot, ui_store)
    labels = [a.text() for a in window.menu_project.actions() if a.text()]
    assert labels == ["定稿…", "撤销定稿…", "版本记录…"]
    f = window.revisions_feature
    assert f.finalise_action.isEnabled() and not f.unfinalise_action.isEnabled()


def test_finalise_with_warnings_needs_the_tick(qtbot, ui_store):
    window, pid = _window(qtbot, ui_store)
    feature = window.revisions_feature
    _answer(tick=False)
    feature.finalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    _answer(tick=True)
    feature.finalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "final"
    assert window.flushed == 2
    assert window.read_only is True
    fp = revisions.latest_fingerprint(ui_store, pid)
    assert fp and revisions.short(fp) in feature.banner.text() and "已定稿" in feature.banner.text()
    assert not feature.finalise_action.isEnabled() and feature.unfinalise_action.isEnabled()


def test_errors_block_finalise(qtbot, ui_store, tmp_path):
    window, pid = _window(qtbot, ui_store, "seed000_evaluation")
    project = repo.load_project(ui_store, pid)
    from desktop.model.checks import run_checks

    dialog = FinaliseDialog(project.name, run_checks(project, []))
    qtbot.addWidget(dialog)
    assert dialog.blocked
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert any(
        "综合评价得分100分" in dialog.list.item(i).text() for i in range(dialog.list.count())
    )
    dialog.resize(700, 300)
    dialog.grab().save(str(tmp_path / "finalise_blocked.png"))
    _answer()
    window.revisions_feature.finalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"


def test_unfinalise_needs_a_reason_and_history_compares(qtbot, ui_store, tmp_path):
    window, pid = _window(qtbot, ui_store)
    feature = window.revisions_feature
    revisions.finalise(ui_store, pid)
    window.select_project(pid)
    feature.refresh()
    _answer(reason="")  # OK disabled without a reason: nothing happens
    feature.unfinalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "final"
    _answer(reason="财政局退回，修改成本指标")
    feature.unfinalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    assert window.read_only is False and feature.banner.text() == ""
    project = repo.load_project(ui_store, pid)
    project.indicators[3].target = "≤8万元"
    repo.save_project(ui_store, project)
    revisions.finalise(ui_store, pid)
    dialog = RevisionsDialog(ui_store, pid)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 3
    assert dialog.table.item(1, 3).text() == "财政局退回，修改成本指标"
    assert [dialog.table.item(i, 1).text() for i in range(3)] == ["定稿", "撤销定稿", "定稿"]
    dialog.select(0, 2)
    dialog.compare_button.click()
    text = dialog.diff.toPlainText()
    assert "绩效指标第4行 指标值" in text and "“80000” → “≤8万元”" in text
    dialog.grab().save(str(tmp_path / "revisions.png"))


def test_does_not_lift_the_lock_read_only_state(qtbot, ui_store):
    window, _pid = _window(qtbot, ui_store)
    window.read_only_reason = "数据库正被其他用户使用"
    feature = window.revisions_feature
    feature._last_state = None
    feature.refresh()
    assert window.read_only is True


def test_double_click_on_a_blocking_error_jumps_to_it(qtbot, ui_store, make_window):
    (project,) = read_projects(FIXTURES / "seed000_evaluation.json")
    pid = repo.insert_project(ui_store, project)
    window = make_window(ui_store)  # the real main window
    window.select_project(pid)
    window.tabs.setCurrentIndex(0)

    def double_click_the_score_claim():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, FinaliseDialog) and w.isVisible():
                items = [w.list.item(i) for i in range(w.list.count())]
                claim = next(item for item in items if "100分" in item.text())
                w.list.itemActivated.emit(claim)
                return
        QTimer.singleShot(20, double_click_the_score_claim)

    QTimer.singleShot(0, double_click_the_score_claim)
    window.revisions_feature.finalise_action.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    # the claimed 100 分 sits in a narrative section: its tab is shown and the words selected
    editor = window.focusWidget()
    assert window.tabs.currentIndex() > 1
    assert "100分" in editor.textCursor().selectedText()
