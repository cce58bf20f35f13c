"""The command table: every command's name, help, arguments and handler, written once.

The parser (main.build_parser), the dispatch (main.HANDLERS) and the unknown-command message
are all built from COMMANDS.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from desktop.cli.core import (
    cmd_backup,
    cmd_check,
    cmd_export_json,
    cmd_import_json,
    cmd_list,
    cmd_score,
    cmd_show,
)
from desktop.cli.cycle import cmd_baseline
from desktop.cli.files import (
    cmd_export_pdf,
    cmd_export_xlsx,
    cmd_fonts,
    cmd_import_text,
    cmd_import_xlsx,
)
from desktop.cli.profiles import cmd_profiles
from desktop.cli.project import cmd_finalise, cmd_next_year, cmd_revisions, cmd_unfinalise

Handler = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Arg:
    """One argument of a command: its names and the keywords of ``add_argument``."""

    names: tuple[str, ...]
    options: dict[str, Any] = field(default_factory=dict)


def arg(*names: str, **options: Any) -> Arg:
    """An argument as ``add_argument`` takes it."""
    return Arg(names, options)


@dataclass(frozen=True)
class Command:
    """A sub-command of `jixiao`."""

    name: str
    help: str
    handler: Handler
    args: tuple[Arg, ...] = ()


PROJECT_ID = arg("project_id", type=int)
JSON = arg("--json", action="store_true")
OUT = arg("--out", required=True)
FORCE = arg("--force", action="store_true", help="覆盖已存在的文件")
FILE = arg("file")
REPLACE = arg("--replace", action="store_true", help="覆盖同单位同年度同名的项目")
# A project by its number, or a batch by unit and year.
SELECTOR = (
    arg("project_id", nargs="?", type=int, help="项目编号"),
    arg("--unit", help="实施单位名称（与 --year 一起选择一批项目）"),
    arg("--year", type=int, help="年度"),
)
TEXT_IMPORT = (FILE, arg("--unit"), arg("--year", type=int), REPLACE)

COMMANDS: tuple[Command, ...] = (
    Command("list", "列出项目", cmd_list, (JSON,)),
    Command("show", "显示一个项目", cmd_show, (PROJECT_ID, JSON)),
    Command("check", "审核项目（有错误时退出码为 1）", cmd_check, (*SELECTOR, JSON)),
    Command("score", "计算得分", cmd_score, (PROJECT_ID, JSON)),
    Command("import-text", "导入报告文本", cmd_import_text, TEXT_IMPORT),
    Command("import-docx", "导入 Word 报告", cmd_import_text, TEXT_IMPORT),
    Command("import-pdf", "导入 PDF 报告（带文字层）", cmd_import_text, TEXT_IMPORT),
    Command("import-json", "导入 JSON 项目文件", cmd_import_json, (FILE, REPLACE)),
    Command("export-json", "导出项目为 JSON", cmd_export_json, (PROJECT_ID, OUT, FORCE)),
    Command("import-xlsx", "导入自评表 Excel", cmd_import_xlsx, (FILE, REPLACE)),
    Command(
        "export-pdf",
        "导出 PDF 报告",
        cmd_export_pdf,
        (
            *SELECTOR,
            OUT,
            FORCE,
            arg("--no-seal", action="store_true", help="落款按不加盖印章排（GB/T 9704 7.3.5.2）"),
        ),
    ),
    Command(
        "export-xlsx",
        "导出自评表 Excel",
        cmd_export_xlsx,
        (
            *SELECTOR,
            OUT,
            FORCE,
            arg("--no-audit", action="store_true", help="不附“审核”表（错误数、警告数）"),
        ),
    ),
    Command("backup", "备份数据库", cmd_backup, (OUT, FORCE)),
    Command("fonts", "列出各字体角色使用的字体文件", cmd_fonts),
    Command("next-year", "复制项目为下一年度（草稿）", cmd_next_year, (PROJECT_ID,)),
    Command(
        "finalise",
        "定稿（有错误时拒绝，除非 --force）",
        cmd_finalise,
        (PROJECT_ID, arg("--force", action="store_true", help="存在错误时仍然定稿")),
    ),
    Command(
        "unfinalise",
        "撤销定稿（须说明原因；原定稿版本保留）",
        cmd_unfinalise,
        (PROJECT_ID, arg("--reason", required=True, help="撤销原因")),
    ),
    Command("revisions", "列出项目的定稿版本记录", cmd_revisions, (PROJECT_ID, JSON)),
    Command(
        "baseline",
        "把当前绩效指标记录为批复目标（--show 查看，--replace 重新记录，--clear 清除）",
        cmd_baseline,
        (
            PROJECT_ID,
            arg("--show", action="store_true", help="只显示已记录的批复目标"),
            arg("--replace", action="store_true", help="已有批复目标时按当前指标重新记录"),
            arg("--clear", action="store_true", help="清除批复目标"),
            JSON,
        ),
    ),
    Command("profiles", "列出省份规则（自评表格式）", cmd_profiles, (JSON,)),
)
