# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import fields, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.minicrm_agency.models.email_address import normalize_email
from odoo.addons.minicrm_agency.models.minicrm_booking_quote_request import QUOTE_TEXT_LIMITS

# What the form sends to the model; anything else is ignored.
QUOTE_FORM_FIELDS = tuple(QUOTE_TEXT_LIMITS) + (
    "pickup_datetime", "dropoff_datetime", "passengers", "rental_company_id")
# Hidden from people, filled in by robots: a submission that fills it is
# answered as a success, and nothing is created.
HONEYPOT_FIELD = "company_website"


class MinicrmQuoteRequest(http.Controller):
    """An agency's public "Request a quote" page. The rules (checks, caps,
    finding or creating the customer) are the model's
    (``minicrm.booking.create_quote_request``); this controller protects
    the form (CSRF by Odoo, a honeypot, a per-IP rate limit) and answers
    every visitor the same way, whether their email is a customer or not:
    a visitor's request waits, unconfirmed, for the owner of the email to
    confirm it through a mailed link (``minicrm.quote.unconfirmed``); a
    logged-in customer's own email needs no confirmation."""

    @http.route("/quote/<string:quote_slug>", type="http", auth="public",
                methods=["GET", "POST"], website=True)
    def minicrm_quote(self, quote_slug, **post):
        agency = self._minicrm_quote_agency(quote_slug)
        if request.httprequest.method != "POST":
            return self._minicrm_render_form(agency, self._minicrm_prefill())
        values = {name: post.get(name) for name in QUOTE_FORM_FIELDS}
        try:
            # sudo: visitors have no access to the submissions table; this
            # counts and records the visitor's own network address only.
            request.env["minicrm.quote.attempt"].sudo()._minicrm_register(
                request.httprequest.remote_addr)
            if post.get(HONEYPOT_FIELD):
                email = values.get("email")
                return self._minicrm_render_check_mail(
                    agency, normalize_email(email[:254]) if isinstance(email, str) else "")
            if self._minicrm_sender_is_logged_in(values.get("email")):
                with request.env.cr.savepoint():
                    # sudo: the portal user may read neither the agency nor
                    # its other customers. The email is their own login's:
                    # the request goes to their customer record at once.
                    # create_quote_request checks and caps every value,
                    # changes no existing customer and returns nothing the
                    # page shows.
                    request.env["minicrm.booking"].sudo().create_quote_request(agency, values)
                return self._minicrm_render_thanks(agency)
            with request.env.cr.savepoint():
                # sudo: the visitor may not read the agency. The values are
                # checked and kept, unconfirmed, and a link is mailed to the
                # address typed; no customer is looked up, whoever the
                # address belongs to, and nothing is read back.
                pending = request.env["minicrm.quote.unconfirmed"].sudo()._minicrm_submit(
                    agency, values)
        except ValidationError as error:
            return self._minicrm_render_form(agency, values, error=error.name)
        return self._minicrm_render_check_mail(agency, pending.email)

    @http.route("/quote/confirm/<string:token>", type="http", auth="public",
                methods=["GET", "POST"], website=True)
    def minicrm_quote_confirm(self, token, **post):
        """The link of the confirmation mail: a GET shows the request, the
        page's button (a POST, with Odoo's CSRF check) confirms it. An
        unknown, used or expired link is a 404."""
        # sudo: the visitor may not read unconfirmed requests; the token
        # (32 random bytes, mailed to the request's address only) is the
        # proof that they own it.
        pending = request.env["minicrm.quote.unconfirmed"].sudo()._minicrm_from_token(token)
        if not pending:
            raise NotFound()
        if request.httprequest.method != "POST":
            return self._minicrm_render_confirm(pending, token)
        agency = pending.agency_id
        try:
            with request.env.cr.savepoint():
                pending._minicrm_confirm()
        except ValidationError as error:
            return self._minicrm_render_confirm(pending, token, error=error.name)
        return self._minicrm_render_thanks(agency)

    @staticmethod
    def _minicrm_sender_is_logged_in(email):
        """Whether the email typed is the logged-in portal user's login (a
        customer's login is their email): that sender needs no
        confirmation mail."""
        user = request.env.user
        if user._is_public() or not user.share or not isinstance(email, str):
            return False
        return normalize_email(email.strip()) == normalize_email(user.login or "")

    @staticmethod
    def _minicrm_render_confirm(pending, token, error=None):
        agency = pending.agency_id
        pickup = fields.Datetime.context_timestamp(
            pending.with_context(tz=agency.tz or "UTC"),
            fields.Datetime.from_string(pending.pickup_datetime))
        return request.render("minicrm_agency_portal.quote_request_confirm_page", {
            "pending": pending, "token": token, "error": error,
            "pickup": "%s (%s)" % (pickup.strftime("%Y-%m-%d %H:%M"), agency.tz or "UTC")})

    @staticmethod
    def _minicrm_quote_agency(quote_slug):
        # sudo: the public user may not read agencies; an active agency's
        # name, time zone and rental companies are what its public page shows.
        agency = request.env["minicrm.agency"].sudo().search(
            [("quote_slug", "=", quote_slug or "")], limit=1)
        if not agency:
            raise NotFound()
        return agency

    @staticmethod
    def _minicrm_prefill():
        """A logged-in customer's name and email, to save them typing."""
        user = request.env.user
        if user._is_public():
            return {}
        partner = user.partner_id
        return {"firstname": partner.firstname, "lastname": partner.lastname,
                "email": partner.email, "phone": partner.phone}

    @staticmethod
    def _minicrm_render_form(agency, values, error=None):
        return request.render("minicrm_agency_portal.quote_request_page", {
            "agency": agency, "companies": agency.rental_company_ids.sorted("name"),
            "values": values, "error": error, "honeypot_field": HONEYPOT_FIELD,
            "limits": QUOTE_TEXT_LIMITS,
        })

    @staticmethod
    def _minicrm_render_check_mail(agency, email):
        return request.render("minicrm_agency_portal.quote_request_check_mail", {
            "agency": agency, "email": email})

    @staticmethod
    def _minicrm_render_thanks(agency):
        return request.render("minicrm_agency_portal.quote_request_thanks", {"agency": agency})
