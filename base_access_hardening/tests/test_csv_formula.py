# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import json

from werkzeug.urls import url_encode

from odoo.tests.common import TransactionCase, at_install, post_install

from odoo.addons.base_access_hardening.models.csv_formula import (
    FORMULA_PREFIXES, neutralize_formula, restore_formula)
from .common import HardeningHttpCase

# Each starts like a formula (= + - @ TAB CR).
FORMULAS = ["=HYPERLINK(\"http://evil.example\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
            "\tcmd", "\rcmd"]
# Phone numbers start with "+" too, but hold nothing a spreadsheet could run.
PHONES = ["+351 912 345 678", "+1 (555) 123-4567", "+33.6.12/34.56.78"]
ORDINARY = ["Olivia", "'quoted", "''=twice", "a=b", "", None, 42, False]
IMPORT_OPTIONS = {"quoting": '"', "separator": ",", "headers": True}


class TestCsvFormula(TransactionCase):
    """Cells a spreadsheet would run get an apostrophe on export, which the
    import takes off again."""

    def read_back(self, content):
        importer = self.env["base_import.import"].create({
            "res_model": "res.partner", "file": content, "file_type": "text/csv"})
        return list(importer._read_csv(IMPORT_OPTIONS))

    def test_formula_like_cells_are_prefixed_with_an_apostrophe(self):
        for value in FORMULAS:
            self.assertEqual(neutralize_formula(value), "'" + value)
            self.assertEqual(restore_formula(neutralize_formula(value)), value)

    def test_phone_numbers_are_left_as_typed(self):
        for value in PHONES:
            self.assertEqual(neutralize_formula(value), value)
            self.assertEqual(restore_formula(value), value)
        # Exports made before phone numbers were left alone still import.
        self.assertEqual(restore_formula("'" + PHONES[0]), PHONES[0])

    def test_a_plus_with_more_than_phone_characters_is_still_prefixed(self):
        for value in ("+33 6 12+1", "+3 A1", "+1*2", "+ 33 6", "+33 6\n=1"):
            self.assertEqual(neutralize_formula(value), "'" + value)

    def test_import_reads_the_first_column_after_a_byte_order_mark(self):
        content = '\ufeff"name","phone"\n"Zoé","+33 6 12 34 56 78"\n'.encode("utf-8")
        self.assertEqual(self.read_back(content), [
            ["name", "phone"], ["Zoé", "+33 6 12 34 56 78"]])

    def test_other_cells_are_left_alone(self):
        for value in ORDINARY:
            self.assertEqual(neutralize_formula(value), value)
            self.assertEqual(restore_formula(value), value)

    def test_import_removes_the_apostrophe_the_export_added(self):
        content = ('"name","phone"\n"\'=1+2","\'+351 912 345 678"\n'
                   '"\'@SUM(A1)","\'-12"\n').encode("utf-8")
        self.assertEqual(self.read_back(content), [
            ["name", "phone"], ["=1+2", "+351 912 345 678"], ["@SUM(A1)", "-12"]])

    def test_import_keeps_apostrophes_it_did_not_add(self):
        content = '"name"\n"\'quoted"\n"O\'Brien"\n'.encode("utf-8")
        self.assertEqual(self.read_back(content), [["name"], ["'quoted"], ["O'Brien"]])


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestCsvExport(HardeningHttpCase):
    """Odoo's CSV export (/web/export/csv) and import, as an employee."""

    FIELDS = ["name", "phone", "mobile", "function", "ref"]
    VALUES = [FORMULAS[0], PHONES[0], FORMULAS[2], FORMULAS[3], FORMULAS[4]]

    def setup_http_fixtures(self, env):
        values = dict(zip(self.FIELDS, self.VALUES))
        type(self).tricky_id = env["res.partner"].create(values).id

    def export_csv(self, ids, import_compat):
        data = json.dumps({
            "model": "res.partner", "ids": ids, "domain": [], "import_compat": import_compat,
            "fields": [{"name": name, "label": name.title()} for name in self.FIELDS]})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        # A login page or an error page would make the checks below vacuous.
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        return response.content

    def test_csv_export_prefixes_formula_like_cells(self):
        self.login("hardening_alice")
        rows = list(csv.reader(io.StringIO(
            self.export_csv([self.tricky_id, self.contact.id], False).decode("utf-8"))))
        self.assertEqual(rows[1], ["'" + FORMULAS[0], PHONES[0]] +
                         ["'" + value for value in self.VALUES[2:]])
        self.assertEqual(rows[2][0], "Olivia Ordinary")
        for cell in rows[1] + rows[2]:
            self.assertFalse(cell.startswith(FORMULA_PREFIXES) and cell not in PHONES, cell)

    def test_export_then_import_gives_back_the_values(self):
        self.login("hardening_alice")
        content = self.export_csv([self.tricky_id], True)

        def import_as_alice(env):
            alice_env = env(user=self.alice.id)
            importer = alice_env["base_import.import"].create({
                "res_model": "res.partner", "file": content, "file_type": "text/csv"})
            messages = importer.do(self.FIELDS, dict(IMPORT_OPTIONS, encoding="utf-8"))
            self.assertEqual(messages, [])
            return alice_env["res.partner"].search(
                [("ref", "=", FORMULAS[4]), ("id", "!=", self.tricky_id)]).read(self.FIELDS)
        imported = self.in_test_cursor(import_as_alice)
        self.assertEqual(len(imported), 1)
        self.assertEqual([imported[0][name] for name in self.FIELDS], self.VALUES)
