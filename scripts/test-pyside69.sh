#!/usr/bin/env bash
# Runs the test suite on PySide6 6.9.3, the version the 信创 bundle is built with (its Linux
# wheels are manylinux_2_28; 6.10 and later need glibc 2.34). Keeps pyproject's floor honest.
#
#   bash scripts/test-pyside69.sh [pytest arguments]
#
# Uses its own environment, .venv-pyside69 (the program's dependencies from pyproject.toml with
# PySide6 pinned by packaging/requirements.py; QtPdf comes from pyside6-addons in 6.9).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-pyside69
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
stamp=$VENV/.jixiao-deps
want=$( (cat pyproject.toml packaging/requirements.py) | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
  python3 packaging/requirements.py --test > "$VENV/requirements.txt"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$VENV/requirements.txt"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
"$VENV/bin/python" -c 'import PySide6, PySide6.QtPdf; print("PySide6", PySide6.__version__)'
bash scripts/qt-deps.sh "$VENV/bin/python" || exit 1
# the build tests are about PyInstaller and the bundle, not about the Qt version
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -p no:cacheprovider \
  --ignore=tests/test_build.py --ignore=tests/test_build_linux.py "$@"
