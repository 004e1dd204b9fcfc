# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .base import check_leaf_value


class ResPartner(models.Model):
    """auth_signup computes a partner's signup URL as superuser, token
    included, for whoever reads it: any employee who could read a user's
    contact could read (or export) the link that resets that user's
    password. The URL is for user administrators only."""
    _inherit = "res.partner"

    signup_url = fields.Char(groups="base.group_erp_manager")

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        """Odoo 11's partner name_search writes its own SQL, past the domain
        checks of ``_where_calc``: a ``=ilike`` pattern ending with a lone
        backslash reached PostgreSQL, which refused it with an error logged
        as ERROR. Its pattern is checked as a domain's is."""
        check_leaf_value("display_name", operator, name)
        return super(ResPartner, self).name_search(name, args=args, operator=operator, limit=limit)
