#!/usr/bin/env bash
# Sets up what is missing, creates (or reuses) the demo database and serves it
# on http://localhost:8069 in the foreground. Safe to run again: it keeps the
# database and only upgrades the addon when its source changed.
source "$(dirname "$0")/lib.sh"
bash "$REPO_ROOT/scripts/setup.sh"
cd "$REPO_ROOT"
STAMP="$LOCAL_DIR/demo-$DEMO_DB.sha"
DEPENDENCIES=$(manifest_depends)
# Not dependencies of the addons, installed in the demo: OCA web_responsive
# (the backend at phone size; it restyles every app). French (Camille's
# language) is loaded with the translations of every installed module.
DEMO_EXTRAS=web_responsive
source_hash() {
  (cd "$REPO_ROOT" && find ${ADDONS//,/ } -type f ! -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum)
}

# The invoices addon is the last to install: once it is, all four are.
installed=$(psql -d "$DEMO_DB" -tAc "SELECT state FROM ir_module_module WHERE name='minicrm_agency_account'" 2>/dev/null || true)
if [ "$installed" != installed ]; then
  log "Creating the demo database $DEMO_DB (a few minutes the first time)"
  db_exists "$DEMO_DB" || createdb -T template0 -E UTF8 "$DEMO_DB"
  # Dependencies first: account installs its chart of accounts once it is
  # installed, and the invoices' demo data needs the chart. French is loaded
  # before the demo staff who speak it are created.
  odoo_bin -d "$DEMO_DB" -i "$DEPENDENCIES" --load-language=en_US,fr_FR --stop-after-init \
    --log-level=warn "$QUIET_GRAPH"
  odoo_bin -d "$DEMO_DB" -i "$ADDONS,$DEMO_EXTRAS" --stop-after-init --log-level=warn "$QUIET_GRAPH"
  source_hash > "$STAMP"
elif [ "$(source_hash)" != "$(cat "$STAMP" 2>/dev/null)" ]; then
  log "The addons changed since the last run: upgrading them in $DEMO_DB"
  # -i installs addons and dependencies added since (no-op for installed ones).
  odoo_bin -d "$DEMO_DB" -i "$DEPENDENCIES,$ADDONS,$DEMO_EXTRAS" -u "$ADDONS" --load-language=en_US,fr_FR \
    --stop-after-init --log-level=warn "$QUIET_GRAPH"
  source_hash > "$STAMP"
fi

release_uninstallable_modules "$DEMO_DB"

cat <<TXT

  Mini-CRM demo: http://localhost:$HTTP_PORT/web/login   (database $DEMO_DB)

  Superuser                     admin / admin
  Operator admin (all agencies) olivia.operator@minicrm.example / demo
  Alpha Travel manager          anna.staff@alpha-travel.example / demo
  Alpha Travel staff, 1 company leo.staff@alpha-travel.example / demo
  Alpha Travel staff, in French camille.staff@alpha-travel.example / demo
  Blue Transfers manager        bruno.staff@blue-transfers.example / demo
  Portal customer of both       claire.martin@example.com / demo   (http://localhost:$HTTP_PORT/my)

TXT
exec "$VENV/bin/python" "$REPO_ROOT/scripts/odoo-bin" -c "$ODOO_CONF" -d "$DEMO_DB" \
  --db-filter="^$DEMO_DB\$" --http-port "$HTTP_PORT" --log-level=warn "$QUIET_GRAPH"
