"""Headless commands (argparse). Never imports Qt; heavy libraries are imported lazily."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from desktop import __version__
from desktop.cli.common import emit_json, insert_all, open_from_args, selected_ids
from desktop.cli.files import (
    cmd_export_pdf,
    cmd_export_xlsx,
    cmd_fonts,
    cmd_import_text,
    cmd_import_xlsx,
)
from desktop.cli.profiles import cmd_profiles
from desktop.cli.project import cmd_finalise, cmd_next_year, cmd_revisions, cmd_unfinalise
from desktop.errorlog import log_program_error, program_error_message
from desktop.model.errors import UserError

EXIT_USER_ERROR = 2  # bad input or a storage problem: one Chinese line on stderr
EXIT_PROGRAM_BUG = 3  # a program bug: one Chinese line, the traceback in the error log

COMMANDS = (
    "list",
    "show",
    "check",
    "score",
    "import-text",
    "import-docx",
    "import-pdf",
    "import-json",
    "export-json",
    "import-xlsx",
    "export-pdf",
    "export-xlsx",
    "backup",
    "fonts",
    "next-year",
    "finalise",
    "unfinalise",
    "revisions",
    "profiles",
)


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        """Print one Chinese line and exit 2."""
        import re

        m = re.search(r"invalid choice: '([^']*)'", message)
        if m:
            message = f"未知命令“{m.group(1)}”；可用命令：{'、'.join(COMMANDS)}"
        else:
            for english, chinese in _ARGPARSE_WORDS:
                message = message.replace(english, chinese)
        sys.stderr.write(f"jixiao：{message}（用 jixiao --help 查看用法）\n")
        sys.exit(2)


_ARGPARSE_WORDS = (
    ("the following arguments are required", "缺少参数"),
    ("unrecognized arguments", "无法识别的参数"),
    ("expected one argument", "需要一个值"),
    ("invalid int value", "不是整数"),
    ("argument", "参数"),
)


def wants_cli(args: Sequence[str]) -> bool:
    """True when anything but ``--db PATH`` is given (a command, --help, --version, a typo)."""
    rest = list(args)
    while rest:
        head = rest.pop(0)
        if head == "--db" and rest:
            rest.pop(0)
        elif not head.startswith("--db="):
            return True
    return False


def _project_selector(p: argparse.ArgumentParser) -> None:
    p.add_argument("project_id", nargs="?", type=int, help="项目编号")
    p.add_argument("--unit", help="实施单位名称（与 --year 一起选择一批项目）")
    p.add_argument("--year", type=int, help="年度")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `jixiao`."""
    from desktop.model.vocabulary import vocabulary

    parser = _Parser(prog="jixiao", description=f"{vocabulary().app_title}（无参数运行时打开窗口）")
    parser.add_argument("--db", help="数据库文件（默认在用户数据目录；也可用环境变量 JIXIAO_DB）")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")
    p = sub.add_parser("list", help="列出项目")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("show", help="显示一个项目")
    p.add_argument("project_id", type=int)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("check", help="审核项目（有错误时退出码为 1）")
    _project_selector(p)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("score", help="计算得分")
    p.add_argument("project_id", type=int)
    p.add_argument("--json", action="store_true")
    for name, help_ in (
        ("import-text", "导入报告文本"),
        ("import-docx", "导入 Word 报告"),
        ("import-pdf", "导入 PDF 报告（带文字层）"),
    ):
        p = sub.add_parser(name, help=help_)
        p.add_argument("file")
        p.add_argument("--unit")
        p.add_argument("--year", type=int)
    p = sub.add_parser("import-json", help="导入 JSON 项目文件")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="覆盖同单位同年度同名的项目")
    p = sub.add_parser("export-json", help="导出项目为 JSON")
    p.add_argument("project_id", type=int)
    p.add_argument("--out", required=True)
    p = sub.add_parser("import-xlsx", help="导入自评表 Excel")
    p.add_argument("file")
    p.add_argument("--replace", action="store_true", help="覆盖同单位同年度同名的项目")
    for name, help_ in (("export-pdf", "导出 PDF 报告"), ("export-xlsx", "导出自评表 Excel")):
        p = sub.add_parser(name, help=help_)
        _project_selector(p)
        p.add_argument("--out", required=True)
        if name == "export-pdf":
            p.add_argument(
                "--no-seal", action="store_true", help="落款按不加盖印章排（GB/T 9704 7.3.5.2）"
            )
        else:
            p.add_argument("--no-audit", action="store_true", help="不附“审核”表（错误数、警告数）")
    p = sub.add_parser("backup", help="备份数据库")
    p.add_argument("--out", required=True)
    sub.add_parser("fonts", help="列出各字体角色使用的字体文件")
    p = sub.add_parser("next-year", help="复制项目为下一年度（草稿）")
    p.add_argument("project_id", type=int)
    p = sub.add_parser("finalise", help="定稿（有错误时拒绝，除非 --force）")
    p.add_argument("project_id", type=int)
    p.add_argument("--force", action="store_true", help="存在错误时仍然定稿")
    p = sub.add_parser("unfinalise", help="撤销定稿（须说明原因；原定稿版本保留）")
    p.add_argument("project_id", type=int)
    p.add_argument("--reason", required=True, help="撤销原因")
    p = sub.add_parser("revisions", help="列出项目的定稿版本记录")
    p.add_argument("project_id", type=int)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("profiles", help="列出省份规则（自评表格式）")
    p.add_argument("--json", action="store_true")
    return parser


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
    from desktop.model.project import FUNDS_COLUMNS, SOURCE_LABELS
    from desktop.model.snapshot import project_to_dict
    from desktop.store import repo

    store = open_from_args(args)
    project = repo.load_project(store, args.project_id)
    if args.json:
        emit_json(project_to_dict(project, with_id=True))
        return 0
    form = load_form(project.form)
    print(f"{form.title}{form.subtitle.format(name=project.name)}")
    print(
        f"实施单位：{project.unit.name}    主管部门：{project.unit.department}    年度：{project.year}"
    )
    print("资金（万元）：年初预算数 / 全年预算数 / 全年执行数")
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
    """`score`: execution rate, totals, grade."""
    from desktop.model.forms import load_form
    from desktop.model.money import fmt_points, fmt_rate
    from desktop.model.scoring import summarise
    from desktop.store import repo

    store = open_from_args(args)
    project = repo.load_project(store, args.project_id)
    s = summarise(project, load_form(project.form))
    if args.json:
        emit_json(
            {
                "execution_rate": f"{s.execution_rate:f}" if s.execution_rate is not None else None,
                "execution_score": f"{s.execution_score:.2f}",
                "indicator_score": f"{s.indicator_score:.2f}",
                "suggested_total": f"{s.suggested_total:.2f}",
                "entered_total": f"{s.entered_total:.2f}",
                "grade": s.grade,
            }
        )
        return 0
    print(
        f"预算执行率：{fmt_rate(s.execution_rate) or '—'}    执行率得分：{fmt_points(s.execution_score)}"
    )
    print(f"指标建议得分合计：{fmt_points(s.indicator_score)}")
    print(f"建议总分：{fmt_points(s.suggested_total)}（{s.suggested_grade}）")
    print(f"填报总分：{fmt_points(s.entered_total)}    等级：{s.grade}")
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
    store = open_from_args(args)
    for w in warnings:
        sys.stderr.write(f"警告：{w}\n")
    return insert_all(store, projects, args.replace)


def cmd_export_json(args: argparse.Namespace) -> int:
    """`export-json`."""
    from desktop.exchange.jsonio import write_projects
    from desktop.store import repo

    store = open_from_args(args)
    project = repo.load_project(store, args.project_id)
    write_projects([project], Path(args.out))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    """`backup`: a consistent copy through the SQLite backup API."""
    from desktop.store.backup import backup_to

    store = open_from_args(args)
    backup_to(store, Path(args.out))
    print(f"已备份到 {args.out}")
    return 0


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "list": cmd_list,
    "show": cmd_show,
    "check": cmd_check,
    "score": cmd_score,
    "import-json": cmd_import_json,
    "export-json": cmd_export_json,
    "backup": cmd_backup,
    "fonts": cmd_fonts,
    "export-pdf": cmd_export_pdf,
    "export-xlsx": cmd_export_xlsx,
    "import-xlsx": cmd_import_xlsx,
    "import-text": cmd_import_text,
    "import-docx": cmd_import_text,
    "import-pdf": cmd_import_text,
    "next-year": cmd_next_year,
    "finalise": cmd_finalise,
    "unfinalise": cmd_unfinalise,
    "revisions": cmd_revisions,
    "profiles": cmd_profiles,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; bad input or storage → exit 2, a program bug → exit 3 (logged)."""
    parser = build_parser()
    args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    if not args.command:
        parser.print_help()
        return 0
    try:
        return HANDLERS[args.command](args)
    except UserError as exc:  # bad input or storage: the message says what and where
        sys.stderr.write(f"错误：{exc.message}\n")
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("已取消\n")
        return 130
    except OSError as exc:
        sys.stderr.write(f"错误：{exc.strerror or exc}（{exc.filename or ''}）\n")
        return EXIT_USER_ERROR
    except Exception as exc:  # a program bug: traceback to the log, one line to the user
        log = log_program_error(
            exc, context="jixiao " + " ".join(sys.argv[1:] if argv is None else argv)
        )
        sys.stderr.write(f"错误：{program_error_message(log)}\n")
        return EXIT_PROGRAM_BUG


if __name__ == "__main__":
    sys.exit(main())
