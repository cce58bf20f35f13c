"""Running every registered check over one project."""

from __future__ import annotations

from desktop.model.checks.registry import CHECKS, HINT, SEVERITY_ORDER, Finding
from desktop.model.forms import Form, load_form
from desktop.model.project import Project


def run_checks(
    project: Project, siblings: list[Project] | None = None, form: Form | None = None
) -> list[Finding]:
    """All findings for a project, errors first; a failing check never stops the others."""
    form = form or load_form(project.form)
    findings: list[Finding] = []
    for code, fn in CHECKS.items():
        try:
            findings.extend(fn(project, siblings or [], form))
        except Exception as exc:
            findings.append(Finding(HINT, "I-CHECK-FAILED", f"检查 {code} 未能完成：{exc}", {}))
    findings.sort(key=lambda f: SEVERITY_ORDER.get(f.severity, 9))
    return findings
