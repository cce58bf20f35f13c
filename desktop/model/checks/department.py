"""Checks of a department-wide report (部门整体支出): breakdowns that do not add up, project
lines against 项目支出, 全年执行数 against expenditure, year-on-year changes stated against
their own figures, counts stated against the names listed, and "本项目" said of a department.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import cache

from desktop.model.checks.registry import ERROR, HINT, WARNING, Finding, register
from desktop.model.datafiles import BadToml, load_toml
from desktop.model.department import (
    DEPT_COLUMNS,
    DeptFunds,
    amount_of,
    structure,
)
from desktop.model.forms import Form, data_dir
from desktop.model.money import fmt_wan
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

_SENTENCE_END = compiled(r"[。；;]")
_TRAILING_DENG = compiled(r"等$")
_LIST_SEPARATOR = compiled(r"[、,，]")
_JOIN_WORD = compiled("[和及]")

TOLERANCE = Decimal("0.01")  # 1 分: figures are stated to the 分 (or rounded to 0.01 万元 = 100 元)
WAN_ROUNDING = Decimal(100)
PCT_TOLERANCE = Decimal("0.06")  # percentage points: "35.9%" for 35.90 % is right
COLUMN_NAMES = {"previous": "上年数", "full_year": "全年预算数", "executed": "全年执行数"}

_YOY_RE = compiled(
    r"(?P<label>[\u4e00-\u9fff]{0,12}?)[:：]?\s*(?P<cur>\d[\d,]*(?:\.\d+)?)\s*万元[。，,；;]?\s*"
    r"(?:同比|比|较)?(?:上年度?|上年同期|去年)?(?P<dir>增加|减少|增长|下降)\s*"
    r"(?P<chg>\d[\d,]*(?:\.\d+)?)\s*万元[，,]?\s*(?:同比)?(?:增加|减少|增长|下降|增幅|降幅)?\s*"
    r"(?P<pct>\d+(?:\.\d+)?)\s*[%％]"
)
_COUNT_LIST_RE = compiled(
    r"(?P<what>[\u4e00-\u9fff]{2,10}?)(?P<n>\d{1,3})个[，,:：]?\s*(?:即|分别为|分别是|包括|为)[:：]?"
    r"(?P<list>[^。；;\n]+)"
)


@cache
def _project_words(form_key: str) -> tuple[str, ...]:
    """The [checks] project_words of a form: what a department report must not call itself."""
    try:
        data = load_toml(data_dir("forms") / f"{form_key}.toml")
        words = data.get("checks", {}).get("project_words", [])
        return tuple(str(w) for w in words)
    except (OSError, BadToml):
        return ()


def _is_department(project: Project, form: Form) -> bool:
    return bool(_project_words(form.key)) or not project.dept.is_empty()


def _wan(value: Decimal | None) -> str:
    return f"{fmt_wan(value)}万元"


def _breakdowns(dept: DeptFunds) -> Iterator[tuple[str, str, str, Decimal, Decimal, int]]:
    """(side, key, column, stated, sum of children, number of children) of each stated line."""
    st = structure()
    for line in dept.lines:
        kind = st.kind(line.side, line.key)
        if kind is None:
            continue
        for column in DEPT_COLUMNS:
            stated = line.get(column)
            if stated is None:
                continue
            parts = [
                v
                for k in st.children(line.side, line.key)
                if (v := amount_of(dept, line.side, k.key, column)) is not None
            ]
            if parts:
                yield line.side, line.key, column, stated, sum(parts, Decimal(0)), len(parts)


@register("E-DEPT-BREAKDOWN")
def check_breakdown(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A stated line that is not the sum of its parts (支出 ≠ 基本支出 + 项目支出 …)."""
    findings = []
    st = structure()
    for side, key, column, stated, total, count in _breakdowns(project.dept):
        diff = stated - total
        if abs(diff) <= WAN_ROUNDING or (count < 2 and diff > 0):
            continue  # a partial "其中" list may be smaller than its total
        kind = st.kind(side, key)
        names = "＋".join(k.label for k in st.children(side, key))
        findings.append(
            Finding(
                ERROR,
                "E-DEPT-BREAKDOWN",
                f"{kind.label if kind else key}（{COLUMN_NAMES[column]}）为{_wan(stated)}，"
                f"但{names}合计{_wan(total)}，相差{_wan(abs(diff))}",
                {"department": side, "line": key, "column": column},
            )
        )
    return findings


@register("W-DEPT-PROJECT-LINES")
def check_project_lines(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The listed project lines do not add up to 项目支出."""
    dept = project.dept
    lines = dept.project_lines()
    line = dept.line("expense", structure().project_parent)
    if not lines or line is None:
        return []
    findings = []
    for column in DEPT_COLUMNS:
        stated = line.get(column)
        values = [v for x in lines if (v := x.get(column)) is not None]
        if stated is None or not values:
            continue
        total = sum(values, Decimal(0))
        if abs(total - stated) > WAN_ROUNDING:
            findings.append(
                Finding(
                    WARNING,
                    "W-DEPT-PROJECT-LINES",
                    f"列出的{len(values)}个项目合计{_wan(total)}，与项目支出{_wan(stated)}"
                    f"不一致（相差{_wan(abs(stated - total))}）；请列全项目或核对金额",
                    {"department": "expense", "line": "project", "column": column},
                )
            )
    return findings


@register("E-DEPT-EXECUTED")
def check_executed(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """全年执行数 of the funds row is not the stated expenditure (e.g. it is the income)."""
    total = project.funds.rows.get("total")
    spent = amount_of(project.dept, "expense", "total", "executed")
    if total is None or total.executed is None or spent is None:
        return []
    if abs(total.executed - spent) <= WAN_ROUNDING:
        return []
    income = amount_of(project.dept, "income", "total", "executed")
    why = "，等于收入合计而不是支出合计" if income is not None and income == total.executed else ""
    rate = ""
    if total.full_year:
        rate = f"；按支出计算执行率为{(spent / total.full_year * 100).quantize(TOLERANCE)}%"
    return [
        Finding(
            ERROR,
            "E-DEPT-EXECUTED",
            f"资金表全年执行数{_wan(total.executed)}与支出合计{_wan(spent)}不一致{why}{rate}",
            {"funds": "total", "column": "executed"},
        )
    ]


def _dec(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


@register("W-DEPT-YOY")
def check_year_on_year(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """ "增加189.25万元,增加31.39%": the percentage must follow from the two amounts."""
    if not _is_department(project, form):
        return []
    findings = []
    for key, text in project.sections.items():
        for m in _YOY_RE.finditer(text):
            cur, chg, pct = _dec(m["cur"]), _dec(m["chg"]), _dec(m["pct"])
            if cur is None or chg is None or pct is None:
                continue
            up = m["dir"] in ("增加", "增长")
            before = cur - chg if up else cur + chg
            if before <= 0:
                continue
            computed = (chg / before * 100).quantize(TOLERANCE)
            if abs(computed - pct) > PCT_TOLERANCE:
                findings.append(
                    Finding(
                        WARNING,
                        "W-DEPT-YOY",
                        f"“{m.group(0).strip()[:50]}”：按本年{m['cur']}万元、{m['dir']}"
                        f"{m['chg']}万元计算，变动率应为{computed}%，文中写{m['pct']}%",
                        {"section": key, "start": m.start("cur"), "end": m.end()},
                    )
                )
    return findings


def _list_items(text: str) -> list[str]:
    body = _SENTENCE_END.split(text, maxsplit=1)[0]
    body = _TRAILING_DENG.sub("", body.strip())
    return [x for x in _LIST_SEPARATOR.split(body) if x.strip()]


@register("W-DEPT-COUNT")
def check_counts(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """ "直属事业单位10个,即…" followed by a list of another length."""
    if not _is_department(project, form):
        return []
    findings = []
    for key, text in project.sections.items():
        for m in _COUNT_LIST_RE.finditer(text):
            stated = int(m["n"])
            items = _list_items(m["list"])
            joined = len(items) + 1 == stated and _JOIN_WORD.search(items[-1] if items else "")
            if m["list"].rstrip().endswith("等") or len(items) < 2 or len(items) == stated:
                continue
            if joined:  # "A、B和C": the last two names joined by 和
                continue
            findings.append(
                Finding(
                    WARNING,
                    "W-DEPT-COUNT",
                    f"文中说{m['what']}{stated}个，但随后列出{len(items)}个名称",
                    {"section": key, "start": m.start(), "end": m.end()},
                )
            )
    findings += _staff_counts(project)
    return findings


def _staff_counts(project: Project) -> list[Finding]:
    counts = project.dept.counts
    quota, actual = counts.get("staff_quota"), counts.get("staff_actual")
    if quota is None or actual is None or actual <= quota:
        return []
    return [
        Finding(
            HINT,
            "W-DEPT-COUNT",
            f"实有人数{actual}人超过编制数{quota}人（控制率{Decimal(actual * 100) / quota:.2f}%），"
            "请在报告中说明原因",
            {"department": "counts", "line": "staff_actual"},
        )
    ]


@register("W-DEPT-PROJECT-WORD")
def check_project_word(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A department report that calls itself 本项目."""
    words = _project_words(form.key)
    findings = []
    for key, text in project.sections.items():
        for word in words:
            for m in re.finditer(re.escape(word), text):
                findings.append(
                    Finding(
                        WARNING,
                        "W-DEPT-PROJECT-WORD",
                        f"部门整体支出报告中写了“{word}”：请改为“本部门”或“本单位”",
                        {"section": key, "start": m.start(), "end": m.end()},
                    )
                )
    return findings
