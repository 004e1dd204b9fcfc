# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Record ids sent by an RPC client (``read``, ``write``, buttons…) that
are not whole numbers reach PostgreSQL as they are: Odoo 11 answers
``'abc'`` with a database error, logged as ERROR. They are refused where
they enter, in ``odoo.api.call_kw_multi``, with a clear UserError. Only in
databases where this addon is installed."""
from odoo import _, api
from odoo.exceptions import UserError

ADDON = __name__.split(".")[2]
_call_kw_multi = api.call_kw_multi


def is_record_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def call_kw_multi(method, model, args, kwargs):
    if args and ADDON in model.pool._init_modules:
        ids = args[0] if isinstance(args[0], (list, tuple)) else [args[0]]
        invalid = [value for value in ids if not is_record_id(value)]
        if invalid:
            raise UserError(_("%r is not a record id: ids are whole numbers.") % (invalid[0],))
    return _call_kw_multi(method, model, args, kwargs)


api.call_kw_multi = call_kw_multi
