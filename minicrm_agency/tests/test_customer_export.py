# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import json

from werkzeug.urls import url_encode

from odoo import fields
from odoo.tests.common import at_install, post_install
from odoo.tools.safe_eval import safe_eval

from odoo.addons.base_access_hardening.models.csv_formula import FORMULA_PREFIXES
from .common import CUSTOMERS_ACTION, NEXT_YEAR, PASSWORD, MinicrmAttackCase

BOM = b"\xef\xbb\xbf"
TRICKY_NAME = "=HYPERLINK(\"http://evil.example\",\"x\")"
# What the web client's "Export customers" sends: the list's domain (the
# action's and the search's), and the selected ids or none.
EXPORT_ROUTE = "/minicrm/customers/export"


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestCustomerExport(MinicrmAttackCase):
    """"Export customers" on the customer list, as the web client calls it,
    as staff: the agency's columns, a readable name, UTF-8 with a byte-order
    mark, local times, phones as typed, no cell a spreadsheet runs; the
    selected customers or the whole search, as the user's rules allow."""

    def setup_http_fixtures(self):
        env = type(self).env
        env["res.users"].browse([self.staff_a1.id, self.staff_a2.id]).write(
            {"tz": "Europe/Paris"})
        type(self).tricky = self.create_customer(
            self.staff_a1, TRICKY_NAME, "Zoé", "+plus@example.com",
            phone="+351 912 345 678", mobile="@SUM(1)")
        type(self).other = self.create_customer(
            self.staff_a1, "Élodie", "Ørsted", "elodie@example.com", phone="06 12 34 56 78")

    def export(self, login, ids=None, search=None):
        self.login(login, PASSWORD)
        domain = safe_eval(self.env.ref(CUSTOMERS_ACTION).domain) + (search or [])
        response = self.url_open("%s?%s" % (EXPORT_ROUTE, url_encode({
            "data": json.dumps({"domain": domain, "ids": ids or []}), "token": "42"})))
        self.assertEqual(response.status_code, 200, response.text[:500])
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        return response

    def rows(self, response):
        self.assertTrue(response.content.startswith(BOM), response.content[:20])
        return list(csv.reader(io.StringIO(response.content[len(BOM):].decode("utf-8"))))

    def by_email(self, rows):
        email = rows[0].index("Email")
        return {row[email]: dict(zip(rows[0], row)) for row in rows[1:]}

    def test_file_is_named_after_the_agency_and_the_day(self):
        response = self.export("staff_a1")
        today = fields.Date.context_today(self.env["res.partner"].with_context(
            tz="Europe/Paris"))
        self.assertIn("Test%%20Agency%%20A%%20customers%%20%s.csv" % today,
                      response.headers["Content-Disposition"])
        # The web client's download waits for its token in this cookie.
        self.assertIn("fileToken=42", response.headers.get("Set-Cookie", ""))

    def test_columns_are_the_agencys_without_technical_or_accounting_ones(self):
        rows = self.rows(self.export("staff_a1"))
        self.assertEqual(rows[0], [
            "First name", "Last name", "Email", "Phone", "Mobile", "Language", "Customer type",
            "Number of bookings", "Last booking", "Next pickup", "Total spent"])
        for row in rows[1:]:
            self.assertFalse(any(cell.startswith("__export__") for cell in row), row)

    def test_whole_search_when_nothing_is_selected(self):
        rows = self.by_email(self.rows(self.export("staff_a1")))
        self.assertEqual(set(rows), {"ann.smith@example.com", "'+plus@example.com",
                                     "elodie@example.com"})
        rows = self.by_email(self.rows(self.export(
            "staff_a1", search=[("minicrm_search", "ilike", "elodie")])))
        self.assertEqual(set(rows), {"elodie@example.com"})

    def test_selected_customers_only_and_never_another_agencys(self):
        rows = self.by_email(self.rows(self.export(
            "staff_a1", ids=[self.other.id, self.customer_b.id])))
        self.assertEqual(set(rows), {"elodie@example.com"})

    def test_accents_phones_as_typed_local_times_and_no_formula(self):
        content = self.export("staff_a1").content
        rows = self.by_email(self.rows(self.export("staff_a1")))
        ann, tricky = rows["ann.smith@example.com"], rows["'+plus@example.com"]
        self.assertEqual(ann["Phone"], "+33 6 12 34 56 78")
        self.assertEqual(ann["Mobile"], "07 11 22 33 44")
        self.assertEqual(tricky["Phone"], "+351 912 345 678")
        self.assertEqual(tricky["First name"], "'" + TRICKY_NAME)
        self.assertEqual(tricky["Mobile"], "'@SUM(1)")
        self.assertEqual(tricky["Last name"], "Zoé")
        self.assertIn("Élodie,Ørsted".replace(",", '","').encode("utf-8"), content)
        # The fixtures' pickup is 09:00 UTC on 1 June: 11:00 in Paris.
        self.assertEqual(ann["Next pickup"], "%d-06-01 11:00" % NEXT_YEAR)
        self.assertEqual(ann["Number of bookings"], "2")
        self.assertEqual(ann["Customer type"], "End user")
        for row in rows.values():
            for header, cell in row.items():
                if header not in ("Phone", "Mobile") or not cell.startswith("+"):
                    self.assertFalse(cell.startswith(FORMULA_PREFIXES), (header, cell))

    def test_company_limited_user_gets_customers_without_figures(self):
        rows = self.rows(self.export("staff_a2"))
        self.assertEqual(rows[0], ["First name", "Last name", "Email", "Phone", "Mobile",
                                   "Language", "Customer type"])
        visible = self.in_test_cursor(lambda env: env["res.partner"].sudo(
            self.staff_a2.id).search([("customer_state", "!=", False)]).mapped("email"))
        self.assertEqual(sorted(row[2].lstrip("'") for row in rows[1:]), sorted(visible))

    def test_bad_input_is_a_clean_refusal(self):
        self.login("staff_a1", PASSWORD)
        for data in ("not json", json.dumps({"domain": "abc"}),
                     json.dumps({"domain": [], "ids": ["abc"]}),
                     json.dumps({"domain": [("no_such_field", "=", 1)]})):
            response = self.url_open("%s?%s" % (EXPORT_ROUTE, url_encode({"data": data})))
            self.assertNotIn("text/csv", response.headers.get("Content-Type", ""), data)
            self.assertNotIn("ann.smith", response.text)
