#!/usr/bin/env bash
# `make serve`: Monia as production runs it on one machine — migrations, translations and
# static files prepared, the background-task worker and the scheduler (periodic tasks)
# beside gunicorn's worker processes.
# Needs DATABASE_URL (a PostgreSQL server: the embedded one is for `make run` only) and
# the production settings of .env.example (SECRET_KEY, ALLOWED_HOSTS …).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
: "${DATABASE_URL:?make serve needs DATABASE_URL (see docs/deployment.md)}"
$BIN/python manage.py migrate --noinput
$BIN/python manage.py compile_translations
$BIN/python manage.py collectstatic --noinput --verbosity 0
$BIN/python manage.py db_worker --no-reload --verbosity 0 &
worker=$!
$BIN/python manage.py run_scheduler --verbosity 0 &
scheduler=$!
trap 'kill "$worker" "$scheduler" 2>/dev/null || true' EXIT
$BIN/gunicorn --config gunicorn.conf.py
