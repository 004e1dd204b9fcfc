# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Type checks for the arguments a client sends to public methods that
Odoo 11 uses as they come: a list where text is due is a TypeError or an
AttributeError deep in core, a server error logged as ERROR."""
from odoo import _
from odoo.exceptions import UserError


def check_text(value):
    if value is not False and not isinstance(value, str):
        raise UserError(_("%r is not text.") % (value,))


def check_names(values):
    if not isinstance(values, (list, tuple)) or \
            not all(isinstance(value, str) for value in values):
        raise UserError(_("%r is not a list of field names.") % (values,))


def check_dict(value):
    if not isinstance(value, dict):
        raise UserError(_("%r is not a set of values.") % (value,))
