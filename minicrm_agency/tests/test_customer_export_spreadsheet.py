# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import os
import re
import shutil
import subprocess
import tempfile
import zipfile

from lxml import etree

from odoo.tools.safe_eval import safe_eval

from .common import CUSTOMERS_ACTION, NEXT_YEAR, MinicrmCase

# LibreOffice's CSV import, as strict as a spreadsheet gets: comma, double
# quotes, no character set given (the byte-order mark says UTF-8), first
# line 1, standard cells, English (US), quoted cells not forced to text,
# numbers and dates detected, formulas evaluated (tokens 7, 8 and 13).
CSV_FILTER = "CSV:44,34,,1,,1033,false,true,,,false,,true"
SHEET_NS = {"x": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
# A spreadsheet's day 0 (1900 date system, as LibreOffice writes xlsx).
DAY_ZERO = datetime.datetime(1899, 12, 30)
MALICIOUS = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(1+1)",
             "-2+3"]


def read_xlsx(path):
    """The first sheet's rows: a list of {column letter: (kind, value,
    formula)} where kind is "text" or "number"."""
    with zipfile.ZipFile(path) as book:
        strings = []
        if "xl/sharedStrings.xml" in book.namelist():
            for item in etree.fromstring(book.read("xl/sharedStrings.xml")).findall(
                    "x:si", SHEET_NS):
                strings.append("".join(item.itertext()))
        sheet = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
    rows = []
    for row in sheet.iterfind(".//x:sheetData/x:row", SHEET_NS):
        cells = {}
        for cell in row.iterfind("x:c", SHEET_NS):
            column = re.match(r"[A-Z]+", cell.get("r")).group(0)
            value = cell.findtext("x:v", namespaces=SHEET_NS)
            formula = cell.findtext("x:f", namespaces=SHEET_NS)
            kind = cell.get("t", "n")
            if kind == "s":
                cells[column] = ("text", strings[int(value)], formula)
            elif kind in ("str", "inlineStr"):
                cells[column] = ("text", value or "".join(cell.itertext()), formula)
            else:
                cells[column] = ("number", float(value) if value else None, formula)
        rows.append(cells)
    return rows


class TestCustomerExportSpreadsheet(MinicrmCase):
    """The file of "Export customers" opened by a real spreadsheet
    (LibreOffice Calc, headless, converting it to xlsx with number, date and
    formula detection on): accents intact, phones exactly as typed and as
    text, times local and read as dates, malicious names inert text."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.staff_a1.write({"tz": "Europe/Paris"})
        cls.zoe = cls.create_customer(cls.staff_a1, "Zoé", "Ørsted", "zoe@example.com",
                                      phone="+33 6 12 34 56 78", mobile="+33 (0)6 98.76.54.32")
        cls.malicious = [cls.create_customer(
            cls.staff_a1, name, "Attack%d" % index, "attack%d@example.com" % index,
            phone="+44 20 7946 000%d" % index)
            for index, name in enumerate(MALICIOUS)]

    def test_libreoffice_reads_every_cell_as_typed(self):
        soffice = shutil.which("soffice")
        if not soffice:
            self.skipTest("LibreOffice (soffice) is installed by scripts/setup.sh "
                          "with MINICRM_WITH_BROWSER=1")
        Partner = self.env["res.partner"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        customers = Partner._minicrm_customers_to_export(
            safe_eval(self.env.ref(CUSTOMERS_ACTION).domain))
        content = b"".join(customers._minicrm_customer_csv())
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "customers.csv")
            with open(path, "wb") as csv_file:
                csv_file.write(content)
            # A profile of its own: other LibreOffice runs do not lock it.
            output = subprocess.run(
                [soffice, "-env:UserInstallation=file://%s/profile" % folder, "--headless",
                 "--norestore", "--infilter=%s" % CSV_FILTER, "--convert-to", "xlsx",
                 "--outdir", folder, path],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, check=False)
            book = os.path.join(folder, "customers.xlsx")
            self.assertTrue(os.path.exists(book), output.stdout + output.stderr)
            rows = read_xlsx(book)

        headers = {column: cell[1] for column, cell in rows[0].items()}
        table = [{headers[column]: cell for column, cell in row.items()} for row in rows[1:]]
        for row in table:
            for header, cell in row.items():
                self.assertIsNone(cell[2], "%s runs as a formula: %s" % (header, cell))
        by_email = {row["Email"][1]: row for row in table}
        self.assertEqual(len(by_email), len(customers))

        zoe = by_email["zoe@example.com"]
        self.assertEqual(zoe["First name"], ("text", "Zoé", None))
        self.assertEqual(zoe["Last name"], ("text", "Ørsted", None))
        self.assertEqual(zoe["Phone"], ("text", "+33 6 12 34 56 78", None))
        self.assertEqual(zoe["Mobile"], ("text", "+33 (0)6 98.76.54.32", None))
        ann = by_email["ann.smith@example.com"]
        self.assertEqual(ann["Phone"], ("text", "+33 6 12 34 56 78", None))
        self.assertEqual(ann["Mobile"], ("text", "07 11 22 33 44", None))
        # The fixtures' pickup, 09:00 UTC on 1 June, is 11:00 in Paris; the
        # spreadsheet reads it as a date and time.
        kind, value, _formula = ann["Next pickup"]
        self.assertEqual(kind, "number", ann["Next pickup"])
        self.assertEqual(DAY_ZERO + datetime.timedelta(minutes=round(value * 24 * 60)),
                         datetime.datetime(NEXT_YEAR, 6, 1, 11, 0))
        for index, name in enumerate(MALICIOUS):
            row = by_email["attack%d@example.com" % index]
            self.assertEqual(row["First name"], ("text", "'" + name, None))
            self.assertEqual(row["Phone"], ("text", "+44 20 7946 000%d" % index, None))
