"""The exchange format ``jixiao.project/1`` (and ``jixiao.bundle/1``): read and write."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.exchange.cycle_json import CYCLE_KEYS, cycle_from_dict
from desktop.exchange.dept_json import dept_from_dict
from desktop.exchange.files import write_text_atomic
from desktop.model import limits
from desktop.model.errors import InputError
from desktop.model.money import parse_money, parse_points, shown
from desktop.model.profile_rows import OTHER_NOTES_KEY, REASON_KEY, SIGNATURES_KEY
from desktop.model.project import (
    ALL_SOURCES,
    DEFAULT_PROFILE,
    FUNDS_COLUMNS,
    STATUSES,
    YEAR_MAX,
    YEAR_MIN,
    Execution,
    Funds,
    FundsRow,
    Goals,
    Indicator,
    Project,
    Unit,
)
from desktop.model.snapshot import PROJECT_FORMAT, project_to_dict

BUNDLE_FORMAT = "jixiao.bundle/1"
MAX_JSON_BYTES = 100 * 1024 * 1024
PROJECT_KEYS = {
    "format",
    "id",
    "unit",
    "year",
    "name",
    "form",
    "status",
    "signed_date",
    "funds",
    "execution",
    "goals",
    "sections",
    "indicators",
    "profile",
    "department",
    *CYCLE_KEYS,
}
# The cells a rule profile's 自评表 adds (四川 原因 and signature lines, 云南 其他需要说明事项):
# kept in Project.extra, checked on import, never reported as unknown.
PROFILE_CELL_KEYS = (REASON_KEY, SIGNATURES_KEY, OTHER_NOTES_KEY)
INDICATOR_KEYS = {
    "level1",
    "level2",
    "level3",
    "target",
    "actual",
    "weight",
    "score",
    "deviation",
    "operator",
    "unit",
}


def dumps(data: Any) -> str:
    """JSON text as written to files: UTF-8, readable, stable."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _text(value: Any, where: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(f"{where}：应为文本")
    if limits.has_surrogate(value):
        raise InputError(f"{where}：文本含有无效字符（单独的 UTF-16 代理码，如 \\ud800）")
    return value


def _obj(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(f"{where}：应为对象（{{…}}）")
    return value


def _year(value: Any, where: str) -> int:
    if isinstance(value, bool):
        raise InputError(f"{where}：“{value}”不是有效年度")
    text = shown(value).strip()
    if len(text) > 10:  # never convert a thousand-digit "year"
        raise InputError(f"{where}：年度“{text}”超出范围（{YEAR_MIN}–{YEAR_MAX}）")
    try:
        year = int(text)
    except ValueError:
        raise InputError(f"{where}：“{text}”不是有效年度") from None
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise InputError(f"{where}：年度 {text} 超出范围（{YEAR_MIN}–{YEAR_MAX}）")
    return year


def _profile_cells(extra: dict[str, Any], where: str) -> None:
    """The profile's own cells among the top-level fields: texts, and names by signature line."""
    for key in (REASON_KEY, OTHER_NOTES_KEY):
        if key in extra:
            extra[key] = _text(extra[key], f"{where}.{key}")
    if SIGNATURES_KEY in extra:
        names = _obj(extra[SIGNATURES_KEY], f"{where}.{SIGNATURES_KEY}")
        extra[SIGNATURES_KEY] = {
            str(k): _text(v, f"{where}.{SIGNATURES_KEY}.{k}") for k, v in names.items()
        }


def project_from_dict(data: Any, where: str, warnings: list[str] | None = None) -> Project:
    """Build a Project from its JSON object; InputError naming ``where`` and the field."""
    data = _obj(data, where)
    fmt = data.get("format", PROJECT_FORMAT)
    if fmt != PROJECT_FORMAT:
        raise InputError(f"{where}.format：不支持的格式“{shown(fmt)}”（应为 {PROJECT_FORMAT}）")
    unit = _unit(data.get("unit"), f"{where}.unit")
    if "year" not in data:
        raise InputError(f"{where}.year：缺少年度")
    year = _year(data["year"], f"{where}.year")
    name = _text(data.get("name"), f"{where}.name").strip()
    if not name:
        raise InputError(f"{where}.name：缺少项目名称")
    form = _form(data.get("form"), f"{where}.form")
    status = _status(data.get("status"), f"{where}.status")
    signed = _date(data.get("signed_date"), f"{where}.signed_date")
    funds = _funds(data.get("funds"), f"{where}.funds")
    exec_obj = _obj(data.get("execution"), f"{where}.execution")
    weight = parse_points(exec_obj.get("weight"), f"{where}.execution.weight")
    execution = Execution(
        weight=weight if weight is not None else Decimal(10),
        score=parse_points(exec_obj.get("score"), f"{where}.execution.score"),
    )
    goals_obj = _obj(data.get("goals"), f"{where}.goals")
    goals = Goals(
        target=_text(goals_obj.get("target"), f"{where}.goals.target"),
        actual=_text(goals_obj.get("actual"), f"{where}.goals.actual"),
    )
    sections_obj = _obj(data.get("sections"), f"{where}.sections")
    sections = {str(k): _text(v, f"{where}.sections.{k}") for k, v in sections_obj.items()}
    unknown_nested: set[str] = set()
    indicators = _indicators(data.get("indicators"), f"{where}.indicators", unknown_nested)
    profile = _profile(data.get("profile"), f"{where}.profile")
    dept = dept_from_dict(data.get("department"), f"{where}.department")
    cycle = Project(unit=unit, year=year, name=name)
    cycle_from_dict(data, where, cycle, unknown_nested)
    extra = {k: v for k, v in data.items() if k not in PROJECT_KEYS}
    _profile_cells(extra, where)
    unknown = [k for k in extra if k not in PROFILE_CELL_KEYS]
    if warnings is not None and (unknown or unknown_nested):
        names = [shown(n, 30) for n in sorted(unknown) + sorted(unknown_nested)]
        more = f" 等 {len(names)} 个" if len(names) > 10 else ""
        kept = "（顶层字段已保留）" if unknown else ""
        warnings.append(f"{where}：未知字段 {'、'.join(names[:10])}{more}{kept}")
    project = Project(
        unit=unit,
        year=year,
        name=name,
        form=form,
        status=status,
        signed_date=signed,
        funds=funds,
        execution=execution,
        goals=goals,
        sections=sections,
        indicators=indicators,
        extra=extra,
        profile=profile,
        dept=dept,
        baseline=cycle.baseline,
        monitoring=cycle.monitoring,
        rectifications=cycle.rectifications,
    )
    limits.check_project(project, where)
    return project


def _unit(value: Any, where: str) -> Unit:
    """The unit: an object {name, department, code} or just its name."""
    if isinstance(value, str):
        unit = Unit(name=value.strip())
    else:
        unit_obj = _obj(value, where)
        unit = Unit(
            name=_text(unit_obj.get("name"), f"{where}.name").strip(),
            department=_text(unit_obj.get("department"), f"{where}.department").strip(),
            code=_text(unit_obj.get("code"), f"{where}.code").strip(),
        )
    if not unit.name:
        raise InputError(f"{where}.name：缺少实施单位名称")
    return unit


def _form(value: Any, where: str) -> str:
    """The report kind (default self_evaluation); InputError naming the known ones."""
    from desktop.model.forms import available_forms

    form = _text(value or "self_evaluation", where)
    if form not in available_forms():
        raise InputError(
            f"{where}：未知的报告类型“{shown(form)}”（可用：{'、'.join(available_forms())}）"
        )
    return form


def _status(value: Any, where: str) -> str:
    status = _text(value or "draft", where)
    if status not in STATUSES:
        raise InputError(f"{where}：“{shown(status)}”应为 draft 或 final")
    return status


def _date(value: Any, where: str) -> dt.date | None:
    if not value:
        return None
    raw = _text(value, where)
    try:
        return dt.date.fromisoformat(raw.strip())
    except ValueError:
        raise InputError(f"{where}：“{shown(raw)}”不是日期（应为 2024-01-25）") from None


def _funds(value: Any, where: str) -> Funds:
    funds = Funds()
    rows = value or []
    if not isinstance(rows, list):
        raise InputError(f"{where}：应为列表")
    for i, row in enumerate(rows):
        rw = f"{where}[{i}]"
        row = _obj(row, rw)
        source = _text(row.get("source"), f"{rw}.source")
        if source not in ALL_SOURCES:
            raise InputError(f"{rw}.source：“{shown(source)}”应为 {'|'.join(ALL_SOURCES)} 之一")
        if source in funds.rows:
            raise InputError(f"{rw}.source：资金来源“{source}”重复")
        funds.rows[source] = FundsRow(
            source, *(parse_money(row.get(c), f"{rw}.{c}") for c in FUNDS_COLUMNS)
        )
    return funds


def _indicators(value: Any, where: str, unknown: set[str]) -> list[Indicator]:
    """The indicator rows; names of unknown fields are added to ``unknown``."""
    items = value or []
    if not isinstance(items, list):
        raise InputError(f"{where}：应为列表")
    out: list[Indicator] = []
    for i, item in enumerate(items):
        iw = f"{where}[{i}]"
        item = _obj(item, iw)
        unknown.update(f"indicators[].{k}" for k in item if k not in INDICATOR_KEYS)
        out.append(
            Indicator(
                level1=_text(item.get("level1"), f"{iw}.level1"),
                level2=_text(item.get("level2"), f"{iw}.level2"),
                level3=_text(item.get("level3"), f"{iw}.level3"),
                target=_text(item.get("target"), f"{iw}.target"),
                actual=_text(item.get("actual"), f"{iw}.actual"),
                weight=parse_points(item.get("weight"), f"{iw}.weight"),
                score=parse_points(item.get("score"), f"{iw}.score"),
                deviation=_text(item.get("deviation"), f"{iw}.deviation"),
                operator=_text(item.get("operator"), f"{iw}.operator") or None,
                unit=_text(item.get("unit"), f"{iw}.unit") or None,
            )
        )
    return out


def _profile(value: Any, where: str) -> str:
    """The rule profile key (default mof-2020); InputError naming the known ones."""
    from desktop.model.profiles import available_profiles

    key = _text(value, where).strip() or DEFAULT_PROFILE
    known = available_profiles()
    if key not in known:
        raise InputError(f"{where}：未知的省份规则“{shown(key)}”（可用：{'、'.join(known)}）")
    return key


def _parse_int(text: str) -> int | Decimal:
    """JSON integers: a long literal stays a Decimal (int() refuses more than 4300 digits)."""
    return int(text) if len(text) <= 30 else Decimal(text)


def _parse(text: str, source: str) -> Any:
    """The JSON value of ``text``; InputError for bad syntax, too deep nesting, bad characters."""
    try:
        data = json.loads(text, parse_float=Decimal, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}：不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except RecursionError:
        raise InputError(
            f"{source}：JSON 嵌套层数过多（超过 {limits.MAX_DEPTH} 层），不是本程序的项目文件"
        ) from None
    limits.check_tree(data, source)
    return data


def _no_duplicates(projects: list[Project], source: str) -> None:
    """Refuse a bundle that holds the same project (unit, year, name) twice."""
    first: dict[tuple[str, int, str], int] = {}
    for i, p in enumerate(projects):
        key = (p.unit.name, p.year, p.name)
        if key in first:
            raise InputError(
                f"{source}：projects[{i}] 与 projects[{first[key]}] 是同一个项目"
                f"“{p.name}”（{p.unit.name}，{p.year}年度）；同一文件中每个项目只能出现一次"
            )
        first[key] = i


def loads_projects(text: str, source: str, warnings: list[str] | None = None) -> list[Project]:
    """Parse a project or bundle document; InputError naming ``source`` on any problem."""
    data = _parse(text, source)
    if not isinstance(data, dict):
        raise InputError(f"{source}：内容应为 JSON 对象")
    fmt = data.get("format")
    if fmt == BUNDLE_FORMAT:
        items = data.get("projects")
        if not isinstance(items, list):
            raise InputError(f"{source}.projects：应为项目列表")
        if len(items) > limits.MAX_PROJECTS_PER_IMPORT:
            raise InputError(
                f"{source}：项目过多（{len(items):,} 个，一次最多导入 "
                f"{limits.MAX_PROJECTS_PER_IMPORT:,} 个）；请分成几个文件"
            )
        projects = [
            project_from_dict(item, f"{source}：projects[{i}]", warnings)
            for i, item in enumerate(items)
        ]
        _no_duplicates(projects, source)
        return projects
    if fmt != PROJECT_FORMAT:
        raise InputError(
            f"{source}：不支持的格式“{shown(fmt)}”（应为 {PROJECT_FORMAT} 或 {BUNDLE_FORMAT}）"
        )
    return [project_from_dict(data, source, warnings)]


def read_projects(path: Path, warnings: list[str] | None = None) -> list[Project]:
    """Read a JSON file of one project or a bundle."""
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise InputError(
                f"{path.name}：文件过大（{size / 1024 / 1024:.1f} MB，最多 "
                f"{MAX_JSON_BYTES // 1024 // 1024} MB）；请分成几个文件"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件：{path}") from None
    except OSError as exc:
        raise InputError(f"无法读取文件 {path}：{exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path.name}：不是 UTF-8 编码的 JSON 文件") from None
    return loads_projects(text, path.name, warnings)


def write_projects(projects: list[Project], path: Path) -> None:
    """Write one project, or a bundle for several, atomically (temp file + rename)."""
    if len(projects) == 1:
        data: Any = project_to_dict(projects[0])
    else:
        data = {"format": BUNDLE_FORMAT, "projects": [project_to_dict(p) for p in projects]}
    write_text_atomic(path, dumps(data))
