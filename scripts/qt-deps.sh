#!/usr/bin/env bash
# Prints the apt-get line for the system libraries Qt needs that this machine lacks.
# Usage: scripts/qt-deps.sh [PYTHON]   (exit 0 = nothing missing, 1 = something missing)
set -u
py=${1:-.venv/bin/python}
plugins=$("$py" -c 'import os, PySide6; print(os.path.join(os.path.dirname(PySide6.__file__), "Qt", "plugins"))' 2>/dev/null) || exit 0
missing=""
for so in "$plugins/platforms/libqxcb.so" "$plugins/platforms/libqoffscreen.so"; do
  [ -f "$so" ] || continue
  missing="$missing $(ldd "$so" 2>/dev/null | awk '/not found/ {print $1}')"
done
pkgs=""
for lib in $missing; do
  case "$lib" in
    libEGL*) pkgs="$pkgs libegl1" ;;
    libGL.so*|libGLX*|libGLdispatch*) pkgs="$pkgs libgl1" ;;
    libxkbcommon-x11*) pkgs="$pkgs libxkbcommon-x11-0" ;;
    libxkbcommon*) pkgs="$pkgs libxkbcommon0" ;;
    libxcb-cursor*) pkgs="$pkgs libxcb-cursor0" ;;
    libxcb-icccm*) pkgs="$pkgs libxcb-icccm4" ;;
    libxcb-util*) pkgs="$pkgs libxcb-util1" ;;
    libxcb-image*) pkgs="$pkgs libxcb-image0" ;;
    libxcb-keysyms*) pkgs="$pkgs libxcb-keysyms1" ;;
    libxcb-randr*) pkgs="$pkgs libxcb-randr0" ;;
    libxcb-render-util*) pkgs="$pkgs libxcb-render-util0" ;;
    libxcb-shape*) pkgs="$pkgs libxcb-shape0" ;;
    libxcb-xkb*) pkgs="$pkgs libxcb-xkb1" ;;
    libxcb*) pkgs="$pkgs libxcb1" ;;
    libX11-xcb*) pkgs="$pkgs libx11-xcb1" ;;
    libX11*) pkgs="$pkgs libx11-6" ;;
    libfontconfig*) pkgs="$pkgs libfontconfig1" ;;
    libfreetype*) pkgs="$pkgs libfreetype6" ;;
    libglib*|libgthread*) pkgs="$pkgs libglib2.0-0" ;;
    libdbus*) pkgs="$pkgs libdbus-1-3" ;;
    libwayland*) ;;  # only the Wayland plugin needs it; xcb is used
    *) pkgs="$pkgs ($lib)" ;;
  esac
done
pkgs=$(echo "$pkgs" | tr ' ' '\n' | sort -u | tr '\n' ' ')
if [ -n "${pkgs// /}" ]; then
  echo "缺少 Qt 需要的系统库，请先运行："
  echo "  sudo apt-get install -y $pkgs fonts-wqy-microhei fonts-arphic-gbsn00lp fonts-arphic-gkai00mp"
  exit 1
fi
exit 0
