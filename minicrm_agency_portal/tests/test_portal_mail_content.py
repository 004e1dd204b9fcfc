# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.minicrm_agency.tests.common import MinicrmCase


class TestPortalMailContent(MinicrmCase):
    """What customers type is text in the mails they receive."""

    def test_html_in_names_is_escaped_in_the_invitation(self):
        self.create_customer(self.staff_a1, "<script>alert(1)</script>", "<b>Bold</b>",
                             "xss@example.com")
        mail = self.env["mail.mail"].search([("email_to", "=", "xss@example.com")])
        self.assertEqual(len(mail), 1)
        self.assertIn("&lt;script&gt;", mail.body_html)
        self.assertNotIn("<script>", mail.body_html)

    def test_the_invitation_names_and_comes_from_the_agency(self):
        self.agency_a.write({"email": "desk@agency-a.example", "tz": "Europe/Paris"})
        staff = self.staff_a1
        staff.tz = "Pacific/Auckland"
        self.create_customer(staff, "Ina", "Vite", "ina@example.com")
        mail = self.env["mail.mail"].search([("email_to", "=", "ina@example.com")])
        self.assertEqual(mail.subject, "Your bookings online with Test Agency A")
        self.assertEqual(mail.email_from, "Test Agency A <desk@agency-a.example>")
        self.assertIn("Test Agency A", mail.body_html)
        self.assertNotIn("My Company", mail.body_html + mail.subject)
        # The login's time zone is the agency's, not the creating staff's.
        login = self.env["res.users"].search([("login", "=", "ina@example.com")])
        self.assertEqual(login.tz, "Europe/Paris")

    def test_the_reset_names_the_agencies_of_a_shared_login(self):
        self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        self.customer_a.sudo(self.staff_a1).action_minicrm_reset_password()
        mail = self.env["mail.mail"].search([("email_to", "=", "ann.smith@example.com"),
                                             ("subject", "=like", "Password reset%")])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.subject,
                         "Password reset for your bookings with Test Agency A, Test Agency B")

    def test_the_booking_confirmation_links_to_the_booking_online(self):
        self.agency_a.write({"send_booking_confirmation": True})
        booking = self.create_booking(self.staff_a1, self.customer_a, self.company_1)
        booking.sudo(self.staff_a1).action_confirm()
        mail = self.env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                             ("res_id", "=", booking.id)])
        self.assertEqual(len(mail), 1)
        self.assertIn("/my/bookings/%d" % booking.id, mail.body_html)
