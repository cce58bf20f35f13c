"""The shape of desktop/ui: one-way dependencies, no reach-ins, typed parameters, short functions.

The layer, probe and length rules cover the window's modules; grid/ is one node of the layers.
"""

from __future__ import annotations

import ast
from pathlib import Path

UI = Path(__file__).resolve().parents[2] / "desktop" / "ui"
MAX_FUNCTION_LINES = 80

# Each module may import desktop.ui modules of its own layer or of the layers above it in this
# list, never of a later one: state ← widgets ← workspace ← actions ← window ← app.
LAYERS: tuple[tuple[str, ...], ...] = (
    (
        "__init__",
        "qt_compat",
        "bugs",
        "dialogs",
        "autosave",
        "screen_fit",
        "geometry",
        "ui_font",
        "qt_chinese",
        "collector",
    ),
    ("undo",),
    ("checks_worker",),
    ("session",),
    (
        *("widgets", "navigator", "findings_dock", "section_tabs", "funds_editor", "pdf_viewer"),
        *("dept_editor", "profile_box", "stated_box", "fields_box", "tab_strip"),
        *("overview_tab", "xlsx_preview", "revisions_dialog", "print_preview", "grid"),
        *("cycle_table", "monitoring_tab", "rectification_tab"),
        *("editor_tabs", "status"),
    ),
    ("workspace",),
    (
        *("project_actions", "db_actions", "recycle_bin", "print_actions", "xlsx_dialogs"),
        *("text_import_dialog", "finalise_actions", "cycle_actions", "rescue"),
    ),
    ("actions",),
    ("main_window",),
    ("app",),
)
LAYER_OF = {name: index for index, names in enumerate(LAYERS) for name in names}


def _modules() -> dict[str, Path]:
    """desktop/ui's own modules (grid/ counts as one: the package)."""
    return {p.stem: p for p in sorted(UI.glob("*.py"))}


def _ui_imports(path: Path) -> set[str]:
    """The desktop.ui modules a file imports, at the top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[:2] == ["desktop", "ui"] and len(parts) > 2:
                found.add(parts[2])
    return found & (set(_modules()) | {"grid"})


def test_every_module_has_a_layer():
    assert set(_modules()) <= set(LAYER_OF), set(_modules()) - set(LAYER_OF)


def test_dependencies_point_one_way():
    wrong = [
        f"{name} (layer {LAYER_OF[name]}) imports {other} (layer {LAYER_OF[other]})"
        for name, path in _modules().items()
        for other in _ui_imports(path)
        if LAYER_OF[other] > LAYER_OF[name]
    ]
    assert wrong == []


def test_no_import_circles():
    graph = {name: _ui_imports(path) - {name} for name, path in _modules().items()}
    state: dict[str, str] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in sorted(graph.get(name, ())):
            if state.get(other) == "open":
                cycles.append([*trail[trail.index(other) :], other])
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = "done"

    for name in graph:
        if name not in state:
            visit(name, [name])
    assert cycles == []


def _reach_ins(path: Path) -> list[str]:
    """``x._name`` where x is not self/cls (or super()): another object's private attribute."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_"):
            continue
        if node.attr.startswith("__") and node.attr.endswith("__"):
            continue
        owner = node.value
        if isinstance(owner, ast.Name) and owner.id in ("self", "cls"):
            continue
        if isinstance(owner, ast.Call) and getattr(owner.func, "id", "") == "super":
            continue
        out.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
    return out


def test_no_module_reads_another_objects_private_attributes():
    files = sorted(UI.rglob("*.py"))  # grid/ included
    found = [hit for path in files for hit in _reach_ins(path)]
    assert found == []


def test_the_reach_in_check_can_fail(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f(window):\n    return window._project, self._ok\n", encoding="utf-8")
    assert _reach_ins(sample) == ["sample.py:2 window._project"]


def _probes_and_any(path: Path) -> list[str]:
    """hasattr(), getattr() with a default, and parameters typed Any."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            name = node.func.id
            if name == "hasattr" or (name == "getattr" and len(node.args) > 2):
                out.append(f"{path.name}:{node.lineno} {ast.unparse(node)}")
        annotation = node.annotation if isinstance(node, ast.arg) else None
        if annotation is not None and ast.unparse(annotation) in ("Any", "typing.Any"):
            out.append(f"{path.name}:{node.lineno} {node.arg}: Any")
    return out


def test_typed_parameters_and_no_probing():
    found = [hit for path in _modules().values() for hit in _probes_and_any(path)]
    assert found == []


def _long_functions(path: Path) -> list[str]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                out.append(f"{path.name}:{node.lineno} {node.name} ({length} lines)")
    return out


def test_no_function_over_80_lines():
    found = [hit for path in _modules().values() for hit in _long_functions(path)]
    assert found == []
