"""Copy-paste slips: a sentence of a project-specific section that also stands in some sibling.

Only the project-specific sections (the form's [checks] list) and the 年度总体目标 of the
siblings are indexed: that is where a slip comes from, and the rest is shared boilerplate.
A sentence every sibling shares is the unit's boilerplate only when there are enough siblings
(with one sibling every shared sentence is "shared by all"), and in the sections most often
copied (项目基本情况) a shared sentence that speaks of another project always counts.

Sentences are normalised (no spaces, punctuation or list markers) and compared with difflib's
ratio. Candidates are found through a bottom-k sketch of each sentence's character 3-grams,
so a project is compared with 100 siblings without comparing every pair. Sentence splitting and sketches are cached per section text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from desktop.model.checks.config import check_settings
from desktop.model.checks.registry import HINT, WARNING, Finding, register
from desktop.model.forms import Form
from desktop.model.project import Project
from desktop.model.regex_cache import compiled

_PLACEHOLDER = compiled(r"\{[^}]*\}")
_LINE_BREAK = compiled(r"\s*\n\s*")

SKETCH = 6
_SPLIT = compiled(r"[^。；;！？!?\n]+[。；;！？!?]?")
_MARKER = compiled(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[）)]|\d{1,2}[.．、](?!\d))\s*"
)
_DROP = compiled(r"[\s\W_]+", re.UNICODE)
_DIGITS = compiled(r"\d+")


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section: its span, normalised text, shingles and sketch."""

    start: int
    end: int
    text: str
    norm: str
    loose: str
    sketch: tuple[str, ...]


def _normalise(text: str) -> str:
    return _DROP.sub("", _MARKER.sub("", text)).lower()


_WRAP = compiled(
    r"(?<![。；;！？!?：:\n])\n(?![\n\s]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,2}[）)]"
    r"|\d{1,2}[.．、](?!\d))"
)


def _join_wrapped(text: str) -> str:
    """Hard line breaks inside a sentence (copied from PDFs) become spaces; keeps indices."""
    return _WRAP.sub(" ", text) if "\n" in text else text


@lru_cache(maxsize=65536)
def split_sentences(text: str, min_chars: int = 12) -> tuple[Sentence, ...]:
    """Sentences of at least ``min_chars`` normalised characters, with spans in ``text``."""
    out: list[Sentence] = []
    for m in _SPLIT.finditer(_join_wrapped(text)):
        norm = _normalise(m.group(0))
        if len(norm) < min_chars:
            continue
        loose = _DIGITS.sub("#", norm)
        sketch = tuple(sorted(_shingles(loose), key=hash)[:SKETCH])
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        body = text[start : m.end()].strip()
        out.append(Sentence(start, start + len(body), body, norm, loose, sketch))
    return tuple(out)


def _shingles(norm: str) -> frozenset[str]:
    return frozenset(norm[i : i + 3] for i in range(max(1, len(norm) - 2)))


def _ratio(a: str, b: str, threshold: float) -> float:
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


@lru_cache(maxsize=256)
def _template_sentences(
    form_key: str, templates: tuple[str, ...], min_chars: int
) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for template in templates:
        out.extend(split_sentences(_PLACEHOLDER.sub("", template), min_chars))
    return tuple(out)


@lru_cache(maxsize=8192)
def _name_bigrams(name: str, generic: tuple[str, ...]) -> frozenset[str]:
    for part in generic:
        name = name.replace(part, " ")
    return frozenset(name[i : i + 2] for i in range(len(name) - 1) if " " not in name[i : i + 2])


def _relates(sentence: str, bigrams: frozenset[str]) -> int:
    return sum(1 for b in bigrams if b in sentence)


def _member_sentences(
    project: Project, keys: tuple[str, ...], min_chars: int
) -> Iterable[Sentence]:
    for key in keys:
        text = project.sections.get(key)
        if text:
            yield from split_sentences(text, min_chars)
    for text in (project.goals.target, project.goals.actual):
        if text:
            yield from split_sentences(text, min_chars)


def _signature(project: Project) -> int:
    """Cheap content signature (str hashes are cached by Python)."""
    return hash(
        (
            project.name,
            project.unit.name,
            tuple(project.sections.items()),
            project.goals.target,
            project.goals.actual,
        )
    )


@dataclass
class GroupIndex:
    """Sentences of a group of projects by wording (figures masked) and by sketch shingle."""

    signatures: dict[int, int]
    projects: dict[int, Project]
    by_loose: dict[str, dict[int, set[tuple[str, ...]]]]
    postings: dict[str, set[str]]


_GROUPS: dict[tuple[frozenset[int], tuple[str, ...], int], GroupIndex] = {}
_GROUPS_MAX = 8


def _group_index(
    members: list[Project], own: Project, keys: tuple[str, ...], min_chars: int
) -> GroupIndex:
    """The index of ``members``, cached while the siblings' texts stay the same.

    ``own`` (the project being checked) is part of the key but its text may change: its
    sentences are never reported as matches of itself.
    """
    key = (frozenset(id(p) for p in members), keys, min_chars)
    cached = _GROUPS.get(key)
    if cached is not None and all(
        cached.signatures.get(id(p)) == _signature(p) for p in members if p is not own
    ):
        return cached
    index = GroupIndex({}, {}, {}, {})
    for p in members:
        index.signatures[id(p)] = _signature(p)
        index.projects[id(p)] = p
        for sentence in _member_sentences(p, keys, min_chars):
            owners = index.by_loose.setdefault(sentence.loose, {})
            owners.setdefault(id(p), set()).add(tuple(_DIGITS.findall(sentence.norm)))
            for shingle in sentence.sketch:
                index.postings.setdefault(shingle, set()).add(sentence.loose)
    if len(_GROUPS) >= _GROUPS_MAX:
        _GROUPS.pop(next(iter(_GROUPS)))
    _GROUPS[key] = index
    return index


@lru_cache(maxsize=65536)
def _from_template(loose: str, templates: tuple[Sentence, ...], threshold: float) -> bool:
    """True when a sentence is (nearly) one of the form's template sentences."""
    return any(_similar(loose, t.loose, threshold) for t in templates)


@lru_cache(maxsize=262144)
def _similar(a: str, b: str, threshold: float) -> bool:
    return _ratio(a, b, threshold) >= threshold


def _matches(query: Sentence, index: GroupIndex, threshold: float) -> list[str]:
    """Worded-alike sentences of the group: exact ones, and near ones sharing 2+ sketch shingles."""
    hits: dict[str, int] = {}
    for shingle in query.sketch:
        for loose in index.postings.get(shingle, ()):
            hits[loose] = hits.get(loose, 0) + 1
    need = 2 if len(query.sketch) >= 3 else 1
    return [
        loose
        for loose, count in hits.items()
        if loose == query.loose or (count >= need and _similar(query.loose, loose, threshold))
    ]


def _copies(
    queries: list[tuple[str, Sentence]], index: GroupIndex, threshold: float, own_id: int
) -> tuple[dict[int, list[Project]], dict[int, int]]:
    """Per query: the other projects with the sentence and the same figures (strict), and how
    many others have its wording with any figures (loose)."""
    strict: dict[int, list[Project]] = {}
    loose: dict[int, int] = {}
    for number, (_, query) in enumerate(queries):
        figures = tuple(_DIGITS.findall(query.norm))
        alike: set[int] = set()
        same: set[int] = set()
        for wording in _matches(query, index, threshold):
            for owner, owner_figures in index.by_loose[wording].items():
                if owner == own_id:
                    continue
                alike.add(owner)
                if figures in owner_figures:
                    same.add(owner)
        loose[number] = len(alike)
        if same:
            strict[number] = [index.projects[o] for o in same]
    return strict, loose


def _queries(
    project: Project, form: Form, min_chars: int, threshold: float
) -> list[tuple[str, Sentence]]:
    """(section key, sentence) of the project's own sections, form templates left out."""
    templates = _template_sentences(
        form.key, tuple(e.template for e in form.sections() if e.template), min_chars
    )
    return [
        (key, sentence)
        for key in check_settings(form.key).project_specific
        for sentence in split_sentences(project.section(key), min_chars)
        if not _from_template(sentence.loose, templates, threshold)
    ]


def _subject_of(reports: list[Project]) -> str:
    """What the other reports are about, as their forms name it (项目, 部门), or 报告 if mixed."""
    kinds = {check_settings(p.form).subject for p in reports}
    return kinds.pop() if len(kinds) == 1 else "报告"


@register("W-COPY-SIBLING")
def check_copy(project: Project, siblings: list[Project], form: Form) -> list[Finding]:
    """A project-specific sentence that also stands, near-identical, in some sibling projects."""
    # A stale copy of the project itself is not a sibling.
    siblings = [
        s for s in siblings if s is not project and (project.id is None or s.id != project.id)
    ]
    if not siblings:
        return []
    settings = check_settings(form.key)
    min_chars, threshold = settings.copy_min_chars, settings.copy_similarity
    queries = _queries(project, form, min_chars, threshold)
    if not queries:
        return []
    index = _group_index([*siblings, project], project, settings.project_specific, min_chars)
    strict, loose = _copies(queries, index, threshold, id(project))
    generic = settings.generic_name_words
    own = _name_bigrams(project.name, generic) - _name_bigrams(project.unit.name, generic)
    grams: dict[str, frozenset[str]] = {}  # a sibling name's distinctive bigrams
    out: list[Finding] = []
    for number, others in sorted(strict.items()):
        others.sort(key=lambda p: (p.name, p.id or 0))
        key, sentence = queries[number]
        count = loose.get(number, 0)
        # Shared by every sibling (of enough siblings), or reworded with other figures in some:
        # the unit's own wording. In the sections most often copied (项目基本情况) such a
        # sentence still counts when it speaks of another project.
        common = count > len(others) or (
            count >= len(siblings) and len(siblings) >= settings.copy_boilerplate_siblings
        )
        if common and key not in settings.copy_always_sections:
            continue
        location = {"section": key, "start": sentence.start, "end": sentence.end}
        flat = _LINE_BREAK.sub("", sentence.text)
        quote = flat if len(flat) <= 60 else flat[:58] + "…"
        own_score = _relates(sentence.norm, own)
        scores: dict[str, int] = {}
        for p in others:
            if p.name not in scores:
                if p.name not in grams:
                    grams[p.name] = (
                        _name_bigrams(p.name, generic) - own - _name_bigrams(p.unit.name, generic)
                    )
                scores[p.name] = _relates(sentence.norm, grams[p.name])
        # The projects the sentence speaks of come first in the message.
        others.sort(key=lambda p: -scores[p.name])
        # About another project: it names every project it is shared with more than this one,
        # or it names most of one's distinctive words (a copy from one into several projects).
        other_score = min(scores.values())
        top = scores[others[0].name]
        if top > own_score and top * 2 >= len(grams[others[0].name]):
            other_score = top
        kind = _subject_of(others)
        names = "、".join(f"“{p.name}”" for p in others[:3]) + (
            f"等{len(others)}个{kind}" if len(others) > 3 else ""
        )
        if other_score > own_score:
            out.append(
                Finding(
                    WARNING,
                    "W-COPY-SIBLING",
                    f"“{quote}”与{kind}{names}中的句子相同或几乎相同，且说的是对方{kind}的内容，"
                    f"疑为从其他{kind}复制后未修改",
                    location,
                )
            )
        elif own_score == 0 and not common:
            out.append(
                Finding(
                    HINT,
                    "I-COPY-SIBLING",
                    f"“{quote}”与{kind}{names}中的句子相同或几乎相同，"
                    f"请确认适用于本{settings.subject}",
                    location,
                )
            )
    return out
