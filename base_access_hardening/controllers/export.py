# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io

from odoo import _, http
from odoo.exceptions import UserError
from odoo.http import request
from odoo.tools import pycompat

from odoo.addons.web.controllers.main import CSVExport, Export

from ..models.csv_formula import neutralize_formula


class MinicrmCSVExport(CSVExport):
    """Odoo's CSV export, with formula-looking cells made inert: customer
    names and notes come from anyone who sends a quote request."""

    def from_data(self, fields, rows):
        """Odoo 11's file, with ``csv_formula``'s rule instead of Odoo's:
        Odoo prefixes only ``=``, ``-`` and ``+`` (not ``@``, tab or CR), and
        phone numbers too, which staff then found with an apostrophe. Written
        here rather than after ``super()``, which would prefix them again."""
        stream = io.BytesIO()
        writer = pycompat.csv_writer(stream, quoting=1)
        writer.writerow(fields)
        for row in rows:
            writer.writerow([pycompat.to_text(neutralize_formula(value)) for value in row])
        return stream.getvalue()


class HardeningExport(Export):
    """A saved export list, in the export dialog, without the fields the
    user may not read (``groups=``): Odoo 11 looked them up among the fields
    the user may read and failed (a KeyError), so the whole list was refused
    to such users. The export itself still refuses those fields."""

    @http.route()
    def namelist(self, model, export_id):
        if not isinstance(model, str) or model not in request.env or not isinstance(
                export_id, int) or isinstance(export_id, bool) or not 0 < export_id < 2 ** 31:
            raise UserError(_("This export list does not exist."))
        export = request.env["ir.exports"].search(
            [("id", "=", export_id), ("resource", "=", model)])
        if not export:
            raise UserError(_("This export list does not exist."))
        readable = request.env[model].fields_get(attributes=["type"])
        readable[".id"] = readable["id"] = {}
        lines = export.export_fields.read(["name"])
        names = [line["name"] for line in lines
                 if line["name"] and line["name"].split("/")[0] in readable]
        fields_data = self.fields_info(model, names)
        return [{"name": name, "label": fields_data[name]} for name in names
                if name in fields_data]
