"""`jixiao import-text` on both seeds, and bad input: exit 2, database unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main


def listed(db: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["--db", str(db), "list", "--json"]) == 0
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_import_text_seed_003(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.db"
    code = main(["--db", str(db), "import-text", str(seeds_dir / "003_0bef1ca0c8c97894.txt")])
    out = capsys.readouterr()
    assert code == 0
    assert len(out.out.strip().splitlines()) == 4
    assert "识别出 4 个项目" in out.err
    rows = listed(db, capsys)
    assert sorted(str(r["name"]) for r in rows) == sorted(
        ["保安费用", "接访费用", "矛盾化解和疑难信访问题费用", "驻京驻蓉信访维稳经费"]
    )
    assert {r["unit"] for r in rows} == {"攀枝花市西区信访局"}
    pid = next(r["id"] for r in rows if r["name"] == "驻京驻蓉信访维稳经费")
    assert main(["--db", str(db), "show", str(pid), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    total = next(f for f in shown["funds"] if f["source"] == "total")
    assert (total["initial"], total["full_year"], total["executed"]) == (
        "50000.00",
        "150000.00",
        "150000.00",
    )
    assert len(shown["indicators"]) == 6


def test_import_text_seed_000_with_score(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.db"
    assert main(["--db", str(db), "import-text", str(seeds_dir / "000_cdb5fd7bd89dc735.txt")]) == 0
    rows = listed(db, capsys)
    assert len(rows) == 1
    assert rows[0]["unit"] == "昆明市呈贡区信访局"
    assert rows[0]["form"] == "evaluation"
    assert rows[0]["year"] == 2023
    assert main(["--db", str(db), "score", str(rows[0]["id"]), "--json"]) == 0
    score = json.loads(capsys.readouterr().out)
    assert score["execution_rate"] == "0.6029"


def test_import_text_bad_file_exit_2_db_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.db"
    bad = tmp_path / "坏.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    assert main(["--db", str(db), "import-text", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "坏.txt" in err and "Traceback" not in err
    assert listed(db, capsys) == []


def test_import_twice_is_refused_atomically(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.db"
    seed = str(seeds_dir / "003_0bef1ca0c8c97894.txt")
    assert main(["--db", str(db), "import-text", seed]) == 0
    assert main(["--db", str(db), "import-text", seed]) == 2
    assert "已有项目" in capsys.readouterr().err
    assert len(listed(db, capsys)) == 4


def test_import_again_with_replace_as_the_refusal_says(
    seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "j.db"
    seed = str(seeds_dir / "003_0bef1ca0c8c97894.txt")
    assert main(["--db", str(db), "import-text", seed]) == 0
    names = sorted(str(r["name"]) for r in listed(db, capsys))
    assert main(["--db", str(db), "import-text", seed]) == 2
    assert "--replace" in capsys.readouterr().err  # the refusal names the way out ...
    assert main(["--db", str(db), "import-text", seed, "--replace"]) == 0  # ... and it works
    assert sorted(str(r["name"]) for r in listed(db, capsys)) == names  # replaced, not added


def test_next_year(seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "j.db"
    assert main(["--db", str(db), "import-text", str(seeds_dir / "003_0bef1ca0c8c97894.txt")]) == 0
    first = int(capsys.readouterr().out.split()[0])
    assert main(["--db", str(db), "next-year", str(first)]) == 0
    new_id = int(capsys.readouterr().out.split()[0])
    assert main(["--db", str(db), "show", str(new_id), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["year"] == 2024 and shown["name"] == "保安费用" and shown["status"] == "draft"
    assert all(i["actual"] == "" for i in shown["indicators"])
    assert main(["--db", str(db), "check", str(new_id), "--json"]) in (0, 1)
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)}
    assert "W-OLD-YEAR" in codes
    assert main(["--db", str(db), "next-year", str(first)]) == 2  # 2024 copy exists already
    assert main(["--db", str(db), "next-year", "999"]) == 2


REAL = Path(__file__).resolve().parents[1] / "fixtures" / "real"


def test_score_reports_the_stated_figure_of_a_report_without_a_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """014 states 绩效自评分为98.14分 and has no indicator table: `score` says 98.14 (优), as
    stated, instead of 0.00/差."""
    db = tmp_path / "j.db"
    assert (
        main(["--db", str(db), "import-text", str(REAL / "014_baoshan_beijing_liaison_2022.txt")])
        == 0
    )
    pid = str(listed(db, capsys)[0]["id"])
    assert main(["--db", str(db), "score", pid, "--json"]) == 0
    score = json.loads(capsys.readouterr().out)
    assert (score["entered_total"], score["grade"], score["total_source"]) == (
        "98.14",
        "优",
        "stated",
    )
    assert score["claimed_score"] == "98.14"
    assert main(["--db", str(db), "score", pid]) == 0
    text = capsys.readouterr().out
    assert "没有绩效指标表" in text and "报告所述总分：98.14分    等级：优" in text


def test_score_of_a_report_with_a_table_is_the_table_s(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """029 states 总分 96 (优) and has its scored table: the total comes from the table."""
    db = tmp_path / "j.db"
    report = REAL / "029_yongde_school_nutrition_2022_tabs.txt"
    assert main(["--db", str(db), "import-text", str(report)]) == 0
    pid = str(listed(db, capsys)[0]["id"])
    assert main(["--db", str(db), "score", pid, "--json"]) == 0
    score = json.loads(capsys.readouterr().out)
    assert (score["total_source"], score["entered_total"], score["grade"]) == (
        "table",
        "96.00",
        "优",
    )
    assert (score["claimed_score"], score["claimed_grade"]) == ("96.00", "优")
