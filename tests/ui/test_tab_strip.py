"""The strip of section tabs: every tab at once, wrapping into rows when narrow, following the
report kind, and switching pages when clicked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from desktop.exchange.jsonio import read_projects
from desktop.store import repo

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed003_baoan.json"


def _window(ui_store, make_window):
    with ui_store.transaction():
        repo.insert_project(ui_store, read_projects(FIXTURE)[0])
    return make_window(ui_store)


def _texts(strip) -> list[str]:
    return [b.text() for b in strip.buttons]


def test_the_strip_shows_every_tab_and_follows_the_report_kind(ui_store, make_window, qtbot):
    window = _window(ui_store, make_window)
    tabs = window.tabs
    assert not tabs.tabBar().isVisible()  # no tab bar with scroll arrows
    assert _texts(tabs.strip) == [tabs.tabText(i) for i in range(tabs.count())]
    combo = window.overview.form_combo
    combo.setCurrentIndex(combo.findData("department"))
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert "改进措施和建议" in titles
    assert _texts(tabs.strip) == titles
    button = tabs.strip.buttons[3]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert tabs.currentIndex() == 3
    assert button.isChecked() and not tabs.strip.buttons[0].isChecked()
    assert tabs.tabToolTip(3) != ""  # the full heading, shown over the short title


def test_a_narrow_strip_wraps_into_rows_with_every_tab_inside(ui_store, make_window):
    window = _window(ui_store, make_window)
    strip = window.tabs.strip
    wide = strip.sizeHint().width()
    one_row = strip.heightForWidth(wide)
    strip.resize(wide // 2, strip.heightForWidth(wide // 2))
    assert strip.height() > one_row
    for button in strip.buttons:
        assert strip.rect().contains(button.geometry())
        assert button.width() >= button.sizeHint().width()  # text not cut
    tops = {b.geometry().top() for b in strip.buttons}
    assert len(tops) >= 2
    corners = [b.mapTo(strip, QPoint(0, 0)) for b in strip.buttons]
    assert len(set((p.x(), p.y()) for p in corners)) == len(corners)  # none on top of another


def test_ctrl_tab_still_moves_between_tabs(ui_store, make_window, qtbot):
    window = _window(ui_store, make_window)
    tabs = window.tabs
    tabs.setCurrentIndex(0)
    window.overview.name_edit.setFocus()
    qtbot.keyClick(window.overview.name_edit, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert tabs.currentIndex() == 1
    assert tabs.strip.buttons[1].isChecked()


def test_a_bigger_font_makes_every_tab_wider(ui_store, make_window):
    """A tab's size follows its font (the sizes the layout asks for are kept until it
    changes)."""
    window = _window(ui_store, make_window)
    strip = window.tabs.strip
    before = [b.sizeHint().width() for b in strip.buttons]
    font = strip.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    strip.setFont(font)
    after = [b.sizeHint().width() for b in strip.buttons]
    assert all(a > b for a, b in zip(after, before, strict=True))
    assert strip.sizeHint().width() > sum(before)
