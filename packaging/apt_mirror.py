"""Print the Debian archive URI this machine's apt already uses (for debootstrap, apt-get source).

Reads /etc/apt/sources.list and /etc/apt/sources.list.d/*.list|*.sources; the first entry whose
suites include a plain release (not -security/-updates/-backports) with component main wins.
JIXIAO_DEBIAN_MIRROR overrides. Exit 1 when none is found.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APT = Path("/etc/apt")


def _plain(suite: str) -> bool:
    return not any(suite.endswith(s) for s in ("-security", "-updates", "-backports"))


def _one_line(text: str) -> list[str]:
    uris = []
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if len(words) < 4 or words[0] != "deb":
            continue
        words = words[1:]
        if words[0].startswith("["):
            while words and not words[0].endswith("]"):
                words.pop(0)
            words.pop(0)
        if len(words) >= 3 and _plain(words[1]) and "main" in words[2:]:
            uris.append(words[0])
    return uris


def _deb822(text: str) -> list[str]:
    uris = []
    for block in text.split("\n\n"):
        fields: dict[str, str] = {}
        for line in block.splitlines():
            if line.startswith("#") or ":" not in line or line[:1].isspace():
                continue
            key, value = line.split(":", 1)
            fields[key.strip().lower()] = value.strip()
        if fields.get("enabled", "yes").lower() == "no":
            continue
        if "deb" not in fields.get("types", "").split():
            continue
        suites = fields.get("suites", "").split()
        if any(_plain(s) for s in suites) and "main" in fields.get("components", "").split():
            uris += fields.get("uris", "").split()
    return uris


def mirror() -> str | None:
    """The archive URI, or None."""
    if os.environ.get("JIXIAO_DEBIAN_MIRROR"):
        return os.environ["JIXIAO_DEBIAN_MIRROR"]
    files = [APT / "sources.list", *sorted((APT / "sources.list.d").glob("*"))]
    for f in files:
        if not f.is_file():
            continue
        text = f.read_text(errors="replace")
        uris = _deb822(text) if f.suffix == ".sources" else _one_line(text)
        for uri in uris:
            if "debian" in uri and "security" not in uri:
                return uri.rstrip("/")
    return None


if __name__ == "__main__":
    found = mirror()
    if not found:
        print("找不到 Debian 软件源（/etc/apt），请设置 JIXIAO_DEBIAN_MIRROR", file=sys.stderr)
        sys.exit(1)
    print(found)
