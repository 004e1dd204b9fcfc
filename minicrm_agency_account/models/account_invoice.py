# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountInvoice(models.Model):
    """An invoice of a booking names the end customer it was made for, so
    that accountants filter invoices by customer and each agency's staff see
    their own agency's invoices only (security/minicrm_account_security.xml)."""
    _inherit = "account.invoice"

    minicrm_customer_id = fields.Many2one(
        "res.partner", string="End customer", index=True, readonly=True, copy=False,
        ondelete="restrict",
        help="The agency customer whose booking this invoice bills.")
    # The isolation rules compare this column: one indexed comparison, no join.
    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", related="minicrm_customer_id.minicrm_agency_id",
        store=True, index=True, readonly=True)
