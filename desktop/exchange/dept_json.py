"""Reading the ``"department"`` object of ``jixiao.project/1`` (written by model.snapshot)."""

from __future__ import annotations

from typing import Any

from desktop.model.department import COUNT_KEYS, DEPT_COLUMNS, SIDES, DeptFunds, DeptLine
from desktop.model.errors import InputError
from desktop.model.money import parse_money


def dept_from_dict(data: Any, where: str) -> DeptFunds:
    """The department funds of a JSON object; InputError naming the field on bad content."""
    dept = DeptFunds()
    if data is None:
        return dept
    if not isinstance(data, dict):
        raise InputError(f"{where}：应为对象（{{…}}）")
    lines = data.get("lines") or []
    if not isinstance(lines, list):
        raise InputError(f"{where}.lines：应为列表")
    for i, item in enumerate(lines):
        w = f"{where}.lines[{i}]"
        if not isinstance(item, dict):
            raise InputError(f"{w}：应为对象（{{…}}）")
        side = str(item.get("side", ""))
        if side not in SIDES:
            raise InputError(f"{w}.side：“{side}”应为 income 或 expense")
        key, label = str(item.get("key", "")).strip(), str(item.get("label", "")).strip()
        if not key or not label:
            raise InputError(f"{w}：缺少 key 或 label")
        amounts = [parse_money(item.get(c), f"{w}.{c}") for c in DEPT_COLUMNS]
        dept.lines.append(DeptLine(side, key, label, *amounts))
    counts = data.get("counts") or {}
    if not isinstance(counts, dict):
        raise InputError(f"{where}.counts：应为对象（{{…}}）")
    for key, value in counts.items():
        if key not in COUNT_KEYS:
            raise InputError(
                f"{where}.counts.{key}：未知的人数/单位数（应为 {'|'.join(COUNT_KEYS)}）"
            )
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InputError(f"{where}.counts.{key}：“{value}”应为非负整数")
        dept.counts[key] = value
    return dept
