"""--replace never touches a 定稿 project: refused, with the way to 撤销定稿 first."""

from __future__ import annotations

import importlib
import json

from tests import hostile_files as H

cli_main = importlib.import_module("desktop.cli.main")


def _rows(db, capsys) -> list[tuple[int, str, str]]:
    assert cli_main.main(["--db", str(db), "list", "--json"]) == 0
    return [(p["id"], p["name"], p["status"]) for p in json.loads(capsys.readouterr().out)]


def test_replace_refuses_a_final_project_and_names_the_way_out(tmp_path, capsys):
    db = tmp_path / "jixiao.db"
    case = tmp_path / "p.json"
    case.write_text(json.dumps(H._project(), ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(db), "import-json", str(case)]) == 0
    assert cli_main.main(["--db", str(db), "finalise", "1", "--force"]) == 0
    capsys.readouterr()
    changed = H._project(sections={"basic_info": "新的草稿"})
    case.write_text(json.dumps(changed, ensure_ascii=False), encoding="utf-8")

    assert cli_main.main(["--db", str(db), "import-json", str(case), "--replace"]) == 2
    err = capsys.readouterr().err
    assert "已定稿，不能覆盖" in err and "jixiao unfinalise 1 --reason" in err
    assert err.count("\n") == 1
    assert _rows(db, capsys) == [(1, "接访费用", "final")]

    assert cli_main.main(["--db", str(db), "unfinalise", "1", "--reason", "需重新导入"]) == 0
    assert cli_main.main(["--db", str(db), "import-json", str(case), "--replace"]) == 0
    capsys.readouterr()
    assert _rows(db, capsys) == [(2, "接访费用", "draft")]


def test_replace_from_xlsx_refuses_a_final_project_too(tmp_path, capsys):
    db = tmp_path / "jixiao.db"
    case = tmp_path / "p.json"
    case.write_text(json.dumps(H._project(), ensure_ascii=False), encoding="utf-8")
    assert cli_main.main(["--db", str(db), "import-json", str(case)]) == 0
    out = tmp_path / "p.xlsx"
    assert cli_main.main(["--db", str(db), "export-xlsx", "1", "--out", str(out)]) == 0
    assert cli_main.main(["--db", str(db), "finalise", "1", "--force"]) == 0
    capsys.readouterr()
    assert cli_main.main(["--db", str(db), "import-xlsx", str(out), "--replace"]) == 2
    assert "已定稿" in capsys.readouterr().err
