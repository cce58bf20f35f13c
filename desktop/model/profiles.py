"""Rule profiles (forms/profiles/*.toml): a province's 自评表 — title, columns, points, reasons.

A profile says how the 自评表 of a report kind looks in one province (or nationally): its title,
the labels of the funds block and its rows, the indicator columns, the closing rows, the
signature lines, and the rules printed on the form (points split, required reasons). Each file
cites the published documents it was verified against. ``mof-2020`` is the default.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.errors import InputError
from desktop.model.forms import data_dir
from desktop.model.project import DEFAULT_PROFILE
from desktop.model.vocabulary import vocabulary

PROFILES_DIR = "profiles"
DEPARTMENT_FORM = "department"


@dataclass(frozen=True)
class TableColumn:
    """One indicator column of a profile's table: the Indicator attribute and its header."""

    key: str
    label: str


@dataclass(frozen=True)
class FundsLine:
    """One row of the funds block: the model's source key and the label printed."""

    source: str
    label: str


@dataclass(frozen=True)
class Layout:
    """The 自评表 of one report kind (project or department) under a profile."""

    title: str
    year_line: str
    labels: dict[str, str]
    funds_label: str
    funds_unit: str
    funds_columns: dict[str, str]
    execution_labels: dict[str, str]
    funds_rows: tuple[FundsLine, ...]
    goal_labels: dict[str, str]
    indicators_label: str
    columns: tuple[TableColumn, ...]
    detailed_columns: tuple[TableColumn, ...] = ()
    total_label: str = "总分"
    grade: bool = True
    signatures: tuple[str, ...] = ()
    closing: tuple[tuple[str, str], ...] = ()
    funds_heading: str = ""
    reason_note: str = ""
    rate_per_row: bool = False
    content_section: str = ""
    header_note: str = ""
    table_number: str = ""
    target_group: str = ""
    other_label: str = ""
    other_section: str = ""
    breakdown_label: str = ""
    breakdown_columns: dict[str, str] = field(default_factory=dict)
    income_label: str = "收入"
    expense_label: str = "支出"
    staff_labels: dict[str, str] = field(default_factory=dict)

    def caption(self, year: int) -> str:
        """The table's title line for a year ("部门预算项目支出绩效自评表（2023年度）")."""
        return self.title.format(year=year)

    def columns_for(self, detailed: bool) -> tuple[TableColumn, ...]:
        """The indicator columns; the detailed variant when asked and the profile has one."""
        if detailed and self.detailed_columns:
            return self.detailed_columns
        return self.columns

    def label(self, key: str, default: str = "") -> str:
        """A header label (name, department, unit) or ``default``."""
        return self.labels.get(key, default)

    @property
    def in_yuan(self) -> bool:
        """True when the form's amounts are in 元 rather than 万元."""
        return self.funds_unit == "元"


@dataclass(frozen=True)
class Reasons:
    """Reasons the form requires (printed on it); empty/False where not verified."""

    low_execution_below: Decimal | None = None
    low_execution_limit: int | None = None
    budget_adjusted: bool = False
    goal_actual_limit: int | None = None
    closing_limit: int | None = None


@dataclass(frozen=True)
class Profile:
    """A rule profile: name, sources, points split, reasons and its table layouts."""

    key: str
    name: str
    province: str
    sources: tuple[str, ...]
    execution_points: Decimal
    indicator_points: Decimal
    reasons: Reasons
    project: Layout | None
    department: Layout | None
    detect: tuple[str, ...] = ()

    def layout(self, form_key: str) -> Layout:
        """The layout for a report of ``form_key``; the default profile's where this has none."""
        own = self.department if form_key == DEPARTMENT_FORM else self.project
        if own is not None:
            return own
        if self.key == DEFAULT_PROFILE:
            raise InputError(f"规则文件 {self.key}.toml 缺少表格版式")
        return load_profile(DEFAULT_PROFILE).layout(form_key)

    def covers(self, form_key: str) -> bool:
        """True when the profile has its own layout for that kind of report."""
        own = self.department if form_key == DEPARTMENT_FORM else self.project
        return own is not None

    def to_json(self) -> dict[str, Any]:
        """The listing entry of `jixiao profiles --json`."""
        kinds = [k for k, v in (("project", self.project), ("department", self.department)) if v]
        return {
            "key": self.key,
            "name": self.name,
            "province": self.province,
            "kinds": kinds,
            "sources": list(self.sources),
        }


def _dict(raw: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in (raw or {}).items()}


def _columns(raw: Any) -> tuple[TableColumn, ...]:
    """Columns given as a key (the vocabulary's label) or as {key, label} (the form's own word)."""
    words = vocabulary()
    return tuple(
        TableColumn(c, words.column_label(c))
        if isinstance(c, str)
        else TableColumn(str(c["key"]), str(c.get("label") or words.column_label(str(c["key"]))))
        for c in raw or []
    )


_TEXT_FIELDS = (
    "funds_heading",
    "reason_note",
    "content_section",
    "header_note",
    "table_number",
    "target_group",
    "other_label",
    "other_section",
    "breakdown_label",
)


def _layout(raw: dict[str, Any] | None) -> Layout | None:
    if raw is None:
        return None
    texts = {name: str(raw.get(name, "")) for name in _TEXT_FIELDS}
    return Layout(
        title=str(raw["title"]),
        year_line=str(raw.get("year_line", "")),
        labels=_dict(raw.get("labels")),
        funds_label=str(raw["funds_label"]),
        funds_unit=str(raw.get("funds_unit", "万元")),
        funds_columns=_dict(raw["funds_columns"]),
        execution_labels=_dict(raw["execution_labels"]),
        funds_rows=tuple(FundsLine(str(r["source"]), str(r["label"])) for r in raw["funds_rows"]),
        goal_labels=_dict(raw["goal_labels"]),
        indicators_label=str(raw["indicators_label"]),
        columns=_columns(raw["columns"]),
        detailed_columns=_columns(raw.get("detailed_columns")),
        total_label=str(raw.get("total_label", "总分")),
        grade=bool(raw.get("grade", True)),
        signatures=tuple(str(s) for s in raw.get("signatures", [])),
        closing=tuple((str(c["label"]), str(c["section"])) for c in raw.get("closing", [])),
        rate_per_row=bool(raw.get("rate_per_row", False)),
        breakdown_columns=_dict(raw.get("breakdown_columns")),
        income_label=str(raw.get("income_label", "收入")),
        expense_label=str(raw.get("expense_label", "支出")),
        staff_labels=_dict(raw.get("staff_labels")),
        **texts,
    )


def _int(value: Any) -> int | None:
    return int(value) if value not in (None, "") else None


def _parse(data: dict[str, Any], source: str) -> Profile:
    try:
        points = data.get("points", {})
        rs = data.get("reasons", {})
        below = rs.get("low_execution_below", "")
        profile = Profile(
            key=str(data["key"]),
            name=str(data["name"]),
            province=str(data.get("province", "")),
            sources=tuple(str(s) for s in data.get("sources", [])),
            execution_points=Decimal(str(points.get("execution", 10))),
            indicator_points=Decimal(str(points.get("indicators", 90))),
            reasons=Reasons(
                low_execution_below=Decimal(str(below)) if below not in ("", None) else None,
                low_execution_limit=_int(rs.get("low_execution_limit")),
                budget_adjusted=bool(rs.get("budget_adjusted", False)),
                goal_actual_limit=_int(rs.get("goal_actual_limit")),
                closing_limit=_int(rs.get("closing_limit")),
            ),
            project=_layout(data.get("project")),
            department=_layout(data.get("department")),
            detect=tuple(str(s) for s in data.get("detect", [])),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise InputError(f"规则文件 {source} 格式有误：{exc}") from None
    if profile.project is None and profile.department is None:
        raise InputError(f"规则文件 {source} 格式有误：没有 [project] 或 [department] 表格版式")
    return profile


@cache
def load_profile(key: str) -> Profile:
    """Load forms/profiles/<key>.toml (cached); InputError naming the key when unknown."""
    path = data_dir("forms") / PROFILES_DIR / f"{key}.toml"
    if not path.is_file():
        known = "、".join(available_profiles())
        raise InputError(f"未知的省份规则“{key}”（可用：{known}）")
    try:
        data = load_toml(path)
    except BadToml as exc:
        raise InputError(f"规则文件 {path.name} 不是有效的 TOML：{exc}") from None
    return _parse(data, path.name)


def available_profiles() -> list[str]:
    """Keys of every profile, the default first, the rest by key."""
    folder = data_dir("forms") / PROFILES_DIR
    keys = sorted(p.stem for p in folder.glob("*.toml"))
    keys.sort(key=lambda k: (k != DEFAULT_PROFILE, k))
    return keys


def profiles_for(form_key: str) -> list[Profile]:
    """Profiles with their own layout for a kind of report (the default always included)."""
    out = []
    for key in available_profiles():
        profile = load_profile(key)
        if key == DEFAULT_PROFILE or profile.covers(form_key):
            out.append(profile)
    return out


def detect_profile(texts: list[str]) -> str | None:
    """The profile whose marker text appears among a sheet's texts (not the default)."""
    joined = "\n".join(texts)
    compact = joined.replace(" ", "").replace("（", "(").replace("）", ")")
    for key in available_profiles():
        if key == DEFAULT_PROFILE:
            continue
        profile = load_profile(key)
        marks = [m.replace("（", "(").replace("）", ")") for m in profile.detect]
        if marks and all(m in compact for m in marks):
            return key
    return None


@cache
def profile_source_aliases() -> dict[str, str]:
    """Funds row labels of every profile ("总额", "单位资金" …) → the model's source key."""
    out: dict[str, str] = {}
    for key in available_profiles():
        profile = load_profile(key)
        for layout in (profile.project, profile.department):
            for line in layout.funds_rows if layout else ():
                label = line.label.replace("其中：", "").replace("其中:", "").replace(" ", "")
                out.setdefault(label, line.source)
    return out


@cache
def profile_funds_aliases() -> dict[str, str]:
    """Funds column headers of every profile ("调整后预算数", "预算执行数" …) → column key."""
    out: dict[str, str] = {}
    for key in available_profiles():
        profile = load_profile(key)
        for layout in (profile.project, profile.department):
            for column, label in (layout.funds_columns if layout else {}).items():
                out.setdefault(label.replace(" ", ""), column)
    return out
