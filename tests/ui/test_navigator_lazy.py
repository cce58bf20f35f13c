"""A big database: the navigator creates project items only for the years that are opened."""

from __future__ import annotations

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
