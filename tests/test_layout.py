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


def test_exchange_and_store_import_no_ui_or_cli():
    for package in ("exchange", "store"):
        for path in (ROOT / package).rglob("*.py"):
            for name in imports_of(path):
                assert not name.startswith(("desktop.ui", "desktop.cli")), f"{path} imports {name}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imported_modules(name: str, path: Path, modules: set[str]) -> set[str]:
    """The desktop modules a file imports: at the top, inside functions or for type checking.

    ``from pkg import sub`` counts as importing the module ``pkg.sub`` when it is one, else the
    package ``pkg`` (its __init__); relative imports are resolved.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in modules)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                head = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*head, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in modules:
                    found.add(full)
                elif base in modules:
                    found.add(base)
    found.discard(name)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the desktop modules it imports, for every file in desktop/."""
    paths = {_module_name(p): p for p in ROOT.rglob("*.py")}
    return {name: _imported_modules(name, path, set(paths)) for name, path in paths.items()}


def strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module (the import circles)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component: list[str] = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_the_graph_sees_every_kind_of_import():
    graph = import_graph()
    assert "desktop.model.checks.rows" in graph["desktop.model.checks"]  # from pkg import sub
    assert "desktop.cli.main" in graph["desktop.cli"]
    assert "desktop.store.repo" in graph["desktop.cli.common"]  # inside a function
    assert strongly_connected({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_circle_between_files():
    """Zero circles anywhere in desktop/, counting imports in functions and for type checking."""
    assert strongly_connected(import_graph()) == []


MAX_FUNCTION_LINES = 80


def test_no_function_over_80_lines():
    long = [
        f"{path.relative_to(ROOT.parent)}:{node.lineno} {node.name} ({n} lines)"
        for path in sorted(ROOT.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and (n := (node.end_lineno or node.lineno) - node.lineno + 1) > MAX_FUNCTION_LINES
    ]
    assert long == []
