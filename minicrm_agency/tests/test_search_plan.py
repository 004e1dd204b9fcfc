# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from ..hooks import fill_phone_digits
from .common import MinicrmCase

PHONES = [("+33 6 12 34 56 78", "07 11 22 33 44"), ("(0)30-1234.567", False),
          (False, "+1 (415) 555-0100"), (False, False), ("no digits", "")]
FILLER_CUSTOMERS = 100000
TRIGRAM_INDEXES = ["res_partner_minicrm_email_trgm_idx",
                   "res_partner_minicrm_minicrm_phone_digits_trgm_idx",
                   "res_partner_minicrm_name_trgm_idx"]


class TestSearchPlan(MinicrmCase):
    """On a partner table of some size, the search box's query (with the
    staff user's record rules, as the list runs it) is served by the
    trigram indexes; the install hook computes phone digits like the ORM."""

    @classmethod
    def setup_class_fixtures(cls):
        # A big agency (as each agency is at scale: its own customers are far
        # too many to filter one by one), written in SQL and rolled back with
        # the test class, so that the planner has real statistics.
        # Columns other installed modules require (account's invoice_warn):
        # their ORM default.
        cls.cr.execute("""
            SELECT column_name FROM information_schema.columns
             WHERE table_name = 'res_partner' AND is_nullable = 'NO'
               AND column_default IS NULL AND column_name NOT IN %s
        """, (("id", "name", "display_name", "email", "minicrm_phone_digits",
               "minicrm_agency_id", "customer_state", "active", "type"),))
        required = cls.env["res.partner"].default_get([row[0] for row in cls.cr.fetchall()])
        columns = "".join(", %s" % name for name in required)
        placeholders = ", %s" * len(required)
        cls.cr.execute("""
            INSERT INTO res_partner (name, display_name, email, minicrm_phone_digits,
                                     minicrm_agency_id, customer_state, active, type%s)
            SELECT 'Filler ' || n, 'Filler ' || n, 'filler.' || n || '@example.org',
                   '4930' || (1000000 + n), %%s, 'end', TRUE, 'contact'%s
              FROM generate_series(1, %%s) AS n
        """ % (columns, placeholders),
            (cls.agency_a.id,) + tuple(required.values()) + (FILLER_CUSTOMERS,))
        cls.cr.execute("ANALYZE res_partner")

    def plan(self, text):
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
            self.cr.execute("EXPLAIN SELECT res_partner.id FROM %s WHERE %s %s LIMIT 80"
                            % (from_clause, where_clause, order_by), params)
            return "\n".join(row[0] for row in self.cr.fetchall())
        finally:
            self.cr.execute("RESET enable_seqscan")

    def test_name_and_email_search_use_trigram_indexes(self):
        plan = self.plan("smi")
        self.assertIn("res_partner_minicrm_name_trgm_idx", plan)
        self.assertIn("res_partner_minicrm_email_trgm_idx", plan)
        self.assertNotIn("Seq Scan on res_partner", plan)

    def test_phone_search_uses_the_digits_trigram_index(self):
        plan = self.plan("06 12 34")
        self.assertIn("res_partner_minicrm_minicrm_phone_digits_trgm_idx", plan)
        self.assertNotIn("Seq Scan on res_partner", plan)

    def test_trigram_indexes_exist_once(self):
        self.cr.execute("""SELECT indexname FROM pg_indexes WHERE tablename = 'res_partner'
                           AND indexdef LIKE '%%gin_trgm_ops%%' ORDER BY indexname""")
        self.assertEqual([row[0] for row in self.cr.fetchall()], TRIGRAM_INDEXES)
        # init() again (as an upgrade does) must neither fail nor duplicate.
        self.env["res.partner"].init()
        self.cr.execute("SELECT count(*) FROM pg_indexes WHERE indexdef LIKE '%%gin_trgm_ops%%'")
        self.assertEqual(self.cr.fetchone()[0], len(TRIGRAM_INDEXES))

    def test_install_hook_computes_phone_digits_like_the_orm(self):
        customers = self.env["res.partner"]
        for index, (phone, mobile) in enumerate(PHONES):
            customers |= self.create_customer(self.staff_a1, "Phone", "Case%d" % index,
                                              "phone%d@example.com" % index,
                                              phone=phone, mobile=mobile)
        by_orm = customers.sudo().mapped(lambda customer: customer.minicrm_phone_digits)
        self.cr.execute("UPDATE res_partner SET minicrm_phone_digits = NULL WHERE id IN %s",
                        (tuple(customers.ids),))
        fill_phone_digits(self.cr, customers.ids)
        customers.invalidate_cache()
        by_sql = customers.sudo().mapped(lambda customer: customer.minicrm_phone_digits)
        self.assertEqual(by_sql, by_orm)
        self.assertEqual(by_orm[0], "33612345678 0711223344")
