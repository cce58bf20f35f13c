"""Optional feature modules: each adds its menu actions through ``install(window)``."""

from __future__ import annotations

import importlib
from typing import Any

FEATURE_MODULES: tuple[str, ...] = (
    "desktop.ui.print_preview",
    "desktop.ui.xlsx_dialogs",
    "desktop.ui.text_import_dialog",
    "desktop.ui.revisions_dialog",
)


def install_features(window: Any) -> list[str]:
    """Import each present feature module and call its install(window); returns those installed."""
    installed: list[str] = []
    for name in FEATURE_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        install = getattr(module, "install", None)
        if not callable(install):
            continue
        try:
            install(window)
        except Exception as exc:  # a broken feature must not keep the window from opening
            failures = getattr(window, "feature_errors", None)
            if isinstance(failures, list):
                failures.append(f"{name}：{exc}")
            continue
        installed.append(name)
    return installed
