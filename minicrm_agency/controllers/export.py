# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.web.controllers.main import CSVExport

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value):
    """Prefix text that a spreadsheet would run with an apostrophe, which
    makes it plain text (OWASP's advice for CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class MinicrmCSVExport(CSVExport):
    """Odoo's CSV export, with formula-looking cells made inert: customer
    names and notes come from anyone who sends a quote request."""

    def from_data(self, fields, rows):
        rows = [[neutralize_formula(value) for value in row] for row in rows]
        return super(MinicrmCSVExport, self).from_data(fields, rows)
