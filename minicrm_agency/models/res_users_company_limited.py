# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

LIMITED_GROUP = "minicrm_agency.group_minicrm_company_limited"


class ResUsersCompanyLimited(models.Model):
    """Users limited to some rental companies are in the group
    ``group_minicrm_company_limited``, kept in step with their "Accessible
    rental companies": the customers' figures (bookings count, spending,
    last booking, next pickup) add up every rental company's bookings, so
    fields, views and filters hide them from that group (``groups="!..."``)."""
    _inherit = "res.users"

    @api.model
    def create(self, vals):
        user = super(ResUsersCompanyLimited, self).create(vals)
        user._minicrm_sync_company_limited_group()
        return user

    @api.multi
    def write(self, vals):
        result = super(ResUsersCompanyLimited, self).write(vals)
        if "minicrm_rental_company_ids" in vals or "groups_id" in vals:
            self._minicrm_sync_company_limited_group()
        return result

    @api.multi
    def _minicrm_sync_company_limited_group(self):
        group = self.env.ref(LIMITED_GROUP, raise_if_not_found=False)
        if not group:
            return  # during the module's own install, before its data
        # sudo: the group follows a field the caller has just written (users
        # who may not change groups may not change that field either); only
        # this one group is added or removed.
        group = group.sudo()
        limited = self.filtered("minicrm_rental_company_ids")
        add = limited - group.users
        remove = (self - limited) & group.users
        if add or remove:
            group.write({"users": [(4, user.id) for user in add]
                         + [(3, user.id) for user in remove]})
