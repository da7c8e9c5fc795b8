#!/usr/bin/env bash
# `make serve`: Monia as production runs it on one machine — migrations, translations and
# static files prepared, the background-task worker, the owner's worker and the scheduler
# (periodic tasks) beside gunicorn's worker processes (monia/jobs/workers.py starts the same
# three for `make run`).
# Needs DATABASE_URL (a PostgreSQL server: the embedded one is for `make run` only) and
# the production settings of .env.example (SECRET_KEY, ALLOWED_HOSTS …). With two database
# roles, DATABASE_URL is the runtime role and MONIA_OWNER_DATABASE_URL the tables' owner:
# migrate and the owner's worker (the owner queue: the access log's partitions, retention)
# use it. Unset, DATABASE_URL is taken to be the owner (docs/deployment.md).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${MONIA_SERVE_BIN:-.venv/bin}  # another only in monia/web/tests/test_background_workers.py
: "${DATABASE_URL:?make serve needs DATABASE_URL (see docs/deployment.md)}"
OWNER_URL=${MONIA_OWNER_DATABASE_URL:-$DATABASE_URL}
DATABASE_URL=$OWNER_URL $BIN/python manage.py migrate --noinput
if [ "$OWNER_URL" != "$DATABASE_URL" ]; then
  # Two roles: the runtime role's grants follow every migrate (new tables included).
  DATABASE_URL=$OWNER_URL $BIN/python manage.py runtime_role_sql --apply --role-of "$DATABASE_URL"
fi
$BIN/python manage.py compile_translations
$BIN/python manage.py collectstatic --noinput --verbosity 0
$BIN/python manage.py db_worker --no-reload --verbosity 0 --queue-name default &
worker=$!
DATABASE_URL=$OWNER_URL $BIN/python manage.py db_worker --no-reload --verbosity 0 --queue-name owner &
owner_worker=$!
$BIN/python manage.py run_scheduler --verbosity 0 &
scheduler=$!
trap 'kill "$worker" "$owner_worker" "$scheduler" 2>/dev/null || true' EXIT
$BIN/gunicorn --config gunicorn.conf.py
