"""List every ELF file under a folder with the newest GLIBC_ symbol version it needs.

    python scripts/glibc_audit.py dist/jixiao [--max 2.28] [--json]

Reads each file's version-needed table (.gnu.version_r, what `readelf -V` shows) with plain
Python, so no binutils are needed. Exits 1 when any file needs a glibc newer than --max, 0
otherwise; prints one line per ELF file (newest first) and a summary. GLIBCXX_ (libstdc++)
versions are listed too, with whether the bundle carries its own libstdc++.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
DT_NEEDED = 1
ELF_MAGIC = b"\x7fELF"
MACHINES = {3: "i386", 40: "arm", 62: "x86_64", 183: "aarch64", 243: "riscv64"}


@dataclass
class ElfInfo:
    """What one ELF file needs: its machine and the versions it references, per library."""

    path: Path
    machine: str
    needs: dict[str, set[str]] = field(default_factory=dict)  # library → version names
    libraries: list[str] = field(default_factory=list)  # DT_NEEDED, in order

    def versions(self, prefix: str) -> list[str]:
        """Every needed version name starting with prefix (e.g. "GLIBC_")."""
        found = {v for names in self.needs.values() for v in names if v.startswith(prefix)}
        return sorted(found, key=version_key)

    def newest(self, prefix: str) -> str | None:
        """The newest needed version with that prefix, or None."""
        found = self.versions(prefix)
        return found[-1] if found else None


def version_key(name: str) -> tuple[int, ...]:
    """GLIBC_2.28 → (2, 28); GLIBCXX_3.4.25 → (3, 4, 25); anything else sorts first."""
    match = re.search(r"_(\d+(?:\.\d+)*)$", name)
    return tuple(int(p) for p in match.group(1).split(".")) if match else ()


def read_elf(path: Path) -> ElfInfo | None:
    """Parse the ELF file at path; None when it is not an ELF file."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data[:4] != ELF_MAGIC or len(data) < 52:
        return None
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        (machine,) = struct.unpack_from(end + "H", data, 18)
        (shoff,) = struct.unpack_from(end + "Q", data, 40)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 58)
        sh_fmt = end + "IIQQQQIIQQ"
    else:
        (machine,) = struct.unpack_from(end + "H", data, 18)
        (shoff,) = struct.unpack_from(end + "I", data, 32)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 46)
        sh_fmt = end + "IIIIIIIIII"
    info = ElfInfo(path, MACHINES.get(machine, f"machine-{machine}"))
    sections = []
    for i in range(shnum):
        start = shoff + i * shentsize
        if start + struct.calcsize(sh_fmt) > len(data):
            break
        sections.append(struct.unpack_from(sh_fmt, data, start))
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    dyn_fmt = end + ("qQ" if is64 else "iI")
    dyn_size = struct.calcsize(dyn_fmt)
    for sec in sections:
        if sec[1] != SHT_DYNAMIC or sec[6] >= len(sections):
            continue
        strtab = sections[sec[6]][4]
        for start in range(sec[4], sec[4] + sec[5] - dyn_size + 1, dyn_size):
            tag, value = struct.unpack_from(dyn_fmt, data, start)
            if tag == 0:
                break
            if tag == DT_NEEDED:
                info.libraries.append(_cstr(data, strtab + value))
    for sec in sections:
        if sec[1] != SHT_GNU_VERNEED or sec[6] >= len(sections):
            continue
        strtab = sections[sec[6]][4]
        offset, count = sec[4], sec[7]
        for _ in range(count):
            _ver, cnt, file_off, aux, nxt = struct.unpack_from(end + "HHIII", data, offset)
            library = _cstr(data, strtab + file_off)
            names = info.needs.setdefault(library, set())
            aux_off = offset + aux
            for _ in range(cnt):
                _hash, _flags, _other, name_off, aux_next = struct.unpack_from(
                    end + "IHHII", data, aux_off
                )
                names.add(_cstr(data, strtab + name_off))
                if not aux_next:
                    break
                aux_off += aux_next
            if not nxt:
                break
            offset += nxt
    return info


def _cstr(data: bytes, start: int) -> str:
    stop = data.index(b"\0", start)
    return data[start:stop].decode("ascii", "replace")


def audit(folder: Path) -> list[ElfInfo]:
    """Every ELF file under folder (symbolic links are not followed)."""
    found = []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            info = read_elf(path)
            if info is not None:
                found.append(info)
    return found


def system_libraries(folder: Path, infos: list[ElfInfo]) -> dict[str, list[str]]:
    """Libraries the ELF files need that the folder does not hold → who needs them."""
    present = {p.name for p in folder.rglob("*")}
    wanted: dict[str, list[str]] = {}
    for info in infos:
        for library in info.libraries:
            if library not in present:
                wanted.setdefault(library, []).append(str(info.path.relative_to(folder)))
    return dict(sorted(wanted.items()))


def main(argv: list[str] | None = None) -> int:
    """Print the audit of a folder; exit 1 if anything needs a glibc newer than --max."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--max", default="2.28", help="newest glibc allowed (default 2.28)")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"不是文件夹：{args.folder}", file=sys.stderr)
        return 2
    limit = version_key("GLIBC_" + args.max)
    infos = audit(args.folder)
    infos.sort(key=lambda i: (version_key(i.newest("GLIBC_") or ""), str(i.path)), reverse=True)
    too_new = [i for i in infos if version_key(i.newest("GLIBC_") or "") > limit]
    bundled_libstdcxx = any(i.path.name.startswith("libstdc++.so") for i in infos)
    glibc = max((i.newest("GLIBC_") or "" for i in infos), key=version_key, default="")
    glibcxx = max((i.newest("GLIBCXX_") or "" for i in infos), key=version_key, default="")
    machines = sorted({i.machine for i in infos})
    system = system_libraries(args.folder, infos)
    if args.json:
        rows = [
            {
                "path": str(i.path.relative_to(args.folder)),
                "machine": i.machine,
                "glibc": i.newest("GLIBC_"),
                "glibcxx": i.newest("GLIBCXX_"),
            }
            for i in infos
        ]
        summary = {
            "files": len(infos),
            "machines": machines,
            "newest_glibc": glibc or None,
            "newest_glibcxx": glibcxx or None,
            "bundled_libstdcxx": bundled_libstdcxx,
            "max_allowed": "GLIBC_" + args.max,
            "too_new": [str(i.path.relative_to(args.folder)) for i in too_new],
            "system_libraries": system,
        }
        print(json.dumps({"files": rows, "summary": summary}, ensure_ascii=False, indent=1))
    else:
        for i in infos:
            extra = f"  {i.newest('GLIBCXX_')}" if i.newest("GLIBCXX_") else ""
            mark = "  ← too new" if i in too_new else ""
            print(f"{i.newest('GLIBC_') or '-':<12} {i.path.relative_to(args.folder)}{extra}{mark}")
        print("from the system: " + " ".join(system))
        print(
            f"summary: {len(infos)} ELF files ({', '.join(machines)}); newest needed "
            f"{glibc or 'none'}; limit GLIBC_{args.max}; {len(too_new)} too new; newest "
            f"GLIBCXX {glibcxx or 'none'} (libstdc++ {'bundled' if bundled_libstdcxx else 'from the system'})"
        )
    return 1 if too_new else 0


if __name__ == "__main__":
    sys.exit(main())
