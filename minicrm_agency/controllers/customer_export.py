# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import tempfile

from werkzeug.exceptions import BadRequest, NotFound
from werkzeug.wsgi import wrap_file

from odoo import _, http
from odoo.exceptions import except_orm
from odoo.http import Response, content_disposition, request
from odoo.http import serialize_exception as serialize_error

# Record ids are PostgreSQL integers.
MAX_ID = 2 ** 31 - 1
# Kept in memory up to this size, then on disk: a big export's memory does
# not grow with its number of customers.
SPOOL_SIZE = 1024 * 1024


class CustomerExport(http.Controller):

    @http.route("/minicrm/customers/export", type="http", auth="user", methods=["GET", "POST"])
    def export_customers(self, data="{}", token=None, **kw):
        """The customer list's "Export customers": the selected customers
        (``ids``) or the list's whole search (``domain``), searched as the
        user, as a CSV file (``res.partner._minicrm_customer_csv``)."""
        if request.env.user.share:
            raise NotFound()
        try:
            params = json.loads(data)
            if not isinstance(params, dict):
                raise ValueError(_("The customers to export are not given."))
            domain, ids = params.get("domain") or [], params.get("ids") or []
            if not isinstance(domain, list) or not isinstance(ids, list) or not all(
                    isinstance(i, int) and not isinstance(i, bool) and 0 < i <= MAX_ID
                    for i in ids):
                raise ValueError(_("The customers to export are not given as a list."))
            Partner = request.env["res.partner"]
            customers = Partner._minicrm_customers_to_export(domain, ids)
            body = tempfile.SpooledTemporaryFile(max_size=SPOOL_SIZE)
            for chunk in customers._minicrm_customer_csv():
                body.write(chunk)
            name = Partner._minicrm_customer_csv_name()
        except (except_orm, ValueError, TypeError) as error:
            # Refused as the web client shows a refused download (an error
            # dialog), without an ERROR in the log: the user's input, not a bug.
            request.env.cr.rollback()
            return BadRequest(json.dumps({
                "code": 200, "message": "Odoo Server Error",
                "data": serialize_error(error)}))
        size = body.tell()
        body.seek(0)
        response = Response(
            wrap_file(request.httprequest.environ, body), direct_passthrough=True,
            headers=[("Content-Type", "text/csv; charset=utf-8"),
                     ("Content-Length", str(size)),
                     ("Content-Disposition", content_disposition(name))])
        if token:
            # The web client's download waits for this cookie.
            response.set_cookie("fileToken", token)
        return response
