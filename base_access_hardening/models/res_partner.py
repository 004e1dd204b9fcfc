# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    """auth_signup computes a partner's signup URL as superuser, token
    included, for whoever reads it: any employee who could read a user's
    contact could read (or export) the link that resets that user's
    password. The URL is for user administrators only."""
    _inherit = "res.partner"

    signup_url = fields.Char(groups="base.group_erp_manager")
