# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A customer's copy of their data, over the routes a real client uses:
staff download one customer of their own agency, a portal customer their
records in every agency; nobody gets another person's data or another
agency's, and every download is in the register."""
import json

from odoo.tests.common import PORT, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmAttackCase

BASE = "http://127.0.0.1:%s" % PORT


@at_install(False)
@post_install(True)
class TestPersonalDataHttp(MinicrmAttackCase):

    def setup_http_fixtures(self):
        env = type(self).env
        # The same person is also a customer of agency B.
        self.customer_a_in_b = self.create_customer(
            self.staff_b1.with_env(env), "Ann", "Smith", "ann.smith@example.com",
            phone="+41 79 555 01 01", comment="Agency B's own note about Ann")
        self.customer_a.with_env(env).write({"comment": "Agency A's note about Ann"})
        self.link_portal_login(self.customer_a.with_env(env), PASSWORD)
        self.link_portal_login(self.customer_a_in_b.with_env(env), PASSWORD)

    def download(self, url):
        answer = self.opener.get(BASE + url, timeout=60)
        return answer.status_code, answer

    def register(self):
        return self.in_test_cursor(lambda env: env["minicrm.privacy.log"].search([]).read(
            ["kind", "partner_id", "agency_id"]))

    def test_staff_download_their_agencys_customer(self):
        self.login("staff_a1", PASSWORD)
        action = self.result(self.json_call("/web/dataset/call_button", {
            "model": "res.partner", "method": "action_minicrm_export_personal_data",
            "args": [[self.customer_a.id]]}))
        self.assertEqual(action["type"], "ir.actions.act_url")
        status, answer = self.download(action["url"])
        self.assertEqual(status, 200)
        self.assertIn("attachment", answer.headers.get("Content-Disposition", ""))
        data = answer.json()
        self.assertEqual(len(data["customer_records"]), 1)
        record = data["customer_records"][0]
        self.assertEqual(record["customer"]["email"], "ann.smith@example.com")
        self.assertEqual(record["customer"]["comment"], "Agency A's note about Ann")
        self.assertIn(self.booking_a.name, [booking["name"] for booking in record["bookings"]])
        text = json.dumps(data)
        for other in ("bob.brown", "Agency B's own note", "+41 79 555 01 01"):
            self.assertNotIn(other, text)
        self.assertEqual([(entry["kind"], entry["partner_id"][0], entry["agency_id"][0])
                          for entry in self.register()],
                         [("export", self.customer_a.id, self.agency_a.id)])

    def test_another_agencys_staff_get_nothing(self):
        self.login("staff_b1", PASSWORD)
        self.assert_refused(self.json_call("/web/dataset/call_button", {
            "model": "res.partner", "method": "action_minicrm_export_personal_data",
            "args": [[self.customer_a.id]]}), "ann.smith")
        status, answer = self.download("/minicrm/personal-data/%d" % self.customer_a.id)
        self.assertEqual(status, 404)
        self.assertNotIn("ann.smith", answer.text)
        self.assertEqual(self.register(), [])

    def test_portal_customer_downloads_all_and_only_their_data(self):
        self.login("ann.smith@example.com", PASSWORD)
        status, answer = self.download("/my/personal-data")
        self.assertEqual(status, 200)
        data = answer.json()
        self.assertEqual(sorted(record["agency"] for record in data["customer_records"]),
                         sorted([self.agency_a.name, self.agency_b.name]))
        self.assertEqual(data["login"]["login"], "ann.smith@example.com")
        text = json.dumps(data)
        self.assertIn("+41 79 555 01 01", text)
        self.assertIn(self.booking_a.name, text)
        # Staff's notes are not the customer's to read; nobody else is in it.
        for other in ("bob.brown", "Agency A's note", "Agency B's own note", self.booking_b.name):
            self.assertNotIn(other, text)
        self.assertEqual(sorted((entry["kind"], entry["partner_id"][0])
                                for entry in self.register()),
                         sorted([("portal_export", self.customer_a.id),
                                 ("portal_export", self.customer_a_in_b.id)]))
        # The staff route is not the customer's.
        status, _answer = self.download("/minicrm/personal-data/%d" % self.customer_a.id)
        self.assertEqual(status, 404)
