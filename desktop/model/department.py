"""The funds of a whole department (部门整体支出): income by source, expenditure by kind.

The lines and their labels come from forms/department.toml ([[funds.income]] / [[funds.expense]]);
a line names its parent, so 人员经费 + 公用经费 make 基本支出 and the project lines make 项目支出.
Amounts in 元 (Decimal), one value per column: 上年数 (previous), 全年预算数 (full_year) and
全年执行数/决算数 (executed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.errors import InputError
from desktop.model.forms import data_dir

SIDES: tuple[str, ...] = ("income", "expense")
DEPT_COLUMNS: tuple[str, ...] = ("previous", "full_year", "executed")
PROJECT_LINE = "project_line"
COUNT_KEYS: tuple[str, ...] = ("staff_quota", "staff_actual", "units")


@dataclass(frozen=True)
class LineKind:
    """A line of the structure: key, label, the names real reports use, its parent's key."""

    side: str
    key: str
    label: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The label first, then the aliases."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Structure:
    """The department funds structure of forms/department.toml."""

    kinds: tuple[LineKind, ...]
    project_parent: str
    counts: dict[str, tuple[str, ...]]

    def kind(self, side: str, key: str) -> LineKind | None:
        """The line kind of ``side`` with ``key``."""
        for k in self.kinds:
            if k.side == side and k.key == key:
                return k
        return None

    def children(self, side: str, key: str) -> list[LineKind]:
        """Kinds whose parent is ``key`` on that side."""
        return [k for k in self.kinds if k.side == side and k.parent == key]

    def side_kinds(self, side: str) -> list[LineKind]:
        """The kinds of one side in order."""
        return [k for k in self.kinds if k.side == side]


@dataclass
class DeptLine:
    """One stated line: a kind of the structure or a project line (key ``project_line``)."""

    side: str
    key: str
    label: str
    previous: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None

    def get(self, column: str) -> Decimal | None:
        """The amount of one column."""
        value: Decimal | None = getattr(self, column)
        return value

    def is_empty(self) -> bool:
        """True when no column holds an amount."""
        return all(self.get(c) is None for c in DEPT_COLUMNS)


@dataclass
class DeptFunds:
    """A department's stated income and expenditure lines and its counts."""

    lines: list[DeptLine] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when nothing is stated."""
        return not self.lines and not self.counts

    def line(self, side: str, key: str) -> DeptLine | None:
        """The first line of that side and key."""
        for line in self.lines:
            if line.side == side and line.key == key:
                return line
        return None

    def project_lines(self) -> list[DeptLine]:
        """The lines of 项目支出, in order."""
        return [x for x in self.lines if x.side == "expense" and x.key == PROJECT_LINE]

    def set(self, side: str, key: str, label: str, column: str, amount: Decimal) -> DeptLine:
        """Set one amount, creating the line when missing."""
        found = self.line(side, key) if key != PROJECT_LINE else None
        if found is None:
            found = DeptLine(side, key, label)
            self.lines.append(found)
        setattr(found, column, amount)
        return found


def _kinds(side: str, raw: list[dict[str, Any]]) -> list[LineKind]:
    return [
        LineKind(
            side=side,
            key=str(item["key"]),
            label=str(item["label"]),
            aliases=tuple(str(a) for a in item.get("aliases", [])),
            parent=str(item["parent"]) if item.get("parent") else None,
        )
        for item in raw
    ]


@cache
def structure() -> Structure:
    """The structure read from forms/department.toml [funds]."""
    path = data_dir("forms") / "department.toml"
    try:
        raw = load_toml(path)["funds"]
        kinds = _kinds("income", raw["income"]) + _kinds("expense", raw["expense"])
        counts = {str(k): tuple(str(x) for x in v) for k, v in raw.get("counts", {}).items()}
        return Structure(tuple(kinds), str(raw["project_parent"]), counts)
    except OSError as exc:
        raise InputError(f"找不到表单文件 {path.name}：{exc.strerror}") from None
    except (BadToml, KeyError, TypeError) as exc:
        raise InputError(f"表单文件 {path.name} 的 [funds] 格式有误：{exc}") from None


def amount_of(funds: DeptFunds, side: str, key: str, column: str) -> Decimal | None:
    """A line's stated amount, else the sum of its stated children (None when nothing is)."""
    line = funds.line(side, key)
    if line is not None and line.get(column) is not None:
        return line.get(column)
    parts = children_amounts(funds, side, key, column)
    return sum(parts, Decimal(0)) if parts else None


def children_amounts(funds: DeptFunds, side: str, key: str, column: str) -> list[Decimal]:
    """Amounts of the children of a line (project lines under 项目支出 included)."""
    st = structure()
    out: list[Decimal] = []
    for kind in st.children(side, key):
        value = amount_of(funds, side, kind.key, column)
        if value is not None:
            out.append(value)
    if side == "expense" and key == st.project_parent:
        out += [v for x in funds.project_lines() if (v := x.get(column)) is not None]
    return out
