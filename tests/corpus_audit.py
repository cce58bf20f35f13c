"""审核 over the real-report corpus: import each report with the program's text import, check
every project against its siblings (the other projects of the same unit and year in the same
document) and tell the reports whose figures add up from those whose facts file names slips.

Used by tests/model/test_checks_corpus.py and bench/corpus_audit.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.exchange.text.files import import_file
from desktop.model.checks import ERROR, HINT, WARNING, Finding, run_checks
from desktop.model.errors import InputError
from desktop.model.project import Project

REAL = Path(__file__).resolve().parent / "fixtures" / "real"
SUFFIXES = (".txt", ".docx", ".pdf")
# Words of a facts file's "notes" that name a slip in the document itself (its figures, text or
# form do not add up). A report whose notes have none of them is one "whose figures add up".
SLIP_WORDS = (
    "mismatch",
    "slip",
    "finding",
    "malformed",
    "unfilled",
    "wrong",
    "while ",
    "although",
    " yet ",
    "instead of",
    "differ",
    "(sic",
    "garbled",
    "doubled",
    "placeholder",
    "instruction text",
    "prompts",
    "no stated reason",
    "does not add up",
    "do not add up",
    "not add up",
    "cannot support",
    "exceeds",
    "odd ",
    "lost characters",
    "left in",
    "copied",
)


# 错误 a partial copy (one that breaks off before the document's end) cannot help: what is
# beyond the cut is missing from the file, not from the report.
BEYOND_THE_CUT = ("E-SECTION-EMPTY", "E-NO-INDICATORS")
# 错误 that come from reading the document wrong, not from the document (kept visible here, one
# code per report, until the import reads them right; the checks are not weakened for them).
MISREAD = {
    # The prose "累计已支付9600万元" (the whole project's background) read as this year's
    # 全年执行数 against a 全年预算 of 260万元.
    "015_baoshan_transport_station_expansion_2021.txt": "E-FUNDS-OVERSPENT",
}


def partial(path: Path) -> bool:
    """The stored copy breaks off before the document's end (its text's header says so)."""
    try:
        head = path.with_suffix(".txt").read_text(encoding="utf-8", errors="replace")[:400]
    except OSError:
        head = ""
    notes = str(facts_of(path).get("notes", "")).lower()
    return "# partial: yes" in head or notes.startswith(("partial", "only the beginning"))


@dataclass
class Audited:
    """One corpus report: its projects and their findings, or why the import refused it."""

    path: Path
    facts: dict[str, object]
    refused: str = ""
    projects: list[tuple[Project, list[Finding]]] = field(default_factory=list)

    @property
    def figures_add_up(self) -> bool:
        """True when the facts file names no slip of the document."""
        return figures_add_up(self.facts)

    def count(self, severity: str) -> int:
        """Findings of a severity over all projects of the report."""
        return sum(1 for _, found in self.projects for f in found if f.severity == severity)

    def errors(self) -> list[Finding]:
        """The 错误 findings of the report."""
        return [f for _, found in self.projects for f in found if f.severity == ERROR]

    def cut_errors(self) -> list[Finding]:
        """错误 about what lies beyond the cut of a partial copy."""
        if not partial(self.path):
            return []
        return [f for f in self.errors() if f.code in BEYOND_THE_CUT]

    def misread_errors(self) -> list[Finding]:
        """错误 that come from a known misreading of this document by the import."""
        return [f for f in self.errors() if f.code == MISREAD.get(self.path.name)]

    def false_errors(self) -> list[Finding]:
        """错误 on a report whose figures add up, not explained by a cut or a misread."""
        if not self.figures_add_up:
            return []
        explained = {id(f) for f in (*self.cut_errors(), *self.misread_errors())}
        return [f for f in self.errors() if id(f) not in explained]


def figures_add_up(facts: dict[str, object]) -> bool:
    """True when a facts file says the document's figures add up (no slip in its notes).

    A facts file may say so outright with ``"figures_add_up": true|false``.
    """
    if not facts:
        return False  # no facts file: nothing says the figures add up
    stated = facts.get("figures_add_up")
    if isinstance(stated, bool):
        return stated
    notes = str(facts.get("notes", "")).lower()
    return not any(word in notes for word in SLIP_WORDS)


def reports(paths: Iterable[Path]) -> Iterator[Path]:
    """Report files under the given files or folders (sorted, facts files skipped)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        elif path.suffix.lower() in SUFFIXES:
            yield path


def facts_of(path: Path) -> dict[str, object]:
    """The facts file beside a report ({} when there is none or it cannot be read)."""
    facts = path.with_name(re.sub(r"\.[^.]+$", "", path.name) + ".facts.json")
    try:
        data = json.loads(facts.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def audit(path: Path) -> Audited:
    """Import one report and check each of its projects against its siblings."""
    result = Audited(path, facts_of(path))
    try:
        imported = import_file(path)
    except InputError as exc:
        result.refused = str(exc)
        return result
    projects = imported.projects
    for index, project in enumerate(projects):
        project.id = project.id or index + 1
    for project in projects:
        siblings = [
            p
            for p in projects
            if p is not project and (p.unit.name, p.year) == (project.unit.name, project.year)
        ]
        result.projects.append((project, run_checks(project, siblings)))
    return result


def fact_kind(item: Audited) -> str:
    """How the facts file describes the report: 数字相符, 有已知问题 or 无事实文件."""
    if not item.facts:
        return "无事实文件"
    return "数字相符" if item.figures_add_up else "有已知问题"


def summary_line(item: Audited) -> str:
    """One line per report: name, projects, 错误/警告/提示, whether its figures add up."""
    kind = fact_kind(item)
    if item.refused:
        return f"{item.path.name}: 未导入（{item.refused}） [{kind}]"
    return (
        f"{item.path.name}: {len(item.projects)} 个项目，错误 {item.count(ERROR)}，"
        f"警告 {item.count(WARNING)}，提示 {item.count(HINT)} [{kind}]"
    )
