# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import QUIET_CONTEXT, MinicrmCase

LIST_FIELDS = ["name", "email", "phone", "booking_count", "last_booking_date", "customer_state"]


class TestListQueryCount(MinicrmCase):
    """The customer list reads stored fields only: the number of queries does
    not grow with the page size."""

    @classmethod
    def setUpClass(cls):
        super(TestListQueryCount, cls).setUpClass()
        Partner = cls.env["res.partner"].with_context(**QUIET_CONTEXT)
        for index in range(400):
            Partner.create({
                "firstname": "Bulk%03d" % index, "lastname": "Customer",
                "email": "bulk%03d@example.com" % index, "phone": "+33 6 00 00 %04d" % index,
                "customer_state": "request", "minicrm_agency_id": cls.agency_a.id,
            })

    def count_list_queries(self, limit):
        Partner = self.env["res.partner"].sudo(self.staff_a1)
        Partner.search_read([("customer_state", "!=", False)], LIST_FIELDS, limit=limit)
        Partner.invalidate_cache()
        before = self.cr.sql_log_count
        rows = Partner.search_read([("customer_state", "!=", False)], LIST_FIELDS, limit=limit)
        self.assertEqual(len(rows), limit)
        return self.cr.sql_log_count - before

    def test_list_query_count_is_constant(self):
        small, large = self.count_list_queries(80), self.count_list_queries(400)
        self.assertEqual(small, large)
        self.assertLessEqual(small, 6)

    def test_search_box_query_count_is_constant(self):
        Partner = self.env["res.partner"].sudo(self.staff_a1)
        counts = []
        for limit in (80, 400):
            Partner.search([("minicrm_search", "ilike", "bulk")], limit=limit)
            before = self.cr.sql_log_count
            found = Partner.search([("minicrm_search", "ilike", "bulk")], limit=limit)
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(len(found), min(limit, 400))
        self.assertEqual(counts[0], counts[1])
