"""Excel export: the 项目支出绩效自评表 per project and a 汇总 sheet (openpyxl)."""

from __future__ import annotations

import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import StringProperty

from desktop.exchange.files import write_bytes_atomic
from desktop.exchange.xlsx.cycle_sheets import add_cycle_sheets
from desktop.exchange.xlsx.layout import Styles
from desktop.exchange.xlsx.profile_sheet import write_profile_sheet
from desktop.exchange.xlsx.safe import sheet_name
from desktop.exchange.xlsx.sheet import write_project_sheet
from desktop.exchange.xlsx.summary import (
    AUDIT_TITLE,
    SUMMARY_TITLE,
    write_audit_sheet,
    write_summary_sheet,
)
from desktop.exchange.xlsx.xmlwriter import XmlOut, save_fast
from desktop.model.checks import Finding
from desktop.model.forms import load_form
from desktop.model.profiles import DEPARTMENT_FORM, load_profile
from desktop.model.project import DEFAULT_PROFILE, Project
from desktop.model.snapshot import dept_to_dict

FORMS_PROPERTY = "jixiao.forms"
PROFILES_PROPERTY = "jixiao.profiles"
DEPARTMENT_PROPERTY = "jixiao.department"
CYCLE_PROPERTY = "jixiao.cycle_sheets"


def write_sheet(ws: object, project: Project, styles: Styles) -> None:
    """One project's 自评表: the national writer for mof-2020 projects, else the profile's."""
    form = load_form(project.form)
    if project.profile == DEFAULT_PROFILE and project.form != DEPARTMENT_FORM:
        write_project_sheet(ws, project, form, styles)
        return
    layout = load_profile(project.profile).layout(project.form)
    write_profile_sheet(ws, project, form, layout, styles)


def build_workbook(
    projects: list[Project],
    findings: dict[int | None, list[Finding]] | None = None,
    sheets_limit: int | None = None,
    fast: bool = False,
    audit: bool = True,
) -> Workbook:
    """The workbook: 汇总 first when there are several projects, then one sheet per project,
    then (``audit`` and findings given) the internal 审核 sheet with the finding counts.

    ``sheets_limit`` caps how many projects get their own sheet (the 汇总 lists them all).
    ``fast`` prepares project sheets as XML: save such a workbook with ``save_fast`` only.
    """
    wb = Workbook()
    first = wb.active
    assert first is not None
    styles = Styles(first)
    used: set[str] = set()
    sheet_projects = projects if sheets_limit is None else projects[:sheets_limit]
    if len(projects) > 1:
        first.title = sheet_name(SUMMARY_TITLE, used)
        write_summary_sheet(first, projects, styles)
        with_audit = audit and findings is not None
        audit_title = sheet_name(AUDIT_TITLE, used) if with_audit else ""
        targets = [wb.create_sheet(sheet_name(p.name, used)) for p in sheet_projects]
        if with_audit and findings is not None:
            write_audit_sheet(wb.create_sheet(audit_title), projects, findings, styles)
    else:
        targets = [first]
        if projects:
            first.title = sheet_name(projects[0].name, used)
    forms: dict[str, str] = {}
    profiles: dict[str, str] = {}
    departments: dict[str, object] = {}
    for ws, project in zip(targets, sheet_projects, strict=False):
        out = XmlOut(ws, wb) if fast else ws
        write_sheet(out, project, styles)
        forms[ws.title] = project.form
        profiles[ws.title] = project.profile
        if not project.dept.is_empty():
            departments[ws.title] = dept_to_dict(project.dept)
    cycle = add_cycle_sheets(wb, projects, styles, used, sheet_projects)
    # The report kind, the rule profile and the department's lines as the program keeps them
    # are not part of the official table: keep them where import finds them.
    for name, value in (
        (FORMS_PROPERTY, forms),
        (PROFILES_PROPERTY, profiles),
        (DEPARTMENT_PROPERTY, departments),
        (CYCLE_PROPERTY, cycle),
    ):
        wb.custom_doc_props.append(
            StringProperty(name=name, value=json.dumps(value, ensure_ascii=False))
        )
    return wb


def workbook_bytes(
    projects: list[Project],
    findings: dict[int | None, list[Finding]] | None = None,
    sheets_limit: int | None = None,
    audit: bool = True,
) -> bytes:
    """The .xlsx file content."""
    return save_fast(build_workbook(projects, findings, sheets_limit, fast=True, audit=audit))


def write_workbook(
    projects: list[Project],
    out: Path,
    findings: dict[int | None, list[Finding]] | None = None,
    sheets_limit: int | None = None,
    audit: bool = True,
) -> None:
    """Write the workbook atomically; InputError in Chinese when the file cannot be written."""
    write_bytes_atomic(out, workbook_bytes(projects, findings, sheets_limit, audit))
