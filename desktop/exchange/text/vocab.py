"""The words the importer reads 自评表 cells by (forms/*.toml [text_import]), merged over all forms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from desktop.exchange.text.outline import form_outline, raw_form
from desktop.model.forms import available_forms

_TRAIL = "。.．：:；;，, \t\u3000"
_BRACKETS = str.maketrans({"(": "（", ")": "）", ":": "：", "〔": "（", "〕": "）"})
_SPACE_RE = re.compile(r"[\s\u3000]+")


def label_key(cell: str) -> str:
    """A cell as compared with labels: no spaces, full-width brackets, no trailing colon."""
    return _SPACE_RE.sub("", cell).translate(_BRACKETS).rstrip(_TRAIL)


@dataclass(frozen=True)
class Vocabulary:
    """Labels of table cells: field labels, funds columns and rows, indicator table headers."""

    labels: dict[str, frozenset[str]]
    funds_columns: dict[str, frozenset[str]]
    funds_rows: dict[str, frozenset[str]]
    headers: dict[str, frozenset[str]]
    level_names: frozenset[str]

    def label(self, cell: str) -> str | None:
        """The field a label cell names (name, unit, department, …) or None; a 合计/总分 cell
        is ``totals`` first (it states the table's totals, and with them the claimed score)."""
        key = label_key(cell)
        if key in self.labels.get("totals", ()):
            return "totals"
        return _lookup(self.labels, key)

    def funds_column(self, cell: str) -> str | None:
        """initial | full_year | executed | arrived for a funds column label."""
        key = label_key(cell)
        found = _lookup(self.funds_columns, key)
        if found is None and key.endswith("（万元）"):
            found = _lookup(self.funds_columns, key.removesuffix("（万元）"))
        return found

    def funds_row(self, cell: str) -> str | None:
        """total | fiscal | carryover | other for a funds row label."""
        return _lookup(self.funds_rows, label_key(cell))

    def header(self, cell: str) -> str | None:
        """The indicator column a header cell names (level1 … deviation, ignore) or None."""
        key = label_key(cell)
        found = _lookup(self.headers, key)
        if found is None and 2 <= len(key) <= 16 and "原因" in key:
            return "deviation"
        return found

    def known(self, cell: str) -> bool:
        """True when a cell is any label, header or 一级/二级 name."""
        key = label_key(cell)
        return bool(
            self.label(key)
            or self.funds_column(key)
            or self.funds_row(key)
            or _lookup(self.headers, key)
            or key in self.level_names
        )


def _lookup(table: dict[str, frozenset[str]], key: str) -> str | None:
    for name, words in table.items():
        if key in words:
            return name
    return None


def _section(raw: dict[str, object], name: str) -> dict[str, list[str]]:
    ti = raw.get("text_import", {})
    part = ti.get(name, {}) if isinstance(ti, dict) else {}
    if not isinstance(part, dict):
        return {}
    return {str(k): [str(x) for x in v] for k, v in part.items() if isinstance(v, list)}


@cache
def vocabulary() -> Vocabulary:
    """The merged vocabulary of every form in forms/."""
    merged: dict[str, dict[str, set[str]]] = {
        "labels": {},
        "funds_columns": {},
        "funds_rows": {},
        "table_headers": {},
    }
    names: set[str] = set()
    for key in available_forms():
        raw = raw_form(key)
        for part, table in merged.items():
            for field, words in _section(raw, part).items():
                table.setdefault(field, set()).update(label_key(w) for w in words)
        form = form_outline(key).form
        for l1 in form.framework:
            names.update(label_key(n) for n in (l1.name, *l1.aliases, *l1.level2))
        names.update(label_key(n) for n in form.level2_aliases)

    def frozen(part: str) -> dict[str, frozenset[str]]:
        return {k: frozenset(v) for k, v in merged[part].items()}

    return Vocabulary(
        frozen("labels"),
        frozen("funds_columns"),
        frozen("funds_rows"),
        frozen("table_headers"),
        frozenset(names),
    )
