"""What a published document says about itself: title, 发布机构, 成文日期, unit, year, kind.

Government pages carry a metadata block (索引号 · 发布机构 · 成文日期 · 名称 …) as pipe cells,
bracketed labels, bullets or plain ``label: value`` lines; the title may wrap over two lines or
follow a line naming the unit ("青川县司法局" / "关于2021年度…的自评报告").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop.exchange.text.facts import UNIT_LINE_RE, find_signed_date, unit_in_text

_HAN = "\u4e00-\u9fa5"
UNIT_END = (
    r"(?:局|委员会|委|办公室|办|中心|院|所|站|队|馆|处|厅|部|会|学校|小学|中学|幼儿园|医院|"
    r"分局|指挥部|联络处|政府|街道办事处|集团|公司)"
)
_UNIT_RE = re.compile(rf"^[{_HAN}（）()]{{2,40}}?{UNIT_END}$")
_TITLE_WORDS = (
    "自评报告",
    "评价报告",
    "自评表",
    "评价结果",
    "绩效报告",
    "目标表",
    "评分表",
    "评价报",
    "自评的报告",
    "自评工作报告",
)
_META_LABELS = {
    "发布机构": "publisher",
    "发文机关": "publisher",
    "公开责任部门": "publisher",
    "文章来源": "source",
    "来源": "source",
    "信息来源": "source",
    "成文日期": "signed",
    "报告日期": "signed",
    "填报日期": "signed",
    "作者": "author",
    # the cover fields of a report form ("项目单位          岳阳楼区人大办")
    "项目名称": "name",
    "项目单位": "unit",
    "实施单位": "unit",
    "主管部门": "department",
    "单位名称": "filler",  # who filled in the form (a 填报日期 often follows on its line)
    "名称": "title",
    "文件名称": "title",
    "标题": "title",
    "索引号": "ignore",
    "公开目录": "ignore",
    "发布日期": "ignore",
    "发布时间": "ignore",
    "主题分类": "ignore",
    "浏览量": "ignore",
    "浏览次数": "ignore",
    "组配分类": "ignore",
    "信息分类": "ignore",
    "有效性": "ignore",
    "字体": "ignore",
    "阅读": "ignore",
}
_COVER_KEYS = ("name", "unit", "department")
_META_RE = re.compile(
    r"[\[【]?\s*(" + "|".join(sorted(_META_LABELS, key=len, reverse=True)) + r")\s*[\]】]?\s*[:：]?"
)
_ISO_DATE_RE = re.compile(r"(20\d{2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_YEAR_IN_TITLE_RE = re.compile(r"(20\d{2})\s*年度?")
_TITLE_YEAR_RE = re.compile(r"^(.*?)(?:20\d{2}\s*年度?|20\d{2}(?=[^\d年]))")
_SUFFIX_RE = re.compile(
    r"(?:支出)?(?:重点)?绩效(?:单位)?(?:评价)?(?:的)?(?:自评|评价)(?:的)?(?:报告|结果|表)"
    r"(?:[（(].*[）)])?$"
)
_PLACE_RE = re.compile(rf"^[{_HAN}]{{1,6}}?[省市县区州旗](?=20\d{{2}})")
_SHORT_ORG_RE = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,30}}?{UNIT_END})(?=\s*(?:20\d{{2}}年|[（(]以下简称|对|关于|于20))"
)


@dataclass
class DocumentFacts:
    """Facts from a document's head: metadata fields, title line(s) and where they are."""

    meta: dict[str, str] = field(default_factory=dict)
    title: str = ""
    title_lines: list[int] = field(default_factory=list)
    name: str = ""
    unit_line: str = ""
    meta_lines: list[int] = field(default_factory=list)

    @property
    def signed(self) -> dt.date | None:
        """The 成文日期 the metadata states."""
        m = _ISO_DATE_RE.search(self.meta.get("signed", ""))
        if not m:
            return None
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            return None

    @property
    def publisher(self) -> str:
        """发布机构 (or 来源) when it names a unit."""
        for key in ("publisher", "source"):
            value = self.meta.get(key, "")
            m = re.match(rf"[{_HAN}（）()]{{2,40}}?{UNIT_END}", value)
            if m and value:
                return m.group(0)
        return ""

    def author_unit(self, text: str) -> str:
        """The unit a page's 作者 names: "县政协办" writes for 县政协 when the text names it."""
        value = self.meta.get("author", "")
        m = re.match(rf"[{_HAN}（）()]{{2,40}}?{UNIT_END}", value)
        if not m:
            return ""
        author = m.group(0)
        for office in ("办公室", "办"):
            parent = author.removesuffix(office)
            if parent != author and len(parent) >= 2 and text.count(parent) >= 2:
                return parent
        return author

    def year(self) -> int | None:
        """The year the title names."""
        m = _YEAR_IN_TITLE_RE.search(self.title)
        return int(m.group(1)) if m else None


def _clean(line: str) -> str:
    return re.sub(r"[\s\u3000|｜•·]+", "", line)


def _meta_pairs(lines: list[str], facts: DocumentFacts) -> None:
    """``label: value`` fields of the page's metadata block (first 30 lines)."""
    pending: str | None = None
    for i, raw in enumerate(lines[:30]):
        line = re.sub(
            rf"(?<=[{_HAN}])[ \u3000]+(?=[{_HAN}])", "", raw.strip().lstrip("-•· ").strip()
        )
        if not line:
            continue
        if pending is not None:
            value = _clean(line)
            if value and value not in _META_LABELS and not re.search(r"[:：|｜]", value):
                facts.meta.setdefault(pending, value)
                facts.meta_lines.append(i)
            pending = None
            continue
        matches = list(_META_RE.finditer(line))
        if not matches or matches[0].start() > 0 or "\t" in raw:
            continue
        if re.search(r"[|｜]", line) and _META_LABELS[matches[0].group(1)] in _COVER_KEYS:
            continue  # a table row ("项目名称 | …"): the 自评表 reader takes it
        facts.meta_lines.append(i)
        for n, m in enumerate(matches):
            end = matches[n + 1].start() if n + 1 < len(matches) else len(line)
            value = re.split(r"\s{2,}|[|｜]\s*[^|｜\s]+\s*[:：]", line[m.end() : end])[0]
            value = _clean(value).strip("【】[]")
            key = _META_LABELS[m.group(1)]
            if value:
                facts.meta.setdefault(key, value)
            elif n == len(matches) - 1:
                pending = key


def _is_title(flat: str) -> bool:
    return (
        6 <= len(flat) <= 70
        and any(w in flat for w in _TITLE_WORDS)
        and not re.search(r"[。，,；;]", flat)
    )


def read_document(lines: list[str], limit: int = 40) -> DocumentFacts:
    """The metadata and the title of a document (looked for in its first ``limit`` lines)."""
    facts = DocumentFacts()
    _meta_pairs(lines, facts)
    seen = 0
    for i, raw in enumerate(lines):
        if seen >= limit:
            break
        flat = _clean(raw)
        if not flat:
            continue
        if re.search(r"[|｜]", raw.strip().strip("|｜")):
            flat = _clean(re.split(r"[|｜]", raw.strip().strip("|｜"))[0])  # a table's first cell
        seen += 1
        if i in facts.meta_lines or re.match(r"^[一二三四五六七八九十]+、", flat):
            if re.match(r"^[一二三四五六七八九十]+、", flat):
                break
            continue
        if _is_title(flat) and not flat.startswith(("附件", "来源")):
            _take_title(lines, i, flat, facts)
            break
    if not facts.title and facts.meta.get("title"):
        facts.title = facts.meta["title"]
    return facts


def _take_title(lines: list[str], i: int, flat: str, facts: DocumentFacts) -> None:
    facts.title_lines = [i]
    prev = next((j for j in range(i - 1, max(-1, i - 3), -1) if _clean(lines[j])), None)
    if prev is not None and prev not in facts.meta_lines:
        before = _clean(lines[prev])
        if _UNIT_RE.match(before) and (flat.startswith("关于") or not _TITLE_YEAR_RE.match(flat)):
            facts.unit_line = before
            facts.title_lines.insert(0, prev)
        elif (
            len(before) <= 40
            and not re.search(r"[。，,：:；;|]", before)
            and not _is_title(before)
            and not re.search(r"\d{4}-\d", before)
            and not re.match(r"^附件\s*\d*$", before)
            and len(flat) <= 16
        ):
            flat = before + flat
            facts.title_lines.insert(0, prev)
    facts.title = flat
    nxt = next((j for j in range(i + 1, min(len(lines), i + 3)) if _clean(lines[j])), None)
    if nxt is not None:
        m = re.match(r"^[（(]([^（）()]{2,60})[）)]$", _clean(lines[nxt]))
        if m and not re.match(r"^20\d{2}年度?$", m.group(1)):
            facts.name = m.group(1)
            facts.title_lines.append(nxt)
    if not facts.name:
        m = re.search(r"[（(]([^（）()]{2,60})[）)]$", flat)
        if m and not m.group(1).endswith(("年度", "修改")):
            facts.name = m.group(1)


def title_unit(title: str) -> str:
    """The unit a title starts with ("红河州数据发展中心2024年度…" → 红河州数据发展中心)."""
    m = _TITLE_YEAR_RE.match(title)
    head = m.group(1) if m else title.split("关于")[0] if "关于" in title else ""
    head = head.removesuffix("关于")
    um = re.match(rf"^([{_HAN}（）()]{{2,40}}?{UNIT_END})$", head)
    return um.group(1) if um else ""


def title_name(title: str, unit: str) -> str:
    """The project a title names, without unit, year and the report words."""
    text = title
    m = re.search(r"[（(]([^（）()]{2,60})[）)]$", text)
    if m and not m.group(1).endswith(("年度", "修改")):
        return m.group(1)
    if unit and text.startswith(unit):
        text = text[len(unit) :]
    text = _PLACE_RE.sub("", text.removeprefix("关于"))
    text = re.sub(r"^20\d{2}\s*年度?", "", text)
    text = _SUFFIX_RE.sub("", text)
    return text if 2 <= len(text) <= 40 else ""


@lru_cache(maxsize=8)  # the whole text is searched once per import, not per report
def org_in_text(text: str, ending: str = "") -> str:
    """The organisation the running text names most often in a subject position."""
    counted = Counter(
        m.group(1).split("。")[-1]
        for m in _SHORT_ORG_RE.finditer(text)
        if (not ending or m.group(1).endswith(ending))
        and not m.group(1).startswith(_CITING)
        and text[m.start() - 1 : m.start()] != "《"  # 《保山市财政局关于…》 is a cited document
    )
    if not counted:
        return ""
    best = max(counted, key=lambda k: (counted[k], -text.find(k)))
    return best


# "根据省教育厅关于…": a body cited as the authority of the text, not its author.
_CITING = ("根据", "按照", "依据", "遵照", "参照", "依照", "经")
GENERIC_NAMES = frozenset({"项目", "部门预算项目", "部门整体", "项目资金", "整体支出"})
_DEPARTMENT_RE = re.compile(r"部门(?:（单位）|\(单位\))?整体(?:支出)?|整体支出绩效")


def is_department_report(title: str, text: str) -> bool:
    """True for a 部门（单位）整体支出 report (its title or opening says so)."""
    return bool(_DEPARTMENT_RE.search(title) or _DEPARTMENT_RE.search(text[:300]))


def resolve_unit(
    doc: DocumentFacts, sheet: Any, title: str, body: list[str], whole: str
) -> tuple[str, str]:
    """(实施单位, 主管部门) from the table's cells, the title, 发布机构, the 落款 or the text
    (``whole``: the text of the whole document)."""
    text = "\n".join(body)
    unit = sheet.unit or doc.meta.get("unit", "") or doc.unit_line or title_unit(title)
    if unit and re.match(r"^[县市区州]", unit):
        unit = org_in_text(text, unit) or unit
    publisher = doc.publisher
    unit = (
        unit
        or publisher
        or _signature_unit(body)
        or doc.author_unit(whole)
        or unit_in_text(whole)
        or org_in_text(whole)
    )
    if not unit:
        unit = _place_government(title, whole)
    department = sheet.department or doc.meta.get("department", "")
    issuer = doc.meta.get("publisher", "")  # 发布机构 (a 来源 line is only where it was posted)
    if not department and issuer and publisher and publisher not in unit and unit not in publisher:
        department = publisher
    return unit, department


def _place_government(title: str, whole: str) -> str:
    """A township's report ("田心乡部门整体支出…"): its 人民政府 when the text names it."""
    m = re.match(rf"^(?:附件\s*\d*)?([{_HAN}]{{1,8}}?[乡镇])(?=部门|单位|整体|20)", title)
    if not m:
        return ""
    for ending in ("人民政府", "政府"):
        if m.group(1) + ending in whole:
            return m.group(1) + ending
    return ""


def _signature_unit(body: list[str]) -> str:
    signed = find_signed_date(body)
    if signed is None:
        return ""
    for i in range(signed[1] - 1, max(signed[1] - 4, -1), -1):
        candidate = body[i].strip()
        if candidate:
            return candidate if UNIT_LINE_RE.match(candidate) else ""
    return ""
