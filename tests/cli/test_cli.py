import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli_runner import run_cli

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, cwd=cwd, timeout=60)


CASE = {
    "format": "jixiao.project/1",
    "unit": {"name": "昆明市呈贡区信访局", "department": "昆明市呈贡区人民政府"},
    "year": 2023,
    "name": "信访维稳专项经费",
    "form": "evaluation",
    "signed_date": "2024-01-25",
    "funds": [
        {
            "source": "total",
            "initial": "100000.00",
            "full_year": "349000.00",
            "executed": "210400.00",
        }
    ],
    "execution": {"weight": "10", "score": "10"},
    "goals": {"target": "为信访工作提供资金保障", "actual": "已完成"},
    "sections": {"conclusion": "通过项目实施部门自评，项目综合评价得分100分。"},
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "level3": "进京劝返次数",
            "target": "≥12次",
            "actual": "14次",
            "weight": "50",
            "score": "50",
        },
        {
            "level1": "效益指标",
            "level2": "社会效益",
            "level3": "信访秩序",
            "target": "达成年度指标",
            "actual": "达成年度指标",
            "weight": "30",
            "score": "30",
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度",
            "level3": "群众满意度",
            "target": "≥90%",
            "actual": "85%",
            "weight": "10",
            "score": "10",
        },
    ],
}


@pytest.fixture
def case_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(CASE, ensure_ascii=False), encoding="utf-8")
    return path


def db_rows(db: Path) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return [
            *conn.execute("SELECT id, name, year FROM project ORDER BY id").fetchall(),
            *conn.execute(
                "SELECT project_id, source, executed FROM funds ORDER BY 1, 2"
            ).fetchall(),
        ]
    finally:
        conn.close()


def test_import_then_score_json(tmp_path, case_file):
    db = tmp_path / "t.db"
    r = run("--db", str(db), "import-json", str(case_file))
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\t")[0] == "1"
    r = run("--db", str(db), "score", "1", "--json")
    assert r.returncode == 0, r.stderr
    score = json.loads(r.stdout)
    assert score["execution_rate"] == "0.6029"
    assert score["execution_score"] == "6.03"
    assert score["entered_total"] == "100.00"
    assert score["grade"] == "优"  # the grade of what the report claims
    # suggested: 6.03 + 50 + 30 + 10 × 85/90
    assert score["suggested_total"] == "95.47"


def test_export_json_gives_back_the_same_data(tmp_path, case_file):
    db = tmp_path / "t.db"
    assert run("--db", str(db), "import-json", str(case_file)).returncode == 0
    out = tmp_path / "out.json"
    r = run("--db", str(db), "export-json", "1", "--out", str(out))
    assert r.returncode == 0, r.stderr
    exported = json.loads(out.read_text(encoding="utf-8"))
    expected = json.loads(json.dumps(CASE))
    expected["status"] = "draft"
    for item in expected["indicators"]:
        item.setdefault("deviation", "")
    assert exported == expected


def test_list_and_show_json(tmp_path, case_file):
    db = tmp_path / "t.db"
    run("--db", str(db), "import-json", str(case_file))
    listed = json.loads(run("--db", str(db), "list", "--json").stdout)
    assert listed == [
        {
            "id": 1,
            "unit": "昆明市呈贡区信访局",
            "year": 2023,
            "name": "信访维稳专项经费",
            "form": "evaluation",
            "status": "draft",
        }
    ]
    shown = json.loads(run("--db", str(db), "show", "1", "--json").stdout)
    assert shown["id"] == 1 and shown["funds"][0]["executed"] == "210400.00"


def test_duplicate_import_refused_then_replace(tmp_path, case_file):
    db = tmp_path / "t.db"
    run("--db", str(db), "import-json", str(case_file))
    before = db_rows(db)
    r = run("--db", str(db), "import-json", str(case_file))
    assert r.returncode == 2 and "已有项目" in r.stderr and "Traceback" not in r.stderr
    assert db_rows(db) == before
    r = run("--db", str(db), "import-json", "--replace", str(case_file))
    assert r.returncode == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ('{"format": "jixiao.project/1", "unit": {"name": "x"', "不是有效的 JSON"),
        ('{"format": "jixiao.other/2"}', "不支持的格式"),
        (json.dumps(dict(CASE, year=20233)), "year"),
        (
            json.dumps(dict(CASE, funds=[{"source": "total", "executed": "1,0.5"}])),
            "funds[0].executed",
        ),
        (json.dumps(dict(CASE, funds=[{"source": "total", "executed": "abc"}])), "abc"),
        (json.dumps(dict(CASE, funds=[{"source": "total", "executed": "-3"}])), "负数"),
    ],
)
def test_bad_json_exits_2_with_one_chinese_line_and_db_unchanged(
    tmp_path, case_file, content, needle
):
    db = tmp_path / "t.db"
    run("--db", str(db), "import-json", str(case_file))
    before = db_rows(db)
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    r = run("--db", str(db), "import-json", str(bad))
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0] and "bad.json" in lines[0]
    assert db_rows(db) == before


def test_bad_database_paths(tmp_path, case_file):
    r = run("--db", str(tmp_path / "missing" / "x.db"), "list")
    assert r.returncode == 2 and "文件夹不存在" in r.stderr
    notdb = tmp_path / "notes.db"
    notdb.write_text("hello", encoding="utf-8")
    r = run("--db", str(notdb), "list")
    assert r.returncode == 2 and "不是 SQLite 数据库" in r.stderr
    assert notdb.read_text(encoding="utf-8") == "hello"


def test_unknown_command_and_missing_project(tmp_path):
    r = run("--db", str(tmp_path / "t.db"), "frobnicate")
    assert r.returncode == 2 and "frobnicate" in r.stderr
    r = run("--db", str(tmp_path / "t.db"), "show", "42")
    assert r.returncode == 2 and "找不到编号为 42 的项目" in r.stderr


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("jixiao ")


def test_backup_command(tmp_path, case_file):
    db = tmp_path / "t.db"
    run("--db", str(db), "import-json", str(case_file))
    out = tmp_path / "b.db"
    assert run("--db", str(db), "backup", "--out", str(out)).returncode == 0
    assert db_rows(out) == db_rows(db)


def test_cli_never_imports_qt_or_heavy_libraries(tmp_path, case_file):
    code = (
        "import sys\n"
        "from desktop import cli\n"
        f"assert cli.main(['--db', {str(tmp_path / 't.db')!r}, 'import-json', {str(case_file)!r}]) == 0\n"
        f"assert cli.main(['--db', {str(tmp_path / 't.db')!r}, 'list']) == 0\n"
        f"assert cli.main(['--db', {str(tmp_path / 't.db')!r}, 'score', '1']) == 0\n"
        "heavy = [m for m in ('PySide6', 'reportlab', 'openpyxl', 'docx') if m in sys.modules]\n"
        "assert not heavy, heavy\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert r.returncode == 0, r.stderr


def test_default_database_location_via_environment(tmp_path, case_file):
    import os

    env = {**os.environ, "PYTHONPATH": str(REPO), "JIXIAO_DB": str(tmp_path / "env.db")}
    r = subprocess.run(
        [sys.executable, "-m", "desktop", "import-json", str(case_file)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "env.db").exists()
