# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import hashlib
import secrets
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# How long the link of the confirmation mail works.
CONFIRMATION_VALIDITY = datetime.timedelta(days=3)
CONFIRMATION_TEMPLATE = "minicrm_agency_portal.mail_template_quote_confirmation"


def token_hash(token):
    """What is stored of a confirmation token: its digest, so that reading
    the table (an administrator, a backup) confirms nothing."""
    return hashlib.sha256((token or "").encode("utf-8", "replace")).hexdigest()


class MinicrmQuoteUnconfirmed(models.Model):
    """A request sent on an agency's public quote page, waiting for the
    owner of its email address to confirm it through the link mailed to
    that address. Only then does it become a quote request on the agency's
    customer with that email (or a new request user): a visitor who knows a
    customer's email cannot attach a request to that customer's record, and
    every submission does the same work, whoever the email belongs to (no
    customer is looked up before the confirmation), so the page's timing
    tells nothing. Staff of the agency see these requests as unconfirmed."""
    _name = "minicrm.quote.unconfirmed"
    _description = "Unconfirmed quote request"
    _order = "create_date desc, id desc"

    agency_id = fields.Many2one("minicrm.agency", string="Agency", required=True, index=True,
                                readonly=True, ondelete="cascade")
    rental_company_id = fields.Many2one("minicrm.rental.company", string="Rental company",
                                        required=True, readonly=True, ondelete="cascade")
    firstname = fields.Char("First name", readonly=True)
    lastname = fields.Char("Last name", readonly=True)
    email = fields.Char("Email", required=True, readonly=True)
    phone = fields.Char("Phone", readonly=True)
    pickup_datetime = fields.Datetime("Pickup", required=True, readonly=True)
    dropoff_datetime = fields.Datetime("Drop-off time", readonly=True)
    pickup_location = fields.Char("Pickup location", required=True, readonly=True)
    dropoff_location = fields.Char("Drop-off location", required=True, readonly=True)
    passenger_count = fields.Integer("Passengers", readonly=True)
    notes = fields.Text(readonly=True)
    # Only administrators read it (base_access_hardening refuses fields of
    # other groups in domains, orders and exports); the code finds a token
    # as superuser.
    token_hash = fields.Char(required=True, index=True, readonly=True, copy=False,
                             groups="base.group_system")

    @api.model
    def _minicrm_submit(self, agency, values):
        """Check a visitor's ``values`` (as ``create_quote_request`` does)
        and keep them, unconfirmed, and queue the confirmation mail to the
        address typed. The same statements run whoever the email belongs
        to. Call as superuser: the visitor may not read the agency."""
        agency.ensure_one()
        if not agency.active or not agency.quote_slug:
            raise ValidationError(_("This agency does not take quote requests online."))
        clean = self.env["minicrm.booking"]._minicrm_quote_clean_values(agency, values)
        # Expired ones go in one statement: a small table (three days of
        # submissions, 5 an hour per network address).
        self.env.cr.execute("DELETE FROM minicrm_quote_unconfirmed WHERE create_date < %s",
                            (fields.Datetime.to_string(
                                datetime.datetime.utcnow() - CONFIRMATION_VALIDITY),))
        token = secrets.token_urlsafe(32)
        pending = self.create({
            "agency_id": agency.id, "rental_company_id": clean["rental_company_id"],
            "firstname": clean["firstname"], "lastname": clean["lastname"],
            "email": clean["email"], "phone": clean["phone"],
            "pickup_datetime": clean["pickup_datetime"],
            "dropoff_datetime": clean["dropoff_datetime"],
            "pickup_location": clean["pickup_location"],
            "dropoff_location": clean["dropoff_location"],
            "passenger_count": clean["passengers"], "notes": clean["notes"],
            "token_hash": token_hash(token),
        })
        pending._minicrm_queue_confirmation_mail(token)
        return pending

    @api.multi
    def _minicrm_queue_confirmation_mail(self, token):
        """The link goes to the address typed, from the agency, through the
        mail queue. The mail is attached to no document and has no author:
        only administrators read it (staff must not confirm in the
        visitor's place)."""
        self.ensure_one()
        base_url = self.env["ir.config_parameter"].sudo().get_param("web.base.url", "")
        sender = formataddr(self.agency_id._minicrm_mail_sender(self.env.user.company_id))
        self.env.ref(CONFIRMATION_TEMPLATE).with_context(
            minicrm_confirm_url="%s/quote/confirm/%s" % (base_url.rstrip("/"), token),
        ).send_mail(self.id, force_send=False, email_values={
            "email_from": sender, "reply_to": sender,
            "author_id": False, "model": False, "res_id": False})

    @api.model
    def _minicrm_from_token(self, token):
        """The unconfirmed request of this link, if it is still valid.
        Call as superuser."""
        if not isinstance(token, str) or not 20 <= len(token) <= 100:
            return self.browse()
        since = datetime.datetime.utcnow() - CONFIRMATION_VALIDITY
        return self.search([("token_hash", "=", token_hash(token)),
                            ("create_date", ">=", fields.Datetime.to_string(since))], limit=1)

    @api.multi
    def _minicrm_confirm(self):
        """The owner of the email confirmed: the request is made on the
        agency's customer with that email (or a new request user), staff
        are told, and the link stops working. Returns the request."""
        self.ensure_one()
        request = self.env["minicrm.booking"]._minicrm_quote_request_create(self.agency_id, {
            "firstname": self.firstname, "lastname": self.lastname, "email": self.email,
            "phone": self.phone, "pickup_location": self.pickup_location,
            "dropoff_location": self.dropoff_location, "notes": self.notes,
            "pickup_datetime": self.pickup_datetime, "dropoff_datetime": self.dropoff_datetime,
            "passengers": self.passenger_count, "rental_company_id": self.rental_company_id.id,
        })
        self.unlink()
        return request
