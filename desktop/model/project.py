"""The domain objects: unit, project, funds, goals, sections, indicators."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from desktop.model.baseline import BaselineIndicator
from desktop.model.department import DeptFunds
from desktop.model.monitoring import Monitoring
from desktop.model.rectification import Rectification
from desktop.model.targets import ParsedTarget, parse_target
from desktop.model.vocabulary import vocabulary

SOURCES: tuple[str, ...] = ("total", "fiscal", "carryover", "other")
# Row and column labels of the funds block (forms/common/vocabulary.toml).
SOURCE_LABELS: dict[str, str] = {t.key: t.label for t in vocabulary().funds_sources}
# Sources some provincial forms add (四川 2023: 财政专户管理资金, 单位资金); kept on round trip.
PROVINCIAL_SOURCES: tuple[str, ...] = ("special_account", "unit_own")
ALL_SOURCES: tuple[str, ...] = SOURCES + PROVINCIAL_SOURCES
DEFAULT_PROFILE = "mof-2020"
FUNDS_COLUMNS: tuple[str, ...] = ("initial", "full_year", "executed")
FUNDS_COLUMN_LABELS: dict[str, str] = {t.key: t.label for t in vocabulary().funds_columns}
STATUSES: tuple[str, ...] = ("draft", "final")
YEAR_MIN, YEAR_MAX = 2000, 2100


@dataclass
class Unit:
    """A budget unit: 实施单位 with its 主管部门."""

    name: str
    department: str = ""
    code: str = ""
    profile: str = ""  # the unit's default rule profile ("" = the program's default)
    id: int | None = None


@dataclass
class FundsRow:
    """One source row of the funds block; amounts in 元, None = empty cell."""

    source: str
    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None

    def get(self, column: str) -> Decimal | None:
        """The amount of one column (initial|full_year|executed)."""
        value: Decimal | None = getattr(self, column)
        return value

    def is_empty(self) -> bool:
        """True when no column holds an amount."""
        return self.initial is None and self.full_year is None and self.executed is None


@dataclass
class Funds:
    """The funds block, one row per source (total, fiscal, carryover, other)."""

    rows: dict[str, FundsRow] = field(default_factory=dict)

    def row(self, source: str) -> FundsRow:
        """The row for ``source``, created empty when missing."""
        if source not in self.rows:
            self.rows[source] = FundsRow(source)
        return self.rows[source]

    def sources_sum(self, column: str) -> Decimal | None:
        """Sum of the non-total sources for a column; None when all are empty."""
        values = [
            r.get(column)
            for s, r in self.rows.items()
            if s != "total" and r.get(column) is not None
        ]
        if not values:
            return None
        return sum((v for v in values if v is not None), Decimal(0))

    def effective(self, column: str) -> Decimal | None:
        """The total row's amount, falling back to the sum of sources when it is empty."""
        total = self.rows.get("total")
        if total is not None and total.get(column) is not None:
            return total.get(column)
        return self.sources_sum(column)

    def budget(self) -> Decimal | None:
        """The budget: 全年预算数, else (empty or zero) 年初预算数 (``effective`` of each)."""
        return self.effective("full_year") or self.effective("initial")

    def set_total_from_sources(self) -> None:
        """Make the total row follow the sum of the sources (GUI editing)."""
        total = self.row("total")
        for column in FUNDS_COLUMNS:
            setattr(total, column, self.sources_sum(column))

    def ordered(self) -> list[FundsRow]:
        """Non-empty rows in the official order."""
        return [self.rows[s] for s in ALL_SOURCES if s in self.rows and not self.rows[s].is_empty()]


@dataclass
class Execution:
    """The 预算执行率 line of the 自评表: its 分值 and the entered 得分 (None = computed)."""

    weight: Decimal = Decimal(10)
    score: Decimal | None = None


@dataclass
class Goals:
    """年度总体目标: expected (预期目标) and actual (实际完成情况)."""

    target: str = ""
    actual: str = ""


@dataclass
class Indicator:
    """One row of the 绩效指标 table."""

    level1: str = ""
    level2: str = ""
    level3: str = ""
    target: str = ""
    actual: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str = ""
    operator: str | None = None
    unit: str | None = None

    def parsed_target(self) -> ParsedTarget:
        """The target as understood; explicit operator/unit columns win over parsing."""
        parsed = parse_target(self.target)
        if self.operator:
            op = self.operator.strip()
            if op in ("定性", "qualitative"):
                return ParsedTarget(None, None, parsed.unit, self.target)
            parsed = ParsedTarget(op, parsed.number, parsed.unit, parsed.text)
        if self.unit:
            parsed = ParsedTarget(parsed.operator, parsed.number, self.unit.strip(), parsed.text)
        return parsed


@dataclass
class Project:
    """One report: a project of a unit in a year, with everything the report holds."""

    unit: Unit
    year: int
    name: str
    form: str = "self_evaluation"
    status: str = "draft"
    signed_date: dt.date | None = None
    funds: Funds = field(default_factory=Funds)
    execution: Execution = field(default_factory=Execution)
    goals: Goals = field(default_factory=Goals)
    sections: dict[str, str] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    profile: str = DEFAULT_PROFILE
    dept: DeptFunds = field(default_factory=DeptFunds)
    baseline: list[BaselineIndicator] = field(default_factory=list)
    monitoring: Monitoring = field(default_factory=Monitoring)
    rectifications: list[Rectification] = field(default_factory=list)
    id: int | None = None

    @property
    def is_final(self) -> bool:
        """True once the project is 定稿."""
        return self.status == "final"

    def section(self, key: str) -> str:
        """Text of a section ('' when absent)."""
        return self.sections.get(key, "")
