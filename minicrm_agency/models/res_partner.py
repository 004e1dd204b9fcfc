# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from contextlib import contextmanager

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.base_access_hardening.models.argument_types import check_names

from .email_address import has_invisible_characters, is_valid_email, normalize_email
from .minicrm_chatter import with_sender
from .value_checks import validate_values

_logger = logging.getLogger(__name__)

CUSTOMER_STATES = [("request", "Request user"), ("end", "End user")]
# Context key of a booking form's customer field: the kind of the booking.
BOOKING_KIND_KEY = "minicrm_booking_kind"
# One customer per (agency, email): the index behind it.
EMAIL_INDEX = "res_partner_minicrm_customer_email_uniq"
EMAIL_TAKEN = "Another customer of this agency already uses this email address."
# Written by the portal access methods only, never by a client.
PORTAL_LINK_FIELDS = {"minicrm_portal_user_id", "minicrm_login_partner"}


class ResPartner(models.Model):
    """Agency customers are partners with a ``customer_state``.

    They belong to one agency (global record rules hide them from the
    others). This file holds who they are and the invariants every write
    keeps; the other ``res_partner_*.py`` files add one feature each.
    """
    _inherit = "res.partner"

    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", index=True, ondelete="restrict",
        track_visibility="onchange",
        help="The agency that owns this customer. Set from the creator's agency.",
    )
    customer_state = fields.Selection(
        CUSTOMER_STATES, string="Customer type", index=True, copy=False,
        track_visibility="onchange",
        help="Request user: has only sent quote requests. End user: has a "
             "booking, was created by staff or was promoted.",
    )
    # Hidden from staff: a login shared with another agency carries the
    # name that agency typed, and Odoo reads a many2one's name as superuser.
    minicrm_portal_user_id = fields.Many2one(
        "res.users", string="Portal login", index=True, copy=False, readonly=True,
        ondelete="set null", groups="minicrm_agency.group_minicrm_admin,base.group_portal",
        help="The customer portal login of this person. The same person may be a "
             "customer of several agencies and share one login.",
    )
    minicrm_staff_agency_id = fields.Many2one(
        "minicrm.agency", string="Staff of agency", compute="_compute_minicrm_staff_agency_id",
        store=True, index=True,
        help="The agency whose staff member this contact is. Other agencies' staff "
             "do not see it.")
    minicrm_login_partner = fields.Boolean(
        "Portal login contact", readonly=True, copy=False, index=True,
        help="The contact behind a customer portal login, shared by the person's "
             "customer records in every agency. Staff never see it.")
    # Contact tracking in the chatter.
    firstname = fields.Char(track_visibility="onchange")
    lastname = fields.Char(track_visibility="onchange")
    email = fields.Char(track_visibility="onchange")
    phone = fields.Char(track_visibility="onchange")
    mobile = fields.Char(track_visibility="onchange")
    lang = fields.Selection(track_visibility="onchange")

    @api.model_cr
    def init(self):
        result = super(ResPartner, self).init()
        self._minicrm_create_email_index()
        return result

    @api.model_cr
    def _minicrm_create_email_index(self):
        cr = self.env.cr
        try:
            with cr.savepoint():
                # The index name is a constant of this module, not input.
                # pylint: disable=sql-injection
                cr.execute("CREATE UNIQUE INDEX IF NOT EXISTS %s ON res_partner "
                           "(minicrm_agency_id, lower(email)) WHERE customer_state IS NOT NULL "
                           "AND email IS NOT NULL" % EMAIL_INDEX)
        except psycopg2.IntegrityError:
            _logger.warning("Some agency has two customers with the same email address: "
                            "they are not merged, and concurrent saves are not guarded.")
        # Odoo's RPC layer turns a violation of this index into this message
        # (translated when raised: no user or language exists at this point).
        self.pool._sql_error[EMAIL_INDEX] = EMAIL_TAKEN

    @api.depends("user_ids.minicrm_agency_id", "user_ids.active")
    def _compute_minicrm_staff_agency_id(self):
        # sudo: the partner's own users, archived ones included, whatever
        # the user rule lets the current user list.
        for partner in self:
            users = partner.sudo().with_context(active_test=False).user_ids
            partner.minicrm_staff_agency_id = users.mapped("minicrm_agency_id")[:1]

    @api.model
    def create(self, vals):
        vals = self._minicrm_with_default_state(vals)
        self._minicrm_check_link_fields(vals)
        if not vals.get("customer_state"):
            return super(ResPartner, self).create(vals)
        self._minicrm_check_agency_allowed(vals)
        vals = self._minicrm_prepare_customer_vals(vals)
        if not vals.get("minicrm_agency_id"):
            vals["minicrm_agency_id"] = self._minicrm_default_agency().id
        self._minicrm_check_email_free(vals["minicrm_agency_id"], vals.get("email"))
        with self._minicrm_email_index_guard():
            return super(ResPartner, self.with_context(minicrm_customer_names=True)).create(vals)

    @api.multi
    def write(self, vals):
        self._minicrm_check_link_fields(vals)
        customers = self if vals.get("customer_state") else self.filtered("customer_state")
        if not customers:
            return super(ResPartner, self).write(vals)
        if customers != self:
            # Core's contacts keep core's behaviour; only customers get the
            # Mini-CRM's checks and normalisation.
            super(ResPartner, self - customers).write(vals)
            return customers.write(vals)
        if "minicrm_agency_id" in vals:
            self._minicrm_check_agency_allowed(vals)
        vals = self._minicrm_prepare_customer_vals(vals)
        if "minicrm_agency_id" in vals:
            self._minicrm_check_agency_change(vals["minicrm_agency_id"])
        if vals.get("customer_state") == "request" and self.filtered(
                lambda partner: partner.customer_state == "end"):
            raise ValidationError(_("An end user cannot become a request user again."))
        if vals.get("email"):
            for partner in self:
                self._minicrm_check_email_free(
                    vals.get("minicrm_agency_id", partner.minicrm_agency_id.id), vals["email"],
                    partner.id)
        with self._minicrm_email_index_guard():
            return super(ResPartner, self).write(vals)

    @api.multi
    def unlink(self):
        # Access first: the answer below must not tell another agency's staff
        # whether a customer has bookings.
        self.check_access_rights("unlink")
        self.check_access_rule("unlink")
        # sudo: counts bookings a company-restricted user may not list; only
        # the yes/no answer leaves this method.
        Booking = self.env["minicrm.booking"].sudo()
        if Booking.search_count([("customer_id", "in", self.ids)]):
            raise UserError(_(
                "This customer has bookings or requests and cannot be deleted. "
                "Archive the customer instead: the history is kept."))
        return super(ResPartner, self).unlink()

    @contextmanager
    def _minicrm_email_index_guard(self):
        """Two concurrent saves of one email in one agency: the second meets
        the unique index. Answer with the same clear error as the check made
        before writing, and keep the log free of a "bad query" ERROR."""
        cr = self.env.cr
        log_exceptions = cr._default_log_exceptions
        try:
            with cr.savepoint():
                cr._default_log_exceptions = False
                try:
                    yield
                finally:
                    cr._default_log_exceptions = log_exceptions
        except psycopg2.IntegrityError as error:
            if EMAIL_INDEX not in str(error):
                raise
            raise ValidationError(_(
                "Another customer of this agency already uses this email address."))

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        if self.customer_state or self.env.context.get("minicrm_customer_names"):
            kwargs = with_sender(self.env, kwargs)
        return super(ResPartner, self).message_post(*args, **kwargs)

    @api.model
    def _minicrm_with_default_state(self, vals):
        """``vals`` with the customer type the ORM would default to (the
        Customers menu sends ``default_customer_state``): whether the new
        partner is a customer decides which rules apply to it."""
        if vals.get("customer_state"):
            return vals
        default = self.default_get(["customer_state"]).get("customer_state")
        return dict(vals, customer_state=default) if default else vals

    @api.model
    def default_get(self, fields_list):
        """A customer made from a booking's or a request's customer field
        ("Create and Edit...") is an end user or a request user: Odoo 11's
        client cannot evaluate a conditional context there, so the field
        sends the booking's kind."""
        check_names(fields_list)
        values = super(ResPartner, self).default_get(fields_list)
        kind = self.env.context.get(BOOKING_KIND_KEY)
        if kind and "customer_state" in fields_list and not values.get("customer_state"):
            values["customer_state"] = "request" if kind == "request" else "end"
        return values

    @api.model
    def _minicrm_link_fields(self):
        """Fields that link a customer to a login: written by code, as
        superuser, never by a client."""
        return PORTAL_LINK_FIELDS

    @api.model
    def _minicrm_check_link_fields(self, vals):
        if self.env.uid != SUPERUSER_ID and self._minicrm_link_fields() & set(vals):
            raise AccessError(_("Portal access is managed with the customer's "
                                "portal buttons only."))

    @api.model
    def _minicrm_prepare_customer_vals(self, vals):
        """Customers' values checked (for every caller, superuser included),
        their email lowercased (it is their portal login). Other partners are
        left as core makes them."""
        validate_values(self, vals)
        if "email" in vals:
            email = normalize_email(vals["email"])
            if email and has_invisible_characters(email):
                # Refused before the database sees it (PostgreSQL rejects NUL).
                raise ValidationError(_(
                    "The email address contains invisible or control characters: "
                    "type it again."))
            vals = dict(vals, email=email)
        return vals

    @api.model
    def _minicrm_check_agency_allowed(self, vals):
        agency_id = vals.get("minicrm_agency_id")
        user = self.env.user
        if agency_id and agency_id != user.minicrm_agency_id.id and not user._minicrm_is_operator():
            raise AccessError(_("You can only add customers to your own agency."))

    @api.model
    def _minicrm_default_agency(self):
        agency = self.env.user.minicrm_agency_id
        if not agency and not self.env.user._minicrm_is_operator():
            raise UserError(_(
                "Your user is not attached to an agency, so it cannot create "
                "customers. Ask your administrator to set your agency."))
        return agency

    @api.multi
    def _minicrm_check_agency_change(self, agency_id):
        moving = self.filtered(lambda partner: partner.minicrm_agency_id.id != agency_id)
        # sudo: a yes/no check on the customers being written.
        if moving and self.env["minicrm.booking"].sudo().search_count(
                [("customer_id", "in", moving.ids)]):
            raise UserError(_(
                "A customer with bookings or requests cannot move to another "
                "agency: the bookings belong to the current one."))

    @api.constrains("customer_state", "minicrm_agency_id", "firstname", "lastname", "email")
    def _check_minicrm_customer(self):
        for partner in self.filtered("customer_state"):
            if not partner.minicrm_agency_id:
                raise ValidationError(_("A customer must belong to an agency."))
            if not (partner.firstname or "").strip() or not (partner.lastname or "").strip():
                raise ValidationError(_("A customer needs a first name and a last name."))
            if partner.email:
                partner._minicrm_check_email()

    def _minicrm_check_email(self):
        if not is_valid_email(self.email):
            raise ValidationError(_(
                "'%s' is not a valid email address (expected name@domain.tld).")
                % self.email.encode("unicode_escape").decode("ascii"))

    @api.model
    def _minicrm_check_email_free(self, agency_id, email, partner_id=False):
        """One customer per email address in an agency, refused before
        writing with a clear error; the unique index (see ``init``) settles
        concurrent saves."""
        email = normalize_email(email)
        if not email or not agency_id:
            return
        # active_test: an archived customer still owns its address.
        if self.with_context(active_test=False).search_count([
                ("id", "!=", partner_id), ("email", "=", email),
                ("customer_state", "!=", False), ("minicrm_agency_id", "=", agency_id)]):
            raise ValidationError(_(
                "Another customer of this agency already uses the email %s.") % email)
