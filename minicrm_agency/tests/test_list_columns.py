# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools.safe_eval import safe_eval

from .common import CUSTOMERS_ACTION, QUIET_CONTEXT, MinicrmCase


class TestListColumns(MinicrmCase):
    """The customer list's real columns, its list view's fields as
    load_views gives them to the staff ("Total spent" in the agency's
    currency among them), are read from the page's rows: the agency's
    currency costs no trip through the agency (as a related field that was
    not stored, two more queries and ~100 ms a page at a million customers)."""

    @classmethod
    def setup_class_fixtures(cls):
        Partner = cls.env["res.partner"].with_context(**QUIET_CONTEXT)
        for index in range(100):
            Partner.create({
                "firstname": "Column%03d" % index, "lastname": "Customer",
                "email": "column%03d@example.com" % index, "customer_state": "end",
                "minicrm_agency_id": cls.agency_a.id,
            })

    def list_screen(self, user):
        """The list as the web client loads it: the action's context and
        domain, and the fields of its list view from load_views."""
        action = self.env.ref(CUSTOMERS_ACTION)
        context = self.screen_context(user, CUSTOMERS_ACTION)
        Partner = self.env["res.partner"].sudo(user).with_context(**context)
        views = [[view_id, "list"] for view_id, mode in action.read(["views"])[0]["views"]
                 if mode == "tree"]
        fields = sorted(Partner.load_views(views)["fields_views"]["list"]["fields"])
        return Partner, safe_eval(action.domain), fields

    def count_queries(self, fields, limit):
        Partner, domain, _fields = self.list_screen(self.staff_a1)
        Partner.search_read(domain, fields, limit=limit)
        Partner.invalidate_cache()
        before = self.cr.sql_log_count
        rows = Partner.search_read(domain, fields, limit=limit)
        self.assertEqual(len(rows), limit)
        return self.cr.sql_log_count - before

    def test_list_columns_query_count_does_not_grow_with_the_page(self):
        _Partner, _domain, fields = self.list_screen(self.staff_a1)
        self.assertIn("minicrm_currency_id", fields)
        self.assertIn("total_spent", fields)
        self.assertEqual(self.count_queries(fields, 40), self.count_queries(fields, 100))

    def test_agency_currency_column_costs_no_more_than_its_name(self):
        _Partner, _domain, fields = self.list_screen(self.staff_a1)
        without = [name for name in fields if name != "minicrm_currency_id"]
        # The currency's name (one query for the page) and nothing else.
        self.assertLessEqual(self.count_queries(fields, 80), self.count_queries(without, 80) + 1)

    def test_customer_currency_follows_the_agency_currency(self):
        customer = self.create_customer(self.staff_a1, "Penny", "Currency", "penny@example.com")
        self.assertEqual(customer.minicrm_currency_id, self.agency_a.currency_id)
        other = self.env.ref("base.USD")
        if self.agency_a.currency_id == other:
            other = self.env.ref("base.EUR")
        other.active = True
        self.env["minicrm.agency"].sudo(self.operator).browse(self.agency_a.id).write(
            {"currency_id": other.id})
        self.assertEqual(self.as_user(self.staff_a1, "res.partner").browse(
            customer.id).minicrm_currency_id, other)
