"""What a profile's 自评表 prints, independent of the file format (xlsx and PDF share it).

The funds rows in the profile's order (plus any other source the project states), the rate of
one row, the points of 预算执行 and of the indicators, the 指标性质/指标值/度量单位 split of a
target, the department breakdown in print order, and the keys of the profile's extra cells
(原因, signature names, 其他需要说明事项) in ``Project.extra``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from desktop.model.department import PROJECT_LINE, DeptLine, structure
from desktop.model.money import fmt_number, round_rate
from desktop.model.profiles import Layout
from desktop.model.project import SOURCE_LABELS, FundsRow, Indicator, Project
from desktop.model.targets import parse_target

# Keys of the profile's own cells in Project.extra (JSON: top-level fields of the same name).
REASON_KEY = "execution_reason"
SIGNATURES_KEY = "signatures"
OTHER_NOTES_KEY = "other_notes"
PROJECT_LINE_PREFIX = "项目明细："


def split_target(ind: Indicator) -> tuple[str, str, str]:
    """(指标性质, 指标值, 度量单位) of an indicator for forms that print them apart."""
    if ind.operator or ind.unit:
        return ind.operator or "", ind.target, ind.unit or ""
    parsed = parse_target(ind.target)
    if parsed.operator is None or parsed.number is None:
        return "", ind.target, ""
    return parsed.operator, fmt_number(parsed.number), parsed.unit or ""


def layout_points(project: Project, which: str) -> str:
    """The points of 预算执行 (the project's weight) or of the indicators (100 − it)."""
    weight = project.execution.weight
    value = weight if which == "execution" else Decimal(100) - weight
    return fmt_number(value)


def row_rate(row: FundsRow | None) -> Decimal | None:
    """执行数 / 调整后预算数 of one funds row (0 for a zero budget with spending stated)."""
    full = row.full_year if row is not None else None
    spent = row.executed if row is not None else None
    if full is None or spent is None or full == 0:
        return Decimal(0) if full == 0 and spent is not None else None
    return round_rate(spent / full)


def funds_rows(project: Project, layout: Layout) -> list[tuple[str, str]]:
    """The profile's rows, then any other source the project states (nothing is dropped)."""
    rows = [(line.source, line.label) for line in layout.funds_rows]
    shown = {source for source, _ in rows}
    for row in project.funds.ordered():
        if row.source not in shown:
            rows.append((row.source, SOURCE_LABELS.get(row.source, row.source)))
    return rows


def signature_names(project: Project) -> dict[str, str]:
    """The names entered beside the profile's signature lines (label → name)."""
    names = project.extra.get(SIGNATURES_KEY)
    if not isinstance(names, dict):
        return {}
    return {str(k): str(v) for k, v in names.items() if str(v).strip()}


def extra_text(project: Project, key: str) -> str:
    """A text cell of the profile kept in ``Project.extra`` ('' when absent)."""
    value = project.extra.get(key, "")
    return value if isinstance(value, str) else ""


@dataclass(frozen=True)
class BreakdownRow:
    """One printed row of the department breakdown: a side header or a line with its depth."""

    printed: str  # the label as the table prints it (indented, 其中：, 项目明细：)
    line: DeptLine | None  # None: the side's header row (收入 / 支出)
    depth: int = 0


def _depth(side: str, key: str) -> int:
    st = structure()
    depth = 0
    kind = st.kind(side, key)
    while kind is not None and kind.parent:
        depth += 1
        kind = st.kind(side, kind.parent)
    return depth


def breakdown(project: Project, layout: Layout) -> list[BreakdownRow]:
    """Side headers and lines in print order: income, then expense (project lines last)."""
    st = structure()
    out: list[BreakdownRow] = []
    for side, head in (("income", layout.income_label), ("expense", layout.expense_label)):
        out.append(BreakdownRow(head, None))
        for kind in st.side_kinds(side):
            line = project.dept.line(side, kind.key)
            if line is not None:
                depth = _depth(side, kind.key)
                printed = "　" * depth + ("其中：" if depth else "") + line.label
                out.append(BreakdownRow(printed, line, depth))
        for line in project.dept.lines:
            if line.side == side and line.key == PROJECT_LINE:
                out.append(BreakdownRow("　　" + PROJECT_LINE_PREFIX + line.label, line, 2))
            elif line.side == side and st.kind(side, line.key) is None:
                out.append(BreakdownRow("　" + line.label, line, 1))
    return out
