"""Entry point: ``jixiao`` / ``python -m desktop``.

With a sub-command it runs the headless CLI (no Qt import); without one it opens the window.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the CLI or the GUI and return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    from desktop import cli

    if cli.wants_cli(args):
        return cli.main(args)
    from desktop.ui.app import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
