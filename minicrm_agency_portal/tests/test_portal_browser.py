# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tests.common import PORT

from odoo.addons.minicrm_agency.tests.common import BROWSER_PYTHON, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "portal_browser_tour.py")


@at_install(False)
@post_install(True)
class TestPortalBrowser(HttpCase):
    """Headless Chromium as the demo portal customer Claire Martin, who books
    with both demo agencies: login, My bookings, one booking."""

    def test_demo_customer_sees_her_bookings_of_both_agencies(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        claire = self.env.ref("minicrm_agency_portal.demo_portal_user_claire")
        expected = self.env["minicrm.booking"].sudo(claire).search([("kind", "=", "booking")])
        self.assertEqual(len(expected.mapped("agency_id")), 2)
        screenshot = os.path.join(SCREENSHOT_DIR, "portal-booking.png")
        output = subprocess.run(
            [BROWSER_PYTHON, TOUR, "http://127.0.0.1:%s" % PORT, "Claire.Martin@example.com",
             "demo", screenshot],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-2000:])
        seen = json.loads(output.stdout.decode())
        self.assertTrue(seen["home"].rstrip("/").endswith("/my"), seen["home"])
        self.assertEqual(sorted(seen["bookings"]), sorted(expected.mapped("name")))
        self.assertIn(seen["bookings"][0], seen["detail"])
        self.assertEqual(seen["errors"], [])
        # The booking's price, and its agency's time zone (the times are its).
        first = expected.filtered(lambda booking: booking.name == seen["bookings"][0])
        self.assertEqual(len(seen["price"]), 1)
        self.assertIn("%d" % first.amount, seen["price"][0])
        self.assertEqual(seen["tz"], [first.agency_id.tz])
        self.assertTrue(os.path.getsize(screenshot) > 10000)
