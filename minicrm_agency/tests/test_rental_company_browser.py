# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import PORT, HttpCase, at_install, post_install

from .common import BROWSER_PYTHON, CUSTOMERS_ACTION, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "rental_company_browser_tour.py")


@at_install(False)
@post_install(True)
class TestRentalCompanyBrowser(HttpCase):
    """Headless Chromium as the demo manager Anna on the form of a demo
    customer who booked with two companies: "Choose rental company" works
    without Edit and never leaves the form dirty."""

    def test_choose_rental_company_in_read_and_edit_mode(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        customer = self.env.ref("minicrm_agency.demo_customer_01")
        action = self.env.ref(CUSTOMERS_ACTION)
        config = {
            "base_url": "http://127.0.0.1:%s" % PORT, "screenshot_dir": SCREENSHOT_DIR,
            "login": "anna.staff@alpha-travel.example", "password": "demo",
            "menu": "minicrm_agency.menu_minicrm_root", "fallback_customer": customer.name,
            "form_url": "/web#id=%d&model=res.partner&view_type=form&action=%d" % (
                customer.id, action.id),
            "first_company": self.env.ref("minicrm_agency.demo_company_riviera").name,
            "second_company": self.env.ref("minicrm_agency.demo_company_alpine").name}
        output = subprocess.run(
            [BROWSER_PYTHON, TOUR, json.dumps(config)], env=dict(os.environ, TZ="UTC"),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-3000:])
        report = json.loads(output.stdout.decode().strip().splitlines()[-1])
        failed = ["%s: %s" % (step["step"], step["error"]) for step in report["steps"]
                  if not step["ok"]]
        self.assertFalse(failed, "Steps failed in the browser:\n" + "\n".join(failed))
        self.assertFalse(report["page_errors"], report["page_errors"])
        self.assertEqual(len(report["steps"]), 3)
        self.assertNotEqual(report["read_mode"], report["edit_mode"])
