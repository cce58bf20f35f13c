"""The one refusal a document can cause by what it leaves out: a fact it never states (unit,
year). The CLI prints the message (naming --unit/--year); the window asks for the fact instead."""

from __future__ import annotations

from typing import Literal

from desktop.model.errors import InputError

Fact = Literal["unit", "year"]


class NotStated(InputError):
    """The document never states ``fact``: the user must give it."""

    def __init__(self, where: str, fact: Fact) -> None:
        if fact == "unit":
            message = f"{where}：未能识别实施单位，请指定单位（--unit）"
        else:
            message = f"{where}：未能识别报告的年度，请指定年度（--year）"
        super().__init__(message)
        self.fact: Fact = fact
