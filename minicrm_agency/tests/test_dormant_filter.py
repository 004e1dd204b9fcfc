# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from dateutil.relativedelta import relativedelta
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import CUSTOMERS_ACTION, MinicrmCase


class TestDormantFilter(MinicrmCase):
    """The customer list's "No booking in the last 12 months" filter lists
    customers with no booking lately and none to come: a customer whose
    only trip is next month is not dormant."""

    def dormant(self, user):
        """The customers the list shows for ``user`` with the filter on, as
        the web client evaluates it (context_today, relativedelta)."""
        action = self.env.ref(CUSTOMERS_ACTION)
        arch = etree.fromstring(action.search_view_id.arch)
        node = arch.xpath("//filter[@name='dormant']")[0]
        domain = safe_eval(node.get("domain"), {"context_today": datetime.date.today,
                                                "relativedelta": relativedelta})
        Partner = self.env["res.partner"].sudo(user).with_context(
            **self.screen_context(user, CUSTOMERS_ACTION))
        return Partner.search(safe_eval(action.domain or "[]") + domain)

    def test_customer_with_a_trip_to_come_is_not_dormant(self):
        # customer_a's bookings are all next year: nothing in the last 12 months.
        self.assertTrue(self.customer_a.next_pickup_date)
        self.assertFalse(self.customer_a.last_booking_date)
        self.assertNotIn(self.customer_a, self.dormant(self.staff_a1))

    def test_customer_without_recent_or_coming_booking_is_dormant(self):
        quiet = self.create_customer(self.staff_a1, "Quiet", "Customer", "quiet@example.com")
        old = self.create_customer(self.staff_a1, "Old", "Traveller", "old@example.com")
        self.env["minicrm.booking"].sudo(self.manager_a).with_context(
            minicrm_import_history=True).create({
                "customer_id": old.id, "rental_company_id": self.company_1.id,
                "pickup_datetime": "%d-03-01 10:00:00" % (datetime.date.today().year - 2),
                "pickup_location": "Nice", "dropoff_location": "Cannes"})
        dormant = self.dormant(self.staff_a1)
        self.assertIn(quiet, dormant)
        self.assertIn(old, dormant)
        self.assertNotIn(self.customer_b, dormant)
