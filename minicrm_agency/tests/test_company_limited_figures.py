# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo.exceptions import AccessError

from ..models.res_partner_booking_stats import STAT_FIELDS
from .common import CUSTOMERS_ACTION, MinicrmCase

LIMITED_GROUP = "minicrm_agency.group_minicrm_company_limited"


class TestCompanyLimitedFigures(MinicrmCase):
    """A customer's figures (bookings count, spending, last booking, next
    pickup) add up every rental company's bookings: a user limited to some
    rental companies does not see them, on the screens (list, form, kanban,
    filters) or through read, search, sort, group-by; other staff do."""

    def customers(self, user):
        return self.env["res.partner"].sudo(user).with_context(
            **self.screen_context(user, CUSTOMERS_ACTION))

    def view_fields(self, user, view_type):
        """The fields and the arch the web client gets for the customer
        action's view of ``view_type``."""
        action = self.env.ref(CUSTOMERS_ACTION)
        views = dict((kind, view_id) for view_id, kind in action.views) if action.views else {}
        view_id = views.get(view_type) or (
            action.search_view_id.id if view_type == "search" else False)
        view = self.customers(user).fields_view_get(view_id=view_id, view_type=view_type)
        return set(view["fields"]), etree.fromstring(view["arch"])

    def test_limited_user_is_in_the_group_and_follows_their_companies(self):
        self.assertTrue(self.staff_a2.has_group(LIMITED_GROUP))
        self.assertFalse(self.staff_a1.has_group(LIMITED_GROUP))
        self.staff_a2.write({"minicrm_rental_company_ids": [(5,)]})
        self.assertFalse(self.staff_a2.has_group(LIMITED_GROUP))
        self.staff_a1.write({"minicrm_rental_company_ids": [(6, 0, self.company_2.ids)]})
        self.assertTrue(self.staff_a1.has_group(LIMITED_GROUP))

    def test_limited_user_screens_show_no_figures(self):
        for view_type in ("tree", "form", "kanban"):
            fields, _arch = self.view_fields(self.staff_a2, view_type)
            self.assertFalse(fields & set(STAT_FIELDS), view_type)
            fields, _arch = self.view_fields(self.staff_a1, view_type)
            self.assertIn("booking_count", fields, view_type)
        # The filters on the figures are hidden (Odoo marks them invisible).
        for user, hidden in ((self.staff_a2, True), (self.staff_a1, False)):
            _fields, arch = self.view_fields(user, "search")
            filters = arch.xpath("//filter[@name='dormant' or @name='upcoming']")
            self.assertEqual(len(filters), 2)
            for node in filters:
                modifiers = json.loads(node.get("modifiers") or "{}")
                self.assertEqual(bool(modifiers.get("invisible")), hidden, node.get("name"))

    def test_limited_user_cannot_read_search_sort_or_group_by_figures(self):
        customer = self.customers(self.staff_a2).browse(self.customer_a.id)
        self.assertEqual(customer.read(["name"])[0]["name"], "Ann Smith")
        Partner = self.customers(self.staff_a2)
        for field in STAT_FIELDS:
            with self.assertRaises(AccessError, msg=field):
                customer.read([field])
            with self.assertRaises(AccessError, msg=field):
                Partner.search([(field, "!=", False)])
            with self.assertRaises(AccessError, msg=field):
                Partner.search([], order="%s desc" % field)
            with self.assertRaises(AccessError, msg=field):
                Partner.read_group([], [field], [field])

    def test_limited_user_books_and_the_figures_follow(self):
        booking = self.create_booking(self.staff_a2, self.customer_a, self.company_1,
                                      state="confirmed", amount=75.0)
        booking.sudo(self.staff_a2).action_done()
        self.assertEqual(self.customer_a.booking_count, 3)
        self.assertEqual(self.customer_a.total_spent, 75.0)
        with self.assertRaises(AccessError):
            self.customers(self.staff_a2).browse(self.customer_a.id).read(["total_spent"])

    def test_other_staff_read_the_figures(self):
        customer = self.customers(self.staff_a1).browse(self.customer_a.id)
        figures = customer.read(list(STAT_FIELDS))[0]
        self.assertEqual(figures["booking_count"], 2)
        self.assertTrue(figures["next_pickup_date"])
