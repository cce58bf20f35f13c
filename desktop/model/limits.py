"""Size limits on what a project may hold, each refused with a clear Chinese message.

Real reports are far below every limit (a long narrative section is ~20 000 characters, a
自评表 has ~10–40 indicators). The limits keep a hostile or mistaken file from making the
database, the window and every backup huge and slow.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from desktop.model.errors import InputError
from desktop.model.money import MAX_MONEY, fmt_plain, shown
from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS, Project
from desktop.model.regex_cache import compiled

MAX_NAME_CHARS = 200  # project, unit and department names
MAX_SECTION_CHARS = 200_000  # one narrative section (~100 printed pages)
MAX_SECTIONS = 200  # sections of one project (unknown headings become their own sections)
MAX_CELL_CHARS = 2_000  # one cell of the indicator table
MAX_DEVIATION_CHARS = 20_000  # 偏差原因分析及改进措施 of one indicator
MAX_INDICATORS = 2_000  # indicators of one project
MAX_EXTRA_CHARS = 2_000_000  # further fields kept from an imported file (as JSON)
MAX_PROJECTS_PER_IMPORT = 10_000  # projects in one bundle or workbook
MAX_DEPTH = 64  # nesting of lists/objects in an imported JSON file

_SURROGATE_RE = compiled("[\ud800-\udfff]")

_INDICATOR_FIELDS = (
    ("level1", "一级指标", MAX_CELL_CHARS),
    ("level2", "二级指标", MAX_CELL_CHARS),
    ("level3", "三级指标", MAX_CELL_CHARS),
    ("target", "指标值", MAX_CELL_CHARS),
    ("actual", "实际完成值", MAX_CELL_CHARS),
    ("operator", "指标性质", MAX_CELL_CHARS),
    ("unit", "度量单位", MAX_CELL_CHARS),
    ("deviation", "偏差原因分析及改进措施", MAX_DEVIATION_CHARS),
)


def has_surrogate(text: str) -> bool:
    """True when the string holds a lone UTF-16 surrogate (it cannot be stored or printed)."""
    return _SURROGATE_RE.search(text) is not None


def check_text(value: str, where: str, label: str, limit: int) -> None:
    """Refuse text that is too long or holds a lone surrogate (not a real character)."""
    if len(value) > limit:
        raise InputError(f"{where}：{label}过长（{len(value):,} 字，最多 {limit:,} 字）")
    if has_surrogate(value):
        raise InputError(f"{where}：{label}含有无效字符（单独的 UTF-16 代理码，如 \\ud800）")


def check_money(value: Decimal | None, where: str, label: str) -> None:
    """Refuse amounts of 10¹² 元 (1 万亿元) or more."""
    if value is not None and (not value.is_finite() or abs(value) >= MAX_MONEY):
        raise InputError(
            f"{where}：{label}金额过大（{shown(fmt_plain(value))} 元），应小于 1 万亿元"
        )


def check_project(project: Project, where: str) -> None:
    """Every limit on one project; InputError naming ``where`` and the field."""
    check_text(project.name, where, "项目名称", MAX_NAME_CHARS)
    check_text(project.unit.name, where, "实施单位名称", MAX_NAME_CHARS)
    check_text(project.unit.department, where, "主管部门名称", MAX_NAME_CHARS)
    check_text(project.unit.code, where, "单位编码", MAX_NAME_CHARS)
    check_text(project.form, where, "报告类型", MAX_NAME_CHARS)
    for source, row in project.funds.rows.items():
        for column in FUNDS_COLUMNS:
            label = f"“{SOURCE_LABELS.get(source, source)}”的{FUNDS_COLUMN_LABELS[column]}"
            check_money(row.get(column), where, label)
    check_text(project.goals.target, where, "年度总体目标", MAX_SECTION_CHARS)
    check_text(project.goals.actual, where, "实际完成情况", MAX_SECTION_CHARS)
    if len(project.sections) > MAX_SECTIONS:
        raise InputError(
            f"{where}：报告部分过多（{len(project.sections):,} 个，最多 {MAX_SECTIONS} 个）"
        )
    for key, text in project.sections.items():
        check_text(key, where, "部分的标识", MAX_NAME_CHARS)
        check_text(text, where, f"“{shown(key, 20)}”部分", MAX_SECTION_CHARS)
    if len(project.indicators) > MAX_INDICATORS:
        raise InputError(
            f"{where}：绩效指标过多（{len(project.indicators):,} 条，最多 {MAX_INDICATORS:,} 条）"
        )
    for number, indicator in enumerate(project.indicators, start=1):
        for attr, label, limit in _INDICATOR_FIELDS:
            check_text(getattr(indicator, attr) or "", where, f"第 {number} 条指标的{label}", limit)
    if project.extra:
        size = len(json.dumps(project.extra, ensure_ascii=False))
        if size > MAX_EXTRA_CHARS:
            raise InputError(f"{where}：附加内容过大（{size:,} 字，最多 {MAX_EXTRA_CHARS:,} 字）")
        check_tree(project.extra, where)


def check_tree(data: Any, where: str) -> None:
    """Walk parsed JSON without recursion: nesting depth and lone surrogates in keys and text."""
    stack: list[tuple[Any, int, str]] = [(data, 1, "")]
    while stack:
        value, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            raise InputError(f"{where}{path}：嵌套层数过多（超过 {MAX_DEPTH} 层）")
        if isinstance(value, str):
            if has_surrogate(value):
                raise InputError(
                    f"{where}{path}：文本含有无效字符（单独的 UTF-16 代理码，如 \\ud800）"
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                if has_surrogate(str(key)):
                    raise InputError(f"{where}{path}：字段名含有无效字符（单独的 UTF-16 代理码）")
                stack.append((item, depth + 1, f"{path}.{shown(str(key), 30)}"))
        elif isinstance(value, list):
            stack.extend((item, depth + 1, f"{path}[{i}]") for i, item in enumerate(value))
