"""The words the importer reads 自评表 cells by: forms/common/vocabulary.toml (columns, funds,
[cell_labels]) and the 一级/二级 names of every form's framework."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from desktop.exchange.text.outline import form_outline
from desktop.model.forms import available_forms, data_dir
from desktop.model.vocabulary import VOCABULARY_FILE
from desktop.model.vocabulary import vocabulary as common_vocabulary

_TRAIL = "。.．：:；;，, \t\u3000"
_BRACKETS = str.maketrans({"(": "（", ")": "）", ":": "：", "〔": "（", "〕": "）"})
_SPACE_RE = re.compile(r"[\s\u3000]+")
# "预算数(A)", "执行数(B)", "执行率(B/A)": a column's letter in the form's formula
_LETTER_RE = re.compile(r"(?<=.)（[A-Z](?:[/／][A-Z])?）$")


@lru_cache(maxsize=1 << 16)
def label_key(cell: str) -> str:
    """A cell as compared with labels: no spaces, full-width brackets, no trailing colon."""
    key = _SPACE_RE.sub("", cell).translate(_BRACKETS).rstrip(_TRAIL)
    return _LETTER_RE.sub("", key) if key.endswith("）") else key


_MEMO_LIMIT = 200_000  # remembered answers (cells repeat: a page of many 自评表)


def _memo(fn: Callable[[Vocabulary, str], str | None]) -> Callable[[Vocabulary, str], str | None]:
    """Remember a lookup's answer per cell text."""

    def lookup(self: Vocabulary, cell: str) -> str | None:
        memo = self.answers
        key = (fn.__name__, cell)
        try:
            return memo[key]
        except KeyError:
            if len(memo) > _MEMO_LIMIT:
                memo.clear()
            memo[key] = found = fn(self, cell)
            return found

    lookup.__doc__ = fn.__doc__
    return lookup


@dataclass(frozen=True)
class Vocabulary:
    """Labels of table cells: field labels, funds columns and rows, indicator table headers."""

    labels: dict[str, frozenset[str]]
    funds_columns: dict[str, frozenset[str]]
    funds_rows: dict[str, frozenset[str]]
    headers: dict[str, frozenset[str]]
    level_names: frozenset[str]
    answers: dict[tuple[str, str], str | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    @_memo
    def label(self, cell: str) -> str | None:
        """The field a label cell names (name, unit, department, …) or None; a 合计/总分 cell
        is ``totals`` first (it states the table's totals, and with them the claimed score)."""
        key = label_key(cell)
        if key in self.labels.get("totals", ()):
            return "totals"
        return _lookup(self.labels, key)

    @_memo
    def funds_column(self, cell: str) -> str | None:
        """initial | full_year | executed | arrived for a funds column label."""
        key = label_key(cell)
        found = _lookup(self.funds_columns, key)
        if found is None and key.endswith("（万元）"):
            found = _lookup(self.funds_columns, key.removesuffix("（万元）"))
        return found

    @_memo
    def funds_row(self, cell: str) -> str | None:
        """total | fiscal | carryover | other for a funds row label."""
        return _lookup(self.funds_rows, label_key(cell))

    @_memo
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
    """The first name of ``table`` whose words hold ``key`` (a reverse index, built once)."""
    index = _INDEXES.get(id(table))
    if index is None or index[0] is not table:
        words: dict[str, str] = {}
        for name, names in table.items():
            for word in names:
                words.setdefault(word, name)
        index = _INDEXES[id(table)] = (table, words)
    return index[1].get(key)


# Reverse indexes of the vocabulary's tables (word → name), kept with the table they index.
_INDEXES: dict[int, tuple[dict[str, frozenset[str]], dict[str, str]]] = {}


def _cell_labels() -> dict[str, list[str]]:
    """The [cell_labels] table of forms/common/vocabulary.toml."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    path = data_dir("forms") / VOCABULARY_FILE
    with path.open("rb") as fh:
        raw = tomllib.load(fh).get("cell_labels", {})
    return {str(k): [str(x) for x in v] for k, v in raw.items() if isinstance(v, list)}


@cache
def vocabulary() -> Vocabulary:
    """The text import's view of forms/common/vocabulary.toml (and every form's framework)."""
    words = common_vocabulary()
    cells = _cell_labels()
    arrived = cells.pop("arrived", [])

    def keyed(terms: Any, extra: dict[str, list[str]]) -> dict[str, frozenset[str]]:
        out: dict[str, set[str]] = {}
        for term in terms:
            names = [*term.names, *(n.removeprefix("其中：") for n in term.names)]
            out.setdefault(term.key, set()).update(label_key(n) for n in names)
        for key, names in extra.items():
            out.setdefault(key, set()).update(label_key(n) for n in names)
        return {k: frozenset(v) for k, v in out.items()}

    headers = keyed(words.columns, {"ignore": list(words.ignore_headers)})
    names: set[str] = set()
    for key in available_forms():
        form = form_outline(key).form
        for l1 in form.framework:
            names.update(label_key(n) for n in (l1.name, *l1.aliases, *l1.level2))
        names.update(label_key(n) for n in form.level2_aliases)
    return Vocabulary(
        labels={k: frozenset(label_key(n) for n in v) for k, v in cells.items()},
        funds_columns=keyed(words.funds_columns, {"arrived": arrived}),
        funds_rows=keyed(words.funds_sources, {}),
        headers=headers,
        level_names=frozenset(names),
    )
