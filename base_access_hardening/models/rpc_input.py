# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values an RPC client sends that Odoo 11 hands to PostgreSQL as they are:
a record id ``'abc'`` in ``read``/``write``, or in a many2one, integer or
x2many command of ``create``/``write``, fails in the database (a "bad
query" logged as ERROR) or in Python (a ValueError, a server error). They
are refused where they enter, in ``odoo.api.call_kw_model`` and
``call_kw_multi``, with a clear UserError; code inside the server is not
affected. Only in databases where this addon is installed."""
from odoo import _, api
from odoo.exceptions import UserError

ADDON = __name__.split(".")[2]
ID_FIELD_TYPES = ("many2one", "integer")
X2MANY_TYPES = ("one2many", "many2many")
_call_kw_model = api.call_kw_model
_call_kw_multi = api.call_kw_multi


def is_record_id(value):
    return isinstance(value, int) and not isinstance(value, bool)


def refuse(value):
    raise UserError(_("%r is not a record id: ids are whole numbers.") % (value,))


def check_ids(ids):
    for value in ids if isinstance(ids, (list, tuple)) else [ids]:
        if not is_record_id(value):
            refuse(value)


def check_commands(commands):
    if not isinstance(commands, (list, tuple)):
        refuse(commands)
    for command in commands:
        if is_record_id(command):
            continue
        if not isinstance(command, (list, tuple)) or not command or command[0] not in range(7):
            raise UserError(_("%r is not a valid list of records.") % (command,))
        if command[0] in (1, 2, 3, 4):
            check_ids(command[1])
        elif command[0] == 6:
            check_ids(command[2] if len(command) > 2 else None)


def check_values(model, values):
    if not isinstance(values, dict):
        raise UserError(_("The values to save must be a dictionary."))
    for name, value in values.items():
        field = model._fields.get(name)
        if field is None or value is False or value is None:
            continue
        if field.type in ID_FIELD_TYPES and not is_record_id(value):
            raise UserError(_("%(field)s: %(value)r is not a whole number.") % {
                "field": field.string, "value": value})
        if field.type in X2MANY_TYPES:
            check_commands(value)


def installed(model):
    return ADDON in model.pool._init_modules


def call_kw_model(method, model, args, kwargs):
    if method.__name__ == "create" and installed(model):
        check_values(model, args[0] if args else kwargs.get("vals"))
    return _call_kw_model(method, model, args, kwargs)


def call_kw_multi(method, model, args, kwargs):
    if args and installed(model):
        check_ids(args[0])
        if method.__name__ == "write":
            check_values(model, args[1] if len(args) > 1 else kwargs.get("vals"))
    return _call_kw_multi(method, model, args, kwargs)


api.call_kw_model = call_kw_model
api.call_kw_multi = call_kw_multi
