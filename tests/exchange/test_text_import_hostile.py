"""Text import under hostile sizes and encodings: linear in size, refused beyond the limits."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.exchange.text import report
from desktop.exchange.text.encoding import MAX_TEXT_CHARS
from desktop.exchange.text.files import import_file
from desktop.model.errors import InputError
from tests import hostile_files as H


def test_16000_reports_in_one_file_are_refused_with_the_count(tmp_path: Path) -> None:
    path = H.text_many_reports(tmp_path, 16_000)
    with pytest.raises(
        InputError, match=r"reports-16000\.txt 中有 16,000 份报告，一次最多导入 10,000 份"
    ):
        import_file(path)


def test_a_19_mb_report_is_refused_before_parsing(tmp_path: Path) -> None:
    with pytest.raises(
        InputError, match=rf"19mb\.txt 的文字过多（.* 字，一次最多 {MAX_TEXT_CHARS:,} 字）"
    ):
        import_file(H.text_19mb(tmp_path))


def test_a_thousand_reports_import_with_unique_names(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    texts = [H.SEED_REPORT.format(year=2023, name=f"接访费用{i % 500}") for i in range(1000)]
    path.write_text("".join(texts), encoding="utf-8")
    result = import_file(path)
    names = [p.name for p in result.projects]
    assert len(names) == 1000 == len(set(names))
    assert names[0] == "接访费用0" and names[500] == "接访费用0（2）"


def _cpu_seconds(path: Path) -> float:
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        import_file(path)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.slow
def test_text_import_time_grows_linearly_with_the_number_of_reports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Four times the reports may cost about four times the work, never sixteen.

    A ratio of CPU times with a wide margin (linear ≈ 4, the old quadratic import ≈ 12 at these
    sizes); it does not depend on how fast or loaded the machine is.
    """
    monkeypatch.setattr(report, "MAX_REPORTS", 10_000)
    small = _cpu_seconds(H.text_many_reports(tmp_path, 1000))
    large = _cpu_seconds(H.text_many_reports(tmp_path, 4000))
    assert large / small < 7, (small, large)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_unicode_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = H.SEED_REPORT.format(year=2023, name="接访费用")
    path = tmp_path / f"{encoding}.txt"
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    project = import_file(path).projects[0]
    assert (project.name, project.unit.name, project.year) == ("接访费用", "某区信访局", 2023)


def test_windows_notepad_unicode_file_is_not_called_binary(tmp_path: Path) -> None:
    project = import_file(H.text_utf16(tmp_path)).projects[0]
    assert project.sections["basic_info"].startswith("2023年预算安排2万元")


def test_utf16_without_a_mark_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "nobom.txt"
    path.write_bytes(H.SEED_REPORT.format(year=2023, name="x").encode("utf-16-le"))
    with pytest.raises(InputError, match="不是文本文件"):
        import_file(path)


def test_old_word_file_renamed_docx_says_old_word_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"旧报告\.docx 实际上是旧版 Word（\.doc"):
        import_file(H.doc_renamed_docx(tmp_path))


def test_a_text_file_renamed_docx_is_not_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "文本.docx"
    path.write_text("项目支出绩效自评报告", encoding="utf-8")
    with pytest.raises(InputError, match=r"文本\.docx 不是 Word（\.docx）文件"):
        import_file(path)
