"""Figures of a department-wide report read from its text: income and expenditure lines, the
project lines of 项目支出, staff and unit counts, and the funds row of its 自评表.

Line names come from forms/department.toml ([[funds.income]], [[funds.expense]], [funds.counts]);
amounts are taken where a name is directly followed by a number ("人员经费支出434.89万元",
"按支出性质分:1925.67"), one line of text at a time, the first statement of each line winning.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from desktop.exchange.text.document import UNIT_END
from desktop.model.department import PROJECT_LINE, DeptFunds, LineKind, structure
from desktop.model.money import WAN
from desktop.model.profiles import detect_profile, load_profile
from desktop.model.project import FundsRow, Project

_NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(万元|元)?"
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LIST_START = re.compile(r"项目支出(?:主要)?(?:包括|含|为)[:：]?")
_LIST_ITEM = re.compile(r"([^\s,，、;；:：。]{2,30}?)(\d[\d,]*(?:\.\d+)?)万元")
_PLAIN_NUMBER = re.compile(r"^\d[\d,]*(?:\.\d+)?%?$")
FUNDS_ROW_LABEL = "年度资金总额"
# "田心乡部门整体支出绩效自评报告": the department named before the report words.
_TITLE_HEAD = re.compile(r"^([\u4e00-\u9fff（）()]{2,30}?)(?:20\d{2}年度?)?(?:部门|单位|整体支出)")
_PLACE_END = ("乡", "镇", "县", "区", "市", "旗", "街道")
_GOVERNMENT = "人民政府"
# The department's cell of a 部门整体支出绩效自评表 ("部门 | 金寨县…中心", "预算部门、单位名称: …").
_UNIT_CELL = re.compile(
    r"^\s*(?:部门|部门名称|部门（单位）名称|部门\(单位\)名称|预算部门、单位名称)\s*[|｜:：]+\s*"
    r"([\u4e00-\u9fff（）()]{3,40})",
    re.MULTILINE,
)
DEPARTMENT_FORM = "department"


def _amount(text: str, unit: str | None, default_wan: bool) -> Decimal | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None
    if unit == "万元" or (unit is None and default_wan):
        value *= WAN
    return value.quantize(Decimal("0.01"))


def _patterns(kind: LineKind) -> list[re.Pattern[str]]:
    names = sorted(kind.names, key=len, reverse=True)
    return [
        re.compile(re.escape(n) + r"(?:支出)?\s*[:：为是共计合计]{0,3}\s*" + _NUMBER) for n in names
    ]


def _first_amount(lines: list[str], kind: LineKind, default_wan: bool) -> Decimal | None:
    for line in lines:
        for pattern in _patterns(kind):
            for m in pattern.finditer(line):
                before = line[m.start() - 1] if m.start() > 0 else ""
                if before and _CJK.match(before) and before not in "中括含":
                    continue  # "财政拨款收入" is not "收入"
                value = _amount(m.group(1), m.group(2), default_wan)
                if value is not None:
                    return value
    return None


def read_department(lines: list[str]) -> DeptFunds:
    """Income/expense lines, project lines and counts stated in a department report."""
    text = "\n".join(lines)
    default_wan = "万元" in text
    dept = DeptFunds()
    st = structure()
    for kind in st.kinds:
        value = _first_amount(lines, kind, default_wan)
        if value is not None:
            dept.set(kind.side, kind.key, kind.label, "executed", value)
    for line in lines:
        m = _LIST_START.search(line)
        if m is None:
            continue
        for item in _LIST_ITEM.finditer(line[m.end() :]):
            name = item.group(1).lstrip("和及")
            value = _amount(item.group(2), "万元", True)
            if value is not None:
                dept.set("expense", PROJECT_LINE, name, "executed", value)
        break
    _counts(text, dept)
    return dept


def _counts(text: str, dept: DeptFunds) -> None:
    for key, names in structure().counts.items():
        for name in names:
            m = re.search(re.escape(name) + r"[^\d。；;]{0,8}?(\d{1,6})\s*(?:人|个)", text)
            if m:
                dept.counts[key] = int(m.group(1))
                break


def funds_row_from_cells(lines: list[str]) -> FundsRow | None:
    """The 年度资金总额 row of a 部门整体支出绩效自评表 written one cell per line (万元)."""
    for i, line in enumerate(lines):
        if line.strip() != FUNDS_ROW_LABEL:
            continue
        values: list[Decimal] = []
        for cell in lines[i + 1 : i + 12]:
            cell = cell.strip()
            if not cell:
                continue
            if not _PLAIN_NUMBER.match(cell) or cell.endswith("%"):
                break
            value = _amount(cell, "万元", True)
            if value is not None:
                values.append(value)
            if len(values) == 3:
                return FundsRow("total", *values)
    return None


def department_unit(title: str, text: str) -> str:
    """The department of a department report: its cell in the 自评表, else the short name its
    title starts with ("田心乡…" → 田心乡人民政府 when the text names it)."""
    cell = _UNIT_CELL.search(text)
    if cell is not None:
        return cell.group(1)
    m = _TITLE_HEAD.match(title)
    if m is None:
        return ""
    head = m.group(1)
    if re.search(UNIT_END + "$", head):
        return head
    if head.endswith(_PLACE_END) and head + _GOVERNMENT in text:
        return head + _GOVERNMENT
    named = re.findall(re.escape(head) + r"[\u4e00-\u9fff]{0,10}?" + UNIT_END, text)
    return max(set(named), key=lambda n: (named.count(n), -len(n))) if named else ""


def apply_department(project: Project, lines: list[str], notes: list[str]) -> None:
    """Fill a department project's lines, counts, (when missing) its funds row, and the
    province's 自评表 format when the text is that form (湖南: 按收入性质分 …)."""
    project.dept = read_department(lines)
    profile = detect_profile(lines)
    if profile is not None and load_profile(profile).covers(DEPARTMENT_FORM):
        project.profile = profile
        notes.append(f"“{project.name}”：自评表格式按{load_profile(profile).name}")
    if "total" not in project.funds.rows:
        row = funds_row_from_cells(lines)
        if row is not None:
            project.funds.rows["total"] = row
            notes.append(f"“{project.name}”：年度资金总额取自部门整体支出绩效自评表")
    stated = [x.label for x in project.dept.lines]
    if stated:
        notes.append(f"“{project.name}”：识别出收支数 {'、'.join(stated[:12])}")
    else:
        notes.append(f"“{project.name}”：未找到收入、支出金额，请在收支表中填写")
