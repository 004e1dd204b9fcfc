# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io

from odoo import fields
from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tools.safe_eval import safe_eval

from .common import BROWSER_PYTHON, CUSTOMERS_ACTION, run_staff_tour

TOUR = "customer_export_browser_tour.py"
ANNA = "anna.staff@alpha-travel.example"


@at_install(False)
@post_install(True)
class TestCustomerExportBrowser(HttpCase):
    """Headless Chromium as the demo's Anna on Mini-CRM › Customers:
    "Export customers" downloads her agency's customers (the whole list, then
    two selected rows from the Action menu) under a readable name, as
    UTF-8 with a byte-order mark, without an error dialog."""

    def test_staff_downloads_the_customer_list(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        anna = self.env["res.users"].search([("login", "=", ANNA)])
        customers = self.env["res.partner"].sudo(anna).search(
            safe_eval(self.env.ref(CUSTOMERS_ACTION).domain))
        config = {
            "login": ANNA, "password": "demo", "menu": "minicrm_agency.menu_minicrm_root",
            "fallback_customer": customers[0].name}
        report = run_staff_tour(self, TOUR, config)
        whole, selected = report["downloads"]
        today = fields.Date.context_today(self.env["res.partner"].with_context(tz=anna.tz))
        self.assertEqual(whole["file_name"], "%s customers %s.csv" % (
            anna.minicrm_agency_id.name, today))
        self.assertTrue(whole["content"].startswith("\ufeff"), whole["content"][:40])
        rows = list(csv.reader(io.StringIO(whole["content"][1:])))
        self.assertEqual(rows[0][:3], ["First name", "Last name", "Email"])
        self.assertEqual(sorted(row[2] for row in rows[1:]),
                         sorted(customers.mapped(lambda customer: customer.email or "")))
        selected_rows = list(csv.reader(io.StringIO(selected["content"][1:])))
        self.assertEqual(len(selected_rows), 3, selected["content"])
        self.assertTrue(set(row[2] for row in selected_rows[1:]) <= set(
            row[2] for row in rows[1:]))
