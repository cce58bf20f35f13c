"""`jixiao profiles`: the rule profiles (provincial 自评表 forms) the program knows."""

from __future__ import annotations

import argparse

from desktop.cli.common import emit_json


def cmd_profiles(args: argparse.Namespace) -> int:
    """List the profiles: key, name, the report kinds they lay out, their sources."""
    from desktop.model.profiles import available_profiles, load_profile

    profiles = [load_profile(key) for key in available_profiles()]
    if args.json:
        emit_json([p.to_json() for p in profiles])
        return 0
    kind_names = {"project": "项目支出", "department": "部门整体支出"}
    for p in profiles:
        kinds = "、".join(kind_names[k] for k in p.to_json()["kinds"])
        print(f"{p.key:<16} {p.name}（{kinds}）")
        for url in p.sources:
            print(f"{'':<16} 依据：{url}")
    return 0
