# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import html_escape

from .email_address import is_valid_email, normalize_email
from .minicrm_booking import MAX_PASSENGERS
from .value_checks import CONTROL_RE, LINE_BREAK_RE

# The fields of the public form and their longest accepted value.
QUOTE_TEXT_LIMITS = {
    "firstname": 64, "lastname": 64, "email": 254, "phone": 32,
    "pickup_location": 128, "dropoff_location": 128, "notes": 2000,
}
QUOTE_REQUIRED = ("firstname", "lastname", "email", "pickup_location", "dropoff_location",
                  "pickup_datetime")
# How the form sends times (an HTML datetime-local input), in the agency's
# time zone.
QUOTE_DATETIME_FORMATS = ("%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
                          "%Y-%m-%d %H:%M:%S")
QUOTE_HORIZON = datetime.timedelta(days=2 * 366)
QUOTE_MAX_TRIP = datetime.timedelta(days=60)


class MinicrmBookingQuoteRequest(models.Model):
    """Quote requests that customers send themselves (the agency's public
    "Request a quote" page): every value checked and capped here, whoever
    calls, the customer found by email or created as a request user, and
    the agency's staff notified."""
    _inherit = "minicrm.booking"

    @api.model
    def create_quote_request(self, agency, values):
        """Create a quote request in ``agency`` from a visitor's ``values``
        (the form's texts: firstname, lastname, email, phone, pickup_location,
        dropoff_location, pickup_datetime, dropoff_datetime, passengers,
        rental_company_id, notes). Raises a ValidationError in the visitor's
        words, before anything is written, when a value is wrong.

        Call as superuser (the visitor may not read the agency or its
        customers); nothing of an existing customer is changed or returned.
        The request lands on the customer who owns the email: call it only
        when the email is the sender's (minicrm_agency_portal's public form
        asks its owner to confirm first, through a mailed link).
        """
        agency.ensure_one()
        if not agency.active or not agency.quote_slug:
            raise ValidationError(_("This agency does not take quote requests online."))
        return self._minicrm_quote_request_create(
            agency, self._minicrm_quote_clean_values(agency, values))

    @api.model
    def _minicrm_quote_request_create(self, agency, clean):
        """The request of ``clean`` values (checked by
        ``_minicrm_quote_clean_values``), on the agency's customer with
        that email or a new request user; staff are told. Call as
        superuser, once the email is known to be the sender's."""
        customer = self._minicrm_quote_customer(agency, clean)
        quiet = self.with_context(mail_create_nolog=True, mail_create_nosubscribe=True,
                                  tracking_disable=True)
        request = quiet.create({
            "kind": "request",
            "customer_id": customer.id,
            "rental_company_id": clean["rental_company_id"],
            "pickup_datetime": clean["pickup_datetime"],
            "dropoff_datetime": clean["dropoff_datetime"],
            "pickup_location": clean["pickup_location"],
            "dropoff_location": clean["dropoff_location"],
            "passenger_count": clean["passengers"],
            "notes": clean["notes"],
            # What the visitor typed is the request's contact, not the
            # customer's record: a visitor never edits a customer.
            "contact_firstname": clean["firstname"],
            "contact_lastname": clean["lastname"],
            "contact_email": clean["email"],
            "contact_phone": clean["phone"],
        })
        request._minicrm_notify_quote_request_staff()
        return request

    @api.model
    def _minicrm_quote_clean_values(self, agency, values):
        clean = {name: self._minicrm_quote_text(name, values.get(name))
                 for name in QUOTE_TEXT_LIMITS}
        for name in QUOTE_REQUIRED:
            if not (values.get(name) or "").strip():
                raise ValidationError(_("Please fill in every required field."))
        clean["email"] = normalize_email(clean["email"])
        if not is_valid_email(clean["email"]):
            raise ValidationError(_("Please enter a valid email address (name@domain.tld)."))
        clean["pickup_datetime"], clean["dropoff_datetime"] = self._minicrm_quote_times(
            agency, values.get("pickup_datetime"), values.get("dropoff_datetime"))
        clean["passengers"] = self._minicrm_quote_passengers(values.get("passengers"))
        clean["rental_company_id"] = self._minicrm_quote_company(
            agency, values.get("rental_company_id"))
        return clean

    @api.model
    def _minicrm_quote_text(self, name, value):
        if value is None or value is False:
            return False
        if not isinstance(value, str):
            raise ValidationError(_("Please fill in the form with text only."))
        value = value.strip()
        if len(value) > QUOTE_TEXT_LIMITS[name]:
            raise ValidationError(_("A value is too long: at most %d characters, please.")
                                  % QUOTE_TEXT_LIMITS[name])
        if CONTROL_RE.search(value) or (name != "notes" and LINE_BREAK_RE.search(value)):
            raise ValidationError(_("A value contains invisible control characters: "
                                    "please type it again."))
        return value or False

    @api.model
    def _minicrm_quote_times(self, agency, pickup, dropoff):
        """Pickup and drop-off as UTC strings: typed in the agency's time
        zone, the pickup in the future (within two years), the drop-off
        after it (within 60 days)."""
        tz = pytz.timezone(agency.tz or "UTC")
        pickup_utc = self._minicrm_quote_datetime(pickup, tz)
        now = datetime.datetime.utcnow()
        if pickup_utc <= now:
            raise ValidationError(_("The pickup time must be in the future."))
        if pickup_utc > now + QUOTE_HORIZON:
            raise ValidationError(_("We take requests for the next two years only."))
        dropoff_utc = self._minicrm_quote_datetime(dropoff, tz) if (dropoff or "").strip() \
            else None
        if dropoff_utc and not pickup_utc < dropoff_utc <= pickup_utc + QUOTE_MAX_TRIP:
            raise ValidationError(_("The drop-off time must be after the pickup time "
                                    "(and within 60 days of it)."))
        return (fields.Datetime.to_string(pickup_utc),
                dropoff_utc and fields.Datetime.to_string(dropoff_utc) or False)

    @api.model
    def _minicrm_quote_datetime(self, value, tz):
        text = value.strip() if isinstance(value, str) else ""
        for pattern in QUOTE_DATETIME_FORMATS:
            try:
                local = datetime.datetime.strptime(text, pattern)
            except ValueError:
                continue
            return tz.localize(local).astimezone(pytz.utc).replace(tzinfo=None)
        raise ValidationError(_("Please enter dates and times as YYYY-MM-DD HH:MM."))

    @api.model
    def _minicrm_quote_passengers(self, value):
        try:
            passengers = int((value or "1").strip() if isinstance(value, str) else value)
        except (TypeError, ValueError):
            passengers = 0
        if not 1 <= passengers <= MAX_PASSENGERS:
            raise ValidationError(_("The number of passengers must be between 1 and %d.")
                                  % MAX_PASSENGERS)
        return passengers

    @api.model
    def _minicrm_quote_company(self, agency, value):
        companies = agency.rental_company_ids
        if len(companies) == 1 and not value:
            return companies.id
        try:
            company_id = int(value)
        except (TypeError, ValueError):
            company_id = 0
        if company_id not in companies.ids:
            raise ValidationError(_("Please choose one of the rental companies of the list."))
        return company_id

    @api.model
    def _minicrm_quote_customer(self, agency, clean):
        """The agency's customer with this email (archived ones included:
        they still own it), or a new request user."""
        Partner = self.env["res.partner"].with_context(active_test=False)
        customer = Partner.search([
            ("minicrm_agency_id", "=", agency.id), ("customer_state", "!=", False),
            ("email", "=", clean["email"])], limit=1)
        if customer:
            return customer
        quiet = Partner.with_context(mail_create_nolog=True, mail_create_nosubscribe=True,
                                     tracking_disable=True, tz=agency.tz)
        return quiet.create({
            "firstname": clean["firstname"], "lastname": clean["lastname"],
            "email": clean["email"], "phone": clean["phone"],
            "customer_state": "request", "minicrm_agency_id": agency.id,
        })

    @api.multi
    def _minicrm_notify_quote_request_staff(self):
        """The agency's staff who may see the request follow it and get a
        message in their Discuss inbox (or by email, as they chose), sent by
        the mail queue, not inside the visitor's request."""
        self.ensure_one()
        staff = self.agency_id.user_ids.filtered(
            lambda user: self.rental_company_id in user.minicrm_accessible_rental_company_ids)
        partners = staff.mapped("partner_id")
        self.message_subscribe(partner_ids=partners.ids)
        # In the agency's language, not the visitor's.
        for_staff = self.with_context(lang=self.agency_id._minicrm_note_lang(),
                                      mail_notify_force_send=False)
        for_staff._minicrm_note_quote_request(partners)

    @api.multi
    def _minicrm_note_quote_request(self, partners):
        """The message to ``partners`` (the staff), in the language of the
        request's context."""
        body = _("<p>New quote request %(name)s from %(customer)s on the public quote page: "
                 "%(route)s.</p>") % {
            "name": html_escape(self.name), "customer": html_escape(self.customer_id.name),
            "route": html_escape(self.route)}
        # The mail says what happened and comes from the agency's quote
        # page, not from the superuser the public page runs as
        # ("Administrator", "Re: RQ/...").
        self.message_post(
            body=body, subtype="mail.mt_comment", message_type="notification",
            author_id=self.customer_id.id, partner_ids=partners.ids,
            subject=_("New quote request %(name)s from %(customer)s") % {
                "name": self.name, "customer": self.customer_id.name},
            email_from=self.agency_id._minicrm_mail_sender_address(self.env.user.company_id))
