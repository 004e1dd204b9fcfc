# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class ResPartner(models.Model):
    """The customer screens leave out Odoo's "Portal Access Management"
    too: it would make logins outside the agency's invitation (one login
    per email, shared across agencies); the form's Grant, Reset and Revoke
    buttons are the way."""
    _inherit = "res.partner"

    @api.model
    def _minicrm_hidden_customer_actions(self):
        return super(ResPartner, self)._minicrm_hidden_customer_actions() + (
            "portal.partner_wizard_action",)
