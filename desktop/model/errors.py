"""Errors carrying a Chinese message for the user."""

from __future__ import annotations


class InputError(Exception):
    """Bad input: the message (Chinese) names what is wrong and where."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
