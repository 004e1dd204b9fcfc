#!/usr/bin/env bash
# Odoo's own test suites with and without the addon: fails on any regression.
#
# Two databases get the same modules with demo data, one without the addon
# ($UPSTREAM_DB_WITHOUT) and one with it ($UPSTREAM_DB_WITH), each installed by
# `odoo -i ... --stop-after-init` (no test during the install). Then, in a
# separate process per database, scripts/run_upstream_tests.py loads the full
# registry (all installed modules' code, as in production), starts the HTTP
# server thread and runs the at_install, then the post_install tests of
# $UPSTREAM_MODULES through Odoo's run_unit_tests, recording every test's
# outcome in .local/upstream/<side>.json. (`-u X --test-enable` on a database
# holding the addon would test X before the addon's code is loaded while its
# rules are in the database: false failures.) Both sides run in parallel.
#
# A REGRESSION is a test that passes without the addon and, with it, fails,
# errors or does not run (its setUpClass failed), or a setUpClass/tearDownClass
# error that happens only with the addon. Tests that fail or error WITHOUT the
# addon are upstream breakage in this environment (listed, not counted, whatever
# their outcome with it). Skipped tests (PhantomJS tours, missing optional
# libraries) are counted apart.
#
# Output: the regressions (test id, outcome, first line of the exception), the
# tests failing without the addon, each side's counts ("without addon: P passed,
# F failed, E errors, K skipped (T tests)", per module), then the closing line
#     N passed, M failed
# N = tests that passed on both sides; M = regressions as defined above. Tests
# failing without the addon, or skipped on a side, are in neither number.
# Exit status: non-zero if M > 0, or if a side failed to install, crashed, ran
# no test (or one of the modules ran none), or if the installed module lists
# differ apart from the addon (then "ERROR: ..." lines say which). Full logs:
# .local/upstream/install-<side>.log and tests-<side>.log, outcomes and
# tracebacks in .local/upstream/<side>.json, the printed summary in summary.txt.
#
# Overrides: MINICRM_UPSTREAM_DB_WITHOUT, MINICRM_UPSTREAM_DB_WITH (databases,
# recreated on each run and kept afterwards for inspection),
# MINICRM_UPSTREAM_HTTP_PORT (the side without the addon uses it, the side with
# it the next port; default $MINICRM_TEST_HTTP_PORT + 10), MINICRM_UPSTREAM_MODULES
# (the suites to run, comma-separated).
source "$(dirname "$0")/lib.sh"
bash "$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"

ADDON="$ADDONS"   # every addon of the project (scripts/lib.sh)
UPSTREAM_DB_WITHOUT="${MINICRM_UPSTREAM_DB_WITHOUT:-minicrm_upstream_without}"
UPSTREAM_DB_WITH="${MINICRM_UPSTREAM_DB_WITH:-minicrm_upstream_with}"
UPSTREAM_HTTP_PORT="${MINICRM_UPSTREAM_HTTP_PORT:-$((TEST_HTTP_PORT + 10))}"
UPSTREAM_MODULES="${MINICRM_UPSTREAM_MODULES:-base,mail,base_import,web,partner_firstname,auth_user_case_insensitive,account}"
OUT="$LOCAL_DIR/upstream"
rm -rf "$OUT" && mkdir -p "$OUT"

# The same list on both sides: the suites' modules and the addon's own
# dependencies (so that installing the addon pulls in nothing else).
INSTALL="$UPSTREAM_MODULES,$(manifest_depends)"
INSTALL=$(tr ',' '\n' <<<"$INSTALL" | awk 'NF && !seen[$0]++' | paste -sd, -)

# side NAME DB HTTP_PORT MODULES [ADDONS]: install MODULES, then ADDONS in
# a second run (as into a database that already runs them: account's chart
# of accounts is installed once account is, and the invoices' demo data
# needs it), then run the suites.
side() {
  local name=$1 db=$2 port=$3 started=$SECONDS modules
  dropdb --if-exists --force "$db" && createdb -T template0 -E UTF8 "$db" || return 1
  for modules in "${@:4}"; do
    if ! odoo_bin -d "$db" -i "$modules" --stop-after-init --log-level=info "$QUIET_GRAPH" \
        >> "$OUT/install-$name.log" 2>&1; then
      echo "$name: installing $modules on $db failed (see $OUT/install-$name.log):"
      grep -E ' (ERROR|CRITICAL) ' "$OUT/install-$name.log" | tail -n 5
      return 1
    fi
  done
  release_uninstallable_modules "$db"
  local rc=0
  "$VENV/bin/python" scripts/run_upstream_tests.py run -c "$ODOO_CONF" -d "$db" \
    --http-port "$port" --modules "$UPSTREAM_MODULES" --output "$OUT/$name.json" \
    > "$OUT/tests-$name.log" 2>&1 || rc=$?
  echo "$name ($db): installed and tested in $((SECONDS - started))s: $(tail -n 1 "$OUT/tests-$name.log")"
  return $rc
}

log "Odoo's suites ($UPSTREAM_MODULES) on $UPSTREAM_DB_WITHOUT (without $ADDON) and $UPSTREAM_DB_WITH (with it), in parallel"
started=$SECONDS
side without "$UPSTREAM_DB_WITHOUT" "$UPSTREAM_HTTP_PORT" "$INSTALL" & pid_without=$!
side with "$UPSTREAM_DB_WITH" "$((UPSTREAM_HTTP_PORT + 1))" "$INSTALL" "$ADDON" & pid_with=$!
wait "$pid_without" || true   # a crash shows as missing or incomplete results below
wait "$pid_with" || true
log "Both sides done in $((SECONDS - started))s; logs in $OUT/"

"$VENV/bin/python" scripts/run_upstream_tests.py compare --addon "$ADDON" \
  "$OUT/without.json" "$OUT/with.json" | tee "$OUT/summary.txt"
exit "${PIPESTATUS[0]}"
