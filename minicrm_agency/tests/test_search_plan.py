# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ..hooks import fill_search_columns
from ..models.res_partner_search import LIST_INDEX, RULE_STATISTICS, TRIGRAM_INDEX
from .common import MinicrmCase

PHONES = [("+33 6 12 34 56 78", "07 11 22 33 44"), ("(0)30-1234.567", False),
          (False, "+1 (415) 555-0100"), (False, False), ("no digits", "")]
FILLER_CUSTOMERS = 100000


class TestSearchPlan(MinicrmCase):
    """On a partner table of some size, the customer list's queries (with
    the staff user's record rules, as the list runs them): a very common
    fragment walks the list index in list order and stops early, a rare
    one uses the trigram index; the install and upgrade fill computes the
    search columns like the ORM."""

    @classmethod
    def setup_class_fixtures(cls):
        # Two big agencies (as at scale: agency A one in ten customers),
        # written in SQL and rolled back with the test class, so that the
        # planner has real statistics. Every filler's name holds "filler";
        # one in 10,000 (all in agency A) is "rare". Columns other installed
        # modules require (account's invoice_warn): their ORM default.
        cls.cr.execute("""
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'res_partner' AND is_nullable = 'NO'
               AND column_default IS NULL AND column_name NOT IN %s
        """, (("id", "name", "display_name", "email", "minicrm_phone_digits",
               "minicrm_search_text", "minicrm_agency_id", "customer_state", "active",
               "type"),))
        required = cls.env["res.partner"].default_get([row[0] for row in cls.cr.fetchall()])
        columns = "".join(", %s" % name for name in required)
        placeholders = ", %s" * len(required)
        cls.cr.execute("""
            INSERT INTO res_partner (name, display_name, email, minicrm_phone_digits,
                                     minicrm_search_text, minicrm_agency_id, customer_state,
                                     active, type%s)
            SELECT name, name, email, digits, lower(name || ' ' || email || ' ' || digits),
                   CASE WHEN n %%%% 10 = 0 THEN %%s ELSE %%s END, 'end', TRUE, 'contact'%s
              FROM (SELECT n, CASE WHEN n %%%% 10000 = 0 THEN 'Rare Filler ' ELSE 'Filler '
                           END || n AS name, 'filler.' || n || '@example.org' AS email,
                           '4930' || (1000000 + n) AS digits
                      FROM generate_series(1, %%s) AS n) AS fillers
        """ % (columns, placeholders),
            (cls.agency_a.id, cls.agency_b.id) + tuple(required.values()) + (FILLER_CUSTOMERS,))
        cls.cr.execute("ANALYZE res_partner")

    def plan(self, text, limit=80):
        """The plan of the list's first page (or of its capped count)."""
        Partner = self.env["res.partner"].sudo(self.staff_a1)
        query = Partner._where_calc([("customer_state", "!=", False),
                                     ("minicrm_search", "ilike", text)])
        Partner._apply_ir_rules(query, "read")
        order_by = Partner._generate_order_by(None, query)
        from_clause, where_clause, params = query.get_sql()
        # Even this table is small enough to read whole: forbid that, so that
        # the plan shows the index PostgreSQL would use on a big one.
        self.cr.execute("SET LOCAL enable_seqscan = off")
        try:
            self.cr.execute("EXPLAIN SELECT res_partner.id FROM %s WHERE %s %s LIMIT %d"
                            % (from_clause, where_clause, order_by, limit), params)
            return "\n".join(row[0] for row in self.cr.fetchall())
        finally:
            self.cr.execute("RESET enable_seqscan")

    def test_common_fragment_walks_the_list_index_in_order_and_stops_early(self):
        for text in ("f", "fi", "fil", "filler", "filler 1"):
            plan = self.plan(text)
            self.assertIn(LIST_INDEX, plan, text)
            self.assertNotIn("Sort", plan, text)
            self.assertNotIn("Seq Scan on res_partner", plan, text)

    def test_rare_fragment_uses_the_trigram_index(self):
        for text in ("rare", "rare fil", "+49 30 1012340"):
            plan = self.plan(text)
            self.assertIn(TRIGRAM_INDEX, plan, text)
            self.assertNotIn("Seq Scan on res_partner", plan, text)

    def test_indexes_exist_once_and_survive_an_upgrade(self):
        query = """SELECT indexname FROM pg_indexes WHERE tablename = 'res_partner'
                   AND indexname LIKE 'res_partner_minicrm_%%idx' ORDER BY indexname"""
        self.cr.execute(query)
        self.assertEqual([row[0] for row in self.cr.fetchall()], [LIST_INDEX, TRIGRAM_INDEX])
        self.cr.execute("SELECT count(*) FROM pg_statistic_ext WHERE stxname = %s",
                        (RULE_STATISTICS,))
        self.assertEqual(self.cr.fetchone()[0], 1)
        # init() again (as an upgrade does) must neither fail nor duplicate.
        self.env["res.partner"].init()
        self.cr.execute(query)
        self.assertEqual([row[0] for row in self.cr.fetchall()], [LIST_INDEX, TRIGRAM_INDEX])
        self.cr.execute("SELECT count(*) FROM pg_statistic_ext WHERE stxname = %s",
                        (RULE_STATISTICS,))
        self.assertEqual(self.cr.fetchone()[0], 1)

    def test_bulk_fill_computes_the_search_columns_like_the_orm(self):
        customers = self.env["res.partner"]
        for index, (phone, mobile) in enumerate(PHONES):
            customers |= self.create_customer(self.staff_a1, "Élodie", "Case%d" % index,
                                              "Phone%d@Example.com" % index,
                                              phone=phone, mobile=mobile)
        columns = ["minicrm_phone_digits", "minicrm_search_text"]
        by_orm = customers.sudo().read(columns)
        self.cr.execute("UPDATE res_partner SET minicrm_phone_digits = NULL, "
                        "minicrm_search_text = NULL WHERE id IN %s", (tuple(customers.ids),))
        fill_search_columns(self.cr, customers.ids)
        customers.invalidate_cache()
        self.assertEqual(customers.sudo().read(columns), by_orm)
        self.assertEqual(by_orm[0]["minicrm_phone_digits"], "33612345678 33711223344")
        self.assertEqual(by_orm[2]["minicrm_phone_digits"], "14155550100")
        self.assertEqual(by_orm[0]["minicrm_search_text"],
                         "elodie case0 phone0@example.com 33612345678 33711223344")

    def test_other_partners_have_no_search_columns(self):
        partner = self.env["res.partner"].create({"name": "Supplier Élan", "phone": "0612"})
        self.assertFalse(partner.minicrm_phone_digits)
        self.assertFalse(partner.minicrm_search_text)
