"""审核 while editing runs on a copy of the project in a worker thread; its answer is shown
only while it still belongs to what is on screen."""

from __future__ import annotations

import threading

from desktop.exchange.jsonio import read_projects
from desktop.store import repo
from tests.ui.test_start_deferred import FIXTURE
from tests.ui.window_helpers import type_text


def _two_projects(store) -> tuple[int, int]:
    first, second = read_projects(FIXTURE)[0], read_projects(FIXTURE)[0]
    second.name = "第二个项目"
    with store.transaction():
        return repo.insert_project(store, first), repo.insert_project(store, second)


def _codes(window) -> set[str]:
    return {f.code for f in window.findings}


def test_a_slip_typed_in_a_section_is_found_without_asking(ui_store, make_window, qtbot):
    first, _ = _two_projects(ui_store)
    window = make_window(ui_store)
    window.select_project(first)
    qtbot.waitUntil(lambda: window.session.findings is not None, timeout=5000)
    assert "W-DOUBLED-CHAR" not in _codes(window)
    editor = window.section_editor("basic_info")
    editor.edit.setFocus()
    type_text(editor.edit, "为为深入贯彻落实")
    qtbot.waitUntil(lambda: "W-DOUBLED-CHAR" in _codes(window), timeout=10000)
    assert window.current_project().section("basic_info").startswith("为为深入贯彻落实")


def test_the_checks_run_in_a_worker_on_a_copy(ui_store, make_window, qtbot, monkeypatch):
    from desktop.model import checks

    first, _ = _two_projects(ui_store)
    window = make_window(ui_store)
    window.select_project(first)
    seen: list[tuple[str, bool]] = []
    real = checks.run_checks

    def spy(project, siblings, form=None):
        seen.append((threading.current_thread().name, project is window.current_project()))
        return real(project, siblings, form)

    monkeypatch.setattr(checks, "run_checks", spy)
    window.overview.name_edit.setText("保安费用（改）")  # an edit starts the delayed 审核
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert seen[0] == ("checks", False)  # off the event loop, on a copy


def test_an_answer_for_a_project_no_longer_shown_is_dropped(ui_store, make_window, qtbot):
    first, second = _two_projects(ui_store)
    window = make_window(ui_store)
    window.select_project(first)
    editor = window.section_editor("basic_info")
    type_text(editor.edit, "为为")  # a finding for the first project
    window.session._check_in_background()  # its check starts now (as the delay would) …
    window.select_project(second)  # … and the second project is shown before the answer
    window.refresh_findings()
    qtbot.wait(1500)  # the first project's answer, if any, has arrived and was dropped
    assert window.current_project().id == second
    assert "W-DOUBLED-CHAR" not in _codes(window)


def test_the_panel_says_checking_until_the_answer_arrives(ui_store, make_window, qtbot):
    first, second = _two_projects(ui_store)
    window = make_window(ui_store)
    window.select_project(first)
    qtbot.waitUntil(lambda: window.findings_panel.summary.text() != "正在审核…", timeout=10000)
    window.select_project(second)
    assert window.findings_panel.summary.text() == "正在审核…"  # not the first project's list
    assert window.findings_panel.list.count() == 0
    qtbot.waitUntil(lambda: window.findings_panel.summary.text() != "正在审核…", timeout=10000)
    assert (
        "项" in window.findings_panel.summary.text()
        or "通过" in window.findings_panel.summary.text()
    )
