# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .res_config_settings import NAMES_ORDERS
from .res_partner_names import CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER


class MinicrmSettings(models.TransientModel):
    """The Mini-CRM settings the operator owns (Mini-CRM › Configuration ›
    Settings), for operators who are not Settings administrators: Odoo's
    res.config.settings is for those only, and holds every app's settings."""
    _name = "minicrm.settings"
    _description = "Mini-CRM settings"

    minicrm_customer_names_order = fields.Selection(
        NAMES_ORDERS,
        string="Customer name order", required=True,
        default=lambda self: self._minicrm_current_names_order(),
        help="How agency customers' names are written. Other contacts follow the "
             "database-wide order of General Settings.")

    @api.model
    def _minicrm_current_names_order(self):
        # sudo: a system parameter this screen's users (operators) own;
        # the model's access rights are the operator group's only.
        return self.env["ir.config_parameter"].sudo().get_param(
            CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER)

    @api.multi
    def execute(self):
        """Save, as Settings' Save button does: the customers' names are
        rewritten in the new order."""
        self.ensure_one()
        # Transient models are open to every user in Odoo 11: the save is
        # the operator's only.
        if not self.env.user._minicrm_is_operator():
            raise AccessError(_("Only the Mini-CRM operator changes these settings."))
        if self.minicrm_customer_names_order != self._minicrm_current_names_order():
            # sudo: see _minicrm_current_names_order.
            self.env["ir.config_parameter"].sudo().set_param(
                CUSTOMER_NAMES_ORDER_PARAM, self.minicrm_customer_names_order)
            self.env["res.partner"]._minicrm_recompute_customer_names()
        return {"type": "ir.actions.client", "tag": "reload"}
