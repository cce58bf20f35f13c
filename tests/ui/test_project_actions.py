"""复制为下一年度 in a real window over a real store."""

from __future__ import annotations

from desktop.store import repo
from desktop.ui import project_actions


def test_copy_to_next_year(ui_store, make_window, sample_project):
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)
    new_id = project_actions.copy_next_year(window.workspace)
    assert new_id is not None and new_id != pid
    assert window.current_project().year == sample_project.year + 1
    new = repo.load_project(ui_store, new_id)
    assert (new.year, new.name, new.status) == (2024, "保安费用", "draft")
    assert all(i.actual == "" for i in new.indicators)


def test_copy_to_next_year_needs_a_project(ui_store, make_window):
    window = make_window(ui_store)
    window.select_project(None)
    assert not window.action.copy_next_year.isEnabled()
    assert project_actions.copy_next_year(window.workspace) is None
    assert repo.list_projects(ui_store) == []
