"""The 审核 finding record and its severities, without the checks themselves.

Widgets that show findings import this; the checks (``desktop.model.checks``) load when the
first check runs, after the window is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
