# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools.misc import formatLang

from .email_address import is_valid_email, normalize_email

QUOTE_TEMPLATE = "minicrm_agency.mail_template_booking_quote"


class MinicrmBookingQuote(models.Model):
    """Quotes sent to the customer. "Send quote" needs a price: it queues a
    mail to the request's contact, in their language, from the agency, with
    the amount and its currency. The mail is logged on the request as a
    message to the customer (not an internal note), so the customer portal
    shows it under the request too."""
    _inherit = "minicrm.booking"

    @api.multi
    def write(self, vals):
        # Only requests that become quoted now: a write of the same state
        # sends nothing.
        quoting = self.browse()
        if vals.get("state") == "quoted":
            quoting = self.filtered(lambda booking: booking.kind == "request"
                                    and booking.state != "quoted")
            quoting._minicrm_check_quote_amount(vals.get("amount"))
        result = super(MinicrmBookingQuote, self).write(vals)
        quoting._minicrm_queue_quote_mail()
        return result

    @api.multi
    def _minicrm_check_quote_amount(self, new_amount=None):
        """A quote without a price cannot be answered: refused before
        anything is written."""
        for booking in self:
            amount = booking.amount if new_amount is None else new_amount
            if not amount or amount <= 0:
                raise UserError(_(
                    "%s has no amount: enter the price of the trip before sending the "
                    "quote.") % booking.name)

    @api.multi
    def _minicrm_amount_text(self):
        """The amount with its currency, as the reader's language writes it."""
        self.ensure_one()
        return formatLang(self.env, self.amount, currency_obj=self.currency_id)

    @api.multi
    def _minicrm_queue_quote_mail(self):
        comment = self.env.ref("mail.mt_comment")
        for booking in self:
            email = normalize_email(booking.contact_email)
            if not email or not is_valid_email(email):
                booking.message_post(body=_(
                    "No quote email: the request has no valid contact email address. "
                    "Send the price to the customer another way."))
                continue
            # A message to the customer, not an internal note: the portal
            # shows it on the request's page.
            booking._minicrm_send_customer_mail(
                QUOTE_TEMPLATE, email, message_type="comment", subtype_id=comment.id)
