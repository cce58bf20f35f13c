"""定稿, 撤销定稿 and 版本记录 in the real main window over a real store."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from desktop.exchange.jsonio import read_projects
from desktop.model.snapshot import short_fingerprint
from desktop.store import repo, revisions
from desktop.ui.revisions_dialog import FinaliseDialog, ReasonDialog, RevisionsDialog
from tests.ui.window_helpers import type_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


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


def _window(make_window, store, fixture="seed003_security"):
    (project,) = read_projects(FIXTURES / f"{fixture}.json")
    pid = repo.insert_project(store, project)
    window = make_window(store)
    window.select_project(pid)
    return window, pid


def test_menu_actions_installed(make_window, ui_store):
    window, _ = _window(make_window, ui_store)
    labels = [a.text() for a in window.menus.project.actions() if a.text()]
    assert labels[-3:] == ["定稿…", "撤销定稿…", "版本记录…"]
    action = window.action
    assert action.finalise.isEnabled() and not action.unfinalise.isEnabled()


def test_finalise_with_warnings_needs_the_tick(make_window, ui_store):
    window, pid = _window(make_window, ui_store)
    action = window.action
    _answer(tick=False)
    action.finalise.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    editor = window.section_editor("basic_info")
    type_text(editor.edit, "定稿前")  # an edit not yet written: 定稿 writes it first
    _answer(tick=True)
    action.finalise.trigger()
    saved = repo.load_project(ui_store, pid)
    assert saved.status == "final" and "定稿前" in saved.section("basic_info")
    assert not window.editable and editor.edit.isReadOnly()
    fp = revisions.latest_fingerprint(ui_store, pid)
    banner = window.workspace.status.final_label.text()
    assert fp and short_fingerprint(fp) in banner and "已定稿" in banner
    assert not action.finalise.isEnabled() and action.unfinalise.isEnabled()


def test_errors_block_finalise(qtbot, make_window, ui_store, tmp_path):
    window, pid = _window(make_window, ui_store, "seed000_evaluation")
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
    window.action.finalise.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"


def test_unfinalise_needs_a_reason_and_history_compares(qtbot, make_window, ui_store, tmp_path):
    window, pid = _window(make_window, ui_store)
    action = window.action
    revisions.finalise(ui_store, pid)
    window.workspace.reload_current()
    _answer(reason="")  # OK disabled without a reason: nothing happens
    action.unfinalise.trigger()
    assert repo.load_project(ui_store, pid).status == "final"
    _answer(reason="财政局退回，修改成本指标")
    action.unfinalise.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    assert window.editable and window.workspace.status.final_label.text() == ""
    assert not window.section_editor("basic_info").edit.isReadOnly()
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


def test_does_not_lift_the_lock_read_only_state(make_window, ui_store):
    window, pid = _window(make_window, ui_store)
    revisions.finalise(ui_store, pid)
    window.session.set_read_only("数据库正被其他用户使用")
    window.workspace.reload_current()
    assert window.read_only is True
    assert not window.action.unfinalise.isEnabled()  # the lock holder's window may not write
    assert window.banner.kind == "readonly"


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
    window.action.finalise.trigger()
    assert repo.load_project(ui_store, pid).status == "draft"
    # the claimed 100 分 sits in a narrative section: its tab is shown and the words selected
    editor = window.focusWidget()
    assert window.tabs.currentIndex() > 1
    assert "100分" in editor.textCursor().selectedText()
