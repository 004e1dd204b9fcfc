# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields

from .common import NEXT_YEAR, MinicrmCase


class TestPickupDates(MinicrmCase):
    """"Last booking" is the last past pickup, "Next pickup" the next one to
    come; the hourly cron moves them on when time passes."""

    def pass_time(self, hours_ago, *bookings):
        """The pickups of ``bookings`` are now past (the first ``hours_ago``,
        the others a day earlier each), and the customer's stored figures are
        what they were when those pickups were to come: time passed, nothing
        was written through the ORM."""
        now = datetime.datetime.utcnow()
        pickups = []
        for index, booking in enumerate(bookings):
            past = fields.Datetime.to_string(
                now - datetime.timedelta(hours=hours_ago + 24 * index))
            self.env.cr.execute("UPDATE minicrm_booking SET pickup_datetime = %s WHERE id = %s",
                                (past, booking.id))
            pickups.append(past)
        self.env.cr.execute(
            "UPDATE res_partner SET last_booking_date = NULL, next_pickup_date = %s "
            "WHERE id = %s", (min(pickups), bookings[0].customer_id.id))
        self.env["res.partner"].invalidate_cache()
        return pickups

    def test_a_booking_next_year_is_not_the_last_booking(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        self.assertFalse(customer.last_booking_date)
        self.assertEqual(customer.next_pickup_date, "%d-06-01 09:00:00" % NEXT_YEAR)

    def test_cron_moves_last_and_next_when_a_pickup_has_passed(self):
        later = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                    pickup_datetime="%d-09-01 10:00:00" % NEXT_YEAR)
        past, earlier = self.pass_time(2, self.booking_a, self.booking_a_company_2)
        # Stale until the cron runs: no write told the customer.
        self.assertEqual(self.customer_a.next_pickup_date, earlier)
        refreshed = self.env["res.partner"]._cron_minicrm_refresh_booking_stats()
        self.assertEqual(refreshed, 1, "only the customer whose next pickup passed")
        self.assertEqual(self.customer_a.last_booking_date, past)
        self.assertEqual(self.customer_a.next_pickup_date, later.pickup_datetime)
        self.assertEqual(self.customer_a.booking_count, 3)
        # Nothing left to refresh.
        self.assertEqual(self.env["res.partner"]._cron_minicrm_refresh_booking_stats(), 0)

    def test_cron_finds_stale_customers_through_the_index(self):
        self.env.cr.execute("""
            SELECT indexname FROM pg_indexes
             WHERE tablename = 'res_partner' AND indexdef LIKE '%(next_pickup_date)%'""")
        self.assertTrue(self.env.cr.fetchall(), "an index on res_partner.next_pickup_date")

    def test_customer_list_shows_last_booking_and_next_pickup(self):
        arch = self.env.ref("minicrm_agency.view_minicrm_customer_tree").arch
        self.assertIn('name="last_booking_date"', arch)
        self.assertIn('name="next_pickup_date"', arch)
