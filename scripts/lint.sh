#!/usr/bin/env bash
# pylint with OCA's pylint-odoo plugin and flake8, from the Python 3.11 tools venv.
# Fatal on pylint errors (E/F) and on any flake8 finding.
source "$(dirname "$0")/lib.sh"
MINICRM_WITH_TOOLS=1 bash "$REPO_ROOT/scripts/setup.sh" >/dev/null
cd "$REPO_ROOT"
status=0
"$TOOLS_VENV/bin/flake8" ${ADDONS//,/ } scripts || status=1
set +e
# Odoo lives in the Python 3.7 venv, not in the 3.11 tools venv: imports of
# odoo cannot be resolved here, so import checks are left to the test run.
"$TOOLS_VENV/bin/pylint" --rcfile=.pylintrc --disable=import-error,no-name-in-module ${ADDONS//,/ }
pylint_status=$?
set -e
# Each addon's README.rst and index.html are generated from its readme/ fragments.
"$VENV/bin/python" scripts/gen_readme.py --check || status=1
# pylint's exit code is a bit field: 1 fatal, 2 error; warnings don't fail.
if [ $((pylint_status & 3)) -ne 0 ]; then status=1; fi
[ "$status" = 0 ] && log "lint: ok" || log "lint: failed"
exit "$status"
