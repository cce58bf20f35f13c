"""Excel import: 项目支出绩效自评表 sheets back into Projects; bad files → InputError."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

from desktop.exchange.xlsx import layout as L
from desktop.exchange.xlsx.cells import Grid
from desktop.exchange.xlsx.package import check_package
from desktop.exchange.xlsx.profile_read import is_department_sheet, read_profiled_sheet
from desktop.exchange.xlsx.read import is_self_evaluation_sheet, read_project_sheet
from desktop.exchange.xlsx.summary import AUDIT_TITLE, SUMMARY_TITLE
from desktop.exchange.xlsx.target_form import is_target_form, read_target_form
from desktop.model.errors import InputError
from desktop.model.forms import available_forms, load_form
from desktop.model.profiles import DEPARTMENT_FORM, available_profiles, detect_profile
from desktop.model.project import DEFAULT_PROFILE, Project

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
DEFAULT_FORM = "self_evaluation"


def _load(path: Path) -> object:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件：{path}") from None
    except OSError as exc:
        raise InputError(f"无法读取文件 {path}：{exc.strerror}") from None
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_MARK in data:
            raise InputError(
                f"{path.name}：工作簿设有打开密码（已加密），无法读取；"
                "请在 Excel 中取消密码后另存为 .xlsx 再导入"
            )
        raise InputError(
            f"{path.name}：是旧版 Excel 97-2003（.xls）文件；请在 Excel 中另存为 .xlsx 再导入"
        )
    if not data.startswith(b"PK"):
        raise InputError(f"{path.name}：不是 Excel 工作簿（.xlsx）文件")
    check_package(data, path.name)  # sizes and cell positions, before openpyxl builds cells
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise InputError(f"{path.name}：文件已损坏，无法作为 .xlsx 工作簿打开（{exc}）") from None
    except Exception as exc:  # openpyxl raises many kinds on damaged XML
        raise InputError(f"{path.name}：文件已损坏或格式不受支持（{type(exc).__name__}）") from None


def _sheet_property(wb: object, name: str) -> dict[str, Any]:
    """Sheet title → value of a custom property our export wrote (empty when absent or bad)."""
    for prop in getattr(wb, "custom_doc_props", []) or []:
        if getattr(prop, "name", None) != name:
            continue
        try:
            data = json.loads(str(prop.value))
        except ValueError:
            return {}
        if isinstance(data, dict):
            return {str(k): v for k, v in data.items()}
    return {}


def _sheet_forms(wb: object) -> dict[str, str]:
    """Sheet title → form key as recorded by our export (unknown keys are ignored)."""
    from desktop.exchange.xlsx.export import FORMS_PROPERTY

    known = set(available_forms())
    return {k: str(v) for k, v in _sheet_property(wb, FORMS_PROPERTY).items() if v in known}


def _read_sheet(grid: Grid, wb: object, index: int) -> Project:
    """One sheet: its form and profile from our properties, else recognised by its labels."""
    from desktop.exchange.xlsx.export import DEPARTMENT_PROPERTY, PROFILES_PROPERTY

    title = grid.title
    department = is_department_sheet(grid)
    form_key = _sheet_forms(wb).get(title) or (DEPARTMENT_FORM if department else DEFAULT_FORM)
    known = set(available_profiles())
    stored = _sheet_property(wb, PROFILES_PROPERTY).get(title)
    profile = stored if stored in known else None
    profile = profile or detect_profile(grid.texts()) or DEFAULT_PROFILE
    if form_key != DEPARTMENT_FORM and not is_self_evaluation_sheet(grid):
        raise InputError(
            f"第 {index} 张表“{title}”：不是{L.TABLE_TITLE}格式"
            f"（找不到“{L.LABEL_NAME}”和“{L.LEVEL3.label}”）"
        )
    form = load_form(form_key)
    if profile == DEFAULT_PROFILE and form_key != DEPARTMENT_FORM:
        return read_project_sheet(grid, form)
    dept = _sheet_property(wb, DEPARTMENT_PROPERTY).get(title)
    return read_profiled_sheet(grid, form, str(profile), dept)


def read_workbook(path: Path) -> list[Project]:
    """Projects of every 自评表 sheet and 绩效目标申报表 sheet (汇总, 审核, 运行监控 and 整改
    sheets are skipped); InputError naming sheet/cell."""
    from desktop.exchange.xlsx.export import CYCLE_PROPERTY

    wb = _load(path)
    cycle_sheets = _sheet_property(wb, CYCLE_PROPERTY)
    projects: list[Project] = []
    for index, ws in enumerate(wb.worksheets, start=1):  # type: ignore[attr-defined]
        grid = Grid(ws, index)
        if not grid.values or ws.title in cycle_sheets:
            continue
        own = is_self_evaluation_sheet(grid) or is_department_sheet(grid)
        if not own and ws.title.strip() in (SUMMARY_TITLE, AUDIT_TITLE):
            continue  # the workbook's own 汇总/审核 sheets
        if is_target_form(grid):
            projects.append(read_target_form(grid))
            continue
        projects.append(_read_sheet(grid, wb, index))
    if not projects:
        raise InputError(f"{path.name}：工作簿中没有{L.TABLE_TITLE}")
    return projects
