# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class MinicrmBooking(models.Model):
    """Bookings and requests on the customer portal, with their chatter."""
    _name = "minicrm.booking"
    _inherit = ["minicrm.booking", "portal.mixin"]
    # Customers may write to the agency from their booking's portal page.
    _mail_post_access = "read"

    @api.multi
    def _compute_portal_url(self):
        for booking in self:
            booking.portal_url = "/my/%ss/%s" % (booking.kind, booking.id)
