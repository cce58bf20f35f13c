"""Facts stated in running text: the funds (budget, adjusted, executed, arrived) and the score.

Each amount ("985万元", "5.8万", "138587元") is classified by the words closest before it in its
clause ("年初批复预算8个项目985万元" → initial); the first amount of each kind wins. A budget named
without 年初 or 调整 ("预算150万元", "指标金额是110万元") is both the initial and the full-year
budget, as nothing says it changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from desktop.exchange.text.facts import to_yuan

_AMOUNT_RE = re.compile(r"(\d[\d,，]*(?:\.\d+)?)\s*(万元|万|元)(?![/／每])")
_CLAUSE_RE = re.compile(r"[。；;\n]")
# Words before an amount → the kind of amount (the word nearest the amount wins).
_WORDS: tuple[tuple[str, str], ...] = (
    ("年初预算", "initial"),
    ("年初批复", "initial"),
    ("年初下达", "initial"),
    ("年初财政下达", "initial"),
    ("计划安排", "initial"),
    ("预拨", "initial"),
    ("预算安排", "budget"),
    ("预算", "budget"),
    ("指标金额", "budget"),
    ("资金总额", "budget"),
    ("总投资", "budget"),
    ("批复", "budget"),
    ("下达", "budget"),
    ("安排资金", "budget"),
    ("调整预算后", "full_year"),
    ("调整后", "full_year"),
    ("全年预算", "full_year"),
    ("追加后", "full_year"),
    ("实际到位", "arrived"),
    ("到位资金", "arrived"),
    ("实际拨付", "arrived"),
    ("拨付金额", "arrived"),
    ("实际支出", "executed"),
    ("支出", "executed"),
    ("实际执行", "executed"),
    ("执行数", "executed"),
    ("全年执行", "executed"),
    ("全年完成", "executed"),
    ("完成数", "executed"),
    ("已执行", "executed"),
    ("拨付使用", "executed"),
    ("使用", "executed"),
    ("兑付", "executed"),
    ("支付", "executed"),
)
_AFTER_ARRIVED_RE = re.compile(r"^\s*(?:已?全部(?:执行)?到位|全额到位)")
_NOT_BEFORE = ("同比", "增加", "减少", "其中", "含", "结余", "结转")
_SCORE_RE = re.compile(
    r"(?:自评|评价|绩效|综合|总)(?:得分|总分|评分|分)(?:为|是|[:：])?\s*(\d{1,3}(?:\.\d{1,2})?)\s*分"
)
_GRADE_RE = re.compile(
    r"(?:评价等级|自评等级|绩效等级|等级|自评结果|评价结果|评定|自评)(?:为|是|[:：])\s*[“\"「]?"
    r"(优秀|良好|优|良|中等|中|合格|差|不合格)[”\"」]?"
)


@dataclass
class ProseFunds:
    """Amounts (元) found in running text, with the phrase each came from."""

    initial: Decimal | None = None
    full_year: Decimal | None = None
    executed: Decimal | None = None
    arrived: Decimal | None = None

    def is_empty(self) -> bool:
        """True when no amount was found."""
        return all(v is None for v in (self.initial, self.full_year, self.executed, self.arrived))


def _kind(before: str) -> str | None:
    best: tuple[int, int, str] | None = None
    for word, kind in _WORDS:
        pos = before.rfind(word)
        if pos < 0:
            continue
        key = (pos + len(word), len(word), kind)
        if best is None or key[:2] > best[:2]:
            best = key
    if best is None:
        return None
    tail = before[best[0] :]
    if any(w in tail for w in _NOT_BEFORE) or len(tail) > 14:
        return None
    return best[2]


def read_prose_funds(text: str) -> ProseFunds:
    """The first budget, adjusted budget, executed and arrived amounts the text states."""
    found = ProseFunds()
    for clause in _CLAUSE_RE.split(text):
        last = 0
        for m in _AMOUNT_RE.finditer(clause):
            before = clause[last : m.start()]
            last = m.end()
            value = to_yuan(m.group(1), m.group(2))
            if value is None:
                continue
            kind = _kind(before)
            if _AFTER_ARRIVED_RE.match(clause[m.end() :]):
                if found.arrived is None:
                    found.arrived = value
                kind = "full_year" if kind in (None, "budget") else kind
            _take(found, kind, value)
    return found


def _take(found: ProseFunds, kind: str | None, value: Decimal) -> None:
    if kind == "budget":
        if found.initial is None and found.full_year is None:
            found.initial = found.full_year = value
        return
    if kind in ("initial", "full_year", "executed", "arrived") and getattr(found, kind) is None:
        setattr(found, kind, value)


def read_claims(text: str) -> tuple[Decimal | None, str]:
    """The total score and the grade a report states ("自评得分97分", "评价等级为“良”")."""
    score: Decimal | None = None
    m = _SCORE_RE.search(text)
    if m:
        value = Decimal(m.group(1))
        if value <= 100:
            score = value
    g = _GRADE_RE.search(text)
    return score, g.group(1) if g else ""
