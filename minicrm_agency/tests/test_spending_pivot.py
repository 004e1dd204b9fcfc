# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from ..models.minicrm_booking import SPENT_AMOUNT_SQL
from .common import BOOKINGS_ACTION, MinicrmCase


class TestSpendingPivot(MinicrmCase):
    """The Bookings pivot and graph add up what "Total spent" adds up
    (confirmed and done bookings; not drafts or cancelled ones), and say so."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.booking_a.sudo(cls.staff_a1).write({"amount": 120.0})  # confirmed
        cls.booking_a_company_2.sudo(cls.staff_a1).write({"amount": 80.0})  # draft
        cancelled = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                                       state="confirmed", amount=447.0)
        cancelled.sudo(cls.staff_a1).action_cancel()

    def view(self, view_type):
        """The measure and title of the Bookings action's view, as the web
        client gets it."""
        Booking = self.env["minicrm.booking"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, BOOKINGS_ACTION))
        arch = etree.fromstring(Booking.fields_view_get(view_type=view_type)["arch"])
        return Booking, arch.xpath("//field[@type='measure']")[0].get("name"), arch.get("string")

    def test_pivot_and_graph_add_up_total_spent(self):
        action = self.env.ref(BOOKINGS_ACTION)
        for view_type in ("pivot", "graph"):
            Booking, measure, title = self.view(view_type)
            groups = Booking.read_group(safe_eval(action.domain), [measure, "state"], ["state"])
            total = sum(group[measure] for group in groups)
            self.assertEqual(total, self.customer_a.total_spent, view_type)
            self.assertEqual(total, 120.0, view_type)
            self.assertIn("confirmed and done", title)

    def test_bulk_fill_computes_the_spent_amount_like_the_orm(self):
        bookings = self.env["minicrm.booking"].search([("customer_id", "=", self.customer_a.id)])
        by_orm = bookings.read(["spent_amount"])
        self.cr.execute("UPDATE minicrm_booking SET spent_amount = NULL")
        self.cr.execute(SPENT_AMOUNT_SQL)
        bookings.invalidate_cache()
        self.assertEqual(bookings.read(["spent_amount"]), by_orm)
