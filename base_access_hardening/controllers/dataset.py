# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, http
from odoo.exceptions import MissingError
from odoo.http import request

from odoo.addons.web.controllers.main import DataSet

from ..models.rpc_input import check_ids


class HardeningDataSet(DataSet):
    """Odoo 11 runs a form's ``type="object"`` button on the ids the client
    sends, whether or not the user may read those records: a button that
    only builds an action (open the invoices of a contact, say) then
    answers for another agency's record. A button runs only on records the
    user may read, as the form that shows it would."""

    @http.route()
    def call_button(self, model, method, args, domain_id=None, context_id=None):
        if args and model in request.env:
            ids = args[0]
            check_ids(ids)
            records = request.env[model].browse(ids)
            # Odoo's read check lets ids that do not exist through.
            if len(records.exists()) != len(set(records.ids)):
                raise MissingError(_("This record does not exist any more: reload the page."))
            records._check_read_access()
        return super(HardeningDataSet, self).call_button(
            model, method, args, domain_id=domain_id, context_id=context_id)
