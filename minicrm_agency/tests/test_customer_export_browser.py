# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import json
import os
import subprocess

from odoo import fields
from odoo.tests.common import PORT, HttpCase, at_install, post_install
from odoo.tools.safe_eval import safe_eval

from .common import BROWSER_PYTHON, CUSTOMERS_ACTION, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "customer_export_browser_tour.py")
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
            "base_url": "http://127.0.0.1:%s" % PORT, "screenshot_dir": SCREENSHOT_DIR,
            "login": ANNA, "password": "demo", "menu": "minicrm_agency.menu_minicrm_root",
            "fallback_customer": customers[0].name}
        output = subprocess.run(
            [BROWSER_PYTHON, TOUR, json.dumps(config)], env=dict(os.environ, TZ="UTC"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-3000:])
        report = json.loads(output.stdout.decode().strip().splitlines()[-1])
        failed = ["%s: %s" % (step["step"], step["error"]) for step in report["steps"]
                  if not step["ok"]]
        self.assertFalse(failed, "Steps failed in the browser:\n" + "\n".join(failed))
        self.assertFalse(report["page_errors"], report["page_errors"])
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
