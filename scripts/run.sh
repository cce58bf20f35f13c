#!/usr/bin/env bash
# Sets up the program in .venv (first run only) and opens the window on the default database.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
# (re)install when the dependencies changed since the last run
stamp=.venv/.jixiao-deps
want=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ] || ! .venv/bin/python -c 'import desktop, PySide6' 2>/dev/null; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e .
  echo "$want" > "$stamp"
fi
bash scripts/qt-deps.sh .venv/bin/python || exit 1
exec .venv/bin/jixiao "$@"
