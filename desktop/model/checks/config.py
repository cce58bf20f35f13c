"""Settings of the 审核 checks read as data: a form's [checks] table and the phrase lists."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from desktop.model.datafiles import BadToml, load_toml
from desktop.model.forms import data_dir, form_data


@dataclass(frozen=True)
class CheckSettings:
    """The [checks] table of a form (defaults when absent)."""

    project_specific: tuple[str, ...] = ()
    date_years_after: int = 1
    copy_min_chars: int = 12
    copy_similarity: float = 0.85
    generic_name_words: tuple[str, ...] = ()
    copy_always_sections: tuple[str, ...] = ()
    copy_boilerplate_siblings: int = 2
    execution_reason_below: float = 0.9
    level1_weight_tolerance: float = 10.0
    level1_weight_groups: tuple[tuple[str, ...], ...] = ()
    problem_sections: tuple[str, ...] = ()
    remedy_sections: tuple[str, ...] = ()
    prose_counts: bool = True
    project_words: tuple[str, ...] = ()  # what a department report must not call itself
    # What the report is about as the 审核 messages name it (本项目 / 本部门), and the source of
    # its indicator framework (both from the form: a department report is not a 项目).
    subject: str = "项目"
    framework_basis: str = ""


@cache
def check_settings(form_key: str) -> CheckSettings:
    """The [checks] settings of forms/<form_key>.toml; defaults when missing or unreadable."""
    try:
        data = form_data(form_key).get("checks", {})
        return CheckSettings(
            project_specific=tuple(str(k) for k in data.get("project_specific", ())),
            date_years_after=int(data.get("date_years_after", 1)),
            copy_min_chars=int(data.get("copy_min_chars", 12)),
            copy_similarity=float(data.get("copy_similarity", 0.85)),
            generic_name_words=tuple(str(w) for w in data.get("generic_name_words", ())),
            copy_always_sections=tuple(str(k) for k in data.get("copy_always_sections", ())),
            copy_boilerplate_siblings=int(data.get("copy_boilerplate_siblings", 2)),
            execution_reason_below=float(data.get("execution_reason_below", 0.9)),
            level1_weight_tolerance=float(data.get("level1_weight_tolerance", 10)),
            level1_weight_groups=tuple(
                tuple(str(n) for n in group) for group in data.get("level1_weight_groups", ())
            ),
            problem_sections=tuple(str(k) for k in data.get("problem_sections", ())),
            remedy_sections=tuple(str(k) for k in data.get("remedy_sections", ())),
            prose_counts=bool(data.get("prose_counts", True)),
            project_words=tuple(str(w) for w in data.get("project_words", ())),
            subject=str(data.get("subject", "项目")),
            framework_basis=str(data.get("framework_basis", "")),
        )
    except (OSError, BadToml, TypeError, ValueError):
        return CheckSettings()


@cache
def common_words() -> frozenset[str]:
    """Common two-character words (resources/phrases/common_words.txt), whitespace separated."""
    path = data_dir("resources") / "phrases" / "common_words.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(w for ln in lines if not ln.startswith("#") for w in ln.split() if len(w) == 2)


@cache
def reduplications() -> frozenset[str]:
    """Legitimate doubled characters/words and 3-character contexts (resources/phrases)."""
    path = data_dir("resources") / "phrases" / "reduplications.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


@dataclass(frozen=True)
class ReviewWords:
    """Word lists of the reviewer's checks (resources/phrases/review.toml)."""

    percent_capped: tuple[str, ...] = ()
    survey: tuple[str, ...] = ()
    spending: tuple[str, ...] = ()
    budget_change: tuple[str, ...] = ()
    cause: tuple[str, ...] = ()
    change_cause: tuple[str, ...] = ()
    all_met: tuple[str, ...] = ()
    none: tuple[str, ...] = ()
    zero_actual: tuple[str, ...] = ()
    line_suffix: tuple[str, ...] = ()
    count_units: tuple[str, ...] = ()
    instruction_prompt: tuple[str, ...] = ()


@cache
def review_words() -> ReviewWords:
    """The word lists of resources/phrases/review.toml (empty lists when unreadable)."""
    path = data_dir("resources") / "phrases" / "review.toml"
    try:
        data = load_toml(path)
    except (OSError, BadToml):
        return ReviewWords()
    names = ReviewWords.__dataclass_fields__
    return ReviewWords(
        **{
            k: tuple(str(w) for w in v)
            for k, v in data.items()
            if k in names and isinstance(v, list)
        }
    )
