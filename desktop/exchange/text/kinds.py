"""Which report kind a title names, by the forms' ``[text_import] title_patterns`` (data)."""

from __future__ import annotations

import re
import sys
from functools import cache

from desktop.model.forms import available_forms, data_dir

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@cache
def title_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(form key, compiled pattern) for every form that declares title patterns."""
    out: list[tuple[str, re.Pattern[str]]] = []
    for key in available_forms():
        with (data_dir("forms") / f"{key}.toml").open("rb") as fh:
            raw = tomllib.load(fh)
        patterns = raw.get("text_import", {}).get("title_patterns", [])
        out += [(key, re.compile(str(p))) for p in patterns]
    return tuple(out)


def kind_by_title(flat_title: str) -> str | None:
    """The form key whose title pattern matches a squashed title line, or None."""
    for key, pattern in title_patterns():
        if pattern.search(flat_title):
            return key
    return None
