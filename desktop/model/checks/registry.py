"""The 审核 registry: severities, the Finding record and the table every check registers in.

Each check is a pure function ``(project, siblings, form) -> list[Finding]`` registered under a
stable code. Messages are Chinese and quote the offending text or figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.model.forms import Form
from desktop.model.project import Project

ERROR, WARNING, HINT = "错误", "警告", "提示"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, HINT: 2}


@dataclass(frozen=True)
class Finding:
    """One audit finding; ``location`` is the JSON location of DESIGN.md."""

    severity: str
    code: str
    message: str
    location: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, project_id: int | None) -> dict[str, Any]:
        """The `check --json` object."""
        return {
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "project": project_id,
            "location": self.location,
        }


CheckFn = Callable[[Project, list[Project], Form], list[Finding]]
CHECKS: dict[str, CheckFn] = {}


def register(code: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check under its (first) stable code."""

    def deco(fn: CheckFn) -> CheckFn:
        CHECKS[code] = fn
        return fn

    return deco
