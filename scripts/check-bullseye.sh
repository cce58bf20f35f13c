#!/usr/bin/env bash
# Installs the built .deb into a Debian 11 (bullseye, glibc 2.31) root filesystem and starts the
# program there: --version, list, import/check/export of a real report, and the window (offscreen,
# and on a real X server when Xvfb is installed).
#
#   bash scripts/check-bullseye.sh [dist/org.jixiao.editor_*_amd64.deb]
#
# Debian 10 (glibc 2.28, what UOS 20 / deepin 20 / 麒麟 V10 are built on) is no longer served by
# the Debian archive, so an older system cannot be set up here: bullseye is the oldest one that
# can, and scripts/glibc_audit.py is the proof for 2.28. The root filesystem (debootstrap,
# minbase + the .deb's Depends) stays in build/rootfs-bullseye-<arch>/ for the next run
# (JIXIAO_ROOTFS overrides). Needs root (or sudo) for debootstrap and chroot.
# Exit 0 = every check passed; 77 = could not run here (not root, no debootstrap).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DEB=${1:-$(ls -t dist/*.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || { echo "找不到 .deb：先运行 scripts/build-linux.sh"; exit 2; }
DEB=$(realpath "$DEB")
ARCH=$(dpkg-deb -f "$DEB" Architecture)
APPID=$(dpkg-deb -f "$DEB" Package)
ROOTFS=${JIXIAO_ROOTFS:-$ROOT/build/rootfs-bullseye-$ARCH}

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if sudo -n true 2>/dev/null; then SUDO="sudo -n"; else echo "需要 root 权限（debootstrap、chroot）"; exit 77; fi
fi
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || { echo "缺少 debootstrap"; exit 77; }
export PATH="$PATH:/usr/sbin:/sbin"

# the .deb's Depends, first alternative of each, without versions
packages=$(dpkg-deb -f "$DEB" Depends | tr ',' '\n' | sed 's/|.*//; s/(.*)//; s/ //g' | grep -v '^$' | sort -u | paste -sd, -)

if [ "$ARCH" != "$(dpkg --print-architecture)" ]; then  # an ARM64 .deb: run it under qemu
  $SUDO bash -c "source packaging/lib.sh && enable_binfmt $(sed 's/arm64/aarch64/' <<<"$ARCH")"
fi
if [ ! -f "$ROOTFS/.complete" ]; then
  echo "== debootstrap bullseye ($ARCH) → $ROOTFS"
  $SUDO bash -c "source packaging/lib.sh && make_rootfs '$ARCH' '$ROOTFS' '$packages'"
fi

# a clean environment: nothing of this machine's (QT_QPA_PLATFORM, DISPLAY…) leaks into the checks
run() { $SUDO chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
failures=0
check() {  # check NAME EXPECTED-TEXT COMMAND... — run COMMAND in the chroot; its output must contain EXPECTED-TEXT
  local name=$1 expected=$2 out rc=0
  shift 2
  out=$(run "$@" 2>&1) || rc=$?
  if [ $rc -eq 0 ] && grep -qF -- "$expected" <<<"$out"; then
    echo "ok    $name"
  else
    echo "FAIL  $name (exit $rc)"
    tail -15 <<<"$out" | sed 's/^/      /'
    failures=$((failures + 1))
  fi
}

echo "== $(run ldd --version | head -1)"
$SUDO cp "$DEB" "$ROOTFS/tmp/jixiao.deb"
$SUDO cp tests/fixtures/seed003_baoan.json "$ROOTFS/tmp/seed.json"
run dpkg --purge "$APPID" >/dev/null 2>&1 || true
check "dpkg -i (Depends met by bullseye's packages)" "Setting up $APPID" dpkg -i /tmp/jixiao.deb
APP=/opt/apps/$APPID/files/jixiao
run rm -f /tmp/check.db /tmp/check.pdf /tmp/check.xlsx
check "--version" "jixiao " "$APP" --version
check "list (empty database)" "还没有项目" "$APP" --db /tmp/check.db list
check "import-json (SQLite)" "1" "$APP" --db /tmp/check.db import-json /tmp/seed.json
check "list --json" '"保安费用"' "$APP" --db /tmp/check.db list --json
check "score --json" '"grade"' "$APP" --db /tmp/check.db score 1 --json
check "export-pdf (reportlab, bundled fonts)" "" "$APP" --db /tmp/check.db export-pdf 1 --out /tmp/check.pdf
check "PDF written" "%PDF" head -c 4 /tmp/check.pdf
check "export-xlsx (openpyxl)" "" "$APP" --db /tmp/check.db export-xlsx 1 --out /tmp/check.xlsx
check "xlsx written" "PK" head -c 2 /tmp/check.xlsx
check "window (offscreen)" "JIXIAO_READY" env QT_QPA_PLATFORM=offscreen JIXIAO_QUIT_AFTER_SHOW=1 "$APP" --db /tmp/check.db
check "start-menu entry" "Exec=$APP" cat "/usr/share/applications/$APPID.desktop"

if command -v Xvfb >/dev/null; then
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb=$!
  sleep 1
  $SUDO mkdir -p "$ROOTFS/tmp/.X11-unix"
  $SUDO mount --bind /tmp/.X11-unix "$ROOTFS/tmp/.X11-unix"
  check "window (X11 via xcb, bullseye's X libraries)" "JIXIAO_READY" \
    env DISPLAY="$display" JIXIAO_QUIT_AFTER_SHOW=1 "$APP" --db /tmp/check.db
  $SUDO umount "$ROOTFS/tmp/.X11-unix"
  kill "$xvfb" 2>/dev/null || true
else
  echo "skip  window (X11): Xvfb not installed"
fi
check "dpkg -r leaves nothing behind" "" sh -c "dpkg -r $APPID >/dev/null && test ! -e /opt/apps/$APPID && test ! -e /usr/share/applications/$APPID.desktop"

if [ $failures -gt 0 ]; then
  echo "bullseye: $failures check(s) failed"
  exit 1
fi
echo "bullseye: all checks passed"
