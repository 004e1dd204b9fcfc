# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError

from .common import REQUESTS_ACTION, MinicrmCase

TEMPLATE = "minicrm_agency.mail_template_booking_quote"


class TestQuoteSending(MinicrmCase):
    """"Send quote" on a request, clicked from Mini-CRM › Requests: a quote
    needs a price, and it reaches the customer in a queued mail with that
    price, from the agency, in the customer's language."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.write({"email": "desk@agency-a.example", "tz": "Europe/Paris"})
        cls.request = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                                         kind="request", amount=137.5,
                                         pickup_location="Nice Airport",
                                         dropoff_location="Antibes")

    def on_screen(self, request):
        """``request`` as staff A1 has it on the form opened from Requests."""
        return self.env["minicrm.booking"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, REQUESTS_ACTION)).browse(request.id)

    def quote_mails(self, request):
        return self.env["mail.mail"].search([
            ("model", "=", "minicrm.booking"), ("res_id", "=", request.id),
            ("subject", "ilike", "quote")])

    def test_sending_a_quote_queues_a_mail_with_the_price_from_the_agency(self):
        self.on_screen(self.request).action_send_quote()
        self.assertEqual(self.request.state, "quoted")
        mail = self.quote_mails(self.request)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, not sent inside the request")
        self.assertEqual(mail.email_to, "ann.smith@example.com")
        self.assertEqual(mail.email_from, "Test Agency A <desk@agency-a.example>")
        self.assertEqual(mail.reply_to, "Test Agency A <desk@agency-a.example>")
        self.assertEqual(mail.subject, "Your quote %s from Test Agency A" % self.request.name)
        currency = self.agency_a.currency_id
        self.assertIn(currency.symbol, mail.body_html)
        self.assertIn("137.50", mail.body_html)
        for text in (self.request.name, "Nice Airport → Antibes", self.company_1.name,
                     "(Europe/Paris)"):
            self.assertIn(text, mail.body_html)
        # The agency's message to the customer on the request, not an
        # internal note: the customer portal shows it.
        message = mail.mail_message_id
        self.assertIn(message, self.request.message_ids)
        self.assertEqual(message.message_type, "comment")
        self.assertFalse(message.subtype_id.internal)
        self.assertEqual(message.author_id, self.staff_a1.partner_id)

    def test_a_quote_without_a_price_is_refused_in_plain_words(self):
        for amount in (0.0, False):
            request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                          kind="request", amount=amount)
            with self.assertRaisesRegex(UserError, "has no amount: enter the price"):
                self.on_screen(request).action_send_quote()
            self.assertEqual(request.state, "draft")
            self.assertFalse(self.quote_mails(request))

    def test_the_price_may_come_with_the_quote(self):
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request")
        self.on_screen(request).write({"amount": 80.0, "state": "quoted"})
        self.assertIn("80.00", self.quote_mails(request).body_html)

    def test_the_quote_mail_is_in_the_customers_language(self):
        french = self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "fr_FR")])
        french.active = True
        template = self.env.ref(TEMPLATE)
        self.env["ir.translation"].create({
            "type": "model", "name": "mail.template,subject", "lang": "fr_FR",
            "res_id": template.id, "src": template.subject, "state": "translated",
            "value": "Votre devis ${object.name} de ${object.agency_id.name}"})
        self.request.write({"contact_lang": "fr_FR"})
        self.on_screen(self.request).action_send_quote()
        mail = self.env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                             ("res_id", "=", self.request.id)])
        self.assertEqual(mail.subject, "Votre devis %s de Test Agency A" % self.request.name)
        # French writes amounts its own way.
        self.assertIn("137,50", mail.body_html)

    def test_no_contact_email_is_said_on_the_request(self):
        self.request.write({"contact_email": False})
        self.on_screen(self.request).action_send_quote()
        self.assertEqual(self.request.state, "quoted")
        self.assertFalse(self.quote_mails(self.request))
        self.assertIn("No quote email", self.request.message_ids[0].body)
