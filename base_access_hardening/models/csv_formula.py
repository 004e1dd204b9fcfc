# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""CSV cells that a spreadsheet would run as a formula (CSV injection).

The export puts an apostrophe before every cell that starts like a formula,
which spreadsheets show as plain text (OWASP's advice). The import takes the
apostrophe off again, so that an export followed by an import gives back
exactly the names, emails and phones that were exported.

A phone number such as ``+351 912 345 678`` starts like a formula too, but a
cell made of a ``+``, digits, spaces, dots, slashes, hyphens and parentheses
only names no function, no cell and no other program: nothing in it can
run. Such cells are written as typed, without the apostrophe that staff
found on every international number.
"""
import codecs
import re

from odoo import models

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# An international phone number as typed: "+" and a digit, then phone
# characters only.
PHONE_NUMBER = re.compile(r"\+[0-9][0-9 ./()-]*\Z")
# What editors and the customers' export put before UTF-8 text.
BYTE_ORDER_MARK = "\ufeff"


def neutralize_formula(value):
    """``value`` prefixed with an apostrophe when a spreadsheet would run it."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES) and \
            not PHONE_NUMBER.match(value):
        return "'" + value
    return value


def restore_formula(value):
    """The value ``neutralize_formula`` was given (phone numbers too, as
    exports made before they were left alone wrote them)."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(
            FORMULA_PREFIXES):
        return value[1:]
    return value


class BaseImport(models.TransientModel):
    """Imports read back the cells that the CSV export neutralised, and a
    UTF-8 file that starts with a byte-order mark (as spreadsheets want it)
    has its first column recognised."""
    _inherit = "base_import.import"

    def _read_csv(self, options):
        if (self.file or b"").startswith(codecs.BOM_UTF8) and \
                options.get("encoding", "utf-8").lower() in ("utf-8", "utf8"):
            # Decoded by Odoo as "utf-8-sig", which drops the mark.
            options = dict(options, encoding="utf-8-sig")
        for row in super(BaseImport, self)._read_csv(options):
            yield [restore_formula(cell) for cell in row]
