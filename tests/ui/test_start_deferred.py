"""What the first paint does without: the grid and section pages, 审核, the backup, heavy imports.

These tests assert what is loaded and built, never how long anything takes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.exchange.jsonio import read_projects
from desktop.store import repo
from desktop.ui.section_tabs import SectionPage, tab_title
from tests.cli_runner import run_python
from tests.ui.window_helpers import type_text

REPO = Path(__file__).resolve().parents[2]
FIXTURE = REPO / "tests" / "fixtures" / "seed003_baoan.json"

# Libraries the window's first paint must not load (printing, Excel, Word, PDF reading, the
# sqlite-utils command-line baggage); the checks load after the window is shown.
NOT_AT_START = (
    "reportlab",
    "openpyxl",
    "docx",
    "pdfplumber",
    "pypdf",
    "sqlite_utils",
    "click",
    "dateutil",
    "pluggy",
    "desktop.model.checks",
    "desktop.exchange",
)


def _stored_project(store) -> int:
    project = read_projects(FIXTURE)[0]
    with store.transaction():
        return repo.insert_project(store, project)


def test_only_the_tab_on_screen_is_built_before_the_first_paint(ui_store, make_window):
    pid = _stored_project(ui_store)
    window = make_window(ui_store)
    assert window.current_project().id == pid
    tabs = window.tabs
    assert tabs.built_grid() is None
    form = window.session.form
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    headings = [tab_title(h) for h, _ in form.tabs()]
    assert titles == ["概况", "绩效指标", *headings, "运行监控", "整改"]
    assert not isinstance(tabs.widget(2), SectionPage)  # a stand-in until built

    window.build_all()
    assert tabs.built_grid() is window.grid
    assert tabs.widget(1) is window.grid
    assert [tabs.tabText(i) for i in range(tabs.count())] == titles
    form_pages = range(2, 2 + len(headings))
    assert all(isinstance(tabs.widget(i), SectionPage) for i in form_pages)
    assert tabs.widget(tabs.count() - 2) is tabs.monitoring
    assert tabs.widget(tabs.count() - 1) is tabs.rectification
    assert tabs.currentWidget() is window.overview  # building moved nobody's view
    assert window.section_editor("basic_info").text() == window.current_project().section(
        "basic_info"
    )


def test_a_click_on_a_tab_not_yet_built_shows_it_filled(ui_store, make_window, qtbot):
    pid = _stored_project(ui_store)
    window = make_window(ui_store)
    tabs = window.tabs
    tabs.setCurrentIndex(1)  # 绩效指标, as a click on the tab does
    assert tabs.currentWidget() is window.grid
    project = repo.load_project(ui_store, pid)
    assert window.grid.model().rowCount() >= len(project.indicators)

    tabs.setCurrentIndex(3)
    page = tabs.currentWidget()
    assert isinstance(page, SectionPage)
    editor = page.editors[0]
    assert editor.text() == project.section(editor.key)
    type_text(editor.edit, "补充")  # the cursor starts at the beginning of the text
    assert window.current_project().section(editor.key) == "补充" + project.section(editor.key)


def test_switching_project_before_the_pages_are_built(ui_store, make_window):
    first = _stored_project(ui_store)
    second_project = read_projects(FIXTURE)[0]
    second_project.name = "另一个项目"
    second_project.sections["basic_info"] = "第二个项目的基本情况。"
    with ui_store.transaction():
        second = repo.insert_project(ui_store, second_project)
    window = make_window(ui_store)
    window.select_project(first)
    window.select_project(second)
    assert window.tabs.built_grid() is None
    assert window.section_editor("basic_info").text() == "第二个项目的基本情况。"
    assert window.grid.model().project is window.current_project()


def test_read_only_reaches_the_tabs_built_later(ui_store, make_window):
    _stored_project(ui_store)
    window = make_window(ui_store)
    window.session.set_read_only("测试：只读")
    window.build_all()
    assert window.section_editor("basic_info").edit.isReadOnly()
    assert window.grid.model().read_only


# The window's own modules the first paint does without: the menus' dialogs and features, the
# 收支情况 editor of department reports; and standard modules the start used to pay for.
NOT_BEFORE_PAINT = (
    *NOT_AT_START,
    "desktop.ui.dialogs",
    "desktop.ui.dept_editor",
    *(f"desktop.ui.{name}" for name in ("project_actions", "db_actions", "recycle_bin")),
    *(f"desktop.ui.{name}" for name in ("cycle_actions", "rescue", "print_actions")),
    *(f"desktop.ui.{name}" for name in ("text_import_dialog", "xlsx_dialogs")),
    "desktop.ui.finalise_actions",
    "html",
    "socket",
    "secrets",
    "platformdirs",
)

START_PROBE = """
import json, linecache, sys
from desktop.__main__ import load_before_qt
load_before_qt()
import desktop.ui  # Qt, as the program loads it
pyside_own = set(linecache.cache)  # what PySide6's import hook read while it was being set up
from PySide6.QtWidgets import QApplication
from desktop.ui.app import open_main_window
from desktop.store.db import open_store
from desktop.ui.screen_fit import ScreenFitter
app = QApplication([])
window = open_main_window(open_store(sys.argv[1]))
painted = []
import PySide6.QtWidgets as QtWidgets
unused = ("QFileDialog", "QMessageBox", "QColorDialog", "QCalendarWidget", "QMdiArea")
loaded = []
def on_paint():
    painted.append(sorted(sys.modules))
    loaded.extend(name for name in unused if name in vars(QtWidgets))
window.first_painted.connect(on_paint)
fitter_before = app.findChild(ScreenFitter) is not None
window.show()
for _ in range(500):
    app.processEvents()
    if painted:
        break
feature = sys.modules["PySide6.support.feature"]
read = sorted(set(linecache.cache) - pyside_own)
print(json.dumps({
    "painted": bool(painted),
    "modules": painted[0] if painted else [],
    "fitter_before": fitter_before,
    "fitter_after": app.findChild(ScreenFitter) is not None,
    "dept_built": window.overview._dept is not None,
    "table": feature.pyside_feature_dict.get("desktop.ui.main_window"),
    "sources_read": read,
    "qt_classes_loaded": loaded,
}))
window.close()
"""


def test_the_window_start_imports_nothing_the_first_paint_does_not_need(tmp_path):
    """Build and show the real window as the program does; what got imported and built by the
    first paint, and what the start left to after it."""
    db = tmp_path / "start.db"
    seed = run_python("-m", "desktop", "--db", str(db), "import-json", str(FIXTURE))
    assert seed.returncode == 0, seed.stderr
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        JIXIAO_CACHE_DIR=str(tmp_path / "cache"),
    )
    for _start in ("first", "every later one"):  # the first one fills the data files' cache
        done = run_python("-c", START_PROBE, str(db), env=env)
        assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["painted"]
    bad = [
        m for m in seen["modules"] if any(m == p or m.startswith(p + ".") for p in NOT_BEFORE_PAINT)
    ]
    assert bad == []
    # An application-wide event filter in Python would see every event of the start: the
    # screen fitter comes after the first paint (and then fits every dialog, test_screen_fit).
    assert not seen["fitter_before"] and seen["fitter_after"]
    assert not seen["dept_built"]  # a project report: no 收支情况 editor
    # PySide6's import hook found the program's modules and every module loaded before it
    # (the standard library's, which the model and the store use) in its table and read none of them.
    assert seen["table"] == 0
    assert seen["sources_read"] == []
    # PySide6 makes a Qt class's Python type when it is first used; wrapping a widget Qt made
    # itself (a scroll area's viewport) made it try every QWidget subclass, dialogs included.
    assert seen["qt_classes_loaded"] == []


def test_a_department_report_builds_its_editor_with_the_window(ui_store, make_window):
    from tests.dept_helpers import department_project

    with ui_store.transaction():
        pid = repo.insert_project(ui_store, department_project())
    window = make_window(ui_store)
    assert window.current_project().id == pid
    assert window.overview._dept is not None
    assert window.overview.dept_box.isVisible()


def test_a_damaged_file_found_by_the_background_check_is_never_written(tmp_path, qtbot):
    """The window's start checks the file while it builds the window; a damaged file ends
    read-only before anything (the lock, the daily backup) writes to it."""
    from PySide6.QtCore import QSettings

    from desktop.store.db import BackgroundCheck, open_store
    from desktop.ui.app import daily_backup, open_main_window
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    H.corrupt_one_page(path)
    damaged_bytes = path.read_bytes()
    store = open_store(path, quick_check=False)  # as the window opens it
    assert not store.read_only
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings, check=BackgroundCheck(path))
    qtbot.addWidget(window)
    assert window.read_only and window.store.damaged
    assert "已损坏" in window.session.read_only_reason
    daily_backup(window)
    window.close()
    assert path.read_bytes() == damaged_bytes
    assert not (tmp_path / "backups").exists()


def test_an_intact_file_opened_the_window_way_is_locked_and_editable(tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from desktop.store.db import BackgroundCheck, open_store
    from desktop.ui.app import open_main_window
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    store = open_store(path, quick_check=False)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = open_main_window(store, settings=settings, check=BackgroundCheck(path))
    qtbot.addWidget(window)
    assert not window.read_only and not store.damaged
    row = store.row("SELECT pid FROM app_lock WHERE id = 1")
    assert row is not None and row["pid"] == os.getpid()  # this window holds the lock
    window.close()


def test_the_program_checks_its_file_right_after_the_first_paint(tmp_path):
    """`jixiao --db FILE` checks the file just after the window's first paint; a damaged file
    still ends read-only and is never written (no lock, no backup)."""
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    H.corrupt_one_page(path)
    damaged_bytes = path.read_bytes()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_QUIT_AFTER_SHOW="1")
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    done = run_python("-m", "desktop", "--db", str(path), env=env)
    assert done.returncode == 0, done.stderr
    assert path.read_bytes() == damaged_bytes
    assert not (tmp_path / "backups").exists()


def _start_window(path: Path, tmp_path: Path, qtbot):
    """The window as the program's start builds it (check and lock not yet done)."""
    from PySide6.QtCore import QSettings

    from desktop.store.db import open_store
    from desktop.ui.app import start_main_window

    store = open_store(path, quick_check=False)  # as the window opens it
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    checks = start_main_window(store, settings=settings)
    qtbot.addWidget(checks.window)
    return checks


def _threads() -> set[str]:
    import threading

    return {t.name for t in threading.enumerate()}


def test_the_first_paint_comes_before_the_file_check_and_the_lock(tmp_path, qtbot):
    """Until the first paint the start only reads: no check thread, no lock; right after it
    the check runs and the lock is taken, and the window was editable all along."""
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    checks = _start_window(path, tmp_path, qtbot)
    window, store = checks.window, checks.window.store
    assert "quick-check" not in _threads()
    assert store.lock_token is None and store.pending is not None
    assert store.row("SELECT pid FROM app_lock WHERE id = 1") is None
    assert not window.read_only  # the first paint shows it as it will be
    checks.begin()  # the first step after the paint
    checks.settle()  # after the other tabs are built
    assert store.pending is None and not window.read_only and not store.damaged
    row = store.row("SELECT pid FROM app_lock WHERE id = 1")
    assert row is not None and row["pid"] == os.getpid()
    window.close()


def test_a_write_before_the_check_waits_for_it_and_a_damaged_file_stays_unwritten(tmp_path, qtbot):
    """An edit saved before the check has run (Ctrl+S at once) runs the check first: a
    damaged file then refuses the write and is read-only, its bytes unchanged."""
    from desktop.model.errors import StorageError
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    H.corrupt_one_page(path)
    damaged_bytes = path.read_bytes()
    checks = _start_window(path, tmp_path, qtbot)
    window, store = checks.window, checks.window.store
    assert not window.read_only and store.pending is not None
    with pytest.raises(StorageError), store.transaction() as db:
        db.execute("UPDATE project SET name = '改了' WHERE id = 1")
    assert store.damaged and window.read_only
    assert "已损坏" in window.session.read_only_reason
    checks.settle()  # the step after the paint: done already
    window.close()
    assert path.read_bytes() == damaged_bytes


def test_a_write_before_the_check_on_an_intact_file_takes_the_lock_first(tmp_path, qtbot):
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    checks = _start_window(path, tmp_path, qtbot)
    store = checks.window.store
    with store.transaction() as db:
        db.execute("UPDATE project SET name = '改了' WHERE id = 1")
    assert store.lock_token is not None and store.pending is None
    assert store.row("SELECT name FROM project WHERE id = 1")["name"] == "改了"
    checks.window.close()


def test_a_file_another_window_holds_is_read_only_from_the_first_paint(tmp_path, qtbot):
    from desktop.store import lock
    from desktop.store.db import open_store
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    other = open_store(path)
    assert lock.acquire(other) is None  # another window, this process: a live holder
    try:
        checks = _start_window(path, tmp_path, qtbot)
        assert checks.window.read_only and checks.window.store.pending is None
        assert "正由" in checks.window.session.read_only_reason
        checks.window.close()
    finally:
        lock.release(other)
        other.close()


START_AND_AFTER = """
import gc, sys
from desktop.__main__ import main
from desktop.model import dataclass_code
code = main(["--db", sys.argv[1]])
from PySide6.QtCore import QCoreApplication
from desktop.ui.collector import MainThreadCollector
app = QCoreApplication.instance()
on_gui = app is not None and app.findChild(MainThreadCollector) is not None
print(code, on_gui, gc.get_freeze_count() > 0, *dataclass_code.stats())
"""


def test_the_window_start_turns_the_collector_back_on_and_keeps_compiled_methods(tmp_path):
    """The start runs without the garbage collector; the window, once built, collects on the GUI
    thread (the start's objects frozen), so a long session's garbage is collected. The methods @dataclass
    writes are compiled at the first start only (kept in the cache folder after the paint)."""
    from tests import hostile_files as H

    path = H.seeded_database(tmp_path / "jixiao.db")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_QUIT_AFTER_SHOW="1")
    env.update(XDG_CONFIG_HOME=str(tmp_path / "cfg"), XDG_DATA_HOME=str(tmp_path / "data"))
    env.update(JIXIAO_CACHE_DIR=str(tmp_path / "cache"))
    seen = []
    for _start in ("first", "second"):
        done = run_python("-c", START_AND_AFTER, str(path), env=env)
        assert done.returncode == 0, done.stderr
        seen.append(done.stdout.strip().splitlines()[-1].split())
        assert seen[-1][:3] == ["0", "True", "True"]
    assert (tmp_path / "cache" / "code" / "dataclasses.marshal").is_file()
    compiled, used = (int(n) for n in seen[1][3:])
    assert compiled == 0 and used > 50
