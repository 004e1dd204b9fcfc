# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import json

from werkzeug.urls import url_encode

from odoo.tests.common import at_install, post_install
from odoo.tools import mute_logger

from odoo.addons.base_access_hardening.models.csv_formula import FORMULA_PREFIXES, PHONE_NUMBER
from .common import PASSWORD, MinicrmHttpCase


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestCsvExport(MinicrmHttpCase):
    """Odoo's built-in CSV export, through HTTP, as a logged-in staff user."""

    def setUp(self):
        super(TestCsvExport, self).setUp()
        self.login("staff_a1", PASSWORD)

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


@at_install(False)
@post_install(True)
class TestCsvRoundTrip(MinicrmHttpCase):
    """"Agency customers" exported to CSV, then read back by Odoo's import:
    the same values, and no cell a spreadsheet would run."""

    def setup_http_fixtures(self):
        type(self).tricky = self.create_customer(
            self.staff_a1, "=HYPERLINK(\"http://evil.example\")", "-Dash", "+plus@example.com",
            phone="+351 912 345 678", mobile="-12")

    def test_export_then_import_gives_back_the_values(self):
        self.login("staff_a1", PASSWORD)
        template = self.env.ref("minicrm_agency.export_agency_customers")
        names = template.export_fields.mapped("name")
        data = json.dumps({
            "model": "res.partner", "ids": [self.tricky.id, self.customer_a.id], "domain": [],
            "fields": [{"name": name, "label": name} for name in names],
            "import_compat": True})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
        for row in rows:
            for cell in row:
                self.assertFalse(cell.startswith(FORMULA_PREFIXES) and not PHONE_NUMBER.match(
                    cell), cell)
        # A phone number holds nothing a spreadsheet could run: as typed.
        self.assertIn("+351 912 345 678", rows[1] + rows[2])
        self.assertIn("'=HYPERLINK(\"http://evil.example\") -Dash", rows[1] + rows[2])

        def read_back(env):
            importer = env["base_import.import"].create({
                "res_model": "res.partner", "file": response.content,
                "file_type": "text/csv"})
            return list(importer._read_csv({"quoting": '"', "separator": ",",
                                            "headers": True}))
        imported = self.in_test_cursor(read_back)
        expected = self.in_test_cursor(lambda env: [
            [customer.name, customer.email, customer.phone]
            for customer in env["res.partner"].browse([self.tricky.id, self.customer_a.id])])
        got = [row[:3] for row in imported[1:]]
        self.assertEqual(sorted(got), sorted(expected))
