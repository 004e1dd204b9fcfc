# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from .common import MinicrmCase

TEMPLATE = "minicrm_agency.mail_template_booking_confirmation"


class TestBookingConfirmation(MinicrmCase):
    """Booking confirmation emails: an operator's switch per agency; one
    queued mail per confirmation, from the agency, in the customer's
    language, logged on the booking."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.write({"send_booking_confirmation": True,
                            "email": "desk@agency-a.example"})
        cls.draft = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                                       pickup_location="Nice Airport", dropoff_location="Antibes")

    def confirmation_mails(self, booking):
        return self.env["mail.mail"].search([
            ("model", "=", "minicrm.booking"), ("res_id", "=", booking.id),
            ("subject", "ilike", "confirmed by")])

    def test_the_switch_is_off_by_default_and_for_operators_only(self):
        self.assertFalse(self.agency_b.send_booking_confirmation)
        manager_a = self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id)
        with self.assertRaises(AccessError):
            manager_a.write({"send_booking_confirmation": False})
        self.as_user(self.operator, "minicrm.agency").browse(self.agency_a.id).write(
            {"send_booking_confirmation": False})
        self.assertFalse(self.agency_a.send_booking_confirmation)

    def test_no_mail_when_the_switch_is_off(self):
        booking = self.create_booking(self.staff_b1, self.customer_b, self.company_1)
        booking.action_confirm()
        self.assertFalse(self.confirmation_mails(booking))

    def test_confirming_queues_one_mail_from_the_agency(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.draft.id)
        booking.action_confirm()
        mail = self.confirmation_mails(self.draft)
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.state, "outgoing", "queued, not sent inside the request")
        self.assertEqual(mail.email_to, "ann.smith@example.com")
        self.assertEqual(mail.email_from, "Test Agency A <desk@agency-a.example>")
        self.assertEqual(mail.reply_to, "Test Agency A <desk@agency-a.example>")
        for text in (self.draft.name, "Nice Airport → Antibes", self.company_1.name):
            self.assertIn(text, mail.body_html)
        # Logged on the booking's chatter, by the staff member who confirmed.
        self.assertIn(mail.mail_message_id, self.draft.message_ids)
        self.assertEqual(mail.author_id, self.staff_a1.partner_id)

    def test_a_second_click_or_write_sends_nothing_more(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.draft.id)
        booking.action_confirm()
        booking.action_confirm()
        booking.write({"state": "confirmed"})
        self.assertEqual(len(self.confirmation_mails(self.draft)), 1)

    def test_agency_without_email_sends_in_its_name_from_the_company(self):
        self.agency_a.email = False
        self.env.user.company_id.email = "info@company.example"
        self.as_user(self.staff_a1, "minicrm.booking").browse(self.draft.id).action_confirm()
        mail = self.confirmation_mails(self.draft)
        self.assertEqual(mail.email_from, "Test Agency A <info@company.example>")

    def test_the_mail_is_in_the_customers_language(self):
        french = self.env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "fr_FR")])
        french.active = True
        template = self.env.ref(TEMPLATE)
        self.env["ir.translation"].create({
            "type": "model", "name": "mail.template,subject", "lang": "fr_FR",
            "res_id": template.id, "src": template.subject, "state": "translated",
            "value": "Réservation ${object.name} confirmée par ${object.agency_id.name}"})
        self.draft.write({"contact_lang": "fr_FR"})
        self.as_user(self.staff_a1, "minicrm.booking").browse(self.draft.id).action_confirm()
        mail = self.env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                             ("res_id", "=", self.draft.id)])
        self.assertEqual(mail.subject, "Réservation %s confirmée par Test Agency A"
                         % self.draft.name)

    def test_no_contact_email_is_said_on_the_booking(self):
        self.draft.write({"contact_email": False})
        self.as_user(self.staff_a1, "minicrm.booking").browse(self.draft.id).action_confirm()
        self.assertFalse(self.confirmation_mails(self.draft))
        self.assertIn("No booking confirmation email", self.draft.message_ids[0].body)
