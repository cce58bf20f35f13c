"""Optional feature modules plug into the window's menus; missing ones are skipped."""

from __future__ import annotations

import sys
import types

from desktop.store import repo
from desktop.ui import features, project_actions


def test_missing_feature_modules_are_skipped(ui_store, make_window):
    window = make_window(ui_store)
    installed = features.install_features(window)
    assert all(name in features.FEATURE_MODULES for name in installed)


def test_a_feature_adds_its_export_action_and_a_broken_one_is_reported(
    ui_store, make_window, monkeypatch
):
    calls = []

    def install(window):
        action = window.menu_export.addAction("导出测试格式…")
        action.triggered.connect(lambda: calls.append(window.current_project()))

    good = types.ModuleType("desktop.ui.xlsx_dialogs")
    good.install = install  # type: ignore[attr-defined]
    bad = types.ModuleType("desktop.ui.revisions_dialog")

    def broken(window):
        raise RuntimeError("坏了")

    bad.install = broken  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.ui.xlsx_dialogs", good)
    monkeypatch.setitem(sys.modules, "desktop.ui.revisions_dialog", bad)
    window = make_window(ui_store)
    texts = [a.text() for a in window.menu_export.actions()]
    assert "导出测试格式…" in texts
    assert "（尚无可用的导出功能）" not in texts
    assert any("revisions_dialog" in e for e in window.feature_errors)
    assert window.isVisible()


def test_copy_to_next_year(ui_store, make_window, sample_project):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    new_id = project_actions.copy_next_year(window)
    assert new_id is not None and new_id != pid
    assert window.current_project().year == sample_project.year + 1
    new = repo.load_project(ui_store, new_id)
    assert (new.year, new.name, new.status) == (2024, "保安费用", "draft")
    assert all(i.actual == "" for i in new.indicators)


def test_copy_to_next_year_needs_a_project(ui_store, make_window):
    window = make_window(ui_store)
    window.select_project(None)
    assert not window.actions_by_name["copy_next_year"].isEnabled()
    assert project_actions.copy_next_year(window) is None
    assert repo.list_projects(ui_store) == []
