# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountInvoiceLine(models.Model):
    _inherit = "account.invoice.line"

    # For the agency rule: one indexed column instead of a list of invoices.
    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", related="invoice_id.minicrm_agency_id",
        store=True, index=True, readonly=True)
