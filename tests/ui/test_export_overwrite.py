"""The window never replaces a file without a yes: the save dialog asks for the name typed, and a
name that exists only once the suffix is added is asked about too."""

from __future__ import annotations

from pathlib import Path

from desktop.ui import dialogs


def test_a_suffix_added_after_the_dialog_asks_before_replacing(tmp_path, monkeypatch):
    existing = tmp_path / "报告.pdf"
    existing.write_bytes(b"old")
    asked: list[str] = []

    def answer(parent, title, text):
        asked.append(text)
        return False

    monkeypatch.setattr(dialogs, "confirm", answer)
    assert dialogs.chosen_file(None, str(tmp_path / "报告"), ".pdf") is None
    assert asked and "“报告.pdf”已存在" in asked[0]
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    assert dialogs.chosen_file(None, str(tmp_path / "报告"), ".pdf") == existing


def test_no_question_for_a_new_file_or_a_name_the_dialog_already_confirmed(tmp_path, monkeypatch):
    def never(*_a: object) -> bool:
        raise AssertionError("asked needlessly")

    monkeypatch.setattr(dialogs, "confirm", never)
    assert dialogs.chosen_file(None, str(tmp_path / "新"), ".xlsx") == tmp_path / "新.xlsx"
    (tmp_path / "旧.xlsx").write_bytes(b"x")
    assert dialogs.chosen_file(None, str(tmp_path / "旧.XLSX"), ".xlsx") == Path(
        tmp_path / "旧.XLSX"
    )
