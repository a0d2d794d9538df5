#!/usr/bin/env bash
# Creates ./.venv with detente and its pinned dependencies; re-runs only when pyproject.toml changed.
# Usage: scripts/setup.sh [EXTRAS]   e.g. scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
py="${PYTHON:-python3}"
stamp=".venv/.detente-setup"
want="$(sha256sum pyproject.toml | cut -c1-16) ${extras}"
if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
[ -x .venv/bin/python ] || "$py" -m venv .venv
# a new venv's pip (23.x) resolves trafilatura's extras badly: upgrade it first
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip==26.3"
target="."
[ -n "$extras" ] && target=".[${extras}]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$target"
echo "$want" > "$stamp"
