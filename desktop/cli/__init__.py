"""Headless commands (``jixiao <command>``); never imports Qt or desktop.ui."""

from desktop.cli.main import main, wants_cli

__all__ = ["main", "wants_cli"]
