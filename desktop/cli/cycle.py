"""`baseline`: record, show or clear a project's approved targets (批复的绩效目标)."""

from __future__ import annotations

import argparse

from desktop.cli.common import emit_json, open_from_args
from desktop.model.errors import InputError


def _show(project: object) -> int:
    from desktop.model.baseline import compare
    from desktop.model.cycle_snapshot import cycle_to_dict
    from desktop.model.project import Project

    assert isinstance(project, Project)
    approved = cycle_to_dict(project).get("baseline", [])
    if not approved:
        print(f"项目“{project.name}”还没有记录批复目标")
        return 0
    print(f"项目“{project.name}”的批复目标（{len(approved)} 项）：")
    for item in approved:
        weight = f"  分值 {item['weight']}" if item["weight"] else ""
        print(f"  {item['level1']} / {item['level2']} / {item['level3']}：{item['target']}{weight}")
    changed = [d for d in compare(project.baseline, project.indicators) if d.kind != "added"]
    if changed:
        print(f"与当前绩效指标不一致 {len(changed)} 处（详见 jixiao check {project.id}）")
    return 0


def cmd_baseline(args: argparse.Namespace) -> int:
    """`baseline`: the indicators recorded as approved; --show, --replace, --clear."""
    from desktop.model.baseline import from_indicators
    from desktop.model.cycle_snapshot import cycle_to_dict
    from desktop.store import lock, repo

    store = open_from_args(args, write=not (args.show or args.json))
    project = repo.load_project(store, args.project_id)
    if args.show or args.json:
        if args.json:
            emit_json(cycle_to_dict(project).get("baseline", []))
            return 0
        return _show(project)
    if project.is_final:
        raise InputError(f"项目“{project.name}”已经定稿；如需修改请先撤销定稿")
    if args.clear:
        if not project.baseline:
            raise InputError(f"项目“{project.name}”没有记录批复目标")
        project.baseline = []
        done = f"已清除项目“{project.name}”的批复目标"
    else:
        current = from_indicators(project.indicators)
        if not current:
            raise InputError(f"项目“{project.name}”还没有绩效指标，无法记录批复目标")
        if project.baseline and not args.replace:
            raise InputError(
                f"项目“{project.name}”已记录批复目标 {len(project.baseline)} 项；"
                "如需按当前指标重新记录请加 --replace（查看：--show）"
            )
        project.baseline = current
        done = f"已记录项目“{project.name}”的批复目标 {len(current)} 项"
    with lock.held(store):  # the window's writer lock, for this transaction
        repo.save_project(store, project)
    print(done)
    return 0
