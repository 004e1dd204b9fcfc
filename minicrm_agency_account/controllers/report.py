# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.base_access_hardening.models.rpc_input import is_record_id
from odoo.addons.web.controllers.main import ReportController


class MinicrmReportController(ReportController):
    """A report of records the user may not read (another agency's invoice
    PDF, a guessed id) is refused with 403 or 404, as the portal's own pages
    are: Odoo 11 lets the AccessError escape, an error 500 with a logged
    traceback."""

    @http.route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        report = request.env["ir.actions.report"]._get_report_from_name(reportname)
        # What Odoo 11 would fail on with a server error: an unknown report
        # or converter, ids that are not ids, options that are not a JSON object.
        if not report or converter not in ("html", "pdf"):
            raise NotFound()
        for key in ("options", "context"):
            if data.get(key):
                try:
                    values = json.loads(data[key])
                except ValueError:
                    raise BadRequest()
                if not isinstance(values, dict):
                    raise BadRequest()
        if docids:
            try:
                ids = [int(docid) for docid in str(docids).split(",")]
            except ValueError:
                raise NotFound()
            if not all(is_record_id(record_id) and record_id > 0 for record_id in ids):
                raise NotFound()
            records = request.env[report.model].browse(ids)
            if len(records.exists()) != len(set(ids)):
                raise NotFound()
            try:
                records.check_access_rights("read")
                records.check_access_rule("read")
            except AccessError:
                raise Forbidden()
        try:
            return super(MinicrmReportController, self).report_routes(
                reportname, docids=docids, converter=converter, **data)
        except (AccessError, MissingError):
            raise Forbidden()
