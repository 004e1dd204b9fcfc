# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests.common import HttpCase, at_install, post_install

from .common import BROWSER_PYTHON, CUSTOMERS_ACTION, run_staff_tour

TOUR = "rental_company_browser_tour.py"


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
            "login": "anna.staff@alpha-travel.example", "password": "demo",
            "menu": "minicrm_agency.menu_minicrm_root", "fallback_customer": customer.name,
            "form_url": "/web#id=%d&model=res.partner&view_type=form&action=%d" % (
                customer.id, action.id),
            "first_company": self.env.ref("minicrm_agency.demo_company_riviera").name,
            "second_company": self.env.ref("minicrm_agency.demo_company_alpine").name}
        report = run_staff_tour(self, TOUR, config)
        self.assertEqual(len(report["steps"]), 3)
        self.assertNotEqual(report["read_mode"], report["edit_mode"])
