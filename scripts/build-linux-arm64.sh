#!/usr/bin/env bash
# ARM64 (飞腾, 鲲鹏) build, run by hand on an x86_64 Debian 12 machine as root:
#
#   bash scripts/build-linux-arm64.sh     → dist-arm64/jixiao/ and dist-arm64/<appid>_<ver>_arm64.deb
#
# What limits it: PySide6's aarch64 wheels. 6.8.0.x is the last line tagged manylinux_2_31
# (glibc 2.31); 6.8.1 and later (6.9.x included) are manylinux_2_39. No aarch64 wheel is made
# for glibc 2.28, so ARM64 systems with glibc 2.28 (UOS 20 ARM, 麒麟 V10 SP1 ARM builds with
# 2.28) cannot be reached with PySide6 from PyPI; ARM64 systems with glibc ≥ 2.31 can.
#
# 1. CPython 3.11 is cross-compiled with zig for aarch64-linux-gnu.2.28 (as for x86_64).
# 2. A Debian 11 arm64 root filesystem runs under qemu-user-static (binfmt_misc): the wheels
#    (PySide6 6.8.0.2) are installed into the new Python there and PyInstaller runs there.
# 3. scripts/glibc_audit.py --max 2.31, packaging/make_deb.py --arch arm64, and
#    scripts/check-bullseye.sh starts the program in that root filesystem (under emulation).
# Slow: PyInstaller and pip run emulated. Needs root, qemu-user-static, debootstrap.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PYSIDE=6.8.0.2
GLIBC_PYTHON=2.28
GLIBC_MAX=2.31
ZIGLANG="ziglang==0.14.1"
BUILD=${JIXIAO_BUILD_DIR:-$ROOT/build/linux-arm64}
DIST=${JIXIAO_DIST_DIR:-$ROOT/dist-arm64}
ROOTFS=${JIXIAO_ROOTFS:-$ROOT/build/rootfs-bullseye-arm64}
PREFIX=/opt/python3.11
mkdir -p "$BUILD" "$DIST"
BUILD=$(realpath "$BUILD")
DIST=$(realpath "$DIST")
# shellcheck source=packaging/lib.sh
source packaging/lib.sh
step() { echo "== $* ($(date +%H:%M:%S))"; }

[ "$(id -u)" -eq 0 ] || { echo "需要 root 权限（binfmt_misc、debootstrap、chroot）"; exit 2; }
export PATH="$PATH:/usr/sbin:/sbin"
for tool in python3 apt-get tclsh make patch dpkg-deb debootstrap qemu-aarch64-static; do
  command -v "$tool" >/dev/null || { echo "缺少构建工具：$tool"; exit 2; }
done

step "zig (PyPI: $ZIGLANG)"
[ -x "$BUILD/tools/bin/python" ] || python3 -m venv "$BUILD/tools"
"$BUILD/tools/bin/python" -m pip install --quiet --disable-pip-version-check "$ZIGLANG"
ZIG=$(zig_path "$BUILD/tools/bin/python")

step "qemu for aarch64 programs, Debian 11 arm64 root filesystem"
enable_binfmt aarch64
# the libraries the program loads (the same Depends as the amd64 .deb) + binutils for PyInstaller
make_rootfs arm64 "$ROOTFS" "binutils,libglib2.0-0,libfontconfig1,libfreetype6,libx11-6,libx11-xcb1,\
libxcb1,libxkbcommon0,libxkbcommon-x11-0,libxcb-icccm4,libxcb-image0,libxcb-keysyms1,libxcb-randr0,\
libxcb-render-util0,libxcb-render0,libxcb-shape0,libxcb-shm0,libxcb-sync1,libxcb-util1,libxcb-xfixes0,\
libxcb-xkb1,libxcb-glx0,libxcb-cursor0,libdbus-1-3,libegl1,libgl1,libcups2,libzstd1,libgssapi-krb5-2,\
libatomic1,libice6,libsm6,libbrotli1"

step "Debian source packages"
SRC=$BUILD/src
if [ ! -f "$SRC/.complete" ]; then
  mkdir -p "$SRC"
  fetch_debian_sources bookworm "$SRC" python3.11 zlib bzip2 xz-utils libffi sqlite3
  touch "$SRC/.complete"
fi

step "build Python (this machine's, same 3.11 as the target)"
BUILD_PY=$ROOT/build/linux-x86_64/python/bin/python3.11
if [ ! -x "$BUILD_PY" ]; then
  BUILD_PY=$(command -v python3.11) || { echo "需要 python3.11（或先运行 build-linux.sh）"; exit 2; }
fi

step "CPython for aarch64, glibc $GLIBC_PYTHON (zig cc, cross)"
PYTHON_DESTDIR=$ROOTFS bash packaging/build-python.sh "$SRC" "$BUILD/work" "$PREFIX" \
  "aarch64-linux-gnu.$GLIBC_PYTHON" "$ZIG" "$BUILD_PY"
chroot "$ROOTFS" "$PREFIX/bin/python3.11" -c '
import ctypes, sqlite3, lzma, bz2, zlib, pyexpat, decimal, platform
sqlite3.connect(":memory:").execute("create virtual table t using fts5(x)")
print("python", platform.python_version(), platform.machine(), "sqlite", sqlite3.sqlite_version)'

step "wheels (PySide6 $PYSIDE, manylinux ≤ 2_31 aarch64)"
python3 packaging/requirements.py --build --pyside "$PYSIDE" > "$BUILD/requirements.txt"
platforms=()
for minor in $(seq "${GLIBC_MAX#2.}" -1 17); do platforms+=(--platform "manylinux_2_${minor}_aarch64"); done
platforms+=(--platform manylinux2014_aarch64)
python3 -m pip download --quiet --disable-pip-version-check --only-binary=:all: "${platforms[@]}" \
  --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none \
  -d "$BUILD/wheels" -r "$BUILD/requirements.txt"
rm -rf "$ROOTFS/tmp/wheels" && cp -r "$BUILD/wheels" "$ROOTFS/tmp/wheels"
cp "$BUILD/requirements.txt" "$ROOTFS/tmp/requirements.txt"
# a cross build's `make install` does not run ensurepip for the target: run it there
chroot "$ROOTFS" "$PREFIX/bin/python3.11" -m pip --version >/dev/null 2>&1 ||
  chroot "$ROOTFS" "$PREFIX/bin/python3.11" -m ensurepip >"$BUILD/ensurepip.log" 2>&1 ||
  { tail -20 "$BUILD/ensurepip.log"; exit 1; }
chroot "$ROOTFS" "$PREFIX/bin/python3.11" -m pip install --quiet --disable-pip-version-check \
  --root-user-action=ignore --no-index --find-links /tmp/wheels -r /tmp/requirements.txt

step "PyInstaller (emulated)"
mountpoint -q "$ROOTFS/proc" || mount -t proc proc "$ROOTFS/proc"
trap 'umount "$ROOTFS/proc" 2>/dev/null || true' EXIT
rm -rf "$ROOTFS/src" && mkdir -p "$ROOTFS/src"
cp -r desktop forms resources packaging build.spec "$ROOTFS/src/"
chroot "$ROOTFS" env JIXIAO_PORTABLE_LINUX=1 PYTHONPATH=/src sh -c \
  "cd /src && $PREFIX/bin/python3.11 -m PyInstaller --noconfirm --log-level WARN --distpath /src/dist --workpath /src/build build.spec"
rm -rf "$DIST/jixiao" && cp -a "$ROOTFS/src/dist/jixiao" "$DIST/jixiao"

step "glibc audit (every ELF file ≤ GLIBC_$GLIBC_MAX)"
python3 scripts/glibc_audit.py "$DIST/jixiao" --max "$GLIBC_MAX" > "$DIST/glibc-audit.txt" || {
  cat "$DIST/glibc-audit.txt"
  exit 1
}
tail -2 "$DIST/glibc-audit.txt"
python3 scripts/glibc_audit.py "$DIST/jixiao" --max "$GLIBC_PYTHON" > "$DIST/glibc-audit-2.28.txt" || true
echo "needing more than $GLIBC_PYTHON: $(grep -c '← too new' "$DIST/glibc-audit-2.28.txt" || true) files"

step ".deb"
umount "$ROOTFS/proc" 2>/dev/null || true
python3 packaging/make_deb.py "$DIST/jixiao" "$DIST" --arch arm64 --glibc "$GLIBC_MAX"
deb=$(ls "$DIST"/*_arm64.deb)

step "start it in the Debian 11 arm64 root filesystem (emulated)"
JIXIAO_ROOTFS=$ROOTFS bash scripts/check-bullseye.sh "$deb"
