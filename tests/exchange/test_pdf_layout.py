"""The printed page as a reviewer reads it: the 自评表 table, Chinese line breaking, the 落款.

Every test renders a real PDF and reads it back with pdfplumber.
"""

from __future__ import annotations

import copy
import io
import itertools
import re
from decimal import Decimal

import pdfplumber
import pytest

from desktop.exchange.pdf.document import render_report_pdf
from desktop.exchange.pdf.table import INDICATOR_HEAD
from desktop.model.forms import load_form
from desktop.model.project import FundsRow, Indicator
from tests.exchange.pdfread import page_lines, page_texts

MM = 72 / 25.4
LEFT = 28 * MM
RIGHT = 595.28 - 26 * MM
EM = 16.0
DEVIATION = (
    "因上半年人员调整，保安服务合同延后签订（详见附件2），造成部分月份费用未按期支付；"
    "下一步将提前谋划合同续签，“按月结算”并加强资金执行进度监控。"
)


@pytest.fixture
def form():
    return load_form("self_evaluation")


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _crowded(project):
    """The table at its most crowded: long amounts in the value columns, long reasons."""
    rows = []
    for i in range(24):
        rows.append(
            Indicator(
                "产出指标" if i % 4 else "满意度指标",
                "成本指标" if i % 2 else "服务对象满意度",
                f"第{i + 1}项保安服务及设备维护支出",
                f"≤{80000 + i}.00元",
                f"{120000 + i}.50元",
                Decimal("3.75"),
                Decimal("3.75"),
                f"{DEVIATION * (1 + i % 3)}第{i + 1}项说明完毕。",
            )
        )
    project.indicators = rows
    project.funds.rows["total"] = FundsRow(
        "total", Decimal("1234567.89"), Decimal("2345678.91"), Decimal("2222222.22")
    )
    return project


def _table_pages(data: bytes) -> list[int]:
    texts = [_flat(t) for t in page_texts(data)]
    return [i for i, t in enumerate(texts) if "三级指标" in t or "年度资金总额" in t]


def test_no_amount_or_short_label_is_split_across_lines(sample_project, form):
    project = _crowded(sample_project)
    data = render_report_pdf(project, form)
    lines = [text for page in page_lines(data) for _t, _x, text, _c in page]
    wanted = [ind.target for ind in project.indicators] + [ind.actual for ind in project.indicators]
    wanted += ["123.46", "234.57", "222.22", "94.74%", "3.75"]
    wanted += ["年初预算数", "全年预算数", "全年执行数", "实施单位", "年度指标值", "实际完成值"]
    for value in wanted:
        assert any(value in line for line in lines), f"{value} is broken over lines"
    # The header never leaves a single character on a line (no "年初预算/数").
    for line in lines:
        assert line not in ("数", "位", "值", "施"), f"lone character line: {line}"


def test_no_indicator_row_is_split_across_pages(sample_project, form):
    project = _crowded(sample_project)
    data = render_report_pdf(project, form)
    texts = [_flat(t) for t in page_texts(data)]
    assert len(_table_pages(data)) >= 3
    for i, ind in enumerate(project.indicators):
        pages = [n for n, t in enumerate(texts) if _flat(ind.level3) in t]
        assert len(pages) == 1, ind.level3
        page = texts[pages[0]]
        # The whole row — reason included, to its last words — is on that page.
        assert f"第{i + 1}项说明完毕。" in page, f"row {i + 1} continues on another page"
        assert _flat(ind.target) in page and _flat(ind.actual) in page


def test_rows_under_a_repeated_header_are_never_blank(sample_project, form):
    project = _crowded(sample_project)
    data = render_report_pdf(project, form)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        continued = 0
        for page in pdf.pages:
            for table in page.extract_tables():
                if not table or (table[0][0] or "").replace("\n", "") != "一级指标":
                    continue
                continued += 1
                first = [(c or "").strip() for c in table[1]]
                assert first[0] and first[2] and first[3], f"blank-looking first row {first}"
        assert continued >= 3  # the header repeats on every page of the table


def test_a_row_taller_than_a_page_still_splits(sample_project, form):
    sample_project.indicators[0].deviation = "偏差原因说明。" * 900
    data = render_report_pdf(sample_project, form)
    header = "".join(INDICATOR_HEAD)
    # The cell continues page after page: without the page furniture its text is whole.
    pages = [re.sub(r"草稿|—\d+—", "", _flat(t)).replace(header, "") for t in page_texts(data)]
    text = "".join(pages)
    assert text.count("偏差原因说明。") == 900
    assert sum(header in _flat(t) for t in page_texts(data)) >= 10  # header on every page
    assert "保安人员数量" in text and "群众满意度" in text


def test_funds_table_keeps_every_source_row(sample_project, form):
    # Only 年度资金总额 and 当年财政拨款 are filled in: the other rows are printed empty.
    data = render_report_pdf(sample_project, form)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        rows = [
            [c.replace("\n", "") for c in row if c is not None]
            for page in pdf.pages
            for table in page.extract_tables()
            for row in table
        ]
    labels = [row[0] if row else "" for row in rows]
    start = labels.index("年度资金总额")
    assert labels[start : start + 4] == [
        "年度资金总额",
        "其中：当年财政拨款",
        "上年结转资金",
        "其他资金",
    ]
    assert rows[start][1:] == ["8.00", "8.00", "8.00", "10", "100.00%", "10"]
    assert rows[start + 1][1:] == ["8.00", "8.00", "8.00"]
    assert rows[start + 2][1:] == rows[start + 3][1:] == ["", "", ""]


def test_a_project_without_indicators_says_the_table_is_missing(sample_project, form):
    sample_project.indicators = []
    data = render_report_pdf(sample_project, form)
    text = _flat("".join(page_texts(data)))
    assert "绩效指标表缺失" in text
    # No empty table with a total and a grade: only the statement mentions 总分.
    assert text.count("总分") == 1 and "等级：" not in text
    assert "三级指标" not in text


def test_missing_indicator_table_is_an_audit_error(sample_project, form):
    from desktop.model.checks.run import run_checks

    codes = {f.code for f in run_checks(sample_project, [], form)}
    assert "E-NO-INDICATORS" not in codes
    sample_project.indicators = []
    found = [f for f in run_checks(sample_project, [], form) if f.code == "E-NO-INDICATORS"]
    assert found and found[0].severity == "错误"
    assert "绩效指标" in found[0].message


def _body_lines(data: bytes):
    """Per page, body lines (16 pt) as (x0, x1, text)."""
    out = []
    for page in page_lines(data):
        rows = []
        for _top, x0, text, chars in page:
            if abs(chars[0]["size"] - EM) < 0.1 and "—" not in text:
                rows.append((x0, chars[-1]["x1"], text))
        out.append(rows)
    return out


def test_chinese_line_breaking_and_justified_lines(sample_project, form):
    text = (
        "根据《关于加强驻京驻蓉信访工作的通知》（攀信联办发〔2016〕80号）文件要求，"
        "2023年预算安排5万元，追加10万元，实际执行15万元，预算执行率为100.00%，"
        "较上年增长66%；“按月结算”的做法（见附件）得到上级肯定。"
    )
    for key in ("basic_info", "goals", "conclusion"):
        sample_project.sections[key] = (text + "\n") * 3
    data = render_report_pdf(sample_project, form)
    checked = 0
    for page in _body_lines(data):
        for (x0, x1, line), (nx0, _nx1, _next) in itertools.pairwise(page):
            assert line[0] not in "，。、；：？！）》”’…%", f"line starts with {line[0]}: {line}"
            assert line[-1] not in "（《“‘〔", f"line ends with {line[-1]}: {line}"
            if abs(x0 - LEFT) < 1 and abs(nx0 - LEFT) < 1:
                # A line followed by a continuation line of the same paragraph is justified.
                assert x1 == pytest.approx(RIGHT, abs=0.6), line
                checked += 1
    assert checked >= 10
    # Numbers stay whole: the line containing each figure holds all of it.
    lines = [t for page in _body_lines(data) for _a, _b, t in page]
    for figure in ("2016", "100.00%", "66%", "80号", "15万元"):
        assert any(figure in line for line in lines), figure


def test_body_lines_hold_28_characters(sample_project, form):
    sample_project.sections["basic_info"] = "本项目严格按照预算执行资金使用规范达到预期效果" * 8
    data = render_report_pdf(sample_project, form)
    full = [t for page in _body_lines(data) for x0, _x1, t in page if abs(x0 - LEFT) < 1]
    assert max(len(t) for t in full) == 28


def _signature(data: bytes, name: str, date: str):
    lines = page_lines(data)[-1]
    name_line = next(chars for _t, _x, text, chars in lines if text == name)
    date_line = next(chars for _t, _x, text, chars in lines if text == date)
    return (name_line[0]["x0"], name_line[-1]["x1"]), (date_line[0]["x0"], date_line[-1]["x1"])


def test_signature_without_seal_follows_gbt9704_7_3_5_2(sample_project, form):
    data = render_report_pdf(sample_project, form, sealed=False)
    (n0, n1), (d0, _d1) = _signature(data, "攀枝花市西区信访局", "2024年1月25日")
    assert n1 == pytest.approx(RIGHT - 2 * EM, abs=0.5)  # name two characters in from the right
    assert d0 == pytest.approx(n0 + 2 * EM, abs=0.5)  # date starts two characters further right
    # A date longer than the name allows: the date stands two characters in, the name moves.
    short = copy.deepcopy(sample_project)
    short.unit.name = "某区局"
    data = render_report_pdf(short, form, sealed=False)
    (n0, _n1), (d0, d1) = _signature(data, "某区局", "2024年1月25日")
    assert d1 == pytest.approx(RIGHT - 2 * EM, abs=0.5)
    assert d0 == pytest.approx(n0 + 2 * EM, abs=0.5)


def test_signature_with_seal_follows_gbt9704_7_3_5_1(sample_project, form):
    data = render_report_pdf(sample_project, form)
    (n0, n1), (d0, d1) = _signature(data, "攀枝花市西区信访局", "2024年1月25日")
    assert d1 == pytest.approx(RIGHT - 4 * EM, abs=0.5)  # date four characters in
    assert (n0 + n1) / 2 == pytest.approx((d0 + d1) / 2, abs=0.5)  # name centred over it


def test_cli_export_pdf_without_seal(tmp_path, sample_project):
    from desktop.cli import main
    from desktop.store import repo
    from desktop.store.db import open_store

    db = tmp_path / "x.db"
    store = open_store(db)
    pid = repo.insert_project(store, sample_project)
    store.close()
    out = {}
    for flag in ([], ["--no-seal"]):
        path = tmp_path / f"r{len(flag)}.pdf"
        assert main(["--db", str(db), "export-pdf", str(pid), "--out", str(path), *flag]) == 0
        out[bool(flag)] = _signature(path.read_bytes(), "攀枝花市西区信访局", "2024年1月25日")
    (_n0, _n1), (_d0, d1) = out[False]
    assert d1 == pytest.approx(RIGHT - 4 * EM, abs=0.5)
    (_n0, n1), (_d0, _d1) = out[True]
    assert n1 == pytest.approx(RIGHT - 2 * EM, abs=0.5)
