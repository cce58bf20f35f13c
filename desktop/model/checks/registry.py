"""The 审核 registry: severities, the Finding record and the table every check registers in.

Each check is a pure function ``(project, siblings, form) -> list[Finding]`` registered under a
stable code. Messages are Chinese and quote the offending text or figures.
"""

from __future__ import annotations

from collections.abc import Callable

from desktop.model.findings import ERROR, HINT, SEVERITY_ORDER, WARNING, Finding
from desktop.model.forms import Form
from desktop.model.project import Project

__all__ = ["CHECKS", "ERROR", "HINT", "SEVERITY_ORDER", "WARNING", "CheckFn", "Finding", "register"]

CheckFn = Callable[[Project, list[Project], Form], list[Finding]]
CHECKS: dict[str, CheckFn] = {}


def register(code: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check under its (first) stable code."""

    def deco(fn: CheckFn) -> CheckFn:
        CHECKS[code] = fn
        return fn

    return deco
