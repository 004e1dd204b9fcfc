# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError

from .common import NEXT_YEAR, MinicrmCase

FORM = {
    "firstname": "Vera", "lastname": "Visitor", "email": " Vera.Visitor@Example.com ",
    "phone": "+33 6 00 00 00 01", "pickup_location": "Nice Airport",
    "dropoff_location": "Monaco", "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR,
    "dropoff_datetime": "", "passengers": "3", "notes": "Two suitcases",
}


class TestQuoteRequest(MinicrmCase):
    """minicrm.booking.create_quote_request, which the public quote page
    calls as superuser: it checks and caps every value itself."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.tz = "Europe/Paris"

    def submit(self, agency=None, **changes):
        values = dict(FORM, rental_company_id=str(self.company_1.id))
        values.update(changes)
        return self.env["minicrm.booking"].create_quote_request(agency or self.agency_a, values)

    def test_agencies_get_a_unique_url_safe_slug(self):
        self.assertEqual(self.agency_a.quote_slug, "test-agency-a")
        agency = self.env["minicrm.agency"].create({"name": "Ça Voyage! Test A"})
        self.assertEqual(agency.quote_slug, "ca-voyage-test-a")
        twin = self.env["minicrm.agency"].create({"name": "Ca voyage test a"})
        self.assertEqual(twin.quote_slug, "ca-voyage-test-a-2")
        with self.assertRaisesRegex(ValidationError, "already uses"):
            twin.quote_slug = "test-agency-a"
        with self.assertRaisesRegex(ValidationError, "lowercase letters"):
            twin.quote_slug = "Bad Slug/../"

    def test_a_new_email_makes_a_request_user_and_a_request(self):
        request = self.submit()
        self.assertEqual((request.kind, request.state, request.agency_id),
                         ("request", "draft", self.agency_a))
        customer = request.customer_id
        self.assertEqual((customer.customer_state, customer.email, customer.name),
                         ("request", "vera.visitor@example.com", "Vera Visitor"))
        self.assertEqual(request.passenger_count, 3)
        # 10:00 in Paris in July is 08:00 UTC.
        self.assertEqual(request.pickup_datetime, "%d-07-01 08:00:00" % NEXT_YEAR)
        self.assertEqual(request.contact_phone, "+33 6 00 00 00 01")

    def test_a_known_email_is_the_customer_who_is_not_changed(self):
        request = self.submit(email="ANN.smith@example.com", firstname="Mallory",
                              lastname="Evil", phone="+1 555")
        self.assertEqual(request.customer_id, self.customer_a)
        self.assertEqual(self.customer_a.name, "Ann Smith")
        self.assertEqual(self.customer_a.phone, "+33 6 12 34 56 78")
        self.assertEqual(request.contact_lastname, "Evil")

    def test_the_agencys_staff_are_notified(self):
        # Staff A1 is notified in Discuss, the others by (queued) email.
        self.staff_a1.notification_type = "inbox"
        request = self.submit(rental_company_id=str(self.company_2.id))
        message = request.message_ids.filtered(lambda m: "New quote request" in (m.body or ""))
        self.assertEqual(len(message), 1)
        # Staff A1 may see company 2; staff A2 (company 1 only) may not.
        self.assertIn(self.staff_a1.partner_id, message.partner_ids)
        self.assertNotIn(self.staff_a2.partner_id, message.partner_ids)
        self.assertNotIn(self.staff_b1.partner_id, message.partner_ids)
        inbox = self.env["mail.message"].sudo(self.staff_a1).search(
            [("needaction", "=", True), ("res_id", "=", request.id)])
        self.assertEqual(inbox, message)
        emails = self.env["mail.mail"].search([("mail_message_id", "=", message.id)])
        self.assertEqual(emails.mapped("state"), ["outgoing"] * len(emails))

    def test_bad_values_are_refused_in_plain_words_and_nothing_is_written(self):
        count = self.env["minicrm.booking"].search_count([])
        partners = self.env["res.partner"].search_count([])
        cases = [
            ({"email": "not-an-email"}, "valid email"),
            ({"email": "a\u202e@example.com"}, "valid email"),
            ({"firstname": ""}, "required"),
            ({"pickup_datetime": "2001-01-01T10:00"}, "future"),
            ({"pickup_datetime": "%d-01-01T10:00" % (NEXT_YEAR + 5)}, "two years"),
            ({"pickup_datetime": "tomorrow"}, "YYYY-MM-DD"),
            ({"dropoff_datetime": "%d-06-30T10:00" % NEXT_YEAR}, "after the pickup"),
            ({"passengers": "0"}, "between 1 and"),
            ({"passengers": "101"}, "between 1 and"),
            ({"passengers": "1e9"}, "between 1 and"),
            ({"rental_company_id": str(self.company_3.id)}, "rental companies"),
            ({"rental_company_id": "1 OR 1=1"}, "rental companies"),
            ({"notes": "x" * 2001}, "too long"),
            ({"pickup_location": "Nice\x00"}, "control characters"),
            ({"lastname": "Smith\nBcc: x@example.com"}, "control characters"),
            ({"firstname": ["list"]}, "text only"),
        ]
        for changes, message in cases:
            with self.assertRaisesRegex(ValidationError, message, msg=str(changes)):
                self.submit(**changes)
        self.assertEqual(self.env["minicrm.booking"].search_count([]), count)
        self.assertEqual(self.env["res.partner"].search_count([]), partners)

    def test_the_rental_company_is_chosen_only_among_several(self):
        with self.assertRaisesRegex(ValidationError, "rental companies"):
            self.submit(rental_company_id="")
        agency = self.env["minicrm.agency"].create({
            "name": "Test Agency C", "rental_company_ids": [(6, 0, self.company_3.ids)]})
        request = self.submit(agency=agency, rental_company_id="")
        self.assertEqual(request.rental_company_id, self.company_3)
        self.assertEqual(request.customer_id.minicrm_agency_id, agency)
