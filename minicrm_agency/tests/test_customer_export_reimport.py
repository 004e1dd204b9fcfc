# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools.safe_eval import safe_eval

from .common import CUSTOMERS_ACTION, MinicrmCase

# The import dialog's options for a CSV file (its defaults).
IMPORT_OPTIONS = {"quoting": '"', "separator": ",", "headers": True, "encoding": "utf-8"}
COMPARED = ("firstname", "lastname", "email", "phone", "mobile", "lang", "customer_state")


class TestCustomerExportReimport(MinicrmCase):
    """The file of "Export customers" goes through Odoo's import as it is
    (Customers › Import, the columns the dialog matches by itself): the same
    names, emails, phones, language and type, formula-looking ones included;
    the figures are the agency's and are not imported."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.tricky = cls.create_customer(
            cls.staff_a1, "=HYPERLINK(\"http://evil.example\")", "-Dash", "+plus@example.com",
            phone="+351 912 345 678", mobile="@SUM(1)")
        cls.accented = cls.create_customer(
            cls.staff_a1, "Élodie", "Ørsted", "elodie@example.com", phone="06 12 34 56 78",
            lang="fr_FR" if cls.env["res.lang"].search([("code", "=", "fr_FR")]) else "en_US")

    def screen(self, user, model):
        return self.env[model].sudo(user).with_context(
            **self.screen_context(user, CUSTOMERS_ACTION))

    def test_export_imports_back_unchanged(self):
        Partner = self.screen(self.staff_a1, "res.partner")
        exported = Partner._minicrm_customers_to_export(
            safe_eval(self.env.ref(CUSTOMERS_ACTION).domain))
        self.assertEqual(len(exported), 3)
        content = b"".join(exported._minicrm_customer_csv())

        # Staff of another agency import it: the same emails are free there.
        importer = self.screen(self.staff_b1, "base_import.import").create({
            "res_model": "res.partner", "file": content, "file_type": "text/csv",
            "file_name": "customers.csv"})
        preview = importer.parse_preview(IMPORT_OPTIONS)
        self.assertNotIn("error", preview, preview)
        columns = ["/".join(preview["matches"].get(index) or []) or False
                   for index in range(len(preview["headers"]))]
        self.assertEqual(columns, list(COMPARED) + [False] * 4)
        self.assertEqual(importer.do(columns, IMPORT_OPTIONS), [])

        imported = self.screen(self.staff_b1, "res.partner").search(
            [("email", "in", exported.mapped("email"))])
        self.assertEqual(len(imported), 3)

        def values(customers):
            return sorted([record[name] for name in COMPARED]
                          for record in customers.read(list(COMPARED)))
        self.assertEqual(values(imported), values(exported))
