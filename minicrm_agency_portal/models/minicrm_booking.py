# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

# Invoices a customer is shown (drafts may still change; cancelled ones do
# not count).
SHOWN_INVOICE_STATES = ("open", "paid")


class MinicrmBooking(models.Model):
    """Bookings and requests on the customer portal, with their chatter;
    customers answer a quoted request there."""
    _name = "minicrm.booking"
    _inherit = ["minicrm.booking", "portal.mixin"]
    # Customers may write to the agency from their booking's portal page.
    _mail_post_access = "read"

    # A declined quote is cancelled as any other (it counts nowhere), and
    # says that the customer declined it: on the portal "Declined", not
    # "Cancelled", and to staff in the chatter and the form.
    minicrm_declined = fields.Boolean(
        "Declined by the customer", readonly=True, copy=False, track_visibility="onchange",
        help="The customer declined this quote on the portal.")

    @api.multi
    def write(self, vals):
        if vals.get("state") and vals["state"] != "cancel":
            vals = dict(vals, minicrm_declined=False)
        return super(MinicrmBooking, self).write(vals)

    @api.multi
    def _compute_portal_url(self):
        for booking in self:
            booking.portal_url = "/my/%ss/%s" % (booking.kind, booking.id)

    @api.multi
    def _minicrm_customer_url(self):
        """The booking's (or request's) page on the portal, for the
        confirmation and quote mails."""
        self.ensure_one()
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        return "%s%s" % (base_url.rstrip("/"), self.portal_url)

    @api.multi
    def _minicrm_portal_invoice(self):
        """The booking's invoice as its customer sees it on the portal: a
        dict (number, date, total, amount due, currency, status label), or
        None when there is none to show (no invoices addon, no invoice, a
        draft or a cancelled one)."""
        self.ensure_one()
        if "invoice_id" not in self._fields:
            return None
        # The booking must be readable by the caller (their record rules).
        self.check_access_rule("read")
        # sudo: customers cannot read invoices whose partner is an agency's
        # customer record, not their login; the invoice is this booking's own
        # (readable by the caller, checked above), and only the figures
        # below leave this method.
        invoice = self.sudo().invoice_id
        if not invoice or invoice.state not in SHOWN_INVOICE_STATES:
            return None
        states = dict(invoice._fields["state"]._description_selection(self.env))
        return {
            "number": invoice.number, "date": invoice.date_invoice,
            "amount_total": invoice.amount_total, "residual": invoice.residual,
            "currency": invoice.currency_id, "state": states.get(invoice.state),
        }

    # -- the customer's answer to a quote -------------------------------------

    @api.multi
    def _minicrm_portal_accept(self):
        """The customer accepts the quote: the request is accepted and a
        draft booking of the trip is made for the agency to confirm.
        Returns that booking."""
        self._minicrm_check_portal_answer()
        author = self.env.user.partner_id
        sender = self._minicrm_staff_sender()
        # sudo: customers may not write bookings; the user's own record
        # rules let them read this request (checked above), and the only
        # change is the quoted → accepted step of its workflow.
        request = self.sudo().with_context(mail_notify_force_send=False)
        request.write({"state": "accepted"})
        booking = request._minicrm_booking_from_request()
        request._minicrm_for_staff()._minicrm_note_quote_accepted(booking, author, sender)
        return booking.sudo(self.env.uid)

    @api.multi
    def _minicrm_portal_decline(self):
        """The customer declines the quote: the request is cancelled, and
        marked as declined."""
        self._minicrm_check_portal_answer()
        author = self.env.user.partner_id
        sender = self._minicrm_staff_sender()
        # sudo: as in _minicrm_portal_accept; the change is quoted → cancel.
        request = self.sudo().with_context(mail_notify_force_send=False)
        request.write({"state": "cancel", "minicrm_declined": True})
        request._minicrm_for_staff()._minicrm_note_quote_declined(author, sender)
        return True

    @api.multi
    def _minicrm_for_staff(self):
        """These records in their agency's language: the notes written
        with them are for its staff, not in the customer's language."""
        self.ensure_one()
        return self.with_context(lang=self.agency_id._minicrm_note_lang())

    @api.multi
    def _minicrm_note_quote_accepted(self, booking, author, sender):
        """Tells the agency's staff (chatter and mail) that ``author``
        accepted the quote, and which booking it made; in the language of
        the records' context (_minicrm_for_staff)."""
        self.message_post(
            body=_("The customer accepted the quote of %(amount)s on the portal. Booking "
                   "%(booking)s is ready to be confirmed.") % {
                "amount": self._minicrm_amount_text(), "booking": booking.name},
            subtype="mail.mt_comment", message_type="comment", author_id=author.id,
            subject=_("%(customer)s accepted the quote %(name)s") % {
                "customer": author.name, "name": self.name},
            email_from=sender)

    @api.multi
    def _minicrm_note_quote_declined(self, author, sender):
        """As _minicrm_note_quote_accepted, for a declined quote."""
        self.message_post(
            body=_("The customer declined the quote on the portal."),
            subtype="mail.mt_comment", message_type="comment", author_id=author.id,
            subject=_("%(customer)s declined the quote %(name)s") % {
                "customer": author.name, "name": self.name},
            email_from=sender)

    @api.multi
    def _minicrm_staff_sender(self):
        """Sender of the mail that tells the agency's staff of the
        customer's answer: the agency, not the superuser the answer is
        saved as ("Administrator"). The subject says what happened, not
        "Re: RQ/..." (_minicrm_note_quote_accepted)."""
        self.ensure_one()
        return self.agency_id._minicrm_mail_sender_address(self.env.user.company_id)

    @api.multi
    def _minicrm_check_portal_answer(self):
        """Only the customer's own login answers (their record rules must
        let them read the request), and only a quote that waits for it."""
        self.ensure_one()
        if not self.env.user.share:
            raise AccessError(_("Staff accept quotes with the Accept button of the request."))
        self.check_access_rights("read")
        self.check_access_rule("read")
        if self.kind != "request" or self.state != "quoted":
            raise UserError(_("This request is not waiting for your answer any more."))
