# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""CSV cells that a spreadsheet would run as a formula (CSV injection).

The export puts an apostrophe before every cell that starts like a formula,
which spreadsheets show as plain text (OWASP's advice); a phone number such
as ``+351 912 345 678`` is one of them (a spreadsheet would compute it). The
import takes the apostrophe off again, so that an export followed by an
import gives back exactly the names, emails and phones that were exported.
"""
from odoo import models

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formula(value):
    """``value`` prefixed with an apostrophe when a spreadsheet would run it."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def restore_formula(value):
    """The value ``neutralize_formula`` was given."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(
            FORMULA_PREFIXES):
        return value[1:]
    return value


class BaseImport(models.TransientModel):
    """Imports read back the cells that the CSV export neutralised."""
    _inherit = "base_import.import"

    def _read_csv(self, options):
        for row in super(BaseImport, self)._read_csv(options):
            yield [restore_formula(cell) for cell in row]
