"""Report text files: decode by byte-order mark, UTF-8 or GB18030; refuse binary and huge text."""

from __future__ import annotations

import codecs

from desktop.model.errors import InputError

MAX_TEXT_CHARS = 3_000_000  # ~1 500 printed pages: far beyond any report or batch of reports
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_text(data: bytes, where: str) -> str:
    """The text of a file's bytes; InputError in Chinese naming ``where`` when it is not text.

    A byte-order mark decides (Windows Notepad saves "Unicode" as UTF-16 with one); otherwise
    UTF-8, then GB18030 (GBK). Bytes with NULs and no mark are binary.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(
                    f"{where} 以 {encoding.upper()} 标记开头，但内容无法按该编码读取；"
                    "请另存为 UTF-8 文本"
                ) from None
    if b"\x00" in data[:65536]:
        raise InputError(f"{where} 不是文本文件（含二进制内容）；请导入 .txt 或 .docx 报告")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InputError(f"{where} 无法按 UTF-8 或 GBK 编码读取；请另存为 UTF-8 文本")


def check_size(lines: list[str], where: str) -> None:
    """Refuse text longer than MAX_TEXT_CHARS before any parsing."""
    total = sum(map(len, lines))
    if total > MAX_TEXT_CHARS:
        raise InputError(
            f"{where} 的文字过多（{total:,} 字，一次最多 {MAX_TEXT_CHARS:,} 字）；"
            "请分批导入，每次几份报告"
        )
