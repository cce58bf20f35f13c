"""The undo command of an edit that replaces one value by another, and pushing it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack


class SwapCommand(QUndoCommand):
    """An accepted edit: redo puts ``after`` in place, undo puts ``before`` back.

    ``put`` sets a value where it belongs and shows it (the editor's apply method, bound to the
    project and field the edit was made in); the first redo, from the push, makes the edit.
    """

    def __init__(self, text: str, put: Callable[[Any], None], before: object, after: object):
        super().__init__(text)
        self.put = put
        self.before = before
        self.after = after

    def redo(self) -> None:
        """Put the new value."""
        self.put(self.after)

    def undo(self) -> None:
        """Put the previous value back."""
        self.put(self.before)


def push(stack: QUndoStack | None, command: QUndoCommand) -> None:
    """Through the undo stack when the editor has one, else made at once."""
    if stack is not None:
        stack.push(command)
    else:
        command.redo()
