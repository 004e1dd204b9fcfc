#!/usr/bin/env bash
# Fails when a committed i18n/<addon>.pot differs from what the code gives,
# or when its fr.po lacks one of its strings:
# regenerates the templates (scripts/update_pot.sh) into a temporary folder
# and compares them with the committed ones. Fix with `make pot`, then
# translate the new strings (scripts/untranslated.py lists them).
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
POT_OUTPUT_DIR="$fresh" bash "$REPO_ROOT/scripts/update_pot.sh"
status=0
for addon in ${ADDONS//,/ }; do
  if ! diff -u "$addon/i18n/$addon.pot" "$fresh/$addon.pot" > "$fresh/$addon.diff"; then
    log "$addon/i18n/$addon.pot is out of date (run make pot):"
    head -n 40 "$fresh/$addon.diff"
    status=1
  fi
done
[ "$status" = 0 ] && log "The .pot files match the code."
# Every string of the templates is translated into French.
"$VENV/bin/python" scripts/untranslated.py ${ADDONS//,/ } || status=1
exit "$status"
