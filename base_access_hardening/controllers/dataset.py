# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import inspect

from odoo import _, api, http
from odoo.exceptions import MissingError, UserError
from odoo.http import request

from odoo.addons.web.controllers.main import DataSet

from ..models.rpc_input import check_ids


def check_model(model):
    """A model name the client sends: Odoo 11 looks it up as it comes (a
    KeyError, a server error, for a NUL or an unknown name)."""
    if not isinstance(model, str) or model not in request.env:
        raise UserError(_("There is no such kind of record: %r.") % (model,))


def check_arguments(model, method, args, kwargs):
    """Arguments that do not fit the method: Odoo 11 calls it anyway, and
    the TypeError is a server error logged as ERROR. A method that does not
    exist is one too (an AttributeError). Private methods are left to
    Odoo, which refuses them."""
    if not isinstance(method, str) or method.startswith("_"):
        return
    function = getattr(type(request.env[model]), method, None)
    if not callable(function):
        raise UserError(_("%(model)s has no method %(method)r.") % {
            "model": model, "method": method})
    if not isinstance(args, list) or not isinstance(kwargs, dict):
        raise UserError(_("The arguments of %s must be a list and a dictionary.") % method)
    try:
        # The function Odoo calls: a decorator's wrapper takes what it takes.
        signature = inspect.signature(function, follow_wrapped=False)
    except (TypeError, ValueError):
        return
    # call_kw passes the ids of a method on records as the records
    # themselves, and takes the context out of the arguments (a positional
    # one too, as buttons send it): the method gets the rest.
    on_records = getattr(function, "_api", None) != "model"
    if on_records and not args:
        raise UserError(_("%s needs the ids of the records first.") % method)
    try:
        context, positional, kwargs = api.split_context(
            function, list(args[1:] if on_records else args), dict(kwargs))
    except (TypeError, ValueError):
        return
    if context is not None and not isinstance(context, dict):
        raise UserError(_("The context of %s must be a dictionary.") % method)
    try:
        signature.bind(None, *positional, **kwargs)
    except TypeError as error:
        raise UserError(_("Wrong arguments for %(method)s: %(error)s.") % {
            "method": method, "error": error})


class HardeningDataSet(DataSet):
    """Odoo 11 runs a form's ``type="object"`` button on the ids the client
    sends, whether or not the user may read those records: a button that
    only builds an action (open the invoices of a contact, say) then
    answers for another agency's record. A button runs only on records the
    user may read, as the form that shows it would. A model name that is
    not one (a NUL, a typo) is a clear refusal, not a KeyError."""

    def _call_kw(self, model, method, args, kwargs):
        check_model(model)
        check_arguments(model, method, args, kwargs)
        return super(HardeningDataSet, self)._call_kw(model, method, args, kwargs)

    @http.route()
    def search_read(self, model, fields=False, offset=0, limit=False, domain=None, sort=None):
        check_model(model)
        return super(HardeningDataSet, self).search_read(
            model, fields=fields, offset=offset, limit=limit, domain=domain, sort=sort)

    @http.route()
    def call_button(self, model, method, args, domain_id=None, context_id=None):
        check_model(model)
        if args:
            ids = args[0]
            check_ids(ids)
            records = request.env[model].browse(ids)
            # Odoo's read check lets ids that do not exist through.
            if len(records.exists()) != len(set(records.ids)):
                raise MissingError(_("This record does not exist any more: reload the page."))
            records._check_read_access()
        return super(HardeningDataSet, self).call_button(
            model, method, args, domain_id=domain_id, context_id=context_id)
