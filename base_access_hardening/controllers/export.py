# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.web.controllers.main import CSVExport

from ..models.csv_formula import neutralize_formula


class MinicrmCSVExport(CSVExport):
    """Odoo's CSV export, with formula-looking cells made inert: customer
    names and notes come from anyone who sends a quote request."""

    def from_data(self, fields, rows):
        rows = [[neutralize_formula(value) for value in row] for row in rows]
        return super(MinicrmCSVExport, self).from_data(fields, rows)
