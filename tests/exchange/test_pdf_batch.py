"""The 合订本: cover, table of contents with right page numbers, odd-page starts, cancelling."""

from __future__ import annotations

import copy
import re

import pytest

from desktop.exchange.pdf.batch import Cancelled, render_batch, write_batch_pdf
from tests.exchange.pdfread import page_lines, page_texts

TITLE = "攀枝花市西区信访局2023年度项目支出绩效自评报告合订本"


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def projects(sample_project):
    names = ["保安费用", "接访费用", "矛盾化解和疑难信访问题费用", "驻京驻蓉信访维稳经费"]
    out = []
    for i, name in enumerate(names):
        p = copy.deepcopy(sample_project)
        p.name = name
        p.sections["basic_info"] = "为保障信访工作正常开展，安排专项经费。" * (4 + i * 9)
        out.append(p)
    out[1].status = "final"
    return out


def test_toc_lists_every_report_with_its_first_page(projects, tmp_path):
    out = tmp_path / "book.pdf"
    calls: list[tuple[int, int]] = []
    write_batch_pdf(projects, out, TITLE, progress=lambda a, b: calls.append((a, b)))
    data = out.read_bytes()
    texts = [_flat(t) for t in page_texts(data)]
    assert TITLE in texts[0]
    assert "目录" in texts[1]
    toc = [_flat(text) for _top, _x, text, _c in page_lines(data)[1]]
    for i, project in enumerate(projects):
        pattern = re.compile(rf"{i + 1}\.{project.name}(\d+)")
        m = next((pattern.fullmatch(line) for line in toc if pattern.fullmatch(line)), None)
        assert m, (project.name, toc)
        start = int(m.group(1))
        assert start % 2 == 1, "reports start on odd pages"
        page = texts[start - 1]
        assert f"（{project.name}）" in page
        assert f"—{start}—" in page
    assert calls[-1] == (4, 4)
    assert [a for a, _ in calls] == sorted(a for a, _ in calls)


def test_watermark_follows_each_reports_status(projects):
    for i, p in enumerate(projects):
        p.id = i + 1
    result = render_batch(projects, TITLE, fingerprints={2: "f0" * 32, 1: "e1" * 32})
    texts = page_texts(result.data)
    starts = result.starts
    final_pages = range(starts[1] - 1, starts[2] - 1)
    for n in final_pages:
        if _flat(texts[n]):
            assert "草稿" not in texts[n]
            assert "f0" * 32 in _flat(texts[n])
    assert "e1" * 32 not in _flat("".join(texts))  # a draft prints no fingerprint
    assert "草稿" in texts[starts[0] - 1]
    assert "草稿" not in texts[0] and "草稿" not in texts[1]  # cover, contents


def test_cancel_raises_and_leaves_no_file(projects, tmp_path):
    out = tmp_path / "book.pdf"
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)

    with pytest.raises(Cancelled):
        write_batch_pdf(projects, out, TITLE, progress=progress, cancelled=lambda: len(seen) >= 2)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_empty_batch_is_cover_and_contents(tmp_path):
    out = tmp_path / "empty.pdf"
    write_batch_pdf([], out, TITLE)
    texts = page_texts(out.read_bytes())
    assert TITLE in _flat(texts[0])


def test_contents_over_several_pages_point_at_the_right_pages(sample_project):
    projects = []
    for i in range(45):
        p = copy.deepcopy(sample_project)
        p.name = f"第{i + 1}个项目经费"
        projects.append(p)
    result = render_batch(projects, TITLE)
    lines = page_lines(result.data)
    texts = [_flat(t) for t in page_texts(result.data)]
    toc_lines = [_flat(t) for page in lines[1:4] for _top, _x, t, _c in page]
    for i, project in enumerate(projects):
        pattern = re.compile(rf"{i + 1}\.{project.name}(\d+)")
        found = [pattern.fullmatch(line) for line in toc_lines if pattern.fullmatch(line)]
        assert found, project.name
        start = int(found[0].group(1))
        assert start == result.starts[i]
        assert f"（{project.name}）" in texts[start - 1]
    assert result.starts[0] % 2 == 1
