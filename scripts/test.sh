#!/usr/bin/env bash
# Sets up what is missing, installs the addons on throwaway databases and runs
# the whole suite. Ends with one line "N passed, M failed, K skipped" and exits
# non-zero on any failed test, install error or unexpected ERROR log line.
#   scripts/test.sh                                    the whole suite
#   TEST_PATTERN=test_isolation scripts/test.sh      tests whose id contains the text
#   TEST_PATTERN=test_import,test_settings ...       ... one of the texts
#   TEST_ADDONS=minicrm_agency TEST_PATTERN=test_ ...  with only these addons installed
#   TEST_EXTRA_ADDONS=web_responsive TEST_PATTERN=test_phone ...  and these others too
#
# The whole suite runs on five databases:
#   suite              the three addons with demo data, all their tests
#   hardening_alone    base_access_hardening alone (no CRM model), its tests
#   crm_alone          minicrm_agency without the portal addon, its tests
#   phone              the three addons and OCA web_responsive, the phone test
#   install_without_demo  the three addons without demo data (an install check)
source "$(dirname "$0")/lib.sh"
MINICRM_WITH_BROWSER=1 MINICRM_WITH_TOOLS=1 bash "$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
# Per database, so that two runs with different MINICRM_TEST_DB can run at once.
RESULTS="$LOCAL_DIR/results-$TEST_DB"
# The browser test drives Debian's Chromium with Playwright from the tools venv.
export MINICRM_BROWSER_PYTHON="$TOOLS_VENV/bin/python" MINICRM_CHROMIUM=/usr/bin/chromium
export MINICRM_SCREENSHOT_DIR="$LOCAL_DIR/screenshots"
mkdir -p "$MINICRM_SCREENSHOT_DIR"
rm -rf "$RESULTS" && mkdir -p "$RESULTS"

# fresh_db DB ADDONS [odoo options]: a fresh database with the
# dependencies of ADDONS installed, so that the test run then runs the
# addons' tests and not those of core modules.
fresh_db() {
  local depends; depends=$(manifest_depends "$2")
  dropdb --if-exists --force "$1"; createdb -T template0 -E UTF8 "$1"
  odoo_bin -d "$1" -i "$depends" --stop-after-init --log-level=warn "${@:3}" \
    > "$LOCAL_DIR/deps-$1.log" 2>&1 || { tail -n 30 "$LOCAL_DIR/deps-$1.log"; die "installing $depends failed"; }
}

# Odoo's own output goes to a log file; the console gets errors and results.
run_odoo_tests() {
  local name=$1; shift
  MINICRM_RESULTS_FILE="$RESULTS/$name.json" "$VENV/bin/python" scripts/run_tests.py \
    -c "$ODOO_CONF" --http-port "$TEST_HTTP_PORT" --stop-after-init --log-level=info "$@" \
    > "$LOCAL_DIR/test-$TEST_DB-$name.log" 2>&1 || true
  grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (ERROR|CRITICAL) |^log error|^odoo: ' "$LOCAL_DIR/test-$TEST_DB-$name.log" \
    | grep -v 'Unmet dependencies' || true
}

if [ -n "${TEST_PATTERN:-}" ]; then
  addons="${TEST_ADDONS:-$ADDONS}"
  log "Installing $addons on $TEST_DB and running the tests matching '$TEST_PATTERN'"
  fresh_db "$TEST_DB" "$addons"
  MINICRM_TEST_PATTERN="$TEST_PATTERN" run_odoo_tests suite -d "$TEST_DB" \
    -i "$addons${TEST_EXTRA_ADDONS:+,$TEST_EXTRA_ADDONS}" --test-enable
  EXPECTED=(suite)
else
  log "Installing $ADDONS with demo data on $TEST_DB and running their tests"
  fresh_db "$TEST_DB" "$ADDONS"
  run_odoo_tests suite -d "$TEST_DB" -i "$ADDONS" --test-enable
  log "Installing base_access_hardening alone on ${TEST_DB}_hardening and running its tests"
  fresh_db "${TEST_DB}_hardening" base_access_hardening
  run_odoo_tests hardening_alone -d "${TEST_DB}_hardening" -i base_access_hardening --test-enable
  log "Installing minicrm_agency without its portal on ${TEST_DB}_crm and running its tests"
  fresh_db "${TEST_DB}_crm" minicrm_agency
  run_odoo_tests crm_alone -d "${TEST_DB}_crm" -i minicrm_agency --test-enable
  # Phones need OCA web_responsive, which is not a dependency of the addons
  # (it restyles every app): the phone test runs where it is installed.
  log "Installing $ADDONS and web_responsive on ${TEST_DB}_phone and running the phone test"
  fresh_db "${TEST_DB}_phone" "$ADDONS"
  MINICRM_TEST_PATTERN=test_phone_browser run_odoo_tests phone -d "${TEST_DB}_phone" \
    -i "$ADDONS,web_responsive" --test-enable
  log "Installing $ADDONS without demo data on ${TEST_DB}_nodemo"
  fresh_db "${TEST_DB}_nodemo" "$ADDONS" --without-demo=all
  MINICRM_EXPECT_TESTS=0 run_odoo_tests install_without_demo -d "${TEST_DB}_nodemo" -i "$ADDONS" --without-demo=all
  for db in "${TEST_DB}_hardening" "${TEST_DB}_crm" "${TEST_DB}_phone" "${TEST_DB}_nodemo"; do
    dropdb --if-exists --force "$db"
  done
  EXPECTED=(suite hardening_alone crm_alone phone install_without_demo)
fi

"$VENV/bin/python" - "$RESULTS" "${EXPECTED[@]}" <<'PY'
import json, os, sys
results, expected = sys.argv[1], sys.argv[2:]
passed = failed = skipped = 0
for name in expected:
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        print("%s: no results (the run crashed)" % name)
        failed += 1
        continue
    with open(path) as handle:
        data = json.load(handle)
    if name == "install_without_demo":
        # An install without tests: it counts as one check of its own.
        ok = data["failed"] == 0
        passed, failed = passed + ok, failed + (not ok)
        continue
    print("%s: %d passed, %d failed, %d skipped" % (
        name, data["passed"], data["failed"], data["skipped"]))
    passed += data["passed"]; failed += data["failed"]; skipped += data["skipped"]
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed or not passed else 0)
PY
