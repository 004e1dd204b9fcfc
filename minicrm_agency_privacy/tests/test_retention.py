# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.exceptions import ValidationError

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, MinicrmCase


class TestRetention(MinicrmCase):
    """The daily retention job, with the clock moved on: each agency's
    limits, the same erasure as the button, never a trip to come."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.agency_a.sudo(cls.manager_a).write({
            "retention_request_months": 6, "retention_customer_years": 2})
        cls.request_user = cls.create_customer(
            cls.staff_a1, "Rita", "Quayle", "rita.quayle@example.com", customer_state="request")
        cls.create_booking(cls.staff_a1, cls.request_user, cls.company_1, kind="request")
        cls.waiting_user = cls.create_customer(
            cls.staff_a1, "Walt", "Later", "walt.later@example.com", customer_state="request")
        cls.create_booking(cls.staff_a1, cls.waiting_user, cls.company_1, kind="request",
                           pickup_datetime="%d-06-01 09:00:00" % (NEXT_YEAR + 2))

    def apply_retention(self, year, **kwargs):
        return self.env["res.partner"]._minicrm_apply_retention(
            datetime.datetime(year, 1, 1), **kwargs)

    def test_nothing_is_anonymised_today(self):
        self.assertEqual(self.env["res.partner"]._minicrm_apply_retention(), 0)
        self.assertFalse(self.request_user.minicrm_anonymised)

    def test_request_user_who_never_booked_is_anonymised_after_the_agencys_months(self):
        # Six months after the request (and after its trip): anonymised.
        self.assertGreaterEqual(self.apply_retention(NEXT_YEAR + 1), 1)
        self.assertTrue(self.request_user.minicrm_anonymised)
        self.assertFalse(self.request_user.email)
        self.assertFalse(self.env["res.partner"].search(
            [("minicrm_search", "ilike", "rita.quayle")]))
        # Ann's last trip is less than two years old: kept.
        self.assertFalse(self.customer_a.minicrm_anonymised)

    def test_a_trip_to_come_keeps_the_customer(self):
        self.apply_retention(NEXT_YEAR + 1)
        self.assertFalse(self.waiting_user.minicrm_anonymised)
        self.assertEqual(self.waiting_user.email, "walt.later@example.com")

    def test_customer_without_a_trip_for_the_agencys_years_is_anonymised_as_by_the_button(self):
        total = self.customer_a.total_spent
        self.apply_retention(NEXT_YEAR + 3)
        self.assertTrue(self.customer_a.minicrm_anonymised)
        self.assertFalse(self.booking_a.contact_email)
        self.assertEqual(self.customer_a.total_spent, total)
        self.assertEqual(self.customer_a.booking_count, 2)
        # Agency B keeps its customers (0 = keep).
        self.assertFalse(self.customer_b.minicrm_anonymised)
        self.assertEqual(self.customer_b.email, "bob.brown@example.com")
        # Run again: nobody left to anonymise but the one whose trip has come.
        self.assertEqual(self.apply_retention(NEXT_YEAR + 3), 0)

    def test_retention_runs_in_batches(self):
        stats = self.env["res.partner"]._minicrm_run_retention(
            datetime.datetime(NEXT_YEAR + 5, 1, 1), batch_size=1)
        self.assertEqual((stats["anonymised"], stats["batches"]), (3, 3))
        self.assertEqual(len(stats["batch_seconds"]), 3)
        self.assertTrue(all((self.request_user | self.waiting_user | self.customer_a).mapped(
            "minicrm_anonymised")))

    def test_retention_must_be_zero_or_more(self):
        with self.assertRaises(ValidationError):
            self.agency_a.sudo(self.manager_a).write({"retention_customer_years": -1})
