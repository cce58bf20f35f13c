"""A program bug inside a window slot: one short Chinese line naming the log file, never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.store import repo


def _read_next_box(seen: list[tuple[str, str]]) -> None:
    """Read and close the next message box the window shows."""

    def read() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read)
            return
        seen.append((box.windowTitle(), box.text()))
        box.accept()

    QTimer.singleShot(0, read)


def test_bug_in_an_action_names_the_log_and_keeps_the_window(
    ui_store, make_window, sample_project, monkeypatch, tmp_path
):
    logs = tmp_path / "logs"
    monkeypatch.setenv("JIXIAO_LOG_DIR", str(logs))
    pid = repo.insert_project(ui_store, sample_project)
    window = make_window(ui_store)
    window.select_project(pid)

    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("a coding error")

    monkeypatch.setattr(repo, "list_units", broken)  # the 新建项目 slot reads the units first
    seen: list[tuple[str, str]] = []
    _read_next_box(seen)
    window.action.new_project.trigger()
    ((title, text),) = seen
    log = logs / "jixiao-errors.log"
    assert title == "程序出现意外错误"
    assert str(log) in text and "程序内部错误" in text
    assert "Traceback" not in text and "ZeroDivisionError" not in text
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "ZeroDivisionError: a coding error" in logged
    assert "in new_project" in logged and "context: 新建项目…" in logged
    assert window.isVisible() and window.current_project().id == pid
    assert repo.list_projects(ui_store)[0].id == pid  # nothing written


def test_bad_input_left_unhandled_by_a_slot_is_its_message(
    ui_store, make_window, monkeypatch, tmp_path
):
    from desktop.model.errors import InputError

    monkeypatch.setenv("JIXIAO_LOG_DIR", str(tmp_path / "logs"))
    window = make_window(ui_store)

    def refused(*_args, **_kwargs):
        raise InputError("数据库文件已损坏（第 3 页）")

    monkeypatch.setattr(repo, "list_projects", refused)  # 导出合订本 lists the projects
    seen: list[tuple[str, str]] = []
    _read_next_box(seen)
    window.action.export_batch.trigger()
    assert seen == [("出错了", "数据库文件已损坏（第 3 页）")]
    assert not (tmp_path / "logs").exists()  # not a program bug: nothing logged
