# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from werkzeug.exceptions import NotFound

from odoo import _, http
from odoo.exceptions import ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager

from odoo.addons.minicrm_agency.models.res_partner import is_valid_email
from odoo.addons.minicrm_agency.models.value_checks import value_problem

ACCOUNT_FIELDS = ["firstname", "lastname", "email", "phone", "mobile", "lang"]
REQUIRED_ACCOUNT_FIELDS = ["firstname", "lastname", "email"]


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
        # a portal user learns nothing about which ids exist.
        booking = request.env["minicrm.booking"].search([("id", "=", booking_id)], limit=1)
        if not booking:
            raise NotFound()
        values = self._prepare_portal_layout_values()
        values.update(booking=booking, kind=booking.kind,
                      page_name="minicrm_%s" % booking.kind, title=page_title(booking.kind))
        return request.render("minicrm_agency_portal.portal_my_booking", values)

    # -- contact details --------------------------------------------------------

    @http.route(["/my/account"], type="http", auth="user", website=True)
    def account(self, redirect=None, **post):
        """Name, email, phone and language only: transfer customers often
        have no street, city or country to give."""
        values = self._prepare_portal_layout_values()
        user = request.env.user
        error, error_message = {}, []
        if post and request.httprequest.method == "POST":
            error, error_message = self._minicrm_validate_details(post)
            if not error:
                try:
                    self._minicrm_save_details(user, post)
                except ValidationError as exc:
                    error, error_message = {"email": "error"}, [exc.name]
                else:
                    return request.redirect(redirect or "/my/home")
        values.update(
            partner=user.partner_id,
            details=post or {name: user.partner_id[name] or "" for name in ACCOUNT_FIELDS},
            languages=request.env["res.lang"].get_installed(),
            error=error, error_message=error_message, redirect=redirect,
            page_name="my_details",
        )
        response = request.render("minicrm_agency_portal.portal_my_details", values)
        response.headers["X-Frame-Options"] = "DENY"
        return response

    def _minicrm_validate_details(self, data):
        error, messages = {}, []
        for name in REQUIRED_ACCOUNT_FIELDS:
            if not (data.get(name) or "").strip():
                error[name] = "missing"
        if error:
            messages.append(_("Some required fields are empty."))
        # The model's own checks (sizes, control characters, languages):
        # the details are saved as superuser, which skips them.
        Partner = request.env["res.partner"]
        for name in ACCOUNT_FIELDS:
            field = Partner._fields[name]
            problem = data.get(name) and value_problem(Partner, field, data[name])
            if problem:
                error[name] = "error"
                messages.append("%s: %s" % (field.string, problem))
        email = (data.get("email") or "").strip()
        if email and not is_valid_email(email):
            error["email"] = "error"
            messages.append(_("Invalid email address: please enter a valid one."))
        unknown = set(data) - set(ACCOUNT_FIELDS) - {"redirect", "csrf_token"}
        if unknown:
            error["common"] = "error"
            messages.append(_("Unknown field: %s") % ", ".join(sorted(unknown)))
        return error, messages

    def _minicrm_save_details(self, user, data):
        """Write the details to the login and to every customer record of
        the person, so that each agency gets them. sudo: portal users have no
        write access to partners; the records written are exactly the user's
        own contact and the customers their rule lets them read."""
        values = {name: (data.get(name) or "").strip() or False for name in ACCOUNT_FIELDS}
        values["email"] = values["email"].lower()
        customers = user.minicrm_customer_ids
        with request.env.cr.savepoint():
            if values["email"] != user.login:
                Users = request.env["res.users"].sudo().with_context(active_test=False)
                if Users.search_count([("login", "=", values["email"]), ("id", "!=", user.id)]):
                    raise ValidationError(_(
                        "This email address is already used by another account."))
                user.sudo().write({"login": values["email"]})
            user.partner_id.sudo().write(values)
            customers.sudo().write(values)
