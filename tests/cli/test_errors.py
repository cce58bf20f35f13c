"""The three kinds of failure at the CLI: bad input and storage exit 2, a program bug exits 3."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from desktop.errorlog import LOG_NAME, log_program_error
from tests.cli_runner import run_cli

# The module, not the `main` function desktop.cli re-exports under the same name.
cli_main = importlib.import_module("desktop.cli.main")


def test_bad_input_is_one_chinese_line_and_exit_2(tmp_path):
    missing = tmp_path / "没有这个文件.json"
    result = run_cli("--db", str(tmp_path / "x.db"), "import-json", str(missing))
    assert result.returncode == 2
    assert result.stderr.startswith("错误：") and "没有这个文件.json" in result.stderr
    assert "Traceback" not in result.stderr


def test_storage_problem_is_one_chinese_line_and_exit_2(tmp_path):
    bad = tmp_path / "report.db"
    bad.write_bytes(b"not a database" * 20)
    result = run_cli("--db", str(bad), "list")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "不是 SQLite 数据库" in result.stderr
    assert bad.read_bytes() == b"not a database" * 20


def test_program_bug_is_logged_and_exits_3(tmp_path, monkeypatch, capsys):
    def broken(args):
        return {}["no such key"]  # a coding error, as a real bug would raise

    monkeypatch.setenv("JIXIAO_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setitem(cli_main.HANDLERS, "list", broken)
    code = cli_main.main(["--db", str(tmp_path / "x.db"), "list"])
    err = capsys.readouterr().err
    log = tmp_path / "logs" / LOG_NAME
    assert code == cli_main.EXIT_PROGRAM_BUG == 3
    assert "程序内部错误" in err and str(log) in err
    assert "Traceback" not in err and err.count("\n") == 1
    text = log.read_text(encoding="utf-8")
    assert "KeyError: 'no such key'" in text and "in broken" in text and "list" in text


def test_log_falls_back_to_the_temp_folder(tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("JIXIAO_LOG_DIR", str(blocker / "logs"))
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    try:
        raise ValueError("坏")
    except ValueError as exc:
        path = log_program_error(exc)
    assert path == tmp_path / "tmp" / LOG_NAME
    assert "ValueError: 坏" in Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["UserError", "InputError", "StorageError"])
def test_user_errors_carry_their_message(name):
    from desktop.model import errors

    cls = getattr(errors, name)
    exc = cls("数据库文件是只读的")
    assert str(exc) == exc.message == "数据库文件是只读的"
    assert isinstance(exc, errors.UserError)
    assert not isinstance(errors.StorageError("x"), errors.InputError)


def test_parser_and_dispatch_come_from_one_command_table():
    from desktop.cli.commands import COMMANDS

    parser = cli_main.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    names = [c.name for c in COMMANDS]
    assert list(sub.choices) == names == list(cli_main.HANDLERS)
    assert len(set(names)) == len(names)
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    missing = [n for n in names if f" {n} " not in readme and f" {n}\n" not in readme]
    assert missing == [], "commands missing from the README's command list"
