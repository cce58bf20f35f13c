"""The real-report corpus (tests/fixtures/real): import each report and compare with its facts.

A fixture is ``NNN_slug.txt|.docx|.pdf`` (a text file opens with ``# key: value`` header lines:
source URL, retrieval date, shape) beside ``NNN_slug.facts.json``, written from the document.
Every fact the document states (non-null in the facts file) is one point; ``compare`` says which
were recovered. ``python -m tests.exchange.real_corpus`` prints the per-report table.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from desktop.model.errors import InputError
from desktop.model.project import Project

REAL = Path(os.environ.get("JIXIAO_REAL_CORPUS") or Path(__file__).parents[1] / "fixtures" / "real")
SUFFIXES = (".txt", ".docx", ".pdf")
BASELINE = Path(__file__).with_name("real_corpus_baseline.json")
_HEADER_RE = re.compile(r"^#\s*[a-z_]+\s*:")
_PUNCT = str.maketrans({"(": "（", ")": "）", '"': "“", ",": "，", ":": "："})


def fixtures() -> list[Path]:
    """Every report of the corpus that has a facts file."""
    if not REAL.is_dir():
        return []
    return sorted(
        p for p in REAL.iterdir() if p.suffix.lower() in SUFFIXES and facts_path(p).is_file()
    )


def facts_path(report: Path) -> Path:
    """The facts file of a report."""
    return report.with_name(report.name.split(".")[0] + ".facts.json")


def load_facts(report: Path) -> dict[str, Any]:
    """The facts file as a dict."""
    data: dict[str, Any] = json.loads(facts_path(report).read_text(encoding="utf-8"))
    return data


def document_text(report: Path) -> str:
    """A text fixture without its ``# key: value`` header lines."""
    lines = report.read_text(encoding="utf-8").split("\n")
    n = 0
    while n < len(lines) and _HEADER_RE.match(lines[n]):
        n += 1
    return "\n".join(lines[n:])


def norm(text: Any) -> str:
    """Text compared leniently: no whitespace, full-width brackets, quotes unified."""
    flat = re.sub(r"[\s\u3000]+", "", str(text or "")).translate(_PUNCT)
    return flat.replace("”", "“").replace("‘", "“").replace("’", "“").replace("“", "")


def money_equal(stated: Any, found: Any) -> bool:
    """Two amounts in 元 equal to the 分."""
    if found is None:
        return False
    try:
        return Decimal(str(stated)).quantize(Decimal("0.01")) == Decimal(str(found)).quantize(
            Decimal("0.01")
        )
    except ArithmeticError:
        return False


@dataclass
class Outcome:
    """What the importer made of one report, against its facts."""

    name: str
    accepted: bool = False
    asked: bool = False  # accepted once the user gave the unit the document never names
    error: str = ""
    seconds: float = 0.0
    stated: int = 0
    recovered: int = 0
    misses: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)

    def tick(self, column: str, label: str, ok: bool | None) -> None:
        """Count one stated fact (None = not stated) and note it under a table column."""
        if ok is None:
            return
        self.stated += 1
        self.recovered += int(ok)
        if not ok:
            self.misses.append(label)
        mark = "✓" if ok else "✗"
        self.columns[column] = self.columns.get(column, "") + mark


# What a user answers when the program asks for a unit the document never names.
ASKED_UNIT = "（用户填写的单位）"


def import_report(report: Path, unit: str | None = None) -> list[Project]:
    """Projects the importer makes of a fixture, with no help (no unit, no year) unless a unit
    is given."""
    from desktop.exchange.text.files import import_file
    from desktop.exchange.text.importer import import_text_from

    if report.suffix.lower() == ".txt":
        return import_text_from(document_text(report), unit, None, f"文件 {report.name}").projects
    return import_file(report, unit).projects


def _kind_of(project: Project) -> str:
    kind = project.extra.get("document_kind")
    if kind:
        return str(kind)
    return project.form


def _kind_ok(stated: str, projects: list[Project]) -> bool:
    kinds = {_kind_of(p) for p in projects}
    if stated == "table":
        return kinds <= {"self_evaluation", "table"} and bool(kinds)
    return stated in kinds


def _match(facts: list[dict[str, Any]], projects: list[Project]) -> list[Project | None]:
    """The imported project of each stated project (by name, else by position)."""
    out: list[Project | None] = []
    used: set[int] = set()
    for i, fp in enumerate(facts):
        want = norm(fp.get("name"))
        found = None
        if want:
            for j, p in enumerate(projects):
                if j not in used and (norm(p.name) == want or norm(p.name).endswith(want)):
                    found = j
                    break
        if found is None and len(facts) == len(projects) and i not in used:
            found = i
        if found is not None:
            used.add(found)
            out.append(projects[found])
        else:
            out.append(None)
    return out


def _funds_of(project: Project) -> dict[str, Any]:
    total = project.funds.rows.get("total")
    out: dict[str, Any] = {c: project.funds.effective(c) for c in ("initial", "full_year")}
    out["executed"] = project.funds.effective("executed")
    out["arrived"] = project.extra.get("funds_arrived")
    if total is None and all(v is None for v in out.values()):
        return {}
    return out


def compare(report: Path) -> Outcome:
    """Import a fixture and count the stated facts recovered."""
    facts = load_facts(report)
    outcome = Outcome(report.name)
    started = time.perf_counter()
    try:
        projects = import_report(report)
        outcome.accepted = bool(projects)
    except InputError as exc:
        projects = []
        outcome.error = str(exc)
        if not facts.get("unit") and "--unit" in outcome.error:
            # The document never names its unit: asking for it is the right answer, and the
            # rest is judged on what the import makes with the user's answer.
            projects = import_report(report, ASKED_UNIT)
            outcome.accepted = outcome.asked = bool(projects)
    outcome.seconds = time.perf_counter() - started
    outcome.tick("accepted", "accepted", outcome.accepted)
    first = projects[0] if projects else None
    for key, column in (("unit", "unit"), ("department", "unit"), ("title", "unit")):
        if facts.get(key):
            got = first.unit.name if first and key == "unit" else ""
            if first and key == "department":
                got = first.unit.department
            if first and key == "title":
                got = first.extra.get("title", "")
            outcome.tick(column, key, norm(got) == norm(facts[key]))
    if facts.get("year"):
        outcome.tick("year", "year", bool(first) and first.year == facts["year"])  # type: ignore[union-attr]
    if facts.get("signed_date"):
        got_date = first.signed_date.isoformat() if first and first.signed_date else ""
        outcome.tick("year", "signed_date", got_date == facts["signed_date"])
    if facts.get("kind"):
        outcome.tick("kind", "kind", bool(projects) and _kind_ok(facts["kind"], projects))
    doc_funds = facts.get("document_funds") or {}
    doc_found = (first.extra.get("document_funds") if first else None) or (
        _funds_of(first) if first and len(projects) == 1 else {}
    )
    for column, value in doc_funds.items():
        if value is not None:
            ok = money_equal(value, (doc_found or {}).get(column))
            outcome.tick("funds", f"document {column}", ok)
    stated_projects = facts.get("projects") or []
    for fp, project in zip(stated_projects, _match(stated_projects, projects), strict=True):
        _compare_project(outcome, fp, project)
    return outcome


def _compare_project(outcome: Outcome, fp: dict[str, Any], project: Project | None) -> None:
    label = str(fp.get("name") or "?")
    if fp.get("name"):
        outcome.tick("names", f"name {label}", project is not None)
    funds = _funds_of(project) if project else {}
    for column, value in (fp.get("funds") or {}).items():
        if value is not None:
            outcome.tick("funds", f"{label} {column}", money_equal(value, funds.get(column)))
    if fp.get("indicator_rows") is not None:
        got = len(project.indicators) if project else -1
        outcome.tick(
            "rows", f"{label} rows {got}≠{fp['indicator_rows']}", got == fp["indicator_rows"]
        )
    totals = (project.extra.get("stated_totals") or {}) if project else {}
    for column, value in (fp.get("total_row") or {}).items():
        if value is not None:
            ok = money_equal(value, totals.get(column))
            outcome.tick("rows", f"{label} 合计 {column}", ok)
    if fp.get("claimed_score") is not None:
        got_score = project.extra.get("claimed_score") if project else None
        outcome.tick("score", f"{label} score", money_equal(fp["claimed_score"], got_score))
    if fp.get("claimed_grade") is not None:
        got_grade = project.extra.get("claimed_grade") if project else None
        outcome.tick("score", f"{label} grade", got_grade == fp["claimed_grade"])


def table(outcomes: list[Outcome]) -> str:
    """The per-report table (Markdown) with the totals line."""
    cols = ("unit", "year", "kind", "names", "funds", "rows", "score")
    head = "| report | accepted | " + " | ".join(cols) + " | recovered | ms |"
    lines = [head, "|" + " --- |" * (len(cols) + 4)]
    for o in outcomes:
        cells = [o.columns.get(c, "–") for c in cols]
        lines.append(
            f"| {o.name} | {'asked unit' if o.asked else 'yes' if o.accepted else 'NO'} | "
            + " | ".join(cells)
            + f" | {o.recovered}/{o.stated} | {o.seconds * 1000:.0f} |"
        )
    stated = sum(o.stated for o in outcomes)
    got = sum(o.recovered for o in outcomes)
    accepted = sum(o.accepted and not o.asked for o in outcomes)
    asked = sum(o.asked for o in outcomes)
    share = got / stated * 100 if stated else 100.0
    lines.append(
        f"\n{accepted}/{len(outcomes)} accepted without help"
        + (f" ({asked} more once asked for the unit the document never names)" if asked else "")
        + "; "
        f"{got}/{stated} stated facts recovered ({share:.1f} %)"
    )
    return "\n".join(lines)


def main() -> int:
    """Print the per-report table, then each report's misses."""
    outcomes = [compare(p) for p in fixtures()]
    print(table(outcomes))
    if "--baseline" in sys.argv:
        data = {o.name: o.recovered for o in outcomes}
        BASELINE.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
    verbose = "-v" in sys.argv
    for o in outcomes:
        if (o.misses or o.error) and verbose:
            print(f"- {o.name}: {o.error or ''} missed {'; '.join(o.misses)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
