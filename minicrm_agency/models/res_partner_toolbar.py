# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo's actions bound to every contact that do nothing for an agency's
# customers: mass mailing lists and SMS are not set up for them.
HIDDEN_CUSTOMER_ACTIONS = ("mail.action_partner_mass_mail", "sms.send_sms_action")


class ResPartner(models.Model):
    """The Action menu of the Mini-CRM's customer screens (the Customers
    action's context) leaves out actions that do nothing there. Other
    contact screens keep Odoo's menu."""
    _inherit = "res.partner"

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False, submenu=False):
        result = super(ResPartner, self).fields_view_get(
            view_id=view_id, view_type=view_type, toolbar=toolbar, submenu=submenu)
        if toolbar and self.env.context.get("minicrm_customer_search") and \
                result.get("toolbar"):
            hidden = {action.id for action in (
                self.env.ref(xml_id, raise_if_not_found=False)
                for xml_id in self._minicrm_hidden_customer_actions()) if action}
            result["toolbar"]["action"] = [
                action for action in result["toolbar"].get("action", [])
                if action.get("id") not in hidden]
        return result

    @api.model
    def _minicrm_hidden_customer_actions(self):
        """The xml ids of the actions the customer screens leave out."""
        return HIDDEN_CUSTOMER_ACTIONS
