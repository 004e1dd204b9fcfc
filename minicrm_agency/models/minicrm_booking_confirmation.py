# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import _, api, models

from .context import clean_context
from .email_address import is_valid_email, normalize_email

CONFIRMATION_TEMPLATE = "minicrm_agency.mail_template_booking_confirmation"


class MinicrmBookingConfirmation(models.Model):
    """Booking confirmation emails, for agencies whose operator switched
    them on: confirming a booking queues one mail to its contact, in their
    language, from the agency; the mail queue sends it after the commit."""
    _inherit = "minicrm.booking"

    @api.multi
    def write(self, vals):
        # Only bookings that become confirmed now: a second click, or a
        # write of the same state, confirms nothing and sends nothing.
        confirming = self.browse()
        if vals.get("state") == "confirmed":
            confirming = self.filtered(lambda booking: booking.state != "confirmed")
        result = super(MinicrmBookingConfirmation, self).write(vals)
        confirming._minicrm_queue_confirmation_mail()
        return result

    @api.multi
    def _minicrm_queue_confirmation_mail(self):
        bookings = self.filtered(lambda booking: booking.kind == "booking"
                                 and booking.agency_id.sudo().send_booking_confirmation)
        for booking in bookings:
            email = normalize_email(booking.contact_email)
            if not email or not is_valid_email(email):
                booking.message_post(body=_(
                    "No booking confirmation email: the booking has no valid contact "
                    "email address."))
                continue
            booking._minicrm_send_confirmation_template(email)

    @api.multi
    def _minicrm_send_confirmation_template(self, email):
        self._minicrm_send_customer_mail(CONFIRMATION_TEMPLATE, email)

    @api.multi
    def _minicrm_send_customer_mail(self, template_xmlid, email, **email_values):
        """Queue the mail of ``template_xmlid`` about this booking to its
        contact ``email``, in their language, from the agency; logged on
        the booking by the user who caused it."""
        self.ensure_one()
        sender = formataddr(self.agency_id._minicrm_mail_sender(self.env.user.company_id))
        lang = self.contact_lang or self.customer_id.lang or False
        # sudo: staff may not create mail.mail records; the mail is about
        # this booking, which the user has just written (their record
        # rules allowed the write), and goes to the booking's own contact.
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        template = self.env.ref(template_xmlid).sudo().with_context(
            clean_context(self.env.context), lang=lang,
            minicrm_booking_url=self._minicrm_customer_url())
        values = {"email_to": email, "email_from": sender, "reply_to": sender,
                  "author_id": self.env.user.partner_id.id}
        values.update(email_values)
        return template.send_mail(self.id, force_send=False, email_values=values)

    @api.multi
    def _minicrm_customer_url(self):
        """Where the customer sees this booking online; none without the
        customer portal (minicrm_agency_portal gives one)."""
        self.ensure_one()
        return False
