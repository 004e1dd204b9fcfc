# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ..models.minicrm_booking_search import LIST_INDEX, RULE_STATISTICS, TRIGRAM_INDEX
from .common import MinicrmCase

FILLER_BOOKINGS = 100000


class TestBookingSearchPlan(MinicrmCase):
    """On a booking table of some size, the Bookings list's queries (the
    action's domain and the staff user's record rules, as the list runs
    them): a very common fragment walks the list index in pickup order and
    stops early, a rare one uses the trigram index."""

    @classmethod
    def setup_class_fixtures(cls):
        # Agency A holds one booking in ten, as one agency of ten at scale;
        # written in SQL and rolled back with the test class, so that the
        # planner has real statistics. Every filler's text holds "filler";
        # one in 10,000 (all in agency A) is "rare". Columns other installed
        # modules require: their ORM default.
        cls.cr.execute("""
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'minicrm_booking' AND is_nullable = 'NO'
               AND column_default IS NULL AND column_name NOT IN %s
        """, (("id", "name", "kind", "state", "customer_id", "agency_id", "rental_company_id",
               "pickup_datetime", "pickup_location", "dropoff_location"),))
        required = cls.env["minicrm.booking"].default_get([row[0] for row in cls.cr.fetchall()])
        columns = "".join(", %s" % name for name in required)
        placeholders = ", %s" * len(required)
        cls.cr.execute("""
            INSERT INTO minicrm_booking (name, kind, state, customer_id, agency_id,
                                         rental_company_id, pickup_datetime, pickup_location,
                                         dropoff_location, minicrm_search_text%s)
            SELECT 'FILLER/' || n, CASE WHEN n %%%% 3 = 0 THEN 'request' ELSE 'booking' END,
                   'draft', CASE WHEN n %%%% 10 = 0 THEN %%s ELSE %%s END,
                   CASE WHEN n %%%% 10 = 0 THEN %%s ELSE %%s END, %%s,
                   now() - n * interval '1 hour', 'Place ' || n, 'Town',
                   lower(CASE WHEN n %%%% 10000 = 0 THEN 'rare ' ELSE '' END
                         || 'filler/' || n || ' place ' || n || ' town')%s
              FROM generate_series(1, %%s) AS n
        """ % (columns, placeholders),
            (cls.customer_a.id, cls.customer_b.id, cls.agency_a.id, cls.agency_b.id,
             cls.company_1.id) + tuple(required.values()) + (FILLER_BOOKINGS,))
        cls.cr.execute("ANALYZE minicrm_booking")

    def plan(self, text, limit=80):
        """The plan of the Bookings list's first page (or its capped count)."""
        Booking = self.env["minicrm.booking"].sudo(self.staff_a1)
        query = Booking._where_calc([("kind", "=", "booking"), ("minicrm_search", "ilike", text)])
        Booking._apply_ir_rules(query, "read")
        order_by = Booking._generate_order_by(None, query)
        from_clause, where_clause, params = query.get_sql()
        # Even this table is small enough to read whole: forbid that, so that
        # the plan shows the index PostgreSQL would use on a big one.
        self.cr.execute("SET LOCAL enable_seqscan = off")
        try:
            self.cr.execute("EXPLAIN SELECT minicrm_booking.id FROM %s WHERE %s %s LIMIT %d"
                            % (from_clause, where_clause, order_by, limit), params)
            return "\n".join(row[0] for row in self.cr.fetchall())
        finally:
            self.cr.execute("RESET enable_seqscan")

    def test_common_fragment_walks_the_list_index_in_order_and_stops_early(self):
        for text in ("f", "fi", "fil", "filler", "filler place"):
            plan = self.plan(text)
            self.assertIn(LIST_INDEX, plan, text)
            self.assertNotIn("Sort", plan, text)
            self.assertNotIn("Seq Scan on minicrm_booking", plan, text)

    def test_rare_fragment_uses_the_trigram_index(self):
        for text in ("rare", "rare fil", "filler/20000"):
            plan = self.plan(text)
            self.assertIn(TRIGRAM_INDEX, plan, text)
            self.assertNotIn("Seq Scan on minicrm_booking", plan, text)

    def test_indexes_exist_once_and_survive_an_upgrade(self):
        query = """SELECT indexname FROM pg_indexes WHERE tablename = 'minicrm_booking'
                   AND indexname IN %s ORDER BY indexname"""
        for _run in range(2):
            self.cr.execute(query, ((LIST_INDEX, TRIGRAM_INDEX),))
            self.assertEqual([row[0] for row in self.cr.fetchall()], [LIST_INDEX, TRIGRAM_INDEX])
            self.cr.execute("SELECT count(*) FROM pg_statistic_ext WHERE stxname = %s",
                            (RULE_STATISTICS,))
            self.assertEqual(self.cr.fetchone()[0], 1)
            # init() again (as an upgrade does) must neither fail nor duplicate.
            self.env["minicrm.booking"].init()
