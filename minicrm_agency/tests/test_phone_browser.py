# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import PORT, HttpCase, at_install, post_install

from .common import BROWSER_PYTHON, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "phone_browser_tour.py")


@at_install(False)
@post_install(True)
class TestPhoneBrowser(HttpCase):
    """Headless Chromium on a 390 x 844 screen as the demo manager Anna: she
    lands on her customer list, searches a customer and opens it, with no
    error and no sideways scrolling. With OCA web_responsive, which phones
    need (Odoo 11 alone keeps its desktop layout): scripts/test.sh runs this
    test on a database of its own where web_responsive is installed."""

    def test_staff_find_a_customer_on_a_phone(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        if not self.env["ir.module.module"].search(
                [("name", "=", "web_responsive"), ("state", "=", "installed")]):
            self.skipTest("web_responsive is not installed in this database")
        config = {
            "base_url": "http://127.0.0.1:%s" % PORT, "screenshot_dir": SCREENSHOT_DIR,
            "login": "anna.staff@alpha-travel.example", "password": "demo",
            "menu": "minicrm_agency.menu_minicrm_root", "home_title": "Customers",
            "search": "Claire-Marie", "customer": "Claire-Marie Martin",
            "fallback_customer": "Claire-Marie Martin"}
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
        self.assertIn(os.path.join(SCREENSHOT_DIR, "phone-list.png"), report["screenshots"])
