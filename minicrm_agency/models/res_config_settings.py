# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from .res_partner_names import CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER

NAMES_ORDERS = [("first_last", "Firstname Lastname"),
                ("last_first", "Lastname Firstname"),
                ("last_first_comma", "Lastname, Firstname")]


class ResConfigSettings(models.TransientModel):
    """The Mini-CRM's choices, in Settings. Installing the addon changes no
    database-wide setting: what it offers here is chosen by an administrator."""
    _inherit = "res.config.settings"

    minicrm_customer_names_order = fields.Selection(
        NAMES_ORDERS,
        string="Customer name order",
        help="How agency customers' names are written. Other contacts follow the "
             "database-wide order of General Settings.")

    @api.model
    def get_values(self):
        values = super(ResConfigSettings, self).get_values()
        values["minicrm_customer_names_order"] = self.env["ir.config_parameter"].sudo().get_param(
            CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER)
        return values

    @api.multi
    def set_values(self):
        result = super(ResConfigSettings, self).set_values()
        parameters = self.env["ir.config_parameter"].sudo()
        order = self.minicrm_customer_names_order or DEFAULT_CUSTOMER_NAMES_ORDER
        if order != parameters.get_param(CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER):
            parameters.set_param(CUSTOMER_NAMES_ORDER_PARAM, order)
            self.env["res.partner"]._minicrm_recompute_customer_names()
        return result
