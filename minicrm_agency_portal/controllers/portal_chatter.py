# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import _, http
from odoo.exceptions import AccessError
from odoo.http import request

from odoo.addons.base_access_hardening.models.rpc_input import is_record_id
from odoo.addons.portal.controllers.mail import PortalChatter


class SafePortalChatter(PortalChatter):
    """Odoo 11's portal chatter routes answer a 500 (KeyError, TypeError,
    ValueError) for a model without an access token field, a non-numeric id
    or a request without a Referer, and reveal through the difference which
    records exist. They now answer 404 for what the visitor may not see, and
    403 for a token the document does not use, before core's code runs."""

    @http.route()
    def portal_chatter_post(self, res_model, res_id, message, **kw):
        self._check_chatter_target(res_model, res_id, kw.get("token"))
        # Core appends "#discussion" to the Referer, which may be missing.
        request.httprequest.environ.setdefault("HTTP_REFERER", "/my")
        return super(SafePortalChatter, self).portal_chatter_post(
            res_model, res_id, message, **kw)

    @http.route()
    def portal_chatter_init(self, res_model, res_id, domain=False, limit=False, **kwargs):
        self._check_chatter_target(res_model, res_id, kwargs.get("token"), json=True)
        return super(SafePortalChatter, self).portal_chatter_init(
            res_model, res_id, domain=domain, limit=limit, **kwargs)

    @http.route()
    def portal_message_fetch(self, res_model, res_id, domain=False, limit=10, offset=0, **kw):
        self._check_chatter_target(res_model, res_id, kw.get("token"), json=True)
        return super(SafePortalChatter, self).portal_message_fetch(
            res_model, res_id, domain=domain, limit=limit, offset=offset, **kw)

    @staticmethod
    def _check_chatter_target(res_model, res_id, token, json=False):
        """The document must be a thread with a portal chatter, and either
        readable by the visitor (searched as them: their record rules
        decide) or, with a token, one whose model has token access. JSON
        routes answer a refused token with an AccessError, which Odoo
        returns as a clean JSON error (a Forbidden there is a server error)."""
        Model = request.env.get(res_model) if isinstance(res_model, str) else None
        try:
            res_id = int(res_id)
        except (TypeError, ValueError):
            raise NotFound()
        # An id PostgreSQL cannot hold (2**31 and more) names no document.
        if Model is None or "website_message_ids" not in Model._fields or res_id <= 0 \
                or not is_record_id(res_id):
            raise NotFound()
        if token:
            if Model._mail_post_token_field not in Model._fields:
                if json:
                    raise AccessError(_("This document cannot be opened with a token."))
                raise Forbidden()
            return
        if not Model.check_access_rights("read", raise_exception=False) or not Model.search(
                [("id", "=", res_id)], limit=1):
            raise NotFound()
