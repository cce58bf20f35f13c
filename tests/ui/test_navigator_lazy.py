"""A big database: the navigator creates project items only for the years that are opened."""

from __future__ import annotations

from pathlib import Path

from desktop.model.project import Unit
from desktop.store.repo import ProjectRow
from desktop.ui.navigator import LAZY_LIMIT, Navigator


def _rows(count: int) -> tuple[list[Unit], list[ProjectRow]]:
    units = [Unit(name=f"单位{u}", id=u + 1) for u in range(10)]
    rows = [
        ProjectRow(
            i + 1,
            i % 10 + 1,
            f"单位{i % 10}",
            "",
            2023 - (i // 10) % 3,
            f"项目{i}",
            "self_evaluation",
            "draft",
        )
        for i in range(count)
    ]
    return units, rows


def test_big_tree_builds_only_the_current_year(qtbot):
    nav = Navigator()
    qtbot.addWidget(nav)
    units, rows = _rows(LAZY_LIMIT * 2)
    nav.reload(units, rows, current=rows[0].id)
    assert len(nav.project_ids()) == len(rows)
    shown = len(nav._items)
    assert 0 < shown < len(rows) // 10  # one unit-year, not all of them
    assert nav.currentItem().text(0) == "项目0"
    # a project of another year appears (and is selected) on demand
    far = rows[-1]
    with qtbot.waitSignal(nav.project_selected) as sig:
        assert nav.select_project(far.id)
    assert sig.args == [far.id]
    assert nav.currentItem().text(0) == far.name
    # opening a year by hand lists its projects
    unit_item = nav.topLevelItem(3)
    year_item = unit_item.child(1)
    assert year_item.childCount() == 0
    year_item.setExpanded(True)
    assert year_item.childCount() > 0
    assert all(year_item.child(i).text(0).startswith("项目") for i in range(year_item.childCount()))


def test_small_tree_is_built_and_open_at_once(qtbot):
    nav = Navigator()
    qtbot.addWidget(nav)
    units, rows = _rows(60)
    nav.reload(units, rows, current=None)
    assert len(nav._items) == 60
    assert all(nav.topLevelItem(i).child(0).isExpanded() for i in range(10))


def test_a_big_tree_from_places_reads_only_the_years_opened(qtbot):
    """Given id, unit and year only, the tree reads a year's rows when the year is opened."""
    from desktop.store.repo import ProjectPlace

    nav = Navigator()
    qtbot.addWidget(nav)
    units, rows = _rows(LAZY_LIMIT * 2)
    places = [ProjectPlace(r.id, r.unit_id, r.year) for r in rows]
    asked: list[tuple[int, int]] = []

    def load_year(unit_id: int, year: int) -> list[ProjectRow]:
        asked.append((unit_id, year))
        return [r for r in rows if (r.unit_id, r.year) == (unit_id, year)]

    nav.reload(units, places, current=rows[0].id, load_year=load_year)
    assert nav.project_ids() == [r.id for r in rows]
    assert asked == [(rows[0].unit_id, rows[0].year)]  # the current project's year only
    assert nav.currentItem().text(0) == "项目0"
    assert "单位0" in nav.currentItem().toolTip(0)
    year_item = nav.topLevelItem(3).child(1)
    assert year_item.childCount() == 0
    year_item.setExpanded(True)
    assert len(asked) == 2
    kids = [year_item.child(i).text(0) for i in range(year_item.childCount())]
    assert kids and all(k.startswith("项目") for k in kids)


def test_the_window_lists_a_big_file_by_places(tmp_path, qtbot, make_window):
    """A file with more than LAZY_LIMIT projects: the navigator of the real window shows the
    same tree as from full rows, the last project reachable."""
    import copy

    from desktop.exchange.jsonio import read_projects
    from desktop.store import repo
    from desktop.store.db import open_store

    fixture = Path(__file__).resolve().parents[1] / "fixtures"
    base = read_projects(fixture / "seed003_baoan.json")[0]
    store = open_store(tmp_path / "big.db")
    with store.transaction():
        for i in range(LAZY_LIMIT + 20):
            project = copy.deepcopy(base)
            project.unit.name = f"单位{i % 7}"
            project.year = 2020 + i % 3
            project.name = f"项目{i:04d}"
            repo.insert_project(store, project)
    window = make_window(store)
    nav = window.navigator
    listed = [r.id for r in repo.list_projects(store)]
    assert nav.project_ids() == listed
    last = listed[-1]
    assert window.select_project(last)
    assert nav.currentItem().text(0) == repo.load_project(store, last).name
