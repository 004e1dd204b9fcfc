# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from werkzeug.urls import url_encode

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import security
from odoo.tests.common import HttpCase, at_install, get_db_name, post_install
from odoo.tools import mute_logger

from .common import PASSWORD, MinicrmFixtures


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestCsvExport(MinicrmFixtures, HttpCase):
    """Odoo's built-in CSV export, through HTTP, as a logged-in staff user."""

    def setUp(self):
        super(TestCsvExport, self).setUp()
        # Odoo 11's HttpCase writes through a cursor that HTTP requests do not
        # see. Fixtures and the login go through short-lived cursors on the
        # shared test transaction (rolled back when the test ends); keeping
        # one open would block the requests.
        with self.registry.cursor() as cr:
            type(self).env = api.Environment(cr, SUPERUSER_ID, {})
            self.setup_minicrm_fixtures()
        type(self).env = self.env
        self.login("staff_a1", PASSWORD)

    def login(self, login, password):
        """HttpCase.authenticate, with the user looked up on the test cursor."""
        uid = self.registry["res.users"].authenticate(get_db_name(), login, password, None)
        self.assertTrue(uid, "%s could not log in" % login)
        with self.registry.cursor() as cr:
            user_env = api.Environment(cr, uid, {})
            self.session.uid, self.session.login = uid, login
            self.session.session_token = security.compute_session_token(self.session, user_env)
            self.session.context = dict(user_env["res.users"].context_get(), uid=uid)
        odoo.http.root.session_store.save(self.session)

    def export_csv(self, ids=False, domain=None):
        data = json.dumps({
            "model": "res.partner",
            "fields": [{"name": "name", "label": "Name"}, {"name": "email", "label": "Email"},
                       {"name": "booking_count", "label": "Bookings"}],
            "ids": ids, "domain": domain or [("customer_state", "!=", False)],
            "import_compat": False,
        })
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        # A login page or an error page would make the checks below vacuous.
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        return response

    def test_export_lists_own_agency_customers_only(self):
        response = self.export_csv()
        self.assertEqual(response.status_code, 200)
        self.assertIn("ann.smith@example.com", response.text)
        self.assertNotIn("bob.brown@example.com", response.text)

    @mute_logger("odoo.addons.web.controllers.main")  # the refusal is logged as an error
    def test_export_of_foreign_ids_leaks_nothing(self):
        data = json.dumps({
            "model": "res.partner", "fields": [{"name": "email", "label": "Email"}],
            "ids": [self.customer_b.id], "domain": [], "import_compat": False})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        self.assertNotIn("bob.brown@example.com", response.text)
        self.assertNotIn("Brown", response.text)
        # Odoo answers an access error: the export itself is refused.
        self.assertIn("AccessError", response.text)

    def test_agency_customers_export_template_has_the_list_columns(self):
        template = self.env.ref("minicrm_agency.export_agency_customers")
        self.assertEqual(template.export_fields.mapped("name"),
                         ["name", "email", "phone", "booking_count", "last_booking_date"])
