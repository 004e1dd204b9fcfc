# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import json

from werkzeug.urls import url_encode

from odoo.tests.common import at_install, post_install
from odoo.tools.safe_eval import safe_eval

from .common import CUSTOMERS_ACTION, PASSWORD, MinicrmAttackCase

TEMPLATE = "minicrm_agency.export_agency_customers"


@at_install(False)
@post_install(True)
class TestExportTemplateLimited(MinicrmAttackCase):
    """The export dialog's "Agency customers" list, chosen by a user limited
    to some rental companies: it loads without the figures hidden from them
    (bookings, last booking), and the export of what is left works. Other
    staff keep every column."""

    def namelist(self, login):
        self.login(login, PASSWORD)
        template = self.env.ref(TEMPLATE)
        return self.result(self.json_call("/web/export/namelist", {
            "model": "res.partner", "export_id": template.id}))

    def test_limited_user_gets_the_template_without_the_figures(self):
        names = [field["name"] for field in self.namelist("staff_a2")]
        self.assertEqual(names, ["name", "email", "phone"])
        data = json.dumps({
            "model": "res.partner", "ids": False,
            "domain": safe_eval(self.env.ref(CUSTOMERS_ACTION).domain),
            "fields": self.namelist("staff_a2"), "import_compat": False})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
        self.assertEqual(rows[0], ["Name", "Email", "Phone"])
        self.assertIn("ann.smith@example.com", [row[1] for row in rows])

    def test_other_staff_get_every_column(self):
        self.assertEqual([field["name"] for field in self.namelist("staff_a1")],
                         ["name", "email", "phone", "booking_count", "last_booking_date"])
