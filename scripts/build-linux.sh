#!/usr/bin/env bash
# Builds the Linux bundle for the 信创 desktops (统信 UOS 20, deepin 20, 银河麒麟 V10: glibc 2.28,
# x86_64) on a Debian 12 machine, and its .deb.
#
#   bash scripts/build-linux.sh          → dist/jixiao/ (one folder) and dist/<appid>_<ver>_amd64.deb
#
# 1. CPython 3.11 (Debian's source package) and zlib, bzip2, xz, libffi, SQLite are compiled with
#    `zig cc -target x86_64-linux-gnu.2.28` (zig from PyPI's ziglang): they need glibc ≤ 2.28.
# 2. PySide6 6.9.3 (manylinux_2_28 wheels) and the other dependencies are installed into it.
# 3. PyInstaller (build.spec, JIXIAO_PORTABLE_LINUX=1) makes dist/jixiao/.
# 4. scripts/glibc_audit.py checks every ELF file in it: none may need a glibc newer than 2.28.
# 5. packaging/make_deb.py packs /opt/apps/<appid>/ (the UOS application layout) into a .deb.
#
# Needs: python3 (3.10+), apt-get (sources are downloaded with a private apt state), tclsh, make,
# patch, dpkg-deb. Downloads only through apt and pip. Work files: build/linux-x86_64/ (kept, so a
# second run reuses the compiled Python); JIXIAO_BUILD_DIR and JIXIAO_DIST_DIR override.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
GLIBC=2.28
TARGET=x86_64-linux-gnu.$GLIBC
ZIGLANG="ziglang==0.14.1"
BUILD=${JIXIAO_BUILD_DIR:-$ROOT/build/linux-x86_64}
DIST=${JIXIAO_DIST_DIR:-$ROOT/dist}
mkdir -p "$BUILD" "$DIST"
BUILD=$(realpath "$BUILD")
DIST=$(realpath "$DIST")
# shellcheck source=packaging/lib.sh
source packaging/lib.sh
step() { echo "== $* ($(date +%H:%M:%S))"; }

[ "$(uname -m)" = x86_64 ] || { echo "build-linux.sh builds on x86_64 (for ARM64: build-linux-arm64.sh)"; exit 2; }
for tool in python3 apt-get tclsh make patch dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "缺少构建工具：$tool"; exit 2; }
done

step "zig (PyPI: $ZIGLANG)"
if [ ! -x "$BUILD/tools/bin/python" ]; then
  python3 -m venv "$BUILD/tools"
fi
"$BUILD/tools/bin/python" -m pip install --quiet --disable-pip-version-check "$ZIGLANG"
ZIG=$(zig_path "$BUILD/tools/bin/python")

step "Debian source packages"
SRC=$BUILD/src
if [ ! -f "$SRC/.complete" ]; then
  mkdir -p "$SRC"
  fetch_debian_sources bookworm "$SRC" python3.11 zlib bzip2 xz-utils libffi sqlite3
  touch "$SRC/.complete"
fi

step "CPython for glibc $GLIBC (zig cc)"
bash packaging/build-python.sh "$SRC" "$BUILD/work" "$BUILD/python" "$TARGET" "$ZIG"
PY=$BUILD/python/bin/python3.11

step "wheels (PySide6 6.9.3, manylinux ≤ 2_$((${GLIBC#2.})))"
python3 packaging/requirements.py --build > "$BUILD/requirements.txt"
platforms=()
for minor in $(seq "${GLIBC#2.}" -1 17); do platforms+=(--platform "manylinux_2_${minor}_x86_64"); done
platforms+=(--platform manylinux2014_x86_64 --platform manylinux2010_x86_64 --platform manylinux1_x86_64)
# this machine's pip downloads (the new interpreter has no ssl module: the program needs none)
python3 -m pip download --quiet --disable-pip-version-check --only-binary=:all: "${platforms[@]}" \
  --python-version 3.11 --implementation cp --abi cp311 --abi abi3 --abi none -d "$BUILD/wheels" -r "$BUILD/requirements.txt"
"$PY" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-index \
  --find-links "$BUILD/wheels" -r "$BUILD/requirements.txt"
"$PY" -c 'import PySide6, sys; assert PySide6.__version__ == "6.9.3", PySide6.__version__'

step "PyInstaller"
rm -rf "$DIST/jixiao"
JIXIAO_PORTABLE_LINUX=1 PYTHONPATH="$ROOT" "$PY" -m PyInstaller --noconfirm --log-level WARN \
  --distpath "$DIST" --workpath "$BUILD/pyinstaller" build.spec

step "glibc audit (every ELF file ≤ GLIBC_$GLIBC)"
python3 scripts/glibc_audit.py "$DIST/jixiao" --max "$GLIBC" > "$DIST/glibc-audit.txt" || {
  cat "$DIST/glibc-audit.txt"
  echo "glibc audit failed: see above"
  exit 1
}
tail -2 "$DIST/glibc-audit.txt"
"$DIST/jixiao/jixiao" --version

step ".deb"
python3 packaging/make_deb.py "$DIST/jixiao" "$DIST" --arch amd64
ls -l "$DIST"/*.deb
