"""Read a 自评表 sheet in a rule profile's layout: what the national reader does not know.

The national reader (read.py) finds the funds, goals and indicators by their labels; this adds
the parts a provincial or department form has: 四川's 项目基本情况 goals, closing rows, signature
lines and 原因 cell, 云南's 其他需要说明事项, a department's header, breakdown and counts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from desktop.exchange.dept_json import dept_from_dict
from desktop.exchange.xlsx.cells import Grid, norm, read_amount
from desktop.exchange.xlsx.read import read_parts, read_project_sheet, title_year
from desktop.model.department import PROJECT_LINE, DeptFunds, DeptLine, structure
from desktop.model.errors import InputError
from desktop.model.forms import Form
from desktop.model.money import WAN
from desktop.model.profile_rows import (
    OTHER_NOTES_KEY,
    PROJECT_LINE_PREFIX,
    REASON_KEY,
    SIGNATURES_KEY,
)
from desktop.model.profiles import DEPARTMENT_FORM, Layout, load_profile
from desktop.model.project import Goals, Project, Unit


def read_profiled_sheet(grid: Grid, form: Form, profile_key: str, dept_data: Any = None) -> Project:
    """The Project of a sheet in ``profile_key``'s layout for ``form``."""
    layout = load_profile(profile_key).layout(form.key)
    if form.key == DEPARTMENT_FORM:
        project = _read_department(grid, form, layout, dept_data)
    else:
        project = read_project_sheet(grid, form)
    project.profile = profile_key
    project.unit.profile = "" if profile_key == "mof-2020" else profile_key
    _profile_parts(grid, project, layout)
    return project


def is_department_sheet(grid: Grid) -> bool:
    """True when a sheet is a 部门整体支出 自评表 (its title and an indicator header)."""
    titled = grid.find(lambda t: "整体支出" in t and "自评表" in t) is not None
    return titled and grid.find(lambda t: t == "三级指标") is not None


def _label_value(grid: Grid, label: str) -> tuple[str, tuple[int, int] | None]:
    wanted = norm(label)
    at = grid.find(lambda t: t == wanted)
    if at is None:
        return "", None
    for c in range(grid.right_edge(*at) + 1, grid.max_col + 1):
        if grid.is_covered(at[0], c):
            continue
        text = grid.text(at[0], c)
        if text:
            return text, at
    return "", at


def _read_department(grid: Grid, form: Form, layout: Layout, dept_data: Any) -> Project:
    unit_label = layout.labels.get("unit", "")
    unit_name, at = _label_value(grid, unit_label)
    if at is None:
        raise InputError(f"第 {grid.index} 张表“{grid.title}”：找不到“{unit_label}”")
    if not unit_name:
        raise InputError(f"{grid.where(*at)}：{unit_label}为空")
    department = ""
    if "department" in layout.labels:
        department, _ = _label_value(grid, layout.labels["department"])
    year = title_year(grid, at[0], "2023年度")
    funds, execution, goals, indicators = read_parts(grid, form, at[0])
    if dept_data is not None:
        dept = dept_from_dict(dept_data, f"第 {grid.index} 张表“{grid.title}”")
    else:
        dept = _breakdown(grid, layout)
    return Project(
        unit=Unit(name=unit_name, department=department),
        year=year,
        name=str(form.default_name or form.title),
        form=form.key,
        funds=funds,
        execution=execution,
        goals=goals,
        indicators=indicators,
        dept=dept,
    )


def _breakdown(grid: Grid, layout: Layout) -> DeptFunds:
    """The 收支情况 block: side headers, lines by label, project lines by their prefix."""
    dept = DeptFunds()
    head = grid.find(lambda t: t == norm(layout.breakdown_label))
    if head is None:
        return dept
    cols: dict[str, int] = {}
    for c in grid.row_cells(head[0]):
        for key, label in layout.breakdown_columns.items():
            if norm(grid.text(head[0], c)) == norm(label):
                cols[key] = c
    scale = Decimal(1) if layout.in_yuan else WAN
    sides = {norm(layout.income_label): "income", norm(layout.expense_label): "expense"}
    side = ""
    st = structure()
    for row in range(head[0] + 1, grid.bottom_edge(*head) + 1):
        text = grid.text(row, 2).strip().replace("　", "")
        if norm(text) in sides:
            side = sides[norm(text)]
            continue
        if not side or not text:
            continue
        label = text.removeprefix("其中：").removeprefix("其中:")
        if label.startswith(PROJECT_LINE_PREFIX):
            key, label = PROJECT_LINE, label.removeprefix(PROJECT_LINE_PREFIX)
        else:
            kind = next((k for k in st.side_kinds(side) if label in k.names), None)
            key = kind.key if kind else "other_line"
        amounts = {k: read_amount(grid, row, c, scale) for k, c in cols.items()}
        dept.lines.append(DeptLine(side, key, label, **amounts))
    _counts(grid, layout, dept)
    return dept


def _counts(grid: Grid, layout: Layout, dept: DeptFunds) -> None:
    for key, label in layout.staff_labels.items():
        text, _ = _label_value(grid, label)
        if text.strip().isdigit():
            dept.counts[key] = int(text.strip())


def _profile_parts(grid: Grid, project: Project, layout: Layout) -> None:
    """Goals (四川 order), closing rows, signatures, 原因 and 其他需要说明事项."""
    g = layout.goal_labels
    if "first" in g:
        target_at = grid.find(lambda t: t == norm(g["target"]))
        actual_at = grid.find(lambda t: t == norm(g["actual"]))
        if target_at and actual_at:
            below = grid.bottom_edge(*target_at) + 1
            project.goals = Goals(grid.text(below, target_at[1]), grid.text(below, actual_at[1]))
        content, _ = _label_value(grid, g.get("content", ""))
        if content:
            project.sections[layout.content_section] = content
    for label, section in layout.closing:
        text, _ = _label_value(grid, label)
        if text:
            project.sections[section] = text
    if layout.other_label:
        text, _ = _label_value(grid, layout.other_label)
        if text and norm(text) != norm(layout.total_label):
            project.extra[OTHER_NOTES_KEY] = text
    _reason(grid, project, layout)
    _signatures(grid, project, layout)


def _reason(grid: Grid, project: Project, layout: Layout) -> None:
    label = layout.execution_labels.get("reason")
    if not label:
        return
    head = grid.find(lambda t: t == norm(label))
    if head is None:
        return
    text = grid.text(head[0] + 1, head[1])
    if text and norm(text) != norm(layout.reason_note):
        project.extra[REASON_KEY] = text


def _signatures(grid: Grid, project: Project, layout: Layout) -> None:
    names: dict[str, str] = {}
    for label in layout.signatures:
        prefix = norm(label) + ":"
        at = grid.find(lambda t, p=prefix: t.startswith(p))
        if at is None:
            continue
        name = norm(grid.text(*at)).removeprefix(norm(label) + ":")
        if not name:
            right = grid.text(at[0], grid.right_edge(*at) + 1)
            name = "" if ":" in norm(right) else right.strip()
        if name:
            names[label] = name
    if names:
        project.extra[SIGNATURES_KEY] = names
