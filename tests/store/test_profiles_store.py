"""Profile per project (a unit's as its default) and a department's lines stored and read back."""

from __future__ import annotations

from desktop.exchange.jsonio import project_to_dict
from desktop.store import repo
from desktop.store.db import open_store
from tests.dept_helpers import department_project, detailed_project


def test_department_and_profile_survive_the_file(db_path):
    store = open_store(db_path)
    project = department_project("hunan-dept-2023")
    pid = repo.insert_project(store, project)
    store.close()
    again = open_store(db_path)
    back = repo.load_project(again, pid)
    assert back.profile == "hunan-dept-2023"
    assert project_to_dict(back) == project_to_dict(project)
    again.close()


def test_a_units_first_provincial_form_becomes_its_default(fresh_store):
    repo.insert_project(fresh_store, detailed_project("sichuan-2023"))
    unit = repo.find_unit(fresh_store, "青神县发展和改革局")
    assert unit is not None and unit.profile == "sichuan-2023"


def test_project_profile_wins_over_the_units(fresh_store):
    repo.insert_project(fresh_store, detailed_project("sichuan-2023"))
    other = detailed_project("mof-2020")
    other.name = "另一个项目"
    other.unit.profile = ""
    pid = repo.insert_project(fresh_store, other)
    assert repo.load_project(fresh_store, pid).profile == "mof-2020"


def test_old_files_migrate_to_the_default_profile(db_path):
    import sqlite3

    from desktop.store.db import MIGRATIONS

    conn = sqlite3.connect(db_path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    MIGRATIONS[0](db)
    conn.execute("PRAGMA user_version=1")
    conn.execute("INSERT INTO unit (name, department, code) VALUES ('某局', '', '')")
    conn.execute(
        "INSERT INTO project (unit_id, year, name, form, status) "
        "VALUES (1, 2023, '旧项目', 'self_evaluation', 'draft')"
    )
    conn.commit()
    conn.close()
    store = open_store(db_path)
    assert repo.load_project(store, 1).profile == "mof-2020"
    store.close()
