# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import NEXT_YEAR, MinicrmCase, mute_expected_errors

CLEAR = (ValidationError, UserError)


class TestBadInput(MinicrmCase):
    """Every invalid value is a ValidationError or UserError, and nothing of
    the refused write is kept."""

    def setUp(self):
        super(TestBadInput, self).setUp()
        mute_expected_errors(self, "odoo.models")

    def assert_refused(self, records, vals, message=None):
        """The write is refused with a clear error; the savepoint stands for
        the request's transaction, which Odoo rolls back on any error."""
        before = records.sudo().read(list(vals))
        with self.assertRaisesRegex(CLEAR, message or "."), self.cr.savepoint():
            records.write(vals)
        records.invalidate_cache()
        self.assertEqual(records.sudo().read(list(vals)), before)

    def test_customer_values_of_wrong_type_or_size(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        for vals in ({"firstname": 42}, {"lastname": ["x"]}, {"phone": "1" * 300},
                     {"comment": "x" * 30000}, {"lang": "xx_XX"}, {"email": 7},
                     {"firstname": "Ann\x00"}, {"lastname": "Smith\nJones"},
                     {"country_id": "France"}, {"country_id": 999999999},
                     {"date": "31/12/2026"}, {"color": "red"}, {"color": 2 ** 40},
                     {"customer_state": "vip"}):
            self.assert_refused(customer, vals)

    def test_invalid_emails_including_invisible_characters(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        for email in ("ann", "ann@", "ann@@example.com", "ann smith@example.com",
                      "ann@example.com\u202e", "a\u200bnn@example.com", "ann@exam\x07ple.com"):
            self.assert_refused(customer, {"email": email})

    def test_booking_values_of_wrong_type_or_size(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(
            self.booking_a_company_2.id)
        for vals in ({"passenger_count": "two"}, {"passenger_count": -1},
                     {"passenger_count": True}, {"pickup_location": "x" * 1000},
                     {"pickup_datetime": "tomorrow"}, {"pickup_datetime": "0001-01-01 00:00:00"},
                     {"notes": 12}, {"rental_company_id": "1"}):
            self.assert_refused(booking, vals)

    def test_impossible_times_foreign_ids_and_workflow_jumps(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(
            self.booking_a_company_2.id)
        self.assert_refused(booking, {"dropoff_datetime": "%d-05-31 09:00:00" % NEXT_YEAR},
                            "after the pickup")
        self.assert_refused(booking, {"customer_id": self.customer_b.id}, "another agency")
        self.assert_refused(booking, {"rental_company_id": self.company_3.id},
                            "cannot book with this rental company")
        self.assert_refused(booking, {"state": "done"}, "cannot go from")
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        operator_customer = customer.sudo(self.operator)
        self.assert_refused(operator_customer, {"minicrm_agency_id": self.agency_b.id},
                            "cannot move to another agency")

    def test_create_with_bad_values_writes_nothing(self):
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        count = Booking.search_count([])
        with self.assertRaises(CLEAR):
            Booking.create({"customer_id": self.customer_a.id,
                            "rental_company_id": self.company_1.id,
                            "pickup_datetime": "%d-07-01 10:00:00" % NEXT_YEAR,
                            "pickup_location": "A" * 5000, "dropoff_location": "B"})
        self.assertEqual(Booking.search_count([]), count)
        Partner = self.as_user(self.staff_a1, "res.partner")
        with self.assertRaises(CLEAR):
            Partner.create({"firstname": "Zed", "lastname": "Bad", "customer_state": "end",
                            "email": "zed\u202e@example.com"})
        self.assertFalse(Partner.search([("lastname", "=", "Bad")]))

    def test_html_in_names_is_kept_as_text_in_the_last_contact(self):
        customer = self.create_customer(self.staff_a1, "<script>alert(1)</script>",
                                        "<b>Bold</b>", "xss@example.com")
        self.move_to_past(self.create_booking(
            self.staff_a1, customer, self.company_1,
            pickup_location="<img src=x onerror=alert(2)>"))
        form = customer.sudo(self.staff_a1)
        form.minicrm_rental_company_id = self.company_1
        self.assertEqual(form.minicrm_last_booking_contact_firstname, "<script>alert(1)</script>")
        self.assertEqual(form.minicrm_last_booking_route, "<img src=x onerror=alert(2)> → Monaco")

    def test_reimport_with_external_ids_creates_no_duplicates(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        columns = ["id", "firstname", "lastname", "email", "customer_state"]
        rows = [["__import__.minicrm_test_%d" % n, "Imported", "Person%d" % n,
                 "imported.%d@example.com" % n, "request"] for n in range(5)]
        first = Partner.load(columns, rows)
        self.assertFalse(first["messages"], first)
        rows[0][2] = "Renamed"
        second = Partner.load(columns, rows)
        self.assertFalse(second["messages"], second)
        self.assertEqual(sorted(first["ids"]), sorted(second["ids"]))
        found = Partner.search([("email", "=like", "imported.%@example.com")])
        self.assertEqual(len(found), 5)
        self.assertEqual(found.mapped("minicrm_agency_id"), self.agency_a)
        self.assertIn("Renamed", found.mapped("lastname"))

    def test_import_with_one_bad_row_imports_nothing(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        rows = [["Good", "Row", "good.row@example.com", "request"],
                ["Bad", "Row", "not an email", "request"]]
        result = Partner.load(["firstname", "lastname", "email", "customer_state"], rows)
        self.assertTrue(result["messages"])
        self.assertFalse(result["ids"])
