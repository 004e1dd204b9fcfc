# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from .common import PASSWORD, MinicrmCase, MinicrmHttpCase

CUSTOMERS = [("customer_state", "!=", False)]


class TestCappedCount(MinicrmCase):
    """_search_count_limited counts like search_count, rules included, up
    to the limit plus one."""

    @classmethod
    def setup_class_fixtures(cls):
        for number in range(3):
            cls.create_customer(cls.staff_a1, "Count", "Case%d" % number,
                                "count%d@example.com" % number)

    def test_counts_up_to_the_limit_plus_one(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        total = Partner.search_count(CUSTOMERS)
        self.assertGreater(total, 2)
        self.assertEqual(Partner._search_count_limited(CUSTOMERS, 1), 2)
        self.assertEqual(Partner._search_count_limited(CUSTOMERS, total), total)
        self.assertEqual(Partner._search_count_limited(CUSTOMERS, total + 10), total)

    def test_counts_only_what_the_user_may_read(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        everyone = self.env["res.partner"].search_count(CUSTOMERS)
        self.assertLess(Partner._search_count_limited(CUSTOMERS, 10 ** 6),
                        everyone)
        self.assertEqual(Partner._search_count_limited(CUSTOMERS, 10 ** 6),
                         Partner.search_count(CUSTOMERS))


@at_install(False)
@post_install(True)
class TestCappedCountRoute(MinicrmHttpCase):
    """The list's /web/dataset/search_read counts up to the action's
    minicrm_count_limit, and only when a page is full."""

    def setup_http_fixtures(self):
        for number in range(3):
            self.create_customer(self.staff_a1, "Count", "Case%d" % number,
                                 "count%d@example.com" % number)

    def setUp(self):
        super(TestCappedCountRoute, self).setUp()
        self.login("staff_a1", PASSWORD)

    def search_read(self, context, limit=2, offset=0):
        answer = self.json_call("/web/dataset/search_read", {
            "model": "res.partner", "fields": ["name"], "domain": CUSTOMERS,
            "limit": limit, "offset": offset, "context": context})
        self.assertNotIn("error", answer, answer)
        return answer["result"]

    def test_full_page_is_counted_up_to_the_limit(self):
        exact = self.search_read({}, limit=80)["length"]
        self.assertGreater(exact, 3)
        capped = self.search_read({"minicrm_count_limit": 2})
        self.assertEqual((capped["length"], len(capped["records"])), (3, 2))
        # Past the limit, the count reaches the page shown and one more.
        self.assertEqual(self.search_read({"minicrm_count_limit": 2}, limit=1, offset=2)["length"],
                         min(4, exact))

    def test_other_lists_and_odd_limits_are_counted_exactly(self):
        exact = self.search_read({}, limit=80)["length"]
        for context in ({}, {"minicrm_count_limit": "2"}, {"minicrm_count_limit": 0},
                        {"minicrm_count_limit": 10 ** 9}, {"minicrm_count_limit": True}):
            self.assertEqual(self.search_read(context)["length"], exact, context)

    def test_models_without_the_opt_in_are_counted_exactly(self):
        answer = self.json_call("/web/dataset/search_read", {
            "model": "res.country", "fields": ["name"], "domain": [], "limit": 2,
            "context": {"minicrm_count_limit": 2}})
        self.assertGreater(answer["result"]["length"], 100)
