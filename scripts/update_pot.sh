#!/usr/bin/env bash
# Regenerates i18n/<addon>.pot of each addon from the code (Odoo's own
# export), on a throwaway database with the three addons installed.
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
bash "$REPO_ROOT/scripts/setup.sh" >/dev/null
cd "$REPO_ROOT"
DB="${MINICRM_I18N_DB:-minicrm_i18n}"
dropdb --if-exists --force "$DB"; createdb -T template0 -E UTF8 "$DB"
odoo_bin -d "$DB" -i "$ADDONS" --without-demo=all --stop-after-init --log-level=warn \
  "$QUIET_GRAPH" > "$LOCAL_DIR/i18n-install.log" 2>&1 \
  || { tail -n 30 "$LOCAL_DIR/i18n-install.log"; die "installing $ADDONS failed"; }
for addon in ${ADDONS//,/ }; do
  out_dir="${POT_OUTPUT_DIR:-$addon/i18n}"
  mkdir -p "$out_dir"
  # Odoo 11 names the file .po; without a language it holds the template.
  odoo_bin -d "$DB" --modules="$addon" --i18n-export="$LOCAL_DIR/$addon.po" \
    --stop-after-init --log-level=warn "$QUIET_GRAPH" >> "$LOCAL_DIR/i18n-install.log" 2>&1
  # The export stamps the creation date: keep the file unchanged when only that differs.
  sed -E '/^"(POT-Creation-Date|PO-Revision-Date): /d' "$LOCAL_DIR/$addon.po" > "$out_dir/$addon.pot"
  log "$out_dir/$addon.pot: $(grep -c '^msgid ' "$out_dir/$addon.pot") strings"
done
dropdb --if-exists --force "$DB"
