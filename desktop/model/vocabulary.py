"""The words of the 自评表 and the report titles, from forms/common/vocabulary.toml.

The one place where column labels, their aliases in real forms and report titles are defined:
the grid, the PDF, the Excel sheet, the importers and the window take them from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.errors import InputError
from desktop.model.forms import data_dir, load_form

VOCABULARY_FILE = "common/vocabulary.toml"


@dataclass(frozen=True)
class Term:
    """One column or row of the table: its key, the label written, the other names read."""

    key: str
    label: str
    aliases: tuple[str, ...] = ()
    detailed: bool = False
    short: str = ""  # the name in running text, when shorter than the label

    @property
    def short_label(self) -> str:
        """The name in running text ("指标值" for 年度指标值)."""
        return self.short or self.label

    @property
    def names(self) -> tuple[str, ...]:
        """The label first, then the aliases."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class Vocabulary:
    """Titles, fixed labels, funds and indicator columns of the 自评表."""

    titles: dict[str, str]
    labels: dict[str, str]
    summary: dict[str, str]
    funds_columns: tuple[Term, ...]
    funds_sources: tuple[Term, ...]
    columns: tuple[Term, ...]
    ignore_headers: tuple[str, ...]

    def column(self, key: str) -> Term:
        """The indicator column with that key (level1 … deviation)."""
        for term in self.columns:
            if term.key == key:
                return term
        raise KeyError(key)

    def column_label(self, key: str) -> str:
        """The header written for an indicator column."""
        return self.column(key).label

    def standard_columns(self) -> tuple[Term, ...]:
        """The columns of the 财预〔2020〕10号 table (without 指标性质 and 度量单位)."""
        return tuple(t for t in self.columns if not t.detailed)

    def header_fields(self, keys: Iterable[str] | None = None) -> dict[str, str]:
        """Every name of the chosen indicator columns (all when None) → the column key."""
        chosen = set(keys) if keys is not None else None
        out: dict[str, str] = {}
        for term in self.columns:
            if chosen is None or term.key in chosen:
                for name in term.names:
                    out.setdefault(name, term.key)
        return out

    @property
    def app_title(self) -> str:
        """The program's name, e.g. in the window title and the PDF's creator field."""
        return self.titles["app"]

    @property
    def table_title(self) -> str:
        """项目支出绩效自评表."""
        return self.titles["table"]

    def table_caption(self, year: int) -> str:
        """ "2023年度项目支出绩效自评表"."""
        return self.titles["table_caption"].format(year=year, table=self.table_title)

    def table_year_line(self, year: int) -> str:
        """ "（2023年度）" under the table title."""
        return self.titles["table_year_line"].format(year=year)


def _terms(raw: Any, where: str) -> tuple[Term, ...]:
    return tuple(
        Term(
            key=str(item["key"]),
            label=str(item["label"]),
            aliases=tuple(str(a) for a in item.get("aliases", [])),
            detailed=bool(item.get("detailed", False)),
            short=str(item.get("short", "")),
        )
        for item in raw[where]
    )


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary (read once)."""
    path = data_dir("forms") / VOCABULARY_FILE
    try:
        raw = load_toml(path)
        return Vocabulary(
            titles={str(k): str(v) for k, v in raw["titles"].items()},
            labels={str(k): str(v) for k, v in raw["labels"].items()},
            summary={str(k): str(v) for k, v in raw["summary"].items()},
            funds_columns=_terms(raw, "funds_columns"),
            funds_sources=_terms(raw, "funds_sources"),
            columns=_terms(raw, "columns"),
            ignore_headers=tuple(str(x) for x in raw["indicator_table"]["ignore_headers"]),
        )
    except OSError as exc:
        raise InputError(f"找不到词汇表文件 {path}：{exc.strerror}") from None
    except (BadToml, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"词汇表文件 {path.name} 格式有误：{exc}") from None


def label(key: str) -> str:
    """A fixed label of the table (项目名称, 总分 …) by key."""
    return vocabulary().labels[key]


def report_title(form_key: str) -> str:
    """The title of a report of that form, e.g. 项目支出绩效自评报告."""
    return load_form(form_key).title


def binder_title(unit: str, year: int | str, form_keys: Iterable[str]) -> str:
    """The title of a 合订本: "某单位2023年度绩效评价报告合订本" (kind from the reports' forms)."""
    v = vocabulary()
    kinds = {load_form(key).short_title for key in form_keys}
    kind = kinds.pop() if len(kinds) == 1 else v.titles["mixed_kind"]
    return v.titles["binder"].format(unit=unit, year=year, kind=kind)
