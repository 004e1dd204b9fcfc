# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models

from .email_address import is_valid_email, normalize_email

CANCELLATION_TEMPLATE = "minicrm_agency.mail_template_booking_cancellation"


class MinicrmBookingCancellation(models.Model):
    """Cancellation emails, the other half of the confirmation emails: at
    an agency that sends confirmations, cancelling a confirmed booking
    queues one mail to its contact, in their language, from the agency, so
    that the customer does not keep a confirmation of a trip that will not
    happen. The form asks before cancelling a confirmed booking."""
    _inherit = "minicrm.booking"

    @api.multi
    def write(self, vals):
        # Only confirmed bookings that are cancelled now: the customer was
        # sent a confirmation of those (a draft's cancellation tells nobody).
        cancelling = self.browse()
        if vals.get("state") == "cancel":
            cancelling = self.filtered(lambda booking: booking.kind == "booking"
                                       and booking.state == "confirmed")
        result = super(MinicrmBookingCancellation, self).write(vals)
        cancelling._minicrm_queue_cancellation_mail()
        return result

    @api.multi
    def _minicrm_queue_cancellation_mail(self):
        bookings = self.filtered(lambda booking: booking.agency_id.sudo().send_booking_confirmation)
        for booking in bookings:
            email = normalize_email(booking.contact_email)
            if not email or not is_valid_email(email):
                booking.message_post(body=_(
                    "No cancellation email: the booking has no valid contact email address. "
                    "Tell the customer another way."))
                continue
            booking._minicrm_send_customer_mail(CANCELLATION_TEMPLATE, email)
