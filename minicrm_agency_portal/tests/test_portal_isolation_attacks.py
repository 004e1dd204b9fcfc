# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Agency A's staff and portal customer, and an anonymous visitor, against
agency B's data through what the portal addon adds: whether a customer has
a login, the login page's reset form, the portal chatter and /my pages.
Each answer must be a clean refusal, and the server log must hold no ERROR.
The Mini-CRM's own doors are attacked in minicrm_agency's
test_isolation_attacks."""
import json

import requests

from odoo.tests.common import PORT, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    PASSWORD, MinicrmAttackCase, readable_fields)

CUSTOMER_A_LOGIN = "ann.smith@example.com"


@at_install(False)
@post_install(True)
class TestPortalIsolationAttacks(MinicrmAttackCase):

    def setup_http_fixtures(self):
        env = type(self).env
        env["ir.config_parameter"].set_param("auth_signup.reset_password", "True")
        self.customer_a.sudo().minicrm_portal_user_id.password = PASSWORD

    # -- names and metadata --------------------------------------------------------

    def test_shared_login_shows_neither_its_name_nor_that_it_is_shared(self):
        self.login("staff_a1", PASSWORD)
        customer_id = self.result(self.call_kw("res.partner", "create", [{
            "firstname": "Robert", "lastname": "Brun", "email": "Bob.Brown@example.com"}],
            {"context": {"default_customer_state": "end", "minicrm_customer_search": True}}))
        self.assert_refused(self.call_kw("res.partner", "read",
                                         [[customer_id], ["minicrm_portal_user_id"]]))
        values = self.result(self.call_kw("res.partner", "read", [
            [customer_id], readable_fields(self.env(user=self.staff_a1.id), "res.partner")]))
        self.assertTrue(values[0]["minicrm_has_portal_login"])
        self.assertNotIn("minicrm_portal_user_id", values[0])
        texts = {name: value for name, value in values[0].items()
                 if not name.startswith("image")}
        self.assertNotIn("Bob", json.dumps(texts))

    def test_metadata_and_groups_fields_of_foreign_records(self):
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("res.partner", "get_metadata", [[self.customer_b.id]]))
        # signup_url is restricted to user administrators by this addon.
        self.assert_refused(self.call_kw("res.partner", "export_data",
                                         [[self.customer_a.id], ["name", "signup_url"]]))

    # -- anonymous and portal routes -------------------------------------------------

    def test_reset_password_answers_alike_for_known_and_unknown_logins(self):
        pages = []
        for login in (CUSTOMER_A_LOGIN, "nobody.here@example.com"):
            session = requests.Session()
            page = session.get("http://127.0.0.1:%s/web/reset_password" % PORT, timeout=60)
            csrf = page.text.split('name="csrf_token" value="')[1].split('"')[0]
            answer = session.post("http://127.0.0.1:%s/web/reset_password" % PORT, timeout=60,
                                  data={"login": login, "csrf_token": csrf})
            self.assertEqual(answer.status_code, 200)
            pages.append(answer.text.replace(login, "LOGIN").replace(csrf, "CSRF"))
        self.assertIn("An email has been sent", pages[0])
        self.assertEqual(pages[0].count("alert"), pages[1].count("alert"))
        self.assertNotIn("invalid", pages[1].lower())

    def test_portal_chatter_on_a_foreign_booking(self):
        self.login(CUSTOMER_A_LOGIN, PASSWORD)
        base = "http://127.0.0.1:%s" % PORT
        csrf = self.opener.get(base + "/my").text.split('csrf_token: "')[1].split('"')[0] \
            if 'csrf_token: "' in self.opener.get(base + "/my").text else ""
        for extra in ({}, {"token": "abc"}):
            answer = self.opener.post(base + "/mail/chatter_post", timeout=60, data=dict(
                extra, res_model="minicrm.booking", res_id=self.booking_b.id, message="hello",
                csrf_token=csrf), allow_redirects=False)
            self.assertIn(answer.status_code, (403, 404), answer.text[:300])
            for route in ("/mail/chatter_fetch", "/mail/chatter_init"):
                answer = self.opener.post(base + route, timeout=60, json={
                    "jsonrpc": "2.0", "method": "call", "id": 1, "params": dict(
                        extra, res_model="minicrm.booking", res_id=self.booking_b.id)})
                # A clean "not found" or access error, never a server error.
                if answer.status_code != 404:
                    self.assert_refused(answer.json())
        self.assertEqual(self.opener.get(base + "/my/bookings/0").status_code, 404)
        self.assertEqual(self.opener.get(base + "/my/bookings/%s" % self.booking_b.id)
                         .status_code, 404)
