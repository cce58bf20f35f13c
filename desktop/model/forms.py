"""Report forms loaded from forms/*.toml: outline, indicator framework, scoring settings."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.errors import InputError


def data_dir(name: str) -> Path:
    """Locate a data folder (forms, resources) in a checkout, a wheel or a frozen build."""
    here = Path(__file__).resolve()
    candidates = [here.parents[2] / name, here.parents[1] / "_data" / name]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen) / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


@dataclass(frozen=True)
class OutlineEntry:
    """One heading of a form's outline; ``key`` is set when the heading holds text."""

    level: int
    title: str
    key: str | None = None
    hint: str = ""
    template: str = ""
    required: bool = False
    indicator_table: bool = False
    tab: str = ""  # a level-1 heading's short name on its tab (else the heading unnumbered)


@dataclass(frozen=True)
class Band:
    """A qualitative score band: fraction of 分值 [low, high] and the suggested fraction."""

    name: str
    label: str
    low: Decimal
    high: Decimal
    suggest: Decimal
    phrases: tuple[str, ...]


@dataclass(frozen=True)
class Level1:
    """A 一级指标 of the framework with its 二级 list and default weight."""

    name: str
    weight: Decimal | None
    level2: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    numeric: tuple[str, ...] = ()
    satisfaction: bool = False
    benefit: bool = False
    typical: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class ScoringSettings:
    """Scoring defaults of a form (DOMAIN.md); every number is a setting."""

    execution_weight: Decimal = Decimal(10)
    reverse: str = "ratio"
    no_satisfaction: str = "move_to_benefit"
    execution_cap: bool = False
    execution_caps: tuple[tuple[Decimal, Decimal], ...] = ()
    high_target_ratio: Decimal = Decimal("1.3")
    grades: tuple[tuple[Decimal, str], ...] = (
        (Decimal(90), "优"),
        (Decimal(80), "良"),
        (Decimal(60), "中"),
        (Decimal(0), "差"),
    )
    bands: tuple[Band, ...] = ()


@dataclass(frozen=True)
class Form:
    """A report kind: its outline, indicator framework and scoring settings."""

    key: str
    title: str
    subtitle: str
    outline: tuple[OutlineEntry, ...]
    framework: tuple[Level1, ...]
    scoring: ScoringSettings
    level2_aliases: dict[str, str] = field(default_factory=dict)
    signature: bool = True
    default_name: str = ""  # the project name of an imported report without one (部门整体支出)
    short_title: str = ""  # the kind of report in a 合订本 title: 绩效自评报告, 绩效评价报告

    def subtitle_for(self, name: str, year: int) -> str:
        """The subtitle line of a report: "（保安费用）", "（2021年度）"."""
        return self.subtitle.replace("{name}", name).replace("{year}", str(year))

    def sections(self) -> list[OutlineEntry]:
        """Outline entries that hold text, in order."""
        return [e for e in self.outline if e.key]

    def section(self, key: str) -> OutlineEntry | None:
        """The outline entry of a section key."""
        for entry in self.outline:
            if entry.key == key:
                return entry
        return None

    def tabs(self) -> list[tuple[OutlineEntry, list[OutlineEntry]]]:
        """Level-1 headings with the text-holding entries under them (a tab each)."""
        groups: list[tuple[OutlineEntry, list[OutlineEntry]]] = []
        for entry in self.outline:
            if entry.level == 1:
                groups.append((entry, [entry] if entry.key else []))
            elif groups and entry.key:
                groups[-1][1].append(entry)
        return groups

    def level1_names(self) -> list[str]:
        """Names of the 一级指标 in order."""
        return [l1.name for l1 in self.framework]

    def level2_for(self, level1: str) -> list[str]:
        """二级指标 of a 一级 (after alias mapping); empty if unknown."""
        found = self.find_level1(level1)
        return list(found.level2) if found else []

    def find_level1(self, name: str) -> Level1 | None:
        """The framework's 一级 for a name or one of its aliases."""
        clean = strip_weight_suffix(name)
        for l1 in self.framework:
            if clean == l1.name or clean in l1.aliases:
                return l1
        return None

    def canonical_level1(self, name: str) -> str:
        """Map a 一级 name seen in real tables onto the framework (完成指标 → 产出指标)."""
        found = self.find_level1(name)
        return found.name if found else strip_weight_suffix(name)

    def canonical_level2(self, name: str) -> str:
        """Map a 二级 name onto the framework (社会效益指标 → 社会效益)."""
        clean = name.strip()
        return self.level2_aliases.get(clean, clean)

    def is_numeric_level2(self, level2: str) -> bool:
        """True where the 二级 category expects a number (数量/成本)."""
        canon = self.canonical_level2(level2)
        return any(canon in l1.numeric for l1 in self.framework)

    def is_cost_level2(self, level2: str) -> bool:
        """True for cost categories (成本指标 and its Sichuan variants)."""
        return "成本" in self.canonical_level2(level2)


def strip_weight_suffix(name: str) -> str:
    """ "产出指标(50分)" → "产出指标"."""
    clean = name.strip()
    for open_ in ("(", "（"):
        if open_ in clean:
            clean = clean.split(open_, 1)[0].strip()
    return clean


def _dec(value: Any, default: Decimal | None = None) -> Decimal | None:
    if value is None:
        return default
    return Decimal(str(value))


def _parse_form(data: dict[str, Any], source: str) -> Form:
    try:
        outline = tuple(
            OutlineEntry(
                level=int(e["level"]),
                title=str(e["title"]),
                key=e.get("key"),
                hint=str(e.get("hint", "")),
                template=str(e.get("template", "")),
                required=bool(e.get("required", False)),
                indicator_table=bool(e.get("indicator_table", False)),
                tab=str(e.get("tab", "")),
            )
            for e in data["outline"]
        )
        framework: list[Level1] = []
        level2_aliases: dict[str, str] = {}
        for item in data.get("framework", []):
            typical = {
                str(k): tuple((str(t["level3"]), str(t.get("target", ""))) for t in v)
                for k, v in item.get("typical", {}).items()
            }
            framework.append(
                Level1(
                    name=str(item["level1"]),
                    weight=_dec(item.get("weight")),
                    level2=tuple(item.get("level2", [])),
                    aliases=tuple(item.get("aliases", [])),
                    numeric=tuple(item.get("numeric", [])),
                    satisfaction=bool(item.get("satisfaction", False)),
                    benefit=bool(item.get("benefit", False)),
                    typical=typical,
                )
            )
            level2_aliases.update(
                {str(k): str(v) for k, v in item.get("level2_aliases", {}).items()}
            )
        sc = data.get("scoring", {})
        bands = tuple(
            Band(
                name=name,
                label=str(b["label"]),
                low=Decimal(str(b["low"])),
                high=Decimal(str(b["high"])),
                suggest=Decimal(str(b["suggest"])),
                phrases=tuple(b.get("phrases", [])),
            )
            for name, b in sc.get("bands", {}).items()
        )
        scoring = ScoringSettings(
            execution_weight=Decimal(str(sc.get("execution_weight", 10))),
            reverse=str(sc.get("reverse", "ratio")),
            no_satisfaction=str(sc.get("no_satisfaction", "move_to_benefit")),
            execution_cap=bool(sc.get("execution_cap", False)),
            execution_caps=tuple(
                (Decimal(str(r)), Decimal(str(c))) for r, c in sc.get("execution_caps", [])
            ),
            high_target_ratio=Decimal(str(sc.get("high_target_ratio", "1.3"))),
            grades=tuple((Decimal(str(c)), str(g)) for c, g in sc.get("grades", []))
            or ScoringSettings().grades,
            bands=bands,
        )
        return Form(
            key=str(data["key"]),
            title=str(data["title"]),
            subtitle=str(data.get("subtitle", "（{name}）")),
            outline=outline,
            framework=tuple(framework),
            scoring=scoring,
            level2_aliases=level2_aliases,
            signature=bool(data.get("signature", True)),
            default_name=str(data.get("default_name", "")),
            short_title=str(data.get("short_title", data["title"])),
        )
    except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
        raise InputError(f"表单文件 {source} 格式有误：{exc}") from None


@cache
def load_form(key: str) -> Form:
    """Load forms/<key>.toml (cached)."""
    path = data_dir("forms") / f"{key}.toml"
    if not path.is_file():
        raise InputError(f"未知的报告类型“{key}”（找不到表单文件 {path.name}）")
    try:
        data = load_toml(path)
    except BadToml as exc:
        raise InputError(f"表单文件 {path.name} 不是有效的 TOML：{exc}") from None
    return _parse_form(data, path.name)


def _is_form(path: Path) -> bool:
    """True for a report form (it has an outline), not a data file beside the forms."""
    try:
        return "[[outline]]" in path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False


def available_forms() -> list[str]:
    """Keys of all forms in forms/, in a stable order (self_evaluation first).

    Other TOML files there (instructions.toml: the official forms' instruction texts) are data
    for the checks, not report forms.
    """
    keys = sorted(p.stem for p in data_dir("forms").glob("*.toml") if _is_form(p))
    keys.sort(key=lambda k: (k != "self_evaluation", k))
    return keys
