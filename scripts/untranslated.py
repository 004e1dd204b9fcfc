#!/usr/bin/env python3
# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""List the strings of an addon's i18n/<addon>.pot that its i18n/<lang>.po
lacks or leaves empty.

    python3 scripts/untranslated.py minicrm_agency [minicrm_agency_portal ...] [--lang fr]

Exits 1 when a string is missing, so that it can run in CI.
"""
import argparse
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STRING = re.compile(r'^(msgid|msgstr|msgctxt) "(.*)"$|^"(.*)"$')


def read_po(path):
    """{msgid: msgstr} of a .po/.pot file (plural forms are not used)."""
    entries, current, key = {}, {}, None
    with open(path, encoding="utf-8") as po_file:
        for line in po_file.read().splitlines() + [""]:
            match = STRING.match(line)
            if match and match.group(1):
                if match.group(1) == "msgid" and "msgstr" in current:
                    entries[current["msgid"]] = current["msgstr"]
                    current = {}
                key = match.group(1)
                current[key] = match.group(2)
            elif match:
                current[key] = current.get(key, "") + match.group(3)
            elif not line.strip() and "msgstr" in current:
                entries[current["msgid"]] = current["msgstr"]
                current = {}
    entries.pop("", None)  # the header
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("addons", nargs="+")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    missing = 0
    for addon in args.addons:
        i18n = os.path.join(REPO_ROOT, addon, "i18n")
        template = read_po(os.path.join(i18n, "%s.pot" % addon))
        po_path = os.path.join(i18n, "%s.po" % args.lang)
        translated = read_po(po_path) if os.path.exists(po_path) else {}
        for msgid in template:
            if not translated.get(msgid):
                missing += 1
                print("%s: %s" % (os.path.relpath(po_path, REPO_ROOT), msgid))
    print("%d untranslated string(s)" % missing, file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
