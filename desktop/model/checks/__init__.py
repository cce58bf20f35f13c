"""审核: checks over a project (and its siblings of the same unit and year).

The registry (``registry.py``) holds the table; one module per family of checks registers into
it. The families are imported here explicitly, so the table is complete once this package is.
"""

from __future__ import annotations

# The order of registration is the order of findings of one severity.
from desktop.model.checks import core  # isort: skip  (its checks run first)
from desktop.model.checks import amounts, carry  # isort: skip
from desktop.model.checks import framework  # isort: skip  (before claims)
from desktop.model.checks import (
    claims,
    copy,
    cycle,
    deductions,
    department,
    indicators,
    instructions,
    limits,
    names,
    narrative,
    prose,
    rates,
    rows,
    stated,
    text,
)
from desktop.model.checks.registry import (
    CHECKS,
    ERROR,
    HINT,
    SEVERITY_ORDER,
    WARNING,
    CheckFn,
    Finding,
    register,
)
from desktop.model.checks.run import run_checks

FAMILIES = (
    core,
    amounts,
    carry,
    copy,
    cycle,
    department,
    indicators,
    rows,
    narrative,
    text,
    framework,
    deductions,
    claims,
    instructions,
    limits,
    prose,
    rates,
    names,
    stated,
)

__all__ = [
    "CHECKS",
    "ERROR",
    "FAMILIES",
    "HINT",
    "SEVERITY_ORDER",
    "WARNING",
    "CheckFn",
    "Finding",
    "register",
    "run_checks",
]
