# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import os

from .common import CUSTOMERS_ACTION, MinicrmCase

TEMPLATE = os.path.join(os.path.dirname(__file__), os.pardir, "static", "xls",
                        "minicrm_customers_import_template.csv")
OPTIONS = {"headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}


class TestImport(MinicrmCase):
    """Mini-CRM › Customers › Import, with the customer import template."""

    def import_as(self, user, content):
        context = self.screen_context(user, CUSTOMERS_ACTION)
        wizard = self.env["base_import.import"].sudo(user).with_context(**context).create({
            "res_model": "res.partner", "file": content, "file_type": "text/csv",
            "file_name": "customers.csv"})
        preview = wizard.parse_preview(OPTIONS)
        self.assertFalse(preview.get("error"), preview)
        fields = [(preview["matches"] or {}).get(index, [False])[0]
                  for index in range(len(preview["headers"]))]
        return fields, wizard.do(fields, OPTIONS)

    def test_template_columns_match_the_customer_fields(self):
        with open(TEMPLATE, "rb") as template:
            fields, messages = self.import_as(self.staff_a1, template.read())
        self.assertEqual(fields, ["firstname", "lastname", "email", "phone", "mobile", "lang"])
        self.assertEqual(messages, [])

    def test_staff_import_customers_with_names_phone_and_language(self):
        with open(TEMPLATE, "rb") as template:
            header = template.read().decode("utf-8").splitlines()[0]
        rows = [header, "Paul,Durand,paul.durand@example.com,+33 4 93 00 00 00,,en_US",
                "Lena,Weber,,,+49 151 000000,English"]
        fields, messages = self.import_as(self.staff_a1, "\n".join(rows).encode("utf-8"))
        self.assertEqual(messages, [])
        customers = self.as_user(self.staff_a1, "res.partner").search(
            [("lastname", "in", ("Durand", "Weber"))], order="lastname")
        self.assertEqual(
            [(c.name, c.phone, c.mobile, c.lang, c.customer_state, c.minicrm_agency_id)
             for c in customers],
            [("Paul Durand", "+33 4 93 00 00 00", False, "en_US", "end", self.agency_a),
             ("Lena Weber", False, "+49 151 000000", "en_US", "end", self.agency_a)])

    def test_template_is_offered_in_the_configuration_menu(self):
        action = self.env.ref("minicrm_agency.action_minicrm_customer_import_template")
        self.assertTrue(action.url.endswith("/static/xls/minicrm_customers_import_template.csv"))
        self.assertTrue(os.path.isfile(TEMPLATE))
