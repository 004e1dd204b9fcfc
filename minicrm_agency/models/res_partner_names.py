# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .res_partner import BOOKING_KIND_KEY

CUSTOMER_NAMES_ORDER_PARAM = "minicrm_agency.customer_names_order"
DEFAULT_CUSTOMER_NAMES_ORDER = "first_last"
# partner_firstname's orders as (separator, first part) for SQL.
NAME_ORDER_SQL = {"first_last": (" ", "firstname"), "last_first": (" ", "lastname"),
                  "last_first_comma": (", ", "lastname")}


class ResPartnerNames(models.Model):
    """Customers' names in the order chosen in the Mini-CRM settings."""
    _inherit = "res.partner"

    @api.model
    def _get_names_order(self):
        """Customers, and the contact of their portal login, read "Claire
        Martin" in the order chosen in the Mini-CRM settings; the
        database-wide order of partner_firstname stays for everyone else."""
        context = self.env.context
        # A customer being created (the Customers menu, a booking's customer
        # field) is split and named like the customers.
        if context.get("minicrm_customer_names") or context.get("default_customer_state") or \
                context.get(BOOKING_KIND_KEY) or any(
                    partner.customer_state or partner.minicrm_login_partner for partner in self):
            return self.env["ir.config_parameter"].sudo().get_param(
                CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER)
        return super(ResPartnerNames, self)._get_names_order()

    @api.model
    def _minicrm_recompute_customer_names(self):
        """Rewrite every customer's name in the new order: in SQL, as a
        database may hold a million customers. Customers have no parent, so
        their display name is their name."""
        separator, first = NAME_ORDER_SQL[
            self.with_context(minicrm_customer_names=True)._get_names_order()]
        parts = ("NULLIF(firstname, ''), NULLIF(lastname, '')" if first == "firstname"
                 else "NULLIF(lastname, ''), NULLIF(firstname, '')")
        # Constants from NAME_ORDER_SQL, not from input.
        # pylint: disable=sql-injection
        self.env.cr.execute("""
            UPDATE res_partner SET name = concat_ws('%s', %s), display_name = concat_ws('%s', %s)
             WHERE customer_state IS NOT NULL OR minicrm_login_partner
        """ % (separator, parts, separator, parts))
        self.invalidate_cache()
