"""One report as PDF, read back with pypdf/pdfplumber: what a reader of the printout sees."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.exchange.fonts import load_fontset
from desktop.exchange.jsonio import read_projects
from desktop.exchange.pdf.document import render_report, render_report_pdf, write_report_pdf
from desktop.model.forms import load_form
from tests.exchange.pdfread import font_objects, many_indicators, page_lines, page_texts

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "seed003_baoan.json"
A4 = (595.2, 841.9)


@pytest.fixture
def form():
    return load_form("self_evaluation")


@pytest.fixture
def seed_project():
    return read_projects(FIXTURE)[0]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_pages_are_a4_with_title_sections_unit_and_date(sample_project, form):
    data = render_report_pdf(sample_project, form)
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(A4[1], abs=0.5)
    text = _flat("".join(page_texts(data)))
    assert text.startswith(_flat(form.title)) or _flat(form.title) in text[:40]
    assert "（保安费用）" in text
    positions = [text.find(_flat(e.title)) for e in form.outline]
    assert all(p >= 0 for p in positions), [
        e.title for e, p in zip(form.outline, positions, strict=True) if p < 0
    ]
    assert positions == sorted(positions), "headings out of order"
    assert "攀枝花市西区信访局" in text
    assert "2024年1月25日" in text
    for section_text in sample_project.sections.values():
        assert _flat(section_text) in text


def test_page_numbers_alternate_outside_edge(seed_project, form):
    data = render_report_pdf(seed_project, form)
    lines = page_lines(data)
    assert len(lines) >= 3
    for number, page in enumerate(lines, start=1):
        label = f"— {number} —"
        found = [
            (x0, text)
            for _top, x0, text, _c in page
            if text.replace(" ", "") == label.replace(" ", "")
        ]
        assert found, f"page {number} lacks {label}"
        x0 = found[0][0]
        if number % 2:
            assert x0 > A4[0] / 2, "odd pages number on the right"
        else:
            assert x0 < A4[0] / 2, "even pages number on the left"


def test_every_font_is_embedded_truetype_subset(seed_project, form):
    data = render_report_pdf(seed_project, form)
    fonts = font_objects(data)
    assert fonts
    for font in fonts:
        name = str(font["/BaseFont"])
        assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not a subset"
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, f"{name} is not embedded"
    assert b"Helvetica" not in data


def test_roles_use_their_fonts_and_sizes(sample_project, form):
    fs = load_fontset()
    data = render_report_pdf(sample_project, form)
    lines = page_lines(data)[0]

    def line_with(text: str):
        return next(chars for _t, _x, s, chars in lines if s.startswith(text))

    body = line_with("保障本年度内两名保安人员")
    h1 = line_with("一、项目概况")
    h2 = line_with("（一）项目基本情况")
    title = line_with(form.title)

    def face(role: str) -> str:
        from reportlab.pdfbase.pdfmetrics import getFont

        return getFont(fs.name(role)).face.name.decode()

    assert body[2]["fontname"].split("+")[1].startswith(face("body"))
    assert body[2]["size"] == pytest.approx(16, abs=0.1)
    assert h1[2]["fontname"].split("+")[1].startswith(face("heading1"))
    assert h2[2]["fontname"].split("+")[1].startswith(face("heading2"))
    assert title[2]["size"] == pytest.approx(22, abs=0.1)
    # First-line indent of two characters.
    body_x = next(x for _t, x, s, _c in lines if s.startswith("保障本年度内"))
    assert body_x == pytest.approx(28 * 72 / 25.4 + 32, abs=1)


def test_body_lines_hold_27_to_28_characters_at_28_9_pitch(seed_project, form):
    data = render_report_pdf(seed_project, form)
    page = page_lines(data)[1]
    body = [(top, text) for top, x0, text, chars in page if chars[0]["size"] == pytest.approx(16)]
    # Lines of full-width characters only: count the characters on the longest one.
    cjk = [text for top, x0, text, chars in page if all(c["width"] > 15 for c in chars)]
    cjk = [t for t in cjk if len(t) >= 20]
    assert cjk
    assert 27 <= max(len(t) for t in cjk) <= 28
    tops = [top for top, _ in body]
    pitches = [b - a for a, b in itertools.pairwise(tops)]
    assert sorted(pitches)[len(pitches) // 2] == pytest.approx(28.9, abs=1)
    assert min(pitches) >= 27.5
    assert len(body) <= 22


def test_draft_has_watermark_final_has_fingerprint(sample_project, form):
    draft = render_report_pdf(sample_project, form)
    assert all("草稿" in t for t in page_texts(draft))
    sample_project.status = "final"
    final = render_report_pdf(sample_project, form, fingerprint="ab12" * 16)
    texts = page_texts(final)
    assert not any("草稿" in t for t in texts)
    assert all("ab12" * 16 in _flat(t) for t in texts)


def test_table_values_and_right_aligned_numbers(seed_project, form):
    import pdfplumber

    data = render_report_pdf(seed_project, form)
    text = _flat("".join(page_texts(data)))
    for value in ("8.00", "100.00%", "年初预算数", "保障全年保安的经费", "等级：优"):
        assert value in text
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            words = [w for w in page.extract_words() if w["text"] == "8.00"]
            if not words:
                continue
            for w in words:
                verticals = sorted(
                    {
                        round(e["x0"], 1)
                        for e in page.edges
                        if e["orientation"] == "v"
                        and e["top"] <= w["top"] + 0.5
                        and e["bottom"] >= w["bottom"] - 0.5
                    }
                )
                right_edge = min(x for x in verticals if x > w["x1"] - 0.5)
                left_edge = max(x for x in verticals if x < w["x0"])
                assert right_edge - w["x1"] < 4, "amount not right-aligned"
                assert w["x0"] - left_edge > 10
            break
        else:
            pytest.fail("no amount found")


def test_long_table_repeats_its_header(sample_project, form):
    sample_project.indicators = many_indicators(60)
    data = render_report_pdf(sample_project, form)
    texts = [_flat(t) for t in page_texts(data)]
    with_rows = [i for i, t in enumerate(texts) if "工作完成数量" in t]
    assert len(with_rows) >= 2
    for i in with_rows:
        assert "三级指标" in texts[i] and "偏差原因分析及改进措施" in texts[i], f"page {i + 1}"
    joined = "".join(texts)
    for n in (1, 30, 60):
        assert f"第{n}项工作完成数量" in joined


def test_headings_never_end_a_page(sample_project, form):
    titles = {_flat(e.title) for e in form.outline}
    filler = "本项目严格按照预算执行，资金使用规范，达到预期效果。"
    for variant in range(8):
        for i, entry in enumerate(form.sections()):
            sample_project.sections[entry.key] = filler * ((i * 3 + variant * 5) % 11 + 1)
        data = render_report_pdf(sample_project, form)
        for number, page in enumerate(page_lines(data), start=1):
            content = [
                text for top, x0, text, chars in page if chars[0]["size"] >= 15 and "—" not in text
            ]
            if content:
                assert _flat(content[-1]) not in titles, (
                    f"variant {variant}: page {number} ends with a heading"
                )


def test_unknown_characters_are_reported_not_dropped(sample_project, form):
    sample_project.sections["problems"] = "生僻字𠀀测试"
    result = render_report(sample_project, form)
    assert "𠀀" in result.missing_chars
    assert "生僻字" in "".join(page_texts(result.data))


def test_seed_003_report_renders_every_section(seed_project, form, tmp_path):
    out = tmp_path / "baoan.pdf"
    write_report_pdf(seed_project, form, out)
    data = out.read_bytes()
    text = _flat("".join(page_texts(data)))
    for key, value in seed_project.sections.items():
        first = _flat(value)[:12]
        assert first in text, key
    assert not list(tmp_path.glob("*.part"))


def test_cli_export_pdf_writes_the_report(tmp_path):
    from desktop.cli import main

    db = tmp_path / "x.db"
    assert main(["--db", str(db), "import-json", str(FIXTURE)]) == 0
    out = tmp_path / "r.pdf"
    assert main(["--db", str(db), "export-pdf", "1", "--out", str(out)]) == 0
    assert "保安费用" in "".join(page_texts(out.read_bytes()))


def test_no_line_starts_with_closing_punctuation(seed_project, form):
    data = render_report_pdf(seed_project, form)
    starts = [text[0] for page in page_lines(data) for _t, _x, text, _c in page if text]
    assert not set(starts) & set("，。、；：？！）》”")


def test_evaluation_form_renders_its_own_outline(sample_project):
    evaluation = load_form("evaluation")
    sample_project.form = "evaluation"
    sample_project.sections = {
        e.key: f"{e.title}的内容。" for e in evaluation.sections() if e.key is not None
    }
    data = render_report_pdf(sample_project, evaluation)
    text = _flat("".join(page_texts(data)))
    assert _flat(evaluation.title) in text
    for entry in evaluation.outline:
        assert _flat(entry.title) in text
    assert "偏差原因分析及改进措施" in text  # the indicator table is there too


def test_cli_fonts_lists_roles(capsys):
    from desktop.cli import main

    assert main(["fonts"]) == 0
    out = capsys.readouterr().out
    assert "正文（仿宋）" in out and "缺字补全" in out


def test_huge_cells_and_paragraphs_split_across_pages(sample_project, form):
    sample_project.indicators[0].deviation = "偏差原因说明。" * 800
    sample_project.goals.target = "目标" * 3000
    sample_project.name = "很长的项目名称" * 40
    sample_project.sections["basic_info"] = "无换行的超长段落" * 2000
    result = render_report(sample_project, form)
    assert result.pages > 20
    assert result.missing_chars == []


def test_a_name_longer_than_a_page_is_split_not_refused(sample_project, form):
    # The subtitle and the 项目名称 cell each hold the whole name: both continue over pages.
    sample_project.name = "名" * 6000
    result = render_report(sample_project, form)
    text = "".join(page_texts(result.data))
    assert text.count("名") >= 2 * 6000
    assert result.pages > 10


def test_cli_export_pdf_batch_for_unit_and_year(tmp_path):
    from desktop.cli import main

    db = tmp_path / "x.db"
    assert main(["--db", str(db), "import-json", str(FIXTURE)]) == 0
    out = tmp_path / "book.pdf"
    args = ["--db", str(db), "export-pdf", "--unit", "攀枝花市西区信访局", "--year", "2023"]
    assert main([*args, "--out", str(out)]) == 0
    texts = page_texts(out.read_bytes())
    assert "合订本" in _flat(texts[0])
    assert "保安费用" in _flat(texts[1])


def test_cli_batch_of_evaluation_reports_is_titled_as_such(tmp_path):
    """A 合订本 of 评价报告 says 绩效评价报告, not 自评报告 (it used to say 自评 for every form)."""
    from desktop.cli import main

    db = tmp_path / "x.db"
    evaluation = FIXTURE.with_name("seed000_evaluation.json")
    assert main(["--db", str(db), "import-json", str(evaluation)]) == 0
    out = tmp_path / "book.pdf"
    args = ["--db", str(db), "export-pdf", "--unit", "昆明市呈贡区信访局", "--year", "2023"]
    assert main([*args, "--out", str(out)]) == 0
    cover = _flat(page_texts(out.read_bytes())[0])
    assert "昆明市呈贡区信访局2023年度绩效评价报告合订本" in cover
    assert "自评" not in cover
