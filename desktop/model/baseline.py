"""批复的绩效目标: the approved targets of a project and how its indicators differ from them.

The targets approved with the budget may not be changed afterwards; the 自评 scores against
them. A project's baseline is recorded once (记录批复目标, `jixiao baseline`, or an imported
绩效目标申报表) and compared with its indicators by the 审核.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from desktop.model.money import fmt_number
from desktop.model.regex_cache import compiled

_SPACE_RE = compiled(r"\s+")
_SIGNS = str.maketrans({"≧": "≥", "≦": "≤", "═": "=", "＝": "=", "＞": ">", "＜": "<"})


class IndicatorLike(Protocol):
    """What the comparison reads of an indicator row (model.project.Indicator)."""

    level1: str
    level2: str
    level3: str
    target: str
    weight: Decimal | None


@dataclass
class BaselineIndicator:
    """One approved indicator: 一级/二级/三级, 指标值 and 分值 (None when not approved)."""

    level1: str = ""
    level2: str = ""
    level3: str = ""
    target: str = ""
    weight: Decimal | None = None


@dataclass(frozen=True)
class BaselineDiff:
    """One difference from the approved targets.

    ``kind`` is "target" or "weight" (changed, ``row`` the indicator's row), "missing" (the
    approved indicator is gone, ``row`` None) or "added" (an indicator that was not approved).
    """

    kind: str
    approved: BaselineIndicator | None
    row: int | None
    approved_value: str = ""
    current_value: str = ""


def normalised(text: str) -> str:
    """Text as compared: NFKC, no spaces, one spelling of ≥ ≤ =."""
    return _SPACE_RE.sub("", unicodedata.normalize("NFKC", text.translate(_SIGNS)))


def from_indicators(indicators: Sequence[IndicatorLike]) -> list[BaselineIndicator]:
    """The approved targets as the indicators state them now (记录批复目标)."""
    return [
        BaselineIndicator(i.level1, i.level2, i.level3, i.target, i.weight)
        for i in indicators
        if (i.level3 or i.target).strip()
    ]


def _match(baseline: list[BaselineIndicator], names: list[str]) -> dict[int, int]:
    """Approved index → indicator row, by 三级指标 name in order; each row used once."""
    free: dict[str, list[int]] = {}
    for row, name in enumerate(names):
        free.setdefault(normalised(name), []).append(row)
    matched: dict[int, int] = {}
    for index, item in enumerate(baseline):
        rows = free.get(normalised(item.level3))
        if item.level3.strip() and rows:
            matched[index] = rows.pop(0)
    return matched


def compare(
    baseline: list[BaselineIndicator], indicators: Sequence[IndicatorLike]
) -> list[BaselineDiff]:
    """Every changed 指标值 or 分值, every approved indicator gone, every one not approved."""
    if not baseline:
        return []
    matched = _match(baseline, [i.level3 for i in indicators])
    diffs: list[BaselineDiff] = []
    for index, item in enumerate(baseline):
        row = matched.get(index)
        if row is None:
            if item.level3.strip():
                diffs.append(BaselineDiff("missing", item, None, item.target))
            continue
        current = indicators[row]
        if normalised(item.target) != normalised(current.target):
            diffs.append(BaselineDiff("target", item, row, item.target, current.target))
        if item.weight is not None and current.weight != item.weight:
            diffs.append(
                BaselineDiff(
                    "weight", item, row, fmt_number(item.weight), fmt_number(current.weight)
                )
            )
    used = set(matched.values())
    for row, current in enumerate(indicators):
        if row not in used and current.level3.strip():
            diffs.append(BaselineDiff("added", None, row, "", current.target))
    return diffs
