# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import http
from odoo.http import request

from odoo.addons.web.controllers.main import DataSet

# The largest limit a client may ask for: above it, count exactly.
MAX_COUNT_LIMIT = 100000


class MinicrmDataSet(DataSet):
    """The list's search_read, with its total counted up to the limit the
    list's action gives in the context key ``minicrm_count_limit`` (the
    customer and booking lists). Other lists are counted as in Odoo."""

    @http.route()
    def search_read(self, model, fields=False, offset=0, limit=False, domain=None, sort=None):
        count_limit = request.context.get("minicrm_count_limit")
        # An unknown model name goes to Odoo's route (refused there).
        Model = request.env[model] if isinstance(model, str) and model in request.env else None
        valid = (isinstance(count_limit, int) and not isinstance(count_limit, bool)
                 and 0 < count_limit <= MAX_COUNT_LIMIT)
        if not (valid and Model is not None and Model._minicrm_count_limited):
            return super(MinicrmDataSet, self).search_read(
                model, fields=fields, offset=offset, limit=limit, domain=domain, sort=sort)
        records = Model.search_read(domain, fields, offset=offset or 0, limit=limit or False,
                                    order=sort or False)
        if limit and len(records) == limit:
            # Past the limit, count up to the page shown, so that it has a next page.
            length = Model._search_count_limited(
                domain or [], max(count_limit, (offset or 0) + limit))
        else:
            length = len(records) + (offset or 0)
        return {"length": length, "records": records}
