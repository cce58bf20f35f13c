"""Pack the one-folder bundle into a .deb in the UOS application layout.

    python packaging/make_deb.py dist/jixiao dist [--arch amd64]

/opt/apps/<appid>/info                             UOS application description (JSON)
/opt/apps/<appid>/files/                           the bundle (files/jixiao is the program)
/opt/apps/<appid>/entries/applications/<appid>.desktop
/opt/apps/<appid>/entries/icons/hicolor/<n>x<n>/apps/<appid>.png (+ scalable/apps/<appid>.svg)
/usr/share/applications/<appid>.desktop, /usr/share/icons/hicolor/…  symbolic links to the
    entries above, so that desktops which do not look into /opt/apps (银河麒麟, Debian…) show the
    start-menu entry too; where both are seen they are the same desktop-file id, shown once.

No maintainer scripts: installing changes nothing outside these files. Depends lists the
Debian packages of the system libraries the bundle loads (found by scripts/glibc_audit.py);
libraries that only optional Qt plugins need (GTK theme, Wayland…) are left out — Qt skips such
a plugin when its library is missing.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import glibc_audit  # noqa: E402

APPID = "org.jixiao.editor"
NAME = "绩效自评报告编辑器"
MAINTAINER = "jixiao developers <jixiao@users.noreply.invalid>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

LIBC = "libc6 (>= {glibc})"
# system library → Debian package (names shared by Debian 10/11/12, UOS 20, deepin 20, 麒麟 V10)
PACKAGES = {
    "libc.so.6": LIBC,
    "libm.so.6": LIBC,
    "libdl.so.2": LIBC,
    "libpthread.so.0": LIBC,
    "librt.so.1": LIBC,
    "libutil.so.1": LIBC,
    "libresolv.so.2": LIBC,
    "ld-linux-x86-64.so.2": LIBC,
    "ld-linux-aarch64.so.1": LIBC,
    "libstdc++.so.6": "libstdc++6 (>= {gcc})",
    "libgcc_s.so.1": "libgcc-s1 | libgcc1",
    "libatomic.so.1": "libatomic1",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libgobject-2.0.so.0": "libglib2.0-0",
    "libgio-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb.so.1": "libxcb1",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libcups.so.2": "libcups2",
    "libICE.so.6": "libice6",
    "libSM.so.6": "libsm6",
    "libbrotlidec.so.1": "libbrotli1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
}


def version() -> str:
    """The program's version (desktop/__init__.py)."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    assert match, "no __version__"
    return match.group(1)


# newest GLIBCXX_ symbol version → the GCC release whose libstdc++6 has it (Debian numbers
# libstdc++6 by GCC version)
GCC_OF_GLIBCXX = {21: 5, 22: 6, 23: 7, 24: 7, 25: 8, 26: 9, 27: 9, 28: 10, 29: 11, 30: 12}


def gcc_for(infos: list) -> int:
    """The oldest GCC whose libstdc++ provides every GLIBCXX_ version the bundle needs."""
    newest = max((i.newest("GLIBCXX_") or "" for i in infos), key=glibc_audit.version_key)
    key = glibc_audit.version_key(newest)
    if len(key) < 3 or key[:2] != (3, 4):
        return 5
    return GCC_OF_GLIBCXX.get(key[2], 5 if key[2] < 21 else 13)


def depends(bundle: Path, glibc: str = "2.28") -> str:
    """The Depends line: packages of the system libraries the bundle needs."""
    infos = glibc_audit.audit(bundle)
    gcc = gcc_for(infos)
    needed = glibc_audit.system_libraries(bundle, infos)
    packages: list[str] = []
    unknown = []
    for library, users in needed.items():
        required = [u for u in users if not _optional_user(u)]
        if not required:
            continue
        package = PACKAGES.get(library)
        if package is None:
            unknown.append(f"{library} (needed by {required[0]})")
        else:
            package = package.format(glibc=glibc, gcc=gcc)
            if package not in packages:
                packages.append(package)
    if unknown:
        raise SystemExit("no Debian package known for: " + ", ".join(unknown))
    return ", ".join(packages)


# Qt plugins the program can do without: their libraries are not required (a plugin whose
# library is missing is not loaded)
_OPTIONAL_PLUGINS = (
    "platformthemes/libqgtk3",
    "wayland",
    "egldeviceintegrations",
    "platforms/libqeglfs",
    "platforms/libqlinuxfb",
    "platforms/libqvkkhrdisplay",
    "platforms/libqvnc",
    "EglFs",
    "networkinformation",
    "imageformats/libqtiff",
    "imageformats/libqwebp",
)


def _optional_user(path: str) -> bool:
    return any(part in path for part in _OPTIONAL_PLUGINS)


def desktop_entry() -> str:
    """The start-menu entry."""
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={NAME}\n"
        f"Name[zh_CN]={NAME}\n"
        "GenericName=绩效自评报告\n"
        "Comment=编写、审核、打印和导出项目支出绩效自评报告与绩效评价报告\n"
        f"Exec=/opt/apps/{APPID}/files/jixiao\n"
        f"Icon={APPID}\n"
        "Terminal=false\n"
        "Categories=Office;\n"
        "Keywords=绩效;自评;评价;报告;预算;\n"
        "StartupWMClass=jixiao\n"
    )


def info(ver: str, arch: str) -> str:
    """The UOS info file."""
    data = {
        "appid": APPID,
        "name": NAME,
        "version": ver,
        "arch": [arch],
        "permissions": {
            "autostart": False,
            "notification": False,
            "trayicon": False,
            "clipboard": True,
            "account": False,
            "bluetooth": False,
            "camera": False,
            "audio_record": False,
            "installed_apps": False,
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def build(bundle: Path, out: Path, arch: str, glibc: str = "2.28") -> Path:
    """Write <appid>_<version>_<arch>.deb into out and return its path."""
    ver = version()
    icons = ROOT / "resources" / "icons"
    with tempfile.TemporaryDirectory() as tmp:
        stage = Path(tmp) / "stage"
        app = stage / "opt" / "apps" / APPID
        shutil.copytree(bundle, app / "files", symlinks=True)
        (app / "info").write_text(info(ver, arch), encoding="utf-8")
        entry = app / "entries" / "applications" / f"{APPID}.desktop"
        entry.parent.mkdir(parents=True)
        entry.write_text(desktop_entry(), encoding="utf-8")
        links = {Path("usr/share/applications") / entry.name: entry}
        for size in ICON_SIZES:
            rel = Path("hicolor") / f"{size}x{size}" / "apps" / f"{APPID}.png"
            target = app / "entries" / "icons" / rel
            target.parent.mkdir(parents=True)
            shutil.copy(icons / f"jixiao-{size}.png", target)
            links[Path("usr/share/icons") / rel] = target
        rel = Path("hicolor") / "scalable" / "apps" / f"{APPID}.svg"
        target = app / "entries" / "icons" / rel
        target.parent.mkdir(parents=True)
        shutil.copy(icons / "jixiao.svg", target)
        links[Path("usr/share/icons") / rel] = target
        for link, target in links.items():
            (stage / link).parent.mkdir(parents=True, exist_ok=True)
            (stage / link).symlink_to("/" + str(target.relative_to(stage)))
        size_kb = (
            sum(p.lstat().st_size for p in stage.rglob("*") if p.is_file() and not p.is_symlink())
            // 1024
        )
        control = stage / "DEBIAN" / "control"
        control.parent.mkdir()
        control.write_text(
            f"Package: {APPID}\n"
            f"Version: {ver}\n"
            f"Architecture: {arch}\n"
            f"Maintainer: {MAINTAINER}\n"
            f"Installed-Size: {size_kb}\n"
            f"Depends: {depends(bundle, glibc)}\n"
            "Section: office\n"
            "Priority: optional\n"
            f"Description: {NAME}\n"
            " 为预算单位编写、审核、打印和导出项目支出绩效自评报告与绩效评价报告，\n"
            " 数据保存在本机一个 SQLite 文件中，完全离线运行。\n"
            " .\n"
            " Performance self-evaluation report editor for Chinese budget units.\n",
            encoding="utf-8",
        )
        out.mkdir(parents=True, exist_ok=True)
        deb = out / f"{APPID}_{ver}_{arch}.deb"
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(stage), str(deb)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return deb


def main(argv: list[str] | None = None) -> int:
    """Build the .deb from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--arch", default="amd64")
    parser.add_argument("--glibc", default="2.28", help="the libc6 version the bundle needs")
    args = parser.parse_args(argv)
    deb = build(args.bundle, args.out, args.arch, args.glibc)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
