#!/usr/bin/env bash
# The whole test suite: lint, types, migrations, unit and browser tests. The .mo files are
# compiled by the test session itself when missing or stale (monia/conftest.py).
# Uses DATABASE_URL when set; otherwise Monia's embedded PostgreSQL under .data/.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export MONIA_ALLOW_DEV_KEY=true SESSION_COOKIE_SECURE=false
export DJANGO_SETTINGS_MODULE=monia.settings

echo "== ruff"
$BIN/ruff check .
$BIN/ruff format --check .
echo "== mypy"
# mypy's Django plugin only reads the settings; it needs no database (and exits without
# running exit hooks, so it must not start the embedded server).
DATABASE_URL=${DATABASE_URL:-postgres://unused@localhost/unused} $BIN/mypy
echo "== system packages for the tests (chromium, xmlsec1, gettext)"
bash scripts/ensure_chromium.sh
echo "== migrations are up to date"
$BIN/python manage.py makemigrations --check --dry-run
echo "== pytest"
$BIN/python -m pytest "$@"
