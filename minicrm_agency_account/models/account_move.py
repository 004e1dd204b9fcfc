# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class AccountMove(models.Model):
    """A validated invoice's journal entry names the customer as partner: the
    agency rule compares the partner's agency, stored here."""
    _inherit = "account.move"

    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", related="partner_id.minicrm_agency_id",
        store=True, index=True, readonly=True)
