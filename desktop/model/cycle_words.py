"""The words of the year's cycle (批复目标, 运行监控, 整改) from forms/common/cycle.toml.

Column labels, the allowed 偏差原因 and 完成目标可能性 values, the thresholds of the checks and
the enumeration marks of a 存在的问题 text are data; the grid, the sheet, the PDF and the checks
take them from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.errors import InputError
from desktop.model.forms import data_dir

CYCLE_FILE = "common/cycle.toml"


@dataclass(frozen=True)
class Choice:
    """A column or an allowed value: key (as in JSON), label (as printed), other names read."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The key, the label and the aliases."""
        return (self.key, self.label, *self.aliases)


@dataclass(frozen=True)
class CycleWords:
    """Everything forms/common/cycle.toml says."""

    baseline: dict[str, Any]
    monitoring: dict[str, Any]
    rectification: dict[str, Any]

    def _choices(self, table: dict[str, Any], name: str) -> tuple[Choice, ...]:
        months = str(self.monitoring.get("months", ""))
        return tuple(
            Choice(
                str(item["key"]),
                str(item["label"]).replace("{months}", months),
                tuple(str(a) for a in item.get("aliases", ())),
            )
            for item in table.get(name, ())
        )

    def baseline_columns(self) -> tuple[Choice, ...]:
        """一级 … 分值 of the approved targets."""
        return self._choices(self.baseline, "columns")

    def monitoring_columns(self) -> tuple[Choice, ...]:
        """The indicator columns of the 绩效运行监控表 ("1-7月执行情况" …)."""
        return self._choices(self.monitoring, "columns")

    def monitoring_funds_columns(self) -> tuple[Choice, ...]:
        """全年预算数, 1-7月执行数, 1-7月执行率, 全年预计执行数."""
        return self._choices(self.monitoring, "funds_columns")

    def deviation_causes(self) -> tuple[Choice, ...]:
        """经费保障 … 其他."""
        return self._choices(self.monitoring, "deviation_causes")

    def likelihoods(self) -> tuple[Choice, ...]:
        """确定能, 有可能, 完全不可能."""
        return self._choices(self.monitoring, "likelihoods")

    def rectification_columns(self) -> tuple[Choice, ...]:
        """存在的问题 … 完成情况."""
        return self._choices(self.rectification, "columns")

    def statuses(self) -> tuple[Choice, ...]:
        """open → 未完成, done → 已完成."""
        return self._choices(self.rectification, "statuses")

    def label(self, table: str, key: str) -> str:
        """A plain string setting of a table ("title", "months" …)."""
        value = getattr(self, table).get(key, "")
        return str(value).replace("{months}", str(self.monitoring.get("months", "")))

    def number(self, table: str, key: str, default: int) -> int:
        """An integer setting of a table."""
        value = getattr(self, table).get(key, default)
        return int(value) if isinstance(value, int) and not isinstance(value, bool) else default

    def strings(self, table: str, key: str) -> tuple[str, ...]:
        """A list-of-strings setting of a table."""
        return tuple(str(v) for v in getattr(self, table).get(key, ()))


def canonical(choices: tuple[Choice, ...], value: str) -> str | None:
    """The key of the choice ``value`` names (key, label or alias); None when none does."""
    text = value.strip()
    for choice in choices:
        if text in choice.names:
            return choice.key
    return None


@cache
def cycle_words() -> CycleWords:
    """forms/common/cycle.toml, read once; InputError naming the file when it is unreadable."""
    path = data_dir("forms") / CYCLE_FILE
    try:
        data = load_toml(path)
    except (OSError, BadToml) as exc:
        raise InputError(f"无法读取 {path}：{exc}") from None
    return CycleWords(
        baseline=dict(data.get("baseline", {})),
        monitoring=dict(data.get("monitoring", {})),
        rectification=dict(data.get("rectification", {})),
    )
