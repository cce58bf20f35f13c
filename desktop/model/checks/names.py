"""W-LINE-NAME: one project line named differently in the summary and in the detail — the same
amount under two similar but different names ("委员活动经费36.3万元" … "委员活动费36.3万元"), or a
line of the summary that is a sibling project under another name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from functools import lru_cache

from desktop.model.checks.config import check_settings, review_words
from desktop.model.checks.numbers import find_amounts
from desktop.model.checks.registry import WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.money import fmt_wan
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

WAN = Decimal(10000)
# Words before a line's name that are not part of it (verbs and markers; single characters only
# where they cannot be inside a name, so not the 共 of 公共).
_LEAD = compiled(
    r"^.*(?:[，,、；;：:。（()）“”\"]|用于|其中|安排|包括|下达|拨付|支付|支出|投入|完成|收到|共计|合计"
    r"|名称为|名称是|的)"
)
SIMILAR = 0.6
# Characters that follow a number and are not part of the name after them.
_AFTER_NUMBER = "类个项年度月名批次期户家所"


@dataclass(frozen=True)
class Mention:
    """A project line named with an amount in the text (value in 元)."""

    name: str
    core: str
    value: Decimal
    start: int
    end: int


@lru_cache(maxsize=64)
def _name_re(suffixes: tuple[str, ...]) -> re.Pattern[str]:
    ends = "|".join(map(re.escape, sorted(suffixes, key=len, reverse=True)))
    return compiled(rf"([\u4e00-\u9fff“”]{{2,30}}?(?:{ends}|费))\s*(?:预算|资金|共|为|：|:)?\s*$")


def core_of(name: str, generic: tuple[str, ...]) -> str:
    """A line's name without the general words (经费, 费用, 项目 …) that vary between mentions."""
    core = name
    for word in sorted(generic, key=len, reverse=True):
        core = core.replace(word, "")
    return core.rstrip("费")


@lru_cache(maxsize=4096)
def mentions(text: str, generic: tuple[str, ...]) -> tuple[Mention, ...]:
    """Lines named with an amount in ``text``."""
    pattern = _name_re(review_words().line_suffix)
    out = []
    for amount in find_amounts(text):
        if amount.unit not in ("万元", "元"):
            continue
        window_start = max(0, amount.start - 36)
        m = pattern.search(text, window_start, amount.start)
        if m is None:
            continue
        name = _LEAD.sub("", m.group(1)).strip("“”")
        if m.start(1) > 0 and text[m.start(1) - 1].isdigit():
            name = name.lstrip(_AFTER_NUMBER)  # "12类基本公共卫生服务资金", "2023年度…"
        core = core_of(name, generic)
        if len(name) < 4 or len(core) < 2:
            continue
        start = m.start(1) + m.group(1).find(name)
        out.append(Mention(name, core, amount.value, start, amount.end))
    return tuple(out)


def _renamed(a: str, b: str) -> bool:
    """Two cores of one line's name that differ: similar, but neither is part of the other
    ("委员活动" vs "委员履职活动"; not "卫生服务" vs "国家基本公共卫生服务")."""
    if a == b or a in b or b in a:
        return False
    return SequenceMatcher(None, a, b).ratio() >= SIMILAR


def _all_mentions(project: Project, generic: tuple[str, ...]) -> Iterator[tuple[str, Mention]]:
    for key, text in project.sections.items():
        if text and "元" in text:
            for mention in mentions(text, generic):
                yield key, mention


@register("W-LINE-NAME")
def check_line_names(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """The same line (same amount) under two similar names, in the text or against a sibling."""
    generic = check_settings(form.key).generic_name_words
    found = list(_all_mentions(project, generic))
    out: list[Finding] = []
    reported: set[tuple[str, str]] = set()
    for i, (_, a) in enumerate(found):
        for key_b, b in found[i + 1 :]:
            if a.value != b.value or a.name == b.name or (a.name, b.name) in reported:
                continue
            if not _renamed(a.core, b.core):
                continue  # one name, or names that differ only in 经费/费用/资金
            reported.add((a.name, b.name))
            out.append(_finding(key_b, b, f"前文称“{a.name}”（{fmt_wan(a.value)}万元）"))
    others = [
        s for s in siblings if s is not project and (project.id is None or s.id != project.id)
    ]
    for key, a in found:
        for other in (project, *others):
            budget = other.funds.effective("full_year") or other.funds.effective("initial")
            if budget != a.value or other.name == a.name:
                continue
            core = core_of(other.name, generic)
            if not _renamed(a.core, core):
                continue  # the same name, or a longer phrase around it
            which = "本项目名称为" if other is project else "项目"
            note = f"{which}“{other.name}”，全年预算也是{fmt_wan(budget)}万元"
            out.append(_finding(key, a, note))
    return out


def _finding(key: str, at: Mention, other: str) -> Finding:
    return Finding(
        WARNING,
        "W-LINE-NAME",
        f"“{at.name}”（{fmt_wan(at.value)}万元）与{other}，疑为同一项目名称前后不一致；请统一名称",
        {"section": key, "start": at.start, "end": at.end},
    )
