"""绩效运行监控 ("双监控"): mid-year execution and indicator progress, filed by August.

Execution to the end of the months monitored (1-7月 by default, forms/common/cycle.toml), the
full-year forecast, and per indicator its progress, forecast, 偏差原因, 完成目标可能性 and
纠偏措施. The 审核 reads it for shortfalls left without a 纠偏措施 and execution far behind time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from desktop.model.cycle_words import canonical, cycle_words
from desktop.model.money import round_rate
from desktop.model.targets import ParsedTarget, find_number, parse_target, to_base

SURE = "确定能"


@dataclass
class MonitoringIndicator:
    """Progress of one indicator (matched to the 绩效指标 by its 三级指标 name)."""

    level3: str = ""
    done_jan_jul: str = ""
    forecast: str = ""
    deviation_cause: str = ""  # one of the form's causes, "" = none given
    likelihood: str = ""  # 确定能 | 有可能 | 完全不可能, "" = not judged
    correction: str = ""

    def is_empty(self) -> bool:
        """True when nothing but (perhaps) the name is filled."""
        return (
            not any((self.done_jan_jul, self.forecast, self.deviation_cause, self.likelihood))
            and not self.correction.strip()
        )


@dataclass
class Monitoring:
    """The 绩效运行监控表 of a project: amounts in 元 (None = not filled)."""

    executed_jan_jul: Decimal | None = None
    forecast_full_year: Decimal | None = None
    indicators: list[MonitoringIndicator] = field(default_factory=list)

    def is_empty(self) -> bool:
        """True when nothing is filled."""
        return (
            self.executed_jan_jul is None
            and self.forecast_full_year is None
            and all(i.is_empty() for i in self.indicators)
        )


def deviation_cause_key(value: str) -> str | None:
    """The JSON value of a 偏差原因 ("硬件条件保障" → "硬件条件"); None when not one."""
    return canonical(cycle_words().deviation_causes(), value)


def likelihood_key(value: str) -> str | None:
    """The JSON value of a 完成目标可能性 ("不可能" → "完全不可能"); None when not one."""
    return canonical(cycle_words().likelihoods(), value)


def execution_rate(executed: Decimal | None, budget: Decimal | None) -> Decimal | None:
    """1-7月执行数 / 全年预算数, rounded to 0.0001; None without both or a zero budget."""
    if executed is None or budget is None or budget <= 0:
        return None
    return round_rate(executed / budget)


def time_progress() -> Decimal:
    """The share of the year the monitored months cover (7/12)."""
    months = cycle_words().number("monitoring", "elapsed_months", 7)
    return round_rate(Decimal(months) / Decimal(12))


def behind_threshold() -> Decimal:
    """The execution rate below which 执行 is far behind time (time progress − N points)."""
    points = cycle_words().number("monitoring", "behind_points", 20)
    return time_progress() - Decimal(points) / Decimal(100)


def _short_of(target: ParsedTarget, forecast: str) -> bool:
    """True when the forecast's number does not reach a quantitative target."""
    if not target.is_quantitative or target.number is None:
        return False
    number, unit = find_number(forecast)
    if number is None:
        return False
    goal, goal_unit = to_base(target.number, target.unit)
    value, value_unit = to_base(number, unit or target.unit)
    if value_unit and goal_unit and value_unit != goal_unit:
        return False  # different units: no judgement
    if target.operator in ("≤", "<"):
        return value > goal if target.operator == "≤" else value >= goal
    if target.operator == ">":
        return value <= goal
    return value < goal


def is_shortfall(item: MonitoringIndicator, target_text: str | None) -> bool:
    """The indicator is not expected to be met: judged so, or its forecast falls short."""
    if item.likelihood and item.likelihood != SURE:
        return True
    return target_text is not None and _short_of(parse_target(target_text), item.forecast)
