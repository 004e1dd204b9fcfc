# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Type and size checks of the values a user or an RPC client sends, so that
bad input is a ValidationError in the user's words before anything is
written, instead of a database error or a half-done write."""
import datetime
import math
import re

from odoo import _, fields
from odoo.exceptions import ValidationError

MAX_CHAR_LENGTH = 256
MAX_TEXT_LENGTH = 20000
MAX_INTEGER = 2 ** 31 - 1
# Line breaks and tabs belong in texts only; other control characters nowhere.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
LINE_BREAK_RE = re.compile(r"[\t\n\r]")


def validate_values(records, vals):
    """Raise a ValidationError naming the first invalid value in ``vals``."""
    for name, value in vals.items():
        field = records._fields.get(name)
        if field is None or value is False or value is None:
            continue
        problem = value_problem(records, field, value)
        if problem:
            raise ValidationError(_("%(field)s: %(problem)s") % {
                "field": field.string, "problem": problem})


def value_problem(records, field, value):
    checker = CHECKERS.get(field.type)
    return checker(records, field, value) if checker else None


def _text_problem(records, field, value):
    if not isinstance(value, str):
        return _("expected a text.")
    limit = MAX_TEXT_LENGTH if field.type in ("text", "html") else (
        field.size or MAX_CHAR_LENGTH)
    if len(value) > limit:
        return _("the text is too long (%(length)d characters, at most %(limit)d).") % {
            "length": len(value), "limit": limit}
    if CONTROL_RE.search(value) or (field.type == "char" and LINE_BREAK_RE.search(value)):
        return _("the text contains control characters.")
    return None


def _selection_problem(records, field, value):
    allowed = [key for key, _label in field._description_selection(records.env)]
    if value not in allowed:
        return _("'%s' is not one of the allowed values.") % (value,)
    return None


def _integer_problem(records, field, value):
    if isinstance(value, bool) or not isinstance(value, int):
        return _("expected a whole number.")
    if abs(value) > MAX_INTEGER:
        return _("the number is too large.")
    return None


def _float_problem(records, field, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (
            isinstance(value, float) and not math.isfinite(value)):
        return _("expected a number.")
    return None


def _boolean_problem(records, field, value):
    if value not in (True, False, 0, 1):
        return _("expected true or false.")
    return None


def _many2one_problem(records, field, value):
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return _("expected the id of a record.")
    # As the user: Odoo shows a many2one's name as superuser, so a record
    # the user cannot read must not be linked (its name would show).
    comodel = records.env[field.comodel_name].with_context(active_test=False)
    if not comodel.check_access_rights("read", raise_exception=False) or not comodel.search(
            [("id", "=", value)]):
        return _("the record does not exist or you cannot use it.")
    return None


def _date_problem(records, field, value):
    if isinstance(value, datetime.date):
        return None
    parse = fields.Datetime.from_string if field.type == "datetime" else fields.Date.from_string
    try:
        parsed = parse(value)
    except (TypeError, ValueError, OverflowError):
        parsed = None
    if parsed is None or not 1900 <= parsed.year <= 2999:
        return _("expected a date (YYYY-MM-DD) or date and time (YYYY-MM-DD HH:MM:SS) "
                 "between 1900 and 2999.")
    return None


CHECKERS = {
    "char": _text_problem, "text": _text_problem, "html": _text_problem,
    "selection": _selection_problem, "integer": _integer_problem,
    "float": _float_problem, "monetary": _float_problem, "boolean": _boolean_problem,
    "many2one": _many2one_problem, "date": _date_problem, "datetime": _date_problem,
}
