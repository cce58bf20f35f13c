"""Per-row analysis for the grid: suggested score, how the target was read, the row's findings.

The findings are those of the 审核 (``desktop.model.checks.rows``), computed for the row as it is
edited; the grid shows the 审核's own findings of those codes from here, never twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.model.checks.rows import ROW_CODES, row_findings
from desktop.model.findings import Finding
from desktop.model.forms import Form
from desktop.model.project import Indicator
from desktop.model.scoring import Suggestion, suggest

# Findings the grid computes itself as cells change (rows, the execution line, the 分值 total);
# the 审核 panel's findings with these codes are not shown a second time.
LIVE_CODES = ROW_CODES | {"W-WEIGHTS-SUM"}


@dataclass(frozen=True)
class RowInfo:
    """What the grid shows beside an indicator's own values."""

    suggestion: Suggestion
    understood: str
    findings: dict[str, tuple[Finding, ...]] = field(default_factory=dict)  # by field name


def analyse(indicator: Indicator, position: int, form: Form | None) -> RowInfo:
    """Suggested score, the target as understood and the findings of each field of a row."""
    understood = indicator.parsed_target().describe()
    if form is None:
        return RowInfo(Suggestion(None, ""), understood, {})
    by_field: dict[str, list[Finding]] = {}
    for finding in row_findings(indicator, position, form):
        by_field.setdefault(str(finding.location.get("column", "")), []).append(finding)
    return RowInfo(suggest(indicator, form), understood, {k: tuple(v) for k, v in by_field.items()})
