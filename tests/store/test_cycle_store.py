"""The year's cycle in the SQLite file: tables of migration 3, round trip, upgrade."""

from __future__ import annotations

import sqlite3

import sqlite_utils

from desktop.store import repo
from desktop.store.db import MIGRATIONS, SCHEMA_VERSION, open_store
from tests.cycle_helpers import year_project


def test_baseline_monitoring_and_rectifications_survive_the_file(fresh_store, db_path):
    project = year_project()
    pid = repo.insert_project(fresh_store, project)
    loaded = repo.load_project(fresh_store, pid)
    assert loaded.baseline == project.baseline
    assert loaded.monitoring == project.monitoring
    assert loaded.rectifications == project.rectifications
    raw = sqlite3.connect(db_path).execute(
        "SELECT executed_jan_jul, forecast_full_year FROM monitoring WHERE project_id = ?", [pid]
    )
    assert raw.fetchone() == (4800000, 8000000)  # INTEGER 分


def test_saving_replaces_and_clears(fresh_store):
    project = year_project()
    pid = repo.insert_project(fresh_store, project)
    project.rectifications = project.rectifications[1:]
    project.baseline = []
    project.monitoring.indicators = []
    project.monitoring.executed_jan_jul = None
    project.monitoring.forecast_full_year = None
    repo.save_project(fresh_store, project)
    loaded = repo.load_project(fresh_store, pid)
    assert loaded.baseline == [] and loaded.monitoring.is_empty()
    assert [r.problem for r in loaded.rectifications] == ["巡逻记录未按日归档"]


def test_a_version_2_file_is_upgraded_and_keeps_its_projects(tmp_path):
    path = tmp_path / "old.db"
    db = sqlite_utils.Database(sqlite3.connect(path))
    for migration in MIGRATIONS[:2]:
        migration(db)
    db.execute("PRAGMA user_version=2")
    db.execute("INSERT INTO unit (id, name) VALUES (1, '某单位')")
    db.execute(
        "INSERT INTO project (id, unit_id, year, name, form, status) "
        "VALUES (1, 1, 2023, '旧项目', 'self_evaluation', 'draft')"
    )
    db.conn.commit()
    db.close()
    store = open_store(path)
    try:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 3
        old = repo.load_project(store, 1)
        assert old.name == "旧项目" and old.baseline == [] and old.rectifications == []
        assert (tmp_path / "backups").is_dir()  # a copy before migrating
    finally:
        store.close()
