"""W-OLD-YEAR: sentences of a carried-forward project that still name an old year."""

from __future__ import annotations

from desktop.model.carry_forward import carried_from_year
from desktop.model.checks.registry import HINT, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

_SENTENCE_RE = compiled(r"[^。！？；;\n]+[。！？；;]?")
_YEAR_RE = compiled(r"(?<!\d)((?:19|20)\d{2})(?=\s*年)")


@register("W-OLD-YEAR")
def check_old_year(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """Each sentence of a carried-forward project that mentions year−1 (警告) or earlier (提示)."""
    if carried_from_year(project) is None:
        return []
    findings: list[Finding] = []
    keys = [e.key for e in form.sections() if e.key] + [
        k for k in project.sections if form.section(k) is None
    ]
    for key in keys:
        text = project.sections.get(key, "")
        for sentence in _SENTENCE_RE.finditer(text):
            years = sorted({int(y) for y in _YEAR_RE.findall(sentence.group(0))})
            old = [y for y in years if y < project.year]
            if not old:
                continue
            body = sentence.group(0).strip()
            start = sentence.start() + (len(sentence.group(0)) - len(sentence.group(0).lstrip()))
            severity = WARNING if project.year - 1 in old else HINT
            shown = "、".join(f"{y}年" for y in old)
            findings.append(
                Finding(
                    severity,
                    "W-OLD-YEAR",
                    f"本报告由上一年度复制而来，这句话仍提到{shown}，请核对是否需要更新："
                    f"“{body[:40]}{'…' if len(body) > 40 else ''}”",
                    {"section": key, "start": start, "end": start + len(body)},
                )
            )
    return findings
