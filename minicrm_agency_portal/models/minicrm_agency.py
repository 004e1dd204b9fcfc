# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError


class MinicrmAgency(models.Model):
    """Whether the agency's end users get a portal login and an invitation
    on their own, as soon as staff save them with an email (or click
    "Create Customer"). On by default: the agencies' customers "will have
    already received" their access. Off: staff give access with the
    customer form's "Grant portal access". The operator decides, as for
    booking confirmations: both are mails sent in the agency's name."""
    _inherit = "minicrm.agency"

    send_portal_invitation = fields.Boolean(
        "Invite customers to the portal", default=True, track_visibility="onchange",
        help="Saving an end user with an email address (or \"Create Customer\") gives "
             "them a portal login and queues an invitation email from this agency. "
             "Off: staff give access with the customer's \"Grant portal access\" button. "
             "Set by the operator.")

    @api.multi
    def write(self, vals):
        if "send_portal_invitation" in vals and not self.env.user._minicrm_is_operator():
            raise AccessError(_(
                "Only the operator administrator decides whether an agency invites its "
                "customers to the portal."))
        return super(MinicrmAgency, self).write(vals)
