"""Safe file writing shared by every exporter."""

from __future__ import annotations

from pathlib import Path

from desktop.model.errors import InputError


def write_text_atomic(path: Path, text: str) -> None:
    """Write a file via a temporary sibling and rename; InputError in Chinese on failure."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write bytes via a temporary sibling and rename; InputError in Chinese on failure."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        reason = "磁盘空间已满" if exc.errno == 28 else (exc.strerror or str(exc))
        raise InputError(f"无法写入文件 {path}：{reason}") from None
