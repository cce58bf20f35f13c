#!/usr/bin/env bash
# Sets up the program in .venv (first run only) and opens the window on the default database.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if ! .venv/bin/python -c 'import desktop, PySide6, reportlab, openpyxl, sqlite_utils' 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
fi
bash scripts/qt-deps.sh .venv/bin/python || exit 1
exec .venv/bin/jixiao "$@"
