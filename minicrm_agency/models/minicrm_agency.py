# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError

from .minicrm_chatter import with_sender

# What only the operator decides; an agency manager edits the rest.
OPERATOR_FIELDS = {"rental_company_ids", "user_ids", "active"}


class MinicrmAgency(models.Model):
    """A booking agency: the unit that owns customers and bookings.

    Every staff user belongs to one agency, and global record rules keep each
    agency's customers and bookings invisible to the others.
    """
    _name = "minicrm.agency"
    _description = "Booking agency"
    _inherit = ["mail.thread", "minicrm.value.check.mixin"]
    _order = "name"

    name = fields.Char(required=True, index=True, track_visibility="onchange")
    active = fields.Boolean(default=True, track_visibility="onchange")
    email = fields.Char(
        track_visibility="onchange",
        help="Sender of the mails its customers receive (portal invitations, password "
             "resets). Empty: the company's address is used.")
    country_id = fields.Many2one(
        "res.country", string="Country (phone numbers)", track_visibility="onchange",
        help="Phone numbers typed without a country code are read as numbers of this "
             "country. Empty: the company's country.")
    user_ids = fields.One2many(
        "res.users", "minicrm_agency_id", string="Staff",
        help="Backend users who work for this agency.",
    )
    rental_company_ids = fields.Many2many(
        "minicrm.rental.company",
        "minicrm_agency_rental_company_rel", "agency_id", "rental_company_id",
        string="Rental companies",
        help="Companies this agency books with. Its bookings must use one of them.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "An agency with this name already exists."),
    ]

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        return super(MinicrmAgency, self).message_post(*args, **with_sender(self.env, kwargs))

    @api.multi
    def write(self, vals):
        if OPERATOR_FIELDS & set(vals) and not self.env.user._minicrm_is_operator():
            raise AccessError(_(
                "Only the operator administrator changes an agency's rental "
                "companies, staff or archiving."))
        return super(MinicrmAgency, self).write(vals)
