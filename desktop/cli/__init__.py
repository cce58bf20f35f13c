"""Headless commands (``jixiao <command>``); never imports Qt or desktop.ui."""

from desktop.cli.main import main

__all__ = ["main"]
