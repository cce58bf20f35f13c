"""The core headless commands: list, show, score, check, JSON in and out, backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from desktop.cli.common import emit_json, export_target, insert_all, open_from_args, selected_ids


def cmd_list(args: argparse.Namespace) -> int:
    """`list`: one line per project."""
    from desktop.store import repo

    store = open_from_args(args)
    rows = repo.list_projects(store)
    if args.json:
        emit_json(
            [
                {
                    "id": r.id,
                    "unit": r.unit,
                    "year": r.year,
                    "name": r.name,
                    "form": r.form,
                    "status": r.status,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("（数据库中还没有项目）")
    for r in rows:
        status = "定稿" if r.status == "final" else "草稿"
        print(f"{r.id:>5}  {r.year}  {r.unit}  {r.name}  [{status}]")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    """`show`: the whole project."""
    from desktop.model.forms import load_form
    from desktop.model.money import fmt_wan
    from desktop.model.project import FUNDS_COLUMN_LABELS, FUNDS_COLUMNS, SOURCE_LABELS
    from desktop.model.snapshot import project_to_dict
    from desktop.store import repo

    store = open_from_args(args)
    project = repo.load_project(store, args.project_id)
    if args.json:
        emit_json(project_to_dict(project, with_id=True))
        return 0
    form = load_form(project.form)
    print(f"{form.title}{form.subtitle_for(project.name, project.year)}")
    print(
        f"实施单位：{project.unit.name}    主管部门：{project.unit.department}    年度：{project.year}"
    )
    print("资金（万元）：" + " / ".join(FUNDS_COLUMN_LABELS[c] for c in FUNDS_COLUMNS))
    for row in project.funds.ordered():
        print(
            f"  {SOURCE_LABELS[row.source]}："
            + " / ".join(fmt_wan(row.get(c)) or "—" for c in FUNDS_COLUMNS)
        )
    for entry in form.sections():
        text = project.section(entry.key or "")
        print(f"\n{entry.title}\n{text or '（空）'}")
    if project.indicators:
        print("\n绩效指标：")
        for ind in project.indicators:
            print(f"  {ind.level1} / {ind.level2} / {ind.level3}：{ind.target} → {ind.actual}")
    return 0


def cmd_score(args: argparse.Namespace) -> int:
    """`score`: execution rate, totals, grade (the document's stated figure without a table)."""
    from desktop.model.forms import load_form
    from desktop.model.money import fmt_points, fmt_rate
    from desktop.model.scoring import summarise
    from desktop.model.stated import claimed_grade, claimed_score, reported_total
    from desktop.store import repo

    store = open_from_args(args)
    project = repo.load_project(store, args.project_id)
    form = load_form(project.form)
    s = summarise(project, form)
    reported = reported_total(project, s.entered_total, s.grade, form.scoring.grades)
    claimed = claimed_score(project)
    if args.json:
        total = reported.total
        emit_json(
            {
                "execution_rate": f"{s.execution_rate:f}" if s.execution_rate is not None else None,
                "execution_score": f"{s.execution_score:.2f}",
                "indicator_score": f"{s.indicator_score:.2f}",
                "suggested_total": f"{s.suggested_total:.2f}",
                "entered_total": f"{total:.2f}" if total is not None else None,
                "grade": reported.grade,
                "total_source": reported.source,
                "claimed_score": f"{claimed:.2f}" if claimed is not None else None,
                "claimed_grade": claimed_grade(project) or None,
            }
        )
        return 0
    print(
        f"预算执行率：{fmt_rate(s.execution_rate) or '—'}    执行率得分：{fmt_points(s.execution_score)}"
    )
    if reported.source == "stated":
        stated = f"{fmt_points(reported.total)}分" if reported.total is not None else "未写明"
        print("没有绩效指标表，无法按指标计算得分")
        print(f"报告所述总分：{stated}    等级：{reported.grade or '未写明'}")
        return 0
    print(f"指标建议得分合计：{fmt_points(s.indicator_score)}")
    print(f"建议总分：{fmt_points(s.suggested_total)}（{s.suggested_grade}）")
    print(f"填报总分：{fmt_points(s.entered_total)}    等级：{s.grade}")
    word = claimed_grade(project)
    if claimed is not None or word:
        said = f"{fmt_points(claimed)}分" if claimed is not None else ""
        print(f"报告所述：{said}{'，' if said and word else ''}{word}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """`check`: findings; exit 1 when any 错误."""
    from desktop.model.checks import ERROR
    from desktop.store import repo
    from desktop.store.audit import findings_with_siblings

    store = open_from_args(args)
    ids = (
        selected_ids(store, args)
        if (args.project_id or args.unit or args.year)
        else [r.id for r in repo.list_projects(store)]
    )
    projects = repo.load_projects(store, ids)
    findings = findings_with_siblings(store, projects)
    out: list[dict[str, Any]] = []
    errors = 0
    for project in projects:
        for finding in findings[project.id]:
            errors += finding.severity == ERROR
            out.append(finding.to_dict(project.id))
            if not args.json:
                print(
                    f"[{finding.severity}] 项目 {project.id} {project.name}：{finding.message}（{finding.code}）"
                )
    if args.json:
        emit_json(out)
    elif not out:
        print("审核通过：未发现问题")
    return 1 if errors else 0


def cmd_import_json(args: argparse.Namespace) -> int:
    """`import-json`: all projects of the file in one transaction."""
    from desktop.exchange.jsonio import read_projects

    warnings: list[str] = []
    projects = read_projects(Path(args.file), warnings)
    store = open_from_args(args, write=True)
    for w in warnings:
        sys.stderr.write(f"警告：{w}\n")
    return insert_all(store, projects, args.replace)


def cmd_export_json(args: argparse.Namespace) -> int:
    """`export-json`."""
    from desktop.exchange.jsonio import write_projects
    from desktop.store import repo

    store = open_from_args(args)
    out = export_target(store, args)
    project = repo.load_project(store, args.project_id)
    write_projects([project], out)
    print(f"已导出 {out}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """`backup`: a consistent copy through the SQLite backup API."""
    from desktop.store.backup import backup_to

    store = open_from_args(args)
    backup_to(store, Path(args.out), overwrite=args.force)
    print(f"已备份到 {args.out}")
    return 0
