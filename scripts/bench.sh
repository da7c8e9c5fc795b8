#!/usr/bin/env bash
# make bench: every figure of docs/performance.md's "National scale in production (issue 15)"
# measured again, then its table printed (bench/summary.py). Long: on a fresh machine it
# generates the three scales (≈ 4 min national) and two years of access log (≈ 20 min);
# after that ≈ 15 min, the load test's 5 minutes included. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
SERVER=${BENCH_SERVER:-postgresql://postgres@127.0.0.1:5432}
export PGHOST=127.0.0.1 PGUSER=postgres
unset DATABASE_URL

# The busy pages beside their floors, and the caseload pages at every scale.
$PY bench/run.py --scale national --floors --tag issue15 --database-url "$SERVER/monia_bench" \
  --only dashboard_page caseboard_page case_detail_page search_ caseload_page
for scale in small county; do
  $PY bench/run.py --scale "$scale" --floors --tag issue15 --only caseload_page \
    --database-url "$SERVER/monia_bench_$scale"
done

# The access log: two years for six teams at national density (grows once), measured.
$PY -m bench.accesslog --sizes 6

# The load test writes (passwords, sessions, the log): on its own copy of the national data.
if ! psql -tAc "SELECT 1 FROM pg_database WHERE datname = 'monia_bench_load'" | grep -q 1; then
  createdb -T monia_bench monia_bench_load
fi
DATABASE_URL="$SERVER/monia_bench_load" MONIA_ALLOW_DEV_KEY=true $PY manage.py migrate --noinput -v 0
$PY bench/load.py --users 50 --minutes 5 --think 2-8 --pool true --tag issue15

$PY bench/summary.py
