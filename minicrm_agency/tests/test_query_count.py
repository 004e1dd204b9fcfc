# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import NEXT_YEAR, QUIET_CONTEXT, MinicrmCase

LIST_FIELDS = ["name", "email", "phone", "booking_count", "last_booking_date", "customer_state"]


class TestListQueryCount(MinicrmCase):
    """The customer list reads stored fields only: the number of queries does
    not grow with the page size."""

    @classmethod
    def setup_class_fixtures(cls):
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

    def count_form_queries(self, customer):
        Partner = self.env["res.partner"].sudo(self.staff_a1)
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        form_fields = list(Partner.fields_view_get(view.id, "form")["fields"])
        Partner.browse(customer.id).read(form_fields)
        Partner.invalidate_cache()
        before = self.cr.sql_log_count
        values = Partner.browse(customer.id).read(form_fields)[0]
        self.assertEqual(len(values["booking_ids"]), customer.booking_count)
        return self.cr.sql_log_count - before

    def test_form_query_count_does_not_grow_with_bookings(self):
        few = self.create_customer(self.staff_a1, "Few", "Bookings", "few@example.com")
        many = self.create_customer(self.staff_a1, "Many", "Bookings", "many@example.com")
        for customer, count in ((few, 2), (many, 30)):
            for index in range(count):
                self.create_booking(self.staff_a1, customer, self.company_1, state="confirmed",
                                    pickup_datetime="%d-01-%02d 10:00:00" % (
                                        NEXT_YEAR, index % 28 + 1))
        self.assertEqual(self.count_form_queries(few), self.count_form_queries(many))

    def test_form_reads_no_booking_of_the_history_but_the_last_ones(self):
        """One query either way, but not a thousand rows: the last-contact
        tabs must not fetch and name the whole history through the prefetch
        (680 ms for a customer with 1,000 bookings)."""
        customer = self.create_customer(self.staff_a1, "Long", "History", "long@example.com")
        for index in range(30):
            self.create_booking(self.staff_a1, customer, self.company_1, state="confirmed",
                                pickup_datetime="%d-02-%02d 10:00:00" % (
                                    NEXT_YEAR, index % 28 + 1))
        Partner = self.env["res.partner"].sudo(self.staff_a1)
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        form_fields = list(Partner.fields_view_get(view.id, "form")["fields"])
        Partner.invalidate_cache()
        self.env["minicrm.booking"].invalidate_cache()
        Partner.browse(customer.id).read(form_fields)
        cache = self.env.cache._data
        Booking = self.env["minicrm.booking"]
        for name in ("display_name", "pickup_datetime", "contact_email"):
            loaded = set(cache.get(Booking._fields[name], {}))
            self.assertLessEqual(len(loaded & set(customer.booking_ids.ids)), 1, name)
