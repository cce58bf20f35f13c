#!/usr/bin/env bash
# Runs the tests against the lowest dependency versions pyproject.toml allows
# (scripts/lowest-constraints.txt), in an environment of its own (.venv-lowest).
#
#   bash scripts/test-lowest.sh [pytest arguments]
#
# Lint, type checks and the build tests are left to scripts/test.sh: this is about the floors.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv-lowest
CONSTRAINTS=scripts/lowest-constraints.txt
if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
stamp=$VENV/.jixiao-deps
want=$(cat pyproject.toml "$CONSTRAINTS" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  # Every test tool pyproject's [test] extra names that the tests import, at its floor too.
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    --constraint "$CONSTRAINTS" -e . pytest pytest-qt pytest-timeout pypdf pdfplumber hypothesis msoffcrypto-tool
  echo "$want" > "$stamp"
fi
# Fail loudly when the environment does not hold the pinned versions.
"$VENV/bin/python" - "$CONSTRAINTS" <<'PY'
import sys
from importlib.metadata import version

wrong = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#", 1)[0].strip()
    if line:
        name, pinned = line.split("==")
        if version(name) != pinned:
            wrong.append(f"{name} {version(name)} (want {pinned})")
if wrong:
    sys.exit("not the lowest versions: " + ", ".join(wrong))
print("lowest versions installed:", sys.argv[1])
PY
bash scripts/qt-deps.sh "$VENV/bin/python" || exit 1
QT_QPA_PLATFORM=offscreen "$VENV/bin/python" -m pytest -p no:cacheprovider -m "not slow" \
  --ignore=tests/test_build.py "$@"
