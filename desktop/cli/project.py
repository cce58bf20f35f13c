"""Headless commands on a project's life: next year, 定稿 and its history."""

from __future__ import annotations

import argparse

from desktop.cli.common import emit_json, insert_all, open_from_args
from desktop.model.errors import InputError


def cmd_next_year(args: argparse.Namespace) -> int:
    """`next-year`: copy a project into the next year as a draft and print the new id."""
    from desktop.model.carry_forward import next_year_copy
    from desktop.store import repo

    store = open_from_args(args, write=True)
    return insert_all(store, [next_year_copy(repo.load_project(store, args.project_id))])


def cmd_finalise(args: argparse.Namespace) -> int:
    """`finalise`: 定稿 with a fingerprint; refused while 错误 findings remain."""
    from desktop.store import lock, revisions

    store = open_from_args(args, write=True)
    with lock.held(store):
        fp = revisions.finalise(store, args.project_id, force=args.force)
    print(f"已定稿，指纹 SHA-256：{fp}")
    return 0


def cmd_unfinalise(args: argparse.Namespace) -> int:
    """`unfinalise`: back to draft with a reason; the 定稿 revision stays in the history."""
    from desktop.store import lock, revisions

    if not args.reason.strip():
        raise InputError("撤销定稿须填写原因（--reason）")
    store = open_from_args(args, write=True)
    with lock.held(store):
        revisions.unfinalise(store, args.project_id, reason=args.reason)
    print("已撤销定稿，项目可再次编辑")
    return 0


def cmd_revisions(args: argparse.Namespace) -> int:
    """`revisions`: the 定稿 history of a project."""
    from desktop.store import repo, revisions

    store = open_from_args(args)
    repo.load_project(store, args.project_id)  # raises when missing
    rows = revisions.list_revisions(store, args.project_id)
    if args.json:
        emit_json(
            [
                {
                    "id": r.id,
                    "time": r.created_at,
                    "kind": r.kind,
                    "reason": r.reason,
                    "fingerprint": r.fingerprint,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("（该项目还没有定稿记录）")
    for r in rows:
        print(f"{r.id:>5}  {r.created_at}  {r.label}  {r.fingerprint}  {r.reason}".rstrip())
    return 0
