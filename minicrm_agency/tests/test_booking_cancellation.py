# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import BOOKINGS_ACTION, REQUESTS_ACTION, MinicrmCase

TEMPLATE = "minicrm_agency.mail_template_booking_cancellation"


def holds(domain, values):
    """Whether ``values`` (a record's fields) satisfy a view's ``attrs``
    domain, with the operators the booking form uses."""
    stack = []
    for item in reversed(domain):
        if item in ("|", "&"):
            first, second = stack.pop(), stack.pop()
            stack.append(first or second if item == "|" else first and second)
        else:
            name, operator, value = item
            stack.append({"=": values[name] == value, "!=": values[name] != value,
                          "in": values[name] in value,
                          "not in": values[name] not in value}[operator])
    return all(stack)


class TestBookingCancellation(MinicrmCase):
    """Cancelling a confirmed booking from Mini-CRM › Bookings: the form
    asks first, the button says what it cancels, and the customer, who
    holds the confirmation, gets a cancellation mail when the agency sends
    confirmations."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.write({"send_booking_confirmation": True,
                            "email": "desk@agency-a.example"})
        cls.confirmed = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                                           state="confirmed", pickup_location="Nice Airport",
                                           dropoff_location="Antibes")

    def on_screen(self, booking, action=BOOKINGS_ACTION):
        return self.env["minicrm.booking"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, action)).browse(booking.id)

    def cancel_buttons(self, booking, action=BOOKINGS_ACTION):
        """The cancel buttons the form shows for ``booking``, as staff A1
        opens it from ``action``."""
        record = self.on_screen(booking, action)
        arch = etree.fromstring(record.fields_view_get(view_type="form")["arch"])
        values = {"kind": record.kind, "state": record.state}
        return [button for button in arch.xpath("//header/button[@name='action_cancel']")
                if not holds(safe_eval(button.get("attrs", "{}")).get("invisible", []), values)]

    def cancellation_mails(self, booking):
        return self.env["mail.mail"].search([
            ("model", "=", "minicrm.booking"), ("res_id", "=", booking.id),
            ("subject", "ilike", "cancelled by")])

    def test_cancelling_a_confirmed_booking_asks_first(self):
        button, = self.cancel_buttons(self.confirmed)
        self.assertEqual(button.get("string"), "Cancel booking")
        self.assertIn("Cancel this confirmed booking?", button.get("confirm") or "")

    def test_each_cancel_button_says_what_it_cancels(self):
        draft = self.create_booking(self.staff_a1, self.customer_a, self.company_1)
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request")
        button, = self.cancel_buttons(draft)
        self.assertEqual(button.get("string"), "Cancel booking")
        self.assertFalse(button.get("confirm"), "a draft confirmed nothing to anyone")
        button, = self.cancel_buttons(request, REQUESTS_ACTION)
        self.assertEqual(button.get("string"), "Cancel request")

    def test_cancelling_a_confirmed_booking_queues_a_mail_from_the_agency(self):
        self.on_screen(self.confirmed).action_cancel()
        self.assertEqual(self.confirmed.state, "cancel")
        mail = self.cancellation_mails(self.confirmed)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, not sent inside the request")
        self.assertEqual(mail.email_to, "ann.smith@example.com")
        self.assertEqual(mail.email_from, "Test Agency A <desk@agency-a.example>")
        self.assertEqual(mail.subject, "Booking %s cancelled by Test Agency A"
                         % self.confirmed.name)
        for text in (self.confirmed.name, "Nice Airport → Antibes"):
            self.assertIn(text, mail.body_html)
        self.assertIn(mail.mail_message_id, self.confirmed.message_ids)
        self.assertEqual(mail.author_id, self.staff_a1.partner_id)

    def test_the_cancellation_is_in_the_customers_language(self):
        french = self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "fr_FR")])
        french.active = True
        template = self.env.ref(TEMPLATE)
        self.env["ir.translation"].create({
            "type": "model", "name": "mail.template,subject", "lang": "fr_FR",
            "res_id": template.id, "src": template.subject, "state": "translated",
            "value": "Réservation ${object.name} annulée par ${object.agency_id.name}"})
        self.confirmed.write({"contact_lang": "fr_FR"})
        self.on_screen(self.confirmed).action_cancel()
        mail = self.env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                             ("res_id", "=", self.confirmed.id),
                                             ("subject", "ilike", "annulée")])
        self.assertEqual(mail.subject, "Réservation %s annulée par Test Agency A"
                         % self.confirmed.name)

    def test_no_mail_for_a_draft_or_when_the_agency_sends_no_confirmations(self):
        draft = self.create_booking(self.staff_a1, self.customer_a, self.company_1)
        self.on_screen(draft).action_cancel()
        self.assertFalse(self.cancellation_mails(draft))
        self.agency_a.send_booking_confirmation = False
        self.on_screen(self.confirmed).action_cancel()
        self.assertEqual(self.confirmed.state, "cancel")
        self.assertFalse(self.cancellation_mails(self.confirmed))
