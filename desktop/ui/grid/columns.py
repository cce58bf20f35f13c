"""Columns, row kinds and custom item roles of the indicator grid."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt

from desktop.model.vocabulary import vocabulary


class Column(IntEnum):
    """Grid columns in the order of the 自评表 (建议得分 added beside 得分).

    指标性质 and 度量单位 (newer provincial forms give them their own columns) come last
    logically; the view hides them unless used and shows them beside 年度指标值.
    """

    LEVEL1 = 0
    LEVEL2 = 1
    LEVEL3 = 2
    TARGET = 3
    ACTUAL = 4
    WEIGHT = 5
    SCORE = 6
    SUGGESTED = 7
    DEVIATION = 8
    OPERATOR = 9
    UNIT = 10


class RowKind(IntEnum):
    """What a grid row shows."""

    EXECUTION = 0
    INDICATOR = 1
    TOTAL = 2


class Role(IntEnum):
    """Custom item data roles."""

    VALUE = Qt.ItemDataRole.UserRole + 1  # the raw model value (str or Decimal | None)
    ROW_KIND = Qt.ItemDataRole.UserRole + 2  # RowKind of the row
    UNDERSTOOD = Qt.ItemDataRole.UserRole + 3  # how the target was understood ("≥ 50 个")
    ISSUES = Qt.ItemDataRole.UserRole + 4  # list[str]: local problems and findings of a cell


HEADER_TIPS: dict[Column, str] = {
    Column.LEVEL1: "从表单的指标体系中选择，也可输入表中原有的名称",
    Column.LEVEL2: "可选项随一级指标变化",
    Column.TARGET: "如 ≥50个、≤8万元、=100%、满意；提示中显示程序如何理解",
    Column.SCORE: "空着时合计按建议得分计",
    Column.OPERATOR: "≥ ≤ = 或 定性；填写后优先于从指标值中识别的比较方式",
    Column.UNIT: "填写后优先于从指标值中识别的单位",
    Column.SUGGESTED: "按财预〔2020〕10号 的办法计算；Ctrl+Shift+A 采用所选行的建议得分",
}

# Indicator attribute edited in a column (the names used by Finding locations).
FIELDS: dict[Column, str] = {
    Column.LEVEL1: "level1",
    Column.LEVEL2: "level2",
    Column.LEVEL3: "level3",
    Column.TARGET: "target",
    Column.ACTUAL: "actual",
    Column.WEIGHT: "weight",
    Column.SCORE: "score",
    Column.DEVIATION: "deviation",
    Column.OPERATOR: "operator",
    Column.UNIT: "unit",
}
COLUMN_OF_FIELD: dict[str, Column] = {name: column for column, name in FIELDS.items()}

# Header labels (forms/common/vocabulary.toml); 建议得分 is the grid's own computed column.
HEADERS: dict[Column, str] = {
    column: vocabulary().column_label(FIELDS[column])
    if column in FIELDS
    else vocabulary().labels["suggested"]
    for column in Column
}
NUMERIC_FIELDS: frozenset[str] = frozenset({"weight", "score"})
OPTIONAL_FIELDS: frozenset[str] = frozenset({"operator", "unit"})  # None when empty
OPTIONAL_COLUMNS: tuple[Column, ...] = (Column.OPERATOR, Column.UNIT)
OPERATOR_CHOICES: tuple[str, ...] = ("", "≥", "≤", "=", ">", "<", "定性")

# Columns a pasted 自评表 row fills, in order (建议得分 is computed, never pasted).
PASTE_COLUMNS: tuple[Column, ...] = tuple(
    c for c in Column if c in FIELDS and c <= Column.DEVIATION
)

# Header words of real tables → field, so a pasted block with its header row lands by name.
HEADER_FIELDS: dict[str, str] = vocabulary().header_fields()

# Column widths in pixels at the default font (the last column stretches).
WIDTHS: dict[Column, int] = {
    Column.LEVEL1: 96,
    Column.LEVEL2: 104,
    Column.LEVEL3: 170,
    Column.TARGET: 110,
    Column.ACTUAL: 110,
    Column.WEIGHT: 52,
    Column.SCORE: 52,
    Column.SUGGESTED: 70,
    Column.DEVIATION: 160,
    Column.OPERATOR: 64,
    Column.UNIT: 64,
}
