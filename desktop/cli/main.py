"""Headless commands (argparse). Never imports Qt; heavy libraries are imported lazily."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from desktop import __version__
from desktop.cli.commands import COMMANDS, Handler
from desktop.errorlog import log_program_error, program_error_message
from desktop.model.errors import UserError

EXIT_USER_ERROR = 2  # bad input or a storage problem: one Chinese line on stderr
EXIT_PROGRAM_BUG = 3  # a program bug: one Chinese line, the traceback in the error log


class _Parser(argparse.ArgumentParser):
    """argparse with Chinese errors and exit code 2."""

    def error(self, message: str) -> NoReturn:
        """Print one Chinese line and exit 2."""
        import re

        m = re.search(r"invalid choice: '([^']*)'", message)
        if m:
            names = "、".join(c.name for c in COMMANDS)
            message = f"未知命令“{m.group(1)}”；可用命令：{names}"
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


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of `jixiao`, built from the command table."""
    from desktop.model.vocabulary import vocabulary

    parser = _Parser(prog="jixiao", description=f"{vocabulary().app_title}（无参数运行时打开窗口）")
    parser.add_argument("--db", help="数据库文件（默认在用户数据目录；也可用环境变量 JIXIAO_DB）")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="命令")
    for command in COMMANDS:
        p = sub.add_parser(command.name, help=command.help)
        for argument in command.args:
            p.add_argument(*argument.names, **argument.options)
    return parser


HANDLERS: dict[str, Handler] = {command.name: command.handler for command in COMMANDS}


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
