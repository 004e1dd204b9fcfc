# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import PORT, HttpCase, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import BROWSER_PYTHON, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "personal_data_browser_tour.py")


@at_install(False)
@post_install(True)
class TestPersonalDataBrowser(HttpCase):
    """Headless Chromium as the demo's Claire Martin, a customer of two
    agencies: "Download my personal data" on /my gives one file with her
    records in both agencies, and nobody else's."""

    def test_claire_downloads_her_data_from_the_portal(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        login = self.env["res.users"].search([("login", "=", "claire.martin@example.com")])
        records = login.minicrm_customer_ids
        self.assertEqual(len(records.mapped("minicrm_agency_id")), 2)
        output = subprocess.run(
            [BROWSER_PYTHON, TOUR, "http://127.0.0.1:%s" % PORT, "Claire.Martin@example.com",
             "demo", os.path.join(SCREENSHOT_DIR, "portal-personal-data.png")],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-2000:])
        seen = json.loads(output.stdout.decode().strip().splitlines()[-1])
        self.assertEqual(seen["errors"], [])
        self.assertTrue(seen["file_name"].endswith(".json"), seen["file_name"])
        data = seen["data"]
        self.assertEqual(sorted(record["agency"] for record in data["customer_records"]),
                         sorted(records.mapped("minicrm_agency_id.name")))
        self.assertEqual(data["login"]["login"], "claire.martin@example.com")
        references = {booking["name"] for record in data["customer_records"]
                      for booking in record["bookings"] + record["requests"]}
        self.assertEqual(references, set(records.mapped("booking_ids.name") +
                                         records.mapped("request_ids.name")))
        # What was saved (on the requests' cursor): the download is in the
        # register, once per customer record.
        with self.registry.cursor() as cr:
            cr.execute("SELECT partner_id FROM minicrm_privacy_log WHERE kind = 'portal_export' "
                       "ORDER BY partner_id")
            self.assertEqual([row[0] for row in cr.fetchall()], sorted(records.ids))
