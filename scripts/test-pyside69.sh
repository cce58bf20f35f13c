#!/usr/bin/env bash
# Runs the test suite on PySide6 6.9.3, the version the 信创 bundle is built with (its Linux
# wheels are manylinux_2_28; 6.10 and later need glibc 2.34). Keeps pyproject's floor honest.
#
#   bash scripts/test-pyside69.sh [pytest arguments]   (with arguments: one pytest run of those)
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
export QT_QPA_PLATFORM=offscreen
if [ "$#" -gt 0 ]; then
  exec "$VENV/bin/python" -m pytest -p no:cacheprovider "$@"
fi
# Each test file in a process of its own. PySide6 6.9.3 on CPython 3.11 crashes now and then
# (a segmentation fault inside Qt's event loop, not in the program's Python) when one process
# has built and destroyed a few hundred main windows, as the whole suite does; every file passes
# alone, and 6.12 (scripts/test.sh) runs the suite in one process. The build tests are about
# PyInstaller and the bundle, not about the Qt version.
failed=()
while IFS= read -r file; do
  status=0
  "$VENV/bin/python" -m pytest -p no:cacheprovider -q "$file" || status=$?
  # 5: every test of the file deselected or skipped here
  if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
    failed+=("$file")
  fi
done < <(find tests -name 'test_*.py' ! -name test_build.py ! -name test_build_linux.py | sort)
if [ "${#failed[@]}" -gt 0 ]; then
  echo "PySide6 6.9 run: failed in ${failed[*]}" >&2
  exit 1
fi
echo "PySide6 6.9 run: every test file passed"
