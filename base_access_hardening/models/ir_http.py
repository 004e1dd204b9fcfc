# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

import werkzeug.exceptions
from werkzeug.routing import ValidationError

from odoo import _, models
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.http import request

from odoo.addons.base.ir.ir_http import ModelConverter, SignedIntConverter

from .rpc_input import PG_INT_MAX, PG_INT_MIN

# Text no route can use: PostgreSQL refuses a NUL in a string, and a lone
# surrogate (possible in JSON) cannot be encoded to UTF-8 for the database.
UNUSABLE_TEXT = re.compile("[\x00\ud800-\udfff]")


def holds_unusable_text(value):
    if isinstance(value, str):
        return bool(UNUSABLE_TEXT.search(value))
    if isinstance(value, dict):
        return any(holds_unusable_text(key) or holds_unusable_text(item)
                   for key, item in value.items())
    if isinstance(value, (list, tuple)):
        return any(holds_unusable_text(item) for item in value)
    return False


class RecordIdConverter(SignedIntConverter):
    """``<int:...>`` in a route: a number past PostgreSQL's integers names
    no record, so the URL matches no route (404) instead of reaching the
    database as a value it refuses."""

    def __init__(self, url_map, fixed_digits=0, min=PG_INT_MIN, max=PG_INT_MAX):
        super(RecordIdConverter, self).__init__(url_map, fixed_digits=fixed_digits, min=min,
                                                max=max)


class RecordConverter(ModelConverter):
    """``<model(...):...>``: the same for a record's id."""

    def to_python(self, value):
        if int(value) > PG_INT_MAX:
            raise ValidationError()
        return super(RecordConverter, self).to_python(value)


class IrHttp(models.AbstractModel):
    """Input no route can use is refused at the door, for every route:
    a NUL or a lone surrogate anywhere in the path or the parameters (400,
    or a UserError over JSON-RPC), a route's id past PostgreSQL's integers
    (404). Odoo 11 handed them to the controller, and then to PostgreSQL or
    to UTF-8, which answered a server error and logged an ERROR traceback.

    A page Odoo cannot route is looked up as an attachment URL before the
    404: no attachment URL holds a NUL, so such a path is not looked up."""
    _inherit = "ir.http"

    @classmethod
    def _get_converters(cls):
        return dict(super(IrHttp, cls)._get_converters(), int=RecordIdConverter,
                    model=RecordConverter)

    @classmethod
    def _dispatch(cls):
        if UNUSABLE_TEXT.search(request.httprequest.path) or \
                holds_unusable_text(getattr(request, "params", None)):
            if request._request_type == "json":
                return request._handle_exception(UserError(_(
                    "The request holds characters that cannot be stored "
                    "(a NUL or an unpaired surrogate).")))
            return werkzeug.exceptions.BadRequest()
        return super(IrHttp, cls)._dispatch()

    @classmethod
    def _handle_exception(cls, exception):
        """A page route (type="http") that meets a refusal answers it as
        one: 403 for what the user may not read, 404 for what does not
        exist, 400 for a user error. Odoo 11 answered each with a server
        error and an ERROR traceback (JSON routes already answer them)."""
        if getattr(request, "_request_type", None) == "http":
            if isinstance(exception, AccessError):
                exception = werkzeug.exceptions.Forbidden()
            elif isinstance(exception, MissingError):
                exception = werkzeug.exceptions.NotFound()
            elif isinstance(exception, UserError):
                exception = werkzeug.exceptions.BadRequest(exception.name)
        return super(IrHttp, cls)._handle_exception(exception)

    @classmethod
    def _serve_attachment(cls):
        if "\x00" in request.httprequest.path:
            return False
        return super(IrHttp, cls)._serve_attachment()
