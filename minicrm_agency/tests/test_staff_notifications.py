# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import NEXT_YEAR, MinicrmCase


class TestStaffNotifications(MinicrmCase):
    """The mail that tells an agency's staff of a new quote request from the
    public page (which runs as superuser) says what happened and comes from
    the agency, not "Re: RQ/..." from "Administrator"."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.write({"email": "desk@agency-a.example", "tz": "Europe/Paris"})
        cls.staff_a1.notification_type = "email"

    def test_a_new_request_is_announced_by_the_agency_in_plain_words(self):
        request = self.env["minicrm.booking"].create_quote_request(self.agency_a, {
            "firstname": "Vera", "lastname": "Visitor", "email": "vera@example.com",
            "pickup_location": "Nice Airport", "dropoff_location": "Monaco",
            "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR, "passengers": "2",
            "rental_company_id": str(self.company_1.id)})
        message = request.message_ids.filtered(lambda m: "New quote request" in (m.body or ""))
        mail = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertTrue(mail)
        self.assertIn(self.staff_a1.partner_id, mail.mapped("recipient_ids"))
        for one in mail:
            self.assertEqual(one.subject, "New quote request %s from Vera Visitor" % request.name)
            self.assertEqual(one.email_from, "Test Agency A <desk@agency-a.example>")
            self.assertNotIn("Administrator", one.email_from)
