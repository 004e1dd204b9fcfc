# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from odoo.tests.common import HttpCase, at_install, post_install

from .common import BROWSER_PYTHON, SCREENSHOT_DIR, run_staff_tour

TOUR = "phone_browser_tour.py"


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
            "login": "anna.staff@alpha-travel.example", "password": "demo",
            "menu": "minicrm_agency.menu_minicrm_root", "home_title": "Customers",
            "search": "Claire-Marie", "customer": "Claire-Marie Martin",
            "fallback_customer": "Claire-Marie Martin"}
        report = run_staff_tour(self, TOUR, config)
        self.assertEqual(len(report["steps"]), 3)
        self.assertIn(os.path.join(SCREENSHOT_DIR, "phone-list.png"), report["screenshots"])
