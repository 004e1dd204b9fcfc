# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

import pytz
from werkzeug.exceptions import NotFound
from werkzeug.utils import redirect

from odoo import _, http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request
from odoo.service import security

from odoo.addons.base_access_hardening.models.rpc_input import is_record_id
from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from ..models.res_partner_portal_details import (
    AGENCY_HELD_FIELDS, PORTAL_DETAILS_FIELDS, PORTAL_REQUIRED_FIELDS)


def sortings():
    # Built per request: labels are translated in the visitor's language.
    return {
        "date": {"label": _("Newest pickup"), "order": "pickup_datetime desc, id desc"},
        "date_asc": {"label": _("Oldest pickup"), "order": "pickup_datetime asc, id asc"},
        "name": {"label": _("Reference"), "order": "name desc, id desc"},
    }


def page_title(kind):
    return _("Bookings") if kind == "booking" else _("Quote requests")


class MinicrmCustomerPortal(CustomerPortal):
    """Bookings and quote requests of the logged-in customer, in every agency
    that has them as a customer. Access is the portal user's own: record
    rules decide what they see, the controller never uses sudo to read."""

    def _prepare_portal_layout_values(self):
        values = super(MinicrmCustomerPortal, self)._prepare_portal_layout_values()
        Booking = request.env["minicrm.booking"]
        values.update(
            minicrm_booking_count=Booking.search_count([("kind", "=", "booking")]),
            minicrm_request_count=Booking.search_count([("kind", "=", "request")]),
            # The customer's agencies (their own record rules), for the
            # "Request a quote" buttons.
            minicrm_quote_agencies=request.env["minicrm.agency"].search(
                [("quote_slug", "!=", False)]) if request.env.user.share else [],
        )
        return values

    # -- lists and detail -----------------------------------------------------

    @http.route(["/my/bookings", "/my/bookings/page/<int:page>"],
                type="http", auth="user", website=True)
    def portal_my_bookings(self, page=1, sortby=None, **kw):
        return self._render_booking_list("booking", page, sortby)

    @http.route(["/my/requests", "/my/requests/page/<int:page>"],
                type="http", auth="user", website=True)
    def portal_my_requests(self, page=1, sortby=None, **kw):
        return self._render_booking_list("request", page, sortby)

    def _render_booking_list(self, kind, page, sortby):
        Booking = request.env["minicrm.booking"]
        domain = [("kind", "=", kind)]
        searchbar_sortings = sortings()
        if sortby not in searchbar_sortings:
            sortby = "date"
        total = Booking.search_count(domain)
        pager = portal_pager(url="/my/%ss" % kind, url_args={"sortby": sortby},
                             total=total, page=page, step=self._items_per_page)
        bookings = Booking.search(domain, order=searchbar_sortings[sortby]["order"],
                                  limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update(
            bookings=bookings, kind=kind, page_name="minicrm_%ss" % kind,
            title=page_title(kind), pager=pager, default_url="/my/%ss" % kind,
            searchbar_sortings=searchbar_sortings, sortby=sortby,
        )
        return request.render("minicrm_agency_portal.portal_my_bookings", values)

    @http.route(["/my/bookings/<int:booking_id>", "/my/requests/<int:booking_id>"],
                type="http", auth="user", website=True)
    def portal_my_booking(self, booking_id, **kw):
        # Searched as the portal user: their record rules decide. The same
        # answer for another customer's booking and a missing one (or id 0):
        # a portal user learns nothing about which ids exist. An id past
        # PostgreSQL's integers exists nowhere (and would be a 500).
        if not is_record_id(booking_id):
            raise NotFound()
        booking = request.env["minicrm.booking"].search([("id", "=", booking_id)], limit=1)
        if not booking:
            raise NotFound()
        return self._minicrm_render_booking(booking)

    def _minicrm_render_booking(self, booking, error=None):
        values = self._prepare_portal_layout_values()
        values.update(booking=booking, kind=booking.kind, minicrm_error=error,
                      page_name="minicrm_%s" % booking.kind, title=page_title(booking.kind))
        return request.render("minicrm_agency_portal.portal_my_booking", values)

    # -- the customer's answer to a quote ---------------------------------------

    @http.route("/my/requests/<int:booking_id>/accept", type="http", auth="user",
                methods=["POST"], website=True)
    def portal_my_request_accept(self, booking_id, **kw):
        return self._minicrm_answer_quote(booking_id, accept=True)

    @http.route("/my/requests/<int:booking_id>/decline", type="http", auth="user",
                methods=["POST"], website=True)
    def portal_my_request_decline(self, booking_id, **kw):
        return self._minicrm_answer_quote(booking_id, accept=False)

    def _minicrm_answer_quote(self, booking_id, accept):
        # Searched as the portal user, as the detail page: their record rules
        # decide, and another customer's request is a 404.
        if not is_record_id(booking_id):
            raise NotFound()
        quote = request.env["minicrm.booking"].search(
            [("id", "=", booking_id), ("kind", "=", "request")], limit=1)
        if not quote or not request.env.user.share:
            raise NotFound()
        try:
            # All or nothing: an accepted request always has its booking.
            with request.env.cr.savepoint():
                if accept:
                    quote._minicrm_portal_accept()
                else:
                    quote._minicrm_portal_decline()
        except (UserError, ValidationError) as error:
            quote.invalidate_cache()
            return self._minicrm_render_booking(quote, error=error.name)
        return redirect(quote.portal_url, code=303)

    # -- contact details --------------------------------------------------------

    @property
    def MANDATORY_BILLING_FIELDS(self):  # pylint: disable=invalid-name
        if self._minicrm_details():
            return list(PORTAL_REQUIRED_FIELDS)
        return super(MinicrmCustomerPortal, self).MANDATORY_BILLING_FIELDS

    @property
    def OPTIONAL_BILLING_FIELDS(self):  # pylint: disable=invalid-name
        if self._minicrm_details():
            return [name for name in PORTAL_DETAILS_FIELDS if name not in PORTAL_REQUIRED_FIELDS]
        return super(MinicrmCustomerPortal, self).OPTIONAL_BILLING_FIELDS

    @staticmethod
    def _minicrm_details():
        """Whether the visitor is a customer's portal login: their page asks
        name, email, phone and language, and no address. Other portal users
        (a shop's customers) keep core's page."""
        return request.env.user.partner_id.minicrm_login_partner

    @http.route()
    def account(self, redirect=None, **post):
        """Core's page, checks and save (``partner.sudo().write``, which
        gives a login's details to every agency, see res_partner_portal_details)."""
        if request.httprequest.method != "POST":
            # Core saves a GET's query too, which has no CSRF token: a link
            # (or an image) would change anyone's email, staff's and
            # administrators' included, and a reset then takes the account.
            post = {}
        if not self._minicrm_details():
            return super(MinicrmCustomerPortal, self).account(redirect=redirect, **post)
        response = super(MinicrmCustomerPortal, self).account(redirect=redirect, **post)
        if getattr(response, "is_qweb", False):
            # Core's template, with the login's fields (see portal_templates.xml),
            # and the numbers the agencies hold where the login has none.
            shown = request.env.user.partner_id._minicrm_portal_details_shown()
            for name in AGENCY_HELD_FIELDS:
                response.qcontext.setdefault(name, shown[name])
            response.qcontext.update(minicrm_details=True,
                                     languages=request.env["res.lang"].get_installed(),
                                     timezones=pytz.common_timezones,
                                     default_tz=shown["tz"])
        else:
            self._minicrm_keep_session()
        return response

    def details_form_validate(self, data):
        """A customer's login: the model says what is wrong (the same checks
        refuse the save whoever writes), core's checks for everyone else."""
        if not self._minicrm_details():
            return super(MinicrmCustomerPortal, self).details_form_validate(data)
        problems = request.env.user.partner_id._minicrm_portal_details_problems(data)
        error = {name: "error" for name in problems}
        return error, list(OrderedDict.fromkeys(problems.values()))

    @staticmethod
    def _minicrm_keep_session():
        """Saved. A new email is a new login, and the login is part of the
        session token, so the change signs every session of the login out
        (as a new password does), including this one: keep this one."""
        request.session.login = request.env.user.login
        request.session.session_token = security.compute_session_token(
            request.session, request.env)
