"""Queries over the database: units, projects and their parts. Widgets never build SQL."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, NamedTuple

from desktop.model import limits
from desktop.model.department import DEPT_COLUMNS, DeptFunds, DeptLine
from desktop.model.errors import InputError
from desktop.model.money import from_centi, from_fen, shown, to_centi, to_fen
from desktop.model.project import (
    DEFAULT_PROFILE,
    FUNDS_COLUMNS,
    Execution,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)
from desktop.store.cycle import load_cycle, write_cycle
from desktop.store.db import Store, now_iso


class ProjectRow(NamedTuple):
    """A light listing row of a project (navigator, `list`): a tuple, cheap to make by the
    ten thousand."""

    id: int
    unit_id: int
    unit: str
    department: str
    year: int
    name: str
    form: str
    status: str


class ProjectPlace(NamedTuple):
    """Where a project sits in the navigator (unit and year), in the listing's order: all a
    big file's tree needs before a year is opened."""

    id: int
    unit_id: int
    year: int


def find_unit(store: Store, name: str) -> Unit | None:
    """A live unit by name."""
    row = store.row(
        "SELECT id, name, department, code, profile FROM unit "
        "WHERE name = ? AND deleted_at IS NULL",
        [name],
    )
    return _unit(row) if row is not None else None


def _unit(row: sqlite3.Row) -> Unit:
    return Unit(
        id=row["id"],
        name=row["name"],
        department=row["department"] or "",
        code=row["code"] or "",
        profile=row["profile"] or "",
    )


def ensure_unit(store: Store, unit: Unit) -> int:
    """The id of the unit named ``unit.name``, creating it (or filling its 主管部门)."""
    with store.transaction() as db:
        found = find_unit(store, unit.name)
        if found is not None and found.id is not None:
            if unit.department and not found.department:
                db.execute(
                    "UPDATE unit SET department = ? WHERE id = ?", [unit.department, found.id]
                )
            if unit.profile and not found.profile:
                db.execute("UPDATE unit SET profile = ? WHERE id = ?", [unit.profile, found.id])
            return found.id
        cur = db.execute(
            "INSERT INTO unit (name, department, code, profile, created_at) VALUES (?, ?, ?, ?, ?)",
            [unit.name, unit.department, unit.code, unit.profile or None, now_iso()],
        )
        return int(cur.lastrowid or 0)


def list_units(store: Store) -> list[Unit]:
    """Live units by name."""
    rows = store.rows(
        "SELECT id, name, department, code, profile FROM unit WHERE deleted_at IS NULL "
        "ORDER BY name"
    )
    return [_unit(r) for r in rows]


def update_unit(store: Store, unit: Unit) -> None:
    """Rename a unit or change its 主管部门."""
    if unit.id is None:
        raise InputError("单位尚未保存")
    other = find_unit(store, unit.name)
    if other is not None and other.id != unit.id:
        raise InputError(f"已存在名为“{unit.name}”的单位")
    with store.transaction() as db:
        db.execute(
            "UPDATE unit SET name = ?, department = ?, code = ?, profile = ? WHERE id = ?",
            [unit.name, unit.department, unit.code, unit.profile or None, unit.id],
        )


_LISTING_ORDER = " ORDER BY u.name, p.year DESC, p.name, p.id"
_LIVE = "p.deleted_at IS NULL AND u.deleted_at IS NULL"


def list_projects(
    store: Store,
    unit: str | None = None,
    year: int | None = None,
    deleted: bool = False,
    unit_id: int | None = None,
) -> list[ProjectRow]:
    """Projects (live, or in the 回收站 with ``deleted``) ordered by unit, year, name."""
    sql = (
        "SELECT p.id, u.id AS unit_id, u.name AS unit, COALESCE(u.department, ''), p.year, "
        "p.name, p.form, p.status "
        "FROM project p JOIN unit u ON u.id = p.unit_id WHERE "
        + ("p.deleted_at IS NOT NULL" if deleted else _LIVE)
    )
    params: list[Any] = []
    if unit is not None:
        sql += " AND u.name = ?"
        params.append(unit)
    if unit_id is not None:
        sql += " AND u.id = ?"
        params.append(unit_id)
    if year is not None:
        sql += " AND p.year = ?"
        params.append(year)
    sql += _LISTING_ORDER
    # Plain tuples in ProjectRow's field order (named access costs time at 10 000 rows).
    return [ProjectRow._make(r) for r in store.conn.execute(sql, params).fetchall()]


def list_project_places(store: Store) -> list[ProjectPlace]:
    """Every live project's id, unit and year, in list_projects' order (three numbers a row:
    a 10 000-project file lists in a third of the time)."""
    sql = (
        "SELECT p.id, p.unit_id, p.year FROM project p JOIN unit u ON u.id = p.unit_id WHERE "
        + _LIVE
        + _LISTING_ORDER
    )
    return [ProjectPlace._make(r) for r in store.conn.execute(sql).fetchall()]


def find_project_id(store: Store, unit: str, year: int, name: str) -> int | None:
    """The live project with that unit, year and name."""
    row = store.row(
        "SELECT p.id FROM project p JOIN unit u ON u.id = p.unit_id "
        "WHERE u.name = ? AND p.year = ? AND p.name = ? AND p.deleted_at IS NULL",
        [unit, year, name],
    )
    return int(row["id"]) if row else None


def load_project(store: Store, project_id: int) -> Project:
    """One whole project; InputError when there is none with that id."""
    projects = load_projects(store, [project_id])
    if not projects:
        raise InputError(f"找不到编号为 {project_id} 的项目")
    return projects[0]


def _chunks(ids: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


def load_projects(store: Store, ids: Sequence[int]) -> list[Project]:
    """Whole projects for ``ids`` (deleted ones included), in the order given; batched."""
    found: dict[int, Project] = {}
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        for r in store.rows(
            "SELECT p.id, p.year, p.name, p.form, p.status, p.signed_date, p.exec_weight, "
            "p.exec_score, p.goal_target, p.goal_actual, p.extra, p.profile, u.id AS unit_id, "
            "u.name AS unit_name, u.department, u.code, u.profile AS unit_profile "
            f"FROM project p JOIN unit u ON u.id = p.unit_id WHERE p.id IN ({marks})",
            chunk,
        ):
            found[r["id"]] = _project(r)
        for r in store.rows(
            "SELECT project_id, source, initial, full_year, executed FROM funds "
            f"WHERE project_id IN ({marks})",
            chunk,
        ):
            if r["project_id"] in found:
                found[r["project_id"]].funds.rows[r["source"]] = _funds_row(r)
        for r in store.rows(
            f"SELECT project_id, key, text FROM section WHERE project_id IN ({marks})", chunk
        ):
            if r["project_id"] in found:
                found[r["project_id"]].sections[r["key"]] = r["text"]
        for r in store.rows(
            "SELECT project_id, level1, level2, level3, target, actual, weight, score, deviation, "
            f"operator, unit FROM indicator WHERE project_id IN ({marks}) "
            "ORDER BY project_id, position",
            chunk,
        ):
            if r["project_id"] in found:
                found[r["project_id"]].indicators.append(_indicator(r))
        _load_department(store, chunk, marks, found)
        load_cycle(store, chunk, marks, found)
    return [found[i] for i in ids if i in found]


def _project(r: sqlite3.Row) -> Project:
    """A project row (joined with its unit) without its funds, sections and indicators."""
    weight = r["exec_weight"]
    return Project(
        id=r["id"],
        unit=Unit(
            id=r["unit_id"],
            name=r["unit_name"],
            department=r["department"] or "",
            code=r["code"] or "",
            profile=r["unit_profile"] or "",
        ),
        profile=r["profile"] or r["unit_profile"] or DEFAULT_PROFILE,
        year=r["year"],
        name=r["name"],
        form=r["form"],
        status=r["status"],
        signed_date=dt.date.fromisoformat(r["signed_date"]) if r["signed_date"] else None,
        execution=Execution(
            weight=from_centi(weight) or Decimal(0) if weight is not None else Decimal(10),
            score=from_centi(r["exec_score"]),
        ),
        goals=Goals(target=r["goal_target"] or "", actual=r["goal_actual"] or ""),
        extra=json.loads(r["extra"]) if r["extra"] else {},
    )


def _funds_row(r: sqlite3.Row) -> FundsRow:
    return FundsRow(
        r["source"], from_fen(r["initial"]), from_fen(r["full_year"]), from_fen(r["executed"])
    )


def _indicator(r: sqlite3.Row) -> Indicator:
    return Indicator(
        level1=r["level1"] or "",
        level2=r["level2"] or "",
        level3=r["level3"] or "",
        target=r["target"] or "",
        actual=r["actual"] or "",
        weight=from_centi(r["weight"]),
        score=from_centi(r["score"]),
        deviation=r["deviation"] or "",
        operator=r["operator"] or None,
        unit=r["unit"] or None,
    )


def _load_department(
    store: Store, chunk: Sequence[int], marks: str, found: dict[int, Project]
) -> None:
    """The department funds lines and counts of the projects in ``chunk``."""
    for r in store.rows(
        "SELECT project_id, side, key, label, previous, full_year, executed FROM dept_line "
        f"WHERE project_id IN ({marks}) ORDER BY project_id, position",
        chunk,
    ):
        if r["project_id"] in found:
            found[r["project_id"]].dept.lines.append(
                DeptLine(
                    r["side"],
                    r["key"],
                    r["label"],
                    from_fen(r["previous"]),
                    from_fen(r["full_year"]),
                    from_fen(r["executed"]),
                )
            )
    for r in store.rows(
        f"SELECT project_id, key, value FROM dept_count WHERE project_id IN ({marks})", chunk
    ):
        if r["project_id"] in found:
            found[r["project_id"]].dept.counts[r["key"]] = int(r["value"])


def _write_department(store: Store, project_id: int, dept: DeptFunds) -> None:
    db = store.db
    db.execute("DELETE FROM dept_line WHERE project_id = ?", [project_id])
    db.execute("DELETE FROM dept_count WHERE project_id = ?", [project_id])
    db.conn.executemany(
        "INSERT INTO dept_line (project_id, position, side, key, label, previous, full_year, "
        "executed) VALUES (?,?,?,?,?,?,?,?)",
        [
            (project_id, pos, x.side, x.key, x.label, *(to_fen(x.get(c)) for c in DEPT_COLUMNS))
            for pos, x in enumerate(dept.lines)
        ],
    )
    db.conn.executemany(
        "INSERT INTO dept_count (project_id, key, value) VALUES (?, ?, ?)",
        [(project_id, k, v) for k, v in dept.counts.items()],
    )


def _project_values(project: Project, unit_id: int) -> list[Any]:
    return [
        unit_id,
        project.year,
        project.name,
        project.form,
        project.status,
        project.signed_date.isoformat() if project.signed_date else None,
        to_centi(project.execution.weight),
        to_centi(project.execution.score),
        project.goals.target,
        project.goals.actual,
        json.dumps(project.extra, ensure_ascii=False) if project.extra else None,
        project.profile or DEFAULT_PROFILE,
        now_iso(),
    ]


def _write_children(store: Store, project_id: int, project: Project) -> None:
    db = store.db
    db.execute("DELETE FROM funds WHERE project_id = ?", [project_id])
    db.execute("DELETE FROM section WHERE project_id = ?", [project_id])
    db.execute("DELETE FROM indicator WHERE project_id = ?", [project_id])
    db.conn.executemany(
        "INSERT INTO funds (project_id, source, initial, full_year, executed) VALUES (?,?,?,?,?)",
        [
            (project_id, row.source, *(to_fen(row.get(c)) for c in FUNDS_COLUMNS))
            for row in project.funds.rows.values()
            if not row.is_empty()
        ],
    )
    db.conn.executemany(
        "INSERT INTO section (project_id, key, text) VALUES (?, ?, ?)",
        [(project_id, k, v) for k, v in project.sections.items()],
    )
    db.conn.executemany(
        "INSERT INTO indicator (project_id, position, level1, level2, level3, target, actual, "
        "weight, score, deviation, operator, unit) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                project_id,
                pos,
                i.level1,
                i.level2,
                i.level3,
                i.target,
                i.actual,
                to_centi(i.weight),
                to_centi(i.score),
                i.deviation,
                i.operator,
                i.unit,
            )
            for pos, i in enumerate(project.indicators)
        ],
    )
    _write_department(store, project_id, project.dept)
    write_cycle(store, project_id, project)


def _project_where(project: Project) -> str:
    return f"项目“{shown(project.name, 30)}”（{shown(project.unit.name, 30)}）"


def _replaceable(store: Store, project: Project, existing: int, replace: bool) -> None:
    """Refuse to overwrite an existing project unless ``replace``; never a 定稿 one."""
    where = f"“{project.name}”（{project.unit.name}，{project.year}年度，编号 {existing}）"
    if not replace:
        raise InputError(f"数据库中已有项目{where}；如需覆盖请使用 --replace")
    row = store.db.execute("SELECT status FROM project WHERE id = ?", [existing]).fetchone()
    if row is not None and row[0] == "final":
        raise InputError(
            f"数据库中的项目{where}已定稿，不能覆盖；如确需覆盖，请先撤销定稿"
            f"（窗口中“项目 → 撤销定稿…”，或 jixiao unfinalise {existing} --reason 原因）"
        )


def insert_projects(store: Store, projects: Sequence[Project], replace: bool = False) -> list[int]:
    """Create several projects in one transaction (all or nothing); the same project twice in
    ``projects`` is refused before anything is written."""
    first: dict[tuple[str, int, str], int] = {}
    for n, project in enumerate(projects, start=1):
        key = (project.unit.name, project.year, project.name)
        if key in first:
            raise InputError(
                f"要导入的第 {n} 个项目与第 {first[key]} 个项目相同：“{project.name}”"
                f"（{project.unit.name}，{project.year}年度）；同一项目只能导入一次"
            )
        first[key] = n
    with store.transaction():
        return [insert_project(store, project, replace=replace) for project in projects]


def insert_project(store: Store, project: Project, replace: bool = False) -> int:
    """Create the project (and its unit if new); refuses a duplicate unless ``replace``."""
    limits.check_project(project, _project_where(project))
    if project.profile != DEFAULT_PROFILE and not project.unit.profile:
        project.unit.profile = project.profile  # a unit's first provincial form is its default
    with store.transaction():
        unit_id = ensure_unit(store, project.unit)
        existing = find_project_id(store, project.unit.name, project.year, project.name)
        if existing is not None:
            _replaceable(store, project, existing, replace)
            store.db.execute(
                "UPDATE project SET deleted_at = ? WHERE id = ?", [now_iso(), existing]
            )
        cur = store.db.execute(
            "INSERT INTO project (unit_id, year, name, form, status, signed_date, exec_weight, "
            "exec_score, goal_target, goal_actual, extra, profile, updated_at, created_at) "
            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [*_project_values(project, unit_id), now_iso()],
        )
        project_id = int(cur.lastrowid or 0)
        _write_children(store, project_id, project)
    project.id = project_id
    project.unit.id = unit_id
    return project_id


def save_project(store: Store, project: Project) -> None:
    """Write the whole project over its stored version, in one transaction."""
    if project.id is None:
        raise InputError("项目尚未创建")
    limits.check_project(project, _project_where(project))
    with store.transaction():
        unit_id = ensure_unit(store, project.unit)
        store.db.execute(
            "UPDATE project SET unit_id=?, year=?, name=?, form=?, status=?, signed_date=?, "
            "exec_weight=?, exec_score=?, goal_target=?, goal_actual=?, extra=?, profile=?, "
            "updated_at=? "
            "WHERE id = ?",
            [*_project_values(project, unit_id), project.id],
        )
        _write_children(store, project.id, project)
    project.unit.id = unit_id


def save_section(store: Store, project_id: int, key: str, text: str) -> None:
    """Write one section's text (an edit flush)."""
    limits.check_text(text, "本部分", "文字", limits.MAX_SECTION_CHARS)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO section (project_id, key, text) VALUES (?, ?, ?) "
            "ON CONFLICT(project_id, key) DO UPDATE SET text = excluded.text",
            [project_id, key, text],
        )
        db.execute("UPDATE project SET updated_at = ? WHERE id = ?", [now_iso(), project_id])


def set_deleted(store: Store, project_id: int, deleted: bool) -> None:
    """Soft-delete a project into the 回收站, or restore it."""
    with store.transaction() as db:
        db.execute(
            "UPDATE project SET deleted_at = ? WHERE id = ?",
            [now_iso() if deleted else None, project_id],
        )


def siblings(store: Store, project: Project) -> list[Project]:
    """The other live projects of the same unit and year."""
    ids = [
        r.id
        for r in list_projects(store, unit=project.unit.name, year=project.year)
        if r.id != project.id
    ]
    return load_projects(store, ids)
