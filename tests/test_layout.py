"""The rules of the house: model imports no Qt/sqlite/reportlab/openpyxl; cli never imports Qt."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "desktop"
FORBIDDEN_IN_MODEL = (
    "PySide6",
    "sqlite3",
    "sqlite_utils",
    "reportlab",
    "openpyxl",
    "docx",
    "desktop.store",
    "desktop.exchange",
    "desktop.ui",
)


def imports_of(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_model_is_pure():
    for path in (ROOT / "model").rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(FORBIDDEN_IN_MODEL), f"{path.name} imports {name}"


def test_only_ui_imports_qt():
    for path in ROOT.rglob("*.py"):
        if "ui" in path.relative_to(ROOT).parts:
            continue
        for name in imports_of(path):
            assert not name.startswith("PySide6"), f"{path} imports {name}"
            assert not name.startswith("desktop.ui") or path.name == "__main__.py", (
                f"{path} imports {name}"
            )


def test_store_imports_no_exchange():
    """Storage does not depend on file formats (the 定稿 snapshot lives in the model)."""
    for path in (ROOT / "store").rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith("desktop.exchange"), f"{path.name} imports {name}"
