"""Entry point: ``jixiao`` / ``python -m desktop``.

With a sub-command it runs the headless CLI (no Qt import); without one it opens the window.
Neither path loads the other: the window's start does not pay for argparse and the commands.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def wants_window(args: Sequence[str]) -> bool:
    """True when nothing but ``--db PATH`` is given (anything else is for the CLI, typos too)."""
    rest = list(args)
    while rest:
        head = rest.pop(0)
        if head == "--db" and rest:
            rest.pop(0)
        elif not head.startswith("--db="):
            return False
    return True


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI or the GUI and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not wants_window(args):
        from desktop import cli

        return cli.main(args)
    return open_window(args)


def load_before_qt() -> None:
    """The model and the store, loaded before Qt: once PySide6 is loaded, its import hook reads
    the source of every module imported for the first time (desktop.ui.qt_compat spares the
    ones loaded by then)."""
    from desktop.model import project, scoring  # noqa: F401
    from desktop.store import lock, repo, revisions  # noqa: F401


def open_window(args: list[str]) -> int:
    """The window on --db PATH; its exit code."""
    import gc

    # The start creates tens of thousands of objects that live as long as the window (modules,
    # classes, Qt wrappers) and no garbage worth a collector's pass: once the window is built,
    # run_gui freezes those objects and has the GUI thread collect (desktop.ui.collector).
    gc.disable()
    from desktop.model import dataclass_code

    dataclass_code.install()  # before the first dataclass; what had to be compiled kept at exit
    try:
        load_before_qt()
        from desktop.ui.app import run_gui

        return run_gui(args)
    finally:
        gc.enable()  # also when the window never opened
        dataclass_code.save()


if __name__ == "__main__":
    sys.exit(main())
