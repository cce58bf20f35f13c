"""Starting the program: `python -m desktop --db PATH` opens the window and creates the file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.ui import app

REPO = Path(__file__).resolve().parents[2]


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", JIXIAO_QUIT_AFTER_SHOW="1")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_python_m_desktop_opens_window_and_creates_db(tmp_path):
    db = tmp_path / "new.db"
    done = _run(["--db", str(db)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [app.SHOWN_LINE, app.READY_LINE]
    assert db.is_file()
    from desktop.store import repo
    from desktop.store.db import open_store

    store = open_store(db, create=False)
    assert repo.list_projects(store) == []
    assert store.db.execute("SELECT COUNT(*) FROM app_lock").fetchone()[0] == 0
    store.close()
    assert (tmp_path / "backups").is_dir()


def test_db_equals_form_is_accepted(tmp_path):
    db = tmp_path / "eq.db"
    done = _run([f"--db={db}"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert db.is_file()


def test_not_a_database_exits_2_in_chinese(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    done = _run(["--db", str(bad)], tmp_path)
    assert done.returncode == 2
    assert "不是 SQLite 数据库" in done.stderr
    assert "Traceback" not in done.stderr
    assert bad.read_text(encoding="utf-8") == "这不是数据库"


def test_parse_db_arg():
    assert app.parse_db_arg(["--db", "a.db"]) == Path("a.db")
    assert app.parse_db_arg(["--db=b.db"]) == Path("b.db")
    assert app.parse_db_arg([]) is None


def test_excepthook_reports_in_chinese(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(app.QUIT_AFTER_SHOW, "1")
    monkeypatch.setenv("JIXIAO_LOG_DIR", str(tmp_path / "logs"))
    try:
        raise ValueError("boom")
    except ValueError as exc:
        app.excepthook(type(exc), exc, exc.__traceback__)
    err = capsys.readouterr().err
    assert "程序出现意外错误" in err
    log = tmp_path / "logs" / "jixiao-errors.log"
    assert str(log) in err and "Traceback" not in err
    assert "ValueError: boom" in log.read_text(encoding="utf-8")


def test_menus_are_complete_when_the_window_opens(ui_store, tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = app.open_main_window(ui_store, settings=settings)
    qtbot.addWidget(window)
    texts = [a.text() for a in window.menus.file.actions()]
    assert texts.count("退出") == 1 and texts[-1] == "退出"
    assert window.menus.export.actions()
    window.close()


def test_the_window_paints_before_the_features_load(tmp_path):
    code = (
        "import sys, desktop.ui.app as app, desktop.ui.actions as actions\n"
        "names = [f'desktop.ui.{n}' for n in actions.LAZY_FEATURES]\n"
        "print(sum(n in sys.modules for n in names))\n"
        "actions.load_features()\n"
        "print(sum(n in sys.modules for n in names), len(names))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    before, after = done.stdout.splitlines()
    assert before == "0"
    loaded, total = after.split()
    assert loaded == total  # every feature module loads (after the first paint)
    assert int(total) >= 9  # the menus' dialogs and actions, printing, importing, exporting


def test_every_action_named_by_module_and_function_exists():
    from desktop.ui.actions import ACTIONS, resolve

    named = [spec for spec in ACTIONS if isinstance(spec.slot, str)]
    assert len(named) >= 20
    for spec in named:
        assert callable(resolve(spec.slot)), spec.name
