# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    """Journal items of an agency customer (receivable, payment) carry the
    customer's agency for the agency rule."""
    _inherit = "account.move.line"

    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", related="partner_id.minicrm_agency_id",
        store=True, index=True, readonly=True)
