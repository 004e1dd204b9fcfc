# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

STAFF_GROUP = "minicrm_agency.group_agency_user"
HOME_ACTION = "minicrm_agency.action_minicrm_customer"
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsersHomeAction(models.Model):
    """Agency staff land on their customer list when they log in, not on
    Discuss: a user who is given the Agency staff group and has no home
    action gets Mini-CRM › Customers as home action (the user's own
    ``action_id``, which the web client opens). Other users, and staff whose
    home action was chosen, keep theirs."""
    _inherit = "res.users"

    @api.model
    def create(self, vals):
        user = super(ResUsersHomeAction, self).create(vals)
        user._minicrm_set_home_action()
        return user

    @api.multi
    def write(self, vals):
        result = super(ResUsersHomeAction, self).write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._minicrm_set_home_action()
        return result

    @api.multi
    def _minicrm_set_home_action(self):
        staff_group = self.env.ref(STAFF_GROUP, raise_if_not_found=False)
        home = self.env.ref(HOME_ACTION, raise_if_not_found=False)
        if not staff_group or not home:
            return  # while the addon installs
        staff = self.filtered(
            lambda user: not user.action_id and staff_group in user.groups_id)
        if staff:
            staff.write({"action_id": home.id})
