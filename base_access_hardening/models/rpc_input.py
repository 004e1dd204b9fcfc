# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values an RPC client sends that Odoo 11 hands to PostgreSQL as they are:
a record id ``'abc'`` in ``read``/``write``, or in a many2one, integer or
x2many command of ``create``/``write``, fails in the database (a "bad
query" logged as ERROR) or in Python (a ValueError, a server error). They
are refused where they enter, in ``odoo.api.call_kw_model`` and
``call_kw_multi``, with a clear UserError; code inside the server is not
affected. Only in databases where this addon is installed.

Also refused there: a malformed ``__last_update`` context key (Odoo's
concurrency check sends its values to PostgreSQL as they are), and, for
users other than administrators, the public methods that render a mail
template text the caller gives (mako runs it with ``object.sudo()`` at
hand: the superuser's powers).

The two functions are wrapped by ``patch_call_kw()``, which the registry's
``ir.model._register_hook`` calls (``models/ir_model.py``), not as a side
effect of importing this file."""
import datetime
import re

from odoo import _, api
from odoo.exceptions import AccessError, UserError

ADDON = __name__.split(".")[2]
ID_FIELD_TYPES = ("many2one", "integer")
X2MANY_TYPES = ("one2many", "many2many")
# Set on the wrappers of odoo.api's functions, holding the function wrapped.
PATCH_MARK = "_%s_wraps" % ADDON


# PostgreSQL's integer: an id outside it is a database error, not "not found".
PG_INT_MIN, PG_INT_MAX = -2 ** 31, 2 ** 31 - 1


def is_whole_number(value):
    return isinstance(value, int) and not isinstance(value, bool)


def is_record_id(value):
    """A value PostgreSQL compares with an id column."""
    return is_whole_number(value) and PG_INT_MIN <= value <= PG_INT_MAX


def refuse(value):
    if is_whole_number(value):
        raise UserError(_("There is no record with the id %r.") % (value,))
    raise UserError(_("%r is not a record id: ids are whole numbers.") % (value,))


def check_ids(ids):
    """Ids of records a client names: whole numbers from 1 up (Odoo 11 takes
    0 for a record and fails in Python, a huge id fails in the database)."""
    for value in ids if isinstance(ids, (list, tuple)) else [ids]:
        if not is_record_id(value) or value <= 0:
            refuse(value)


def check_page(offset, limit):
    """A search's offset and limit: Odoo 11 puts them in the SQL as they come.
    Any false value means none, as in Odoo (its own XML-RPC test sends ``{}``)."""
    for name, value in (("offset", offset), ("limit", limit)):
        if value and not (
                is_whole_number(value) and 0 <= value <= PG_INT_MAX):
            raise UserError(_("The %s of a search must be a whole number.") % name)


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


def check_ids_in_values(model, values):
    """The ids in the values a client saves: many2one and integer fields hold
    whole numbers PostgreSQL takes, x2many fields valid commands."""
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


# Odoo's concurrency check (BaseModel._check_concurrency) reads this context
# key as {"model,id": "YYYY-MM-DD HH:MM:SS[.ffffff]"} and hands its values to
# PostgreSQL: anything else is a server error.
LAST_UPDATE_KEY = "__last_update"
RECORD_REF_RE = re.compile(r"^[\w.]+,\d+$")
STAMP_RE = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?$")
# Public methods that render a mail template text given by the caller: the
# text runs as Python (mako), where ``object.sudo()`` is the superuser.
TEMPLATE_RENDERERS = {"render_template", "render_post_process"}
TEMPLATE_MODELS = {"mail.template", "mail.compose.message"}


def is_stamp(value):
    if not isinstance(value, str) or not STAMP_RE.match(value):
        return False
    try:
        datetime.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return False
    return True


def check_context(context):
    stamps = context.get(LAST_UPDATE_KEY) if isinstance(context, dict) else None
    if stamps is None:
        return
    if not isinstance(stamps, dict) or not all(
            isinstance(ref, str) and RECORD_REF_RE.match(ref) and (not stamp or is_stamp(stamp))
            for ref, stamp in stamps.items()):
        raise UserError(_("The form sent a malformed last-update stamp: reload the page "
                          "and save again."))


def check_method(method, model):
    if method.__name__ in TEMPLATE_RENDERERS and model._name in TEMPLATE_MODELS and \
            not model.env.user.has_group("base.group_system"):
        raise AccessError(_("Only administrators may render mail templates directly."))


def check_call(method, model, kwargs):
    check_method(method, model)
    check_context(kwargs.get("context"))


def installed(model):
    return ADDON in model.pool._init_modules


def check_call_kw_model(method, model, args, kwargs):
    if installed(model):
        check_call(method, model, kwargs)
        if method.__name__ == "create":
            check_ids_in_values(model, args[0] if args else kwargs.get("vals"))


def check_call_kw_multi(method, model, args, kwargs):
    if installed(model):
        check_call(method, model, kwargs)
    if args and installed(model):
        check_ids(args[0])
        if method.__name__ == "write":
            check_ids_in_values(model, args[1] if len(args) > 1 else kwargs.get("vals"))


def checked(call_kw, check):
    """``call_kw`` (one of ``odoo.api``'s) that runs ``check`` first. The
    wrapper is marked (``PATCH_MARK``): that is how ``patch_call_kw`` knows
    it already wrapped it (another addon's ``functools.wraps`` sets
    ``__wrapped__`` too, so that one would not tell)."""
    def call_kw_checked(method, model, args, kwargs):
        check(method, model, args, kwargs)
        return call_kw(method, model, args, kwargs)
    setattr(call_kw_checked, PATCH_MARK, call_kw)
    call_kw_checked.__name__ = call_kw.__name__
    return call_kw_checked


def patch_call_kw():
    """Wrap ``odoo.api.call_kw_model`` and ``call_kw_multi`` once per process.

    ``_register_hook`` runs each time a registry loads (every database of
    the server, every install or update), but ``odoo.api`` is shared by the
    whole process: wrapping again would stack the checks once more per load
    (as OCA's ``base_search_fuzzy`` guards its patch of ``expression``). A
    database without this addon is left alone by ``installed()``."""
    for name, check in (("call_kw_model", check_call_kw_model),
                        ("call_kw_multi", check_call_kw_multi)):
        if not hasattr(getattr(api, name), PATCH_MARK):
            setattr(api, name, checked(getattr(api, name), check))
