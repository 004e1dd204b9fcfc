#!/usr/bin/env bash
# Benchmark database and benchmark run (not tests: they print figures).
#   scripts/bench.sh data   create $BENCH_DB with the addon, fill it
#                           (BENCH_AGENCIES=10 BENCH_CUSTOMERS=1000000 BENCH_BOOKINGS=3000000)
#   scripts/bench.sh run    time keystrokes, list, form and export through the ORM, then
#                           keystrokes over HTTP against a --workers 2 server on loopback
#                           (BENCH_RUNS=15 BENCH_CLIENTS=8 BENCH_SECONDS=30
#                           BENCH_HTTP_PORT=8369); JSON in .local/benchmark.json
#   scripts/bench.sh small  both at a small scale on a throwaway database
#                           ($MINICRM_BENCH_SMALL_DB, default minicrm_bench_small):
#                           20,000 customers, 60,000 bookings, one run of each
#                           timing, HTTP with 2 clients for 5 s; asserts no timing,
#                           fails if a script fails or a figure is missing
#                           (.local/benchmark-small.json). CI runs it.
# Sizes and runs can be set for each (BENCH_CUSTOMERS=... scripts/bench.sh small).
source "$(dirname "$0")/lib.sh"
bash "$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
BENCH_DB=${MINICRM_BENCH_DB:-minicrm_bench}

if [ "${1:-}" = small ]; then
  BENCH_DB=${MINICRM_BENCH_SMALL_DB:-minicrm_bench_small}
  export MINICRM_BENCH_DB="$BENCH_DB" BENCH_CUSTOMERS=${BENCH_CUSTOMERS:-20000} \
    BENCH_BOOKINGS=${BENCH_BOOKINGS:-60000} BENCH_RUNS=${BENCH_RUNS:-1} \
    BENCH_CLIENTS=${BENCH_CLIENTS:-2} BENCH_SECONDS=${BENCH_SECONDS:-5} \
    BENCH_JSON=${BENCH_JSON:-$LOCAL_DIR/benchmark-small.json}
  dropdb --if-exists --force "$BENCH_DB"
  started=$SECONDS
  bash "$REPO_ROOT/scripts/bench.sh" data
  log "bench data: $((SECONDS - started)) s"
  started=$SECONDS
  bash "$REPO_ROOT/scripts/bench.sh" run
  log "bench run: $((SECONDS - started)) s"
  dropdb --if-exists --force "$BENCH_DB"
  exit 0
fi

case "${1:-}" in
  data)
    db_exists "$BENCH_DB" && die "$BENCH_DB exists: drop it first (dropdb --force $BENCH_DB)"
    createdb -T template0 -E UTF8 "$BENCH_DB"
    log "Installing $ADDONS without demo data on $BENCH_DB"
    odoo_bin -d "$BENCH_DB" -i "$ADDONS" --without-demo=all --stop-after-init \
      --log-level=warn "$QUIET_GRAPH"
    release_uninstallable_modules "$BENCH_DB"
    log "Generating the data"
    "$VENV/bin/python" scripts/generate_data.py -c "$ODOO_CONF" -d "$BENCH_DB" \
      --agencies "${BENCH_AGENCIES:-10}" --customers "${BENCH_CUSTOMERS:-1000000}" \
      --bookings "${BENCH_BOOKINGS:-3000000}"
    ;;
  run)
    db_exists "$BENCH_DB" || die "$BENCH_DB does not exist: run \`make bench-data\` first"
    "$VENV/bin/python" scripts/benchmark.py -c "$ODOO_CONF" -d "$BENCH_DB" \
      --runs "${BENCH_RUNS:-15}" --json "${BENCH_JSON:-$LOCAL_DIR/benchmark.json}" \
      --http-port "${BENCH_HTTP_PORT:-8369}" --clients "${BENCH_CLIENTS:-8}" \
      --seconds "${BENCH_SECONDS:-30}"
    ;;
  *) die "usage: scripts/bench.sh data|run|small" ;;
esac
