# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo import SUPERUSER_ID, api
from odoo.tests.common import HttpCase, at_install, post_install
from odoo.tests.common import PORT

from odoo.addons.minicrm_agency.tests.common import BROWSER_PYTHON, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "portal_browser_tour.py")
NEW_MOBILE = "+33 7 98 76 54 32"
DETAILS = ("firstname", "lastname", "email", "phone", "mobile", "lang")


@at_install(False)
@post_install(True)
class TestPortalAccountBrowser(HttpCase):
    """Headless Chromium as the demo's Claire Martin, a customer of both
    agencies (Alpha Travel knows her as Claire-Marie Martin, Blue Transfers
    as Claire Martin-Roux): she changes her mobile on /my/account and saves."""

    def test_claire_changes_her_mobile_and_both_agencies_keep_the_rest(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        customers = (self.env.ref("minicrm_agency.demo_customer_01")
                     | self.env.ref("minicrm_agency.demo_customer_claire_blue"))
        before = {customer.id: {name: customer[name] for name in DETAILS}
                  for customer in customers}
        screenshot = os.path.join(SCREENSHOT_DIR, "portal-account.png")
        output = subprocess.run(
            [BROWSER_PYTHON, TOUR, "account", "http://127.0.0.1:%s" % PORT,
             "claire.martin@example.com", "demo", screenshot, NEW_MOBILE],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-2000:])
        seen = json.loads(output.stdout.decode())
        self.assertEqual(seen["errors"], [])
        self.assertEqual(seen["alerts"], [])
        self.assertTrue(seen["saved_url"].rstrip("/").endswith("/my/home"), seen["saved_url"])
        # The page showed the phone both agencies hold.
        self.assertEqual(seen["form"]["phone"], "+33 6 12 34 56 78")
        self.assertEqual(seen["mobile_after"], NEW_MOBILE)
        # Read on the requests' cursor (HttpCase's own one does not see them).
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            claire = env.ref("minicrm_agency_portal.demo_portal_contact_claire")
            for customer in customers.with_env(env):
                expected = dict(before[customer.id], mobile=NEW_MOBILE)
                self.assertEqual({name: customer[name] for name in DETAILS}, expected,
                                 customer.minicrm_agency_id.name)
                message = customer.message_ids.filtered("tracking_value_ids")[:1]
                self.assertEqual(message.author_id, claire)
