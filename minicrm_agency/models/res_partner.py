# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
import unicodedata
from contextlib import contextmanager

import psycopg2

from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

from .context import clean_context
from .minicrm_chatter import with_sender
from .value_checks import check_values

_logger = logging.getLogger(__name__)

CUSTOMER_NAMES_ORDER_PARAM = "minicrm_agency.customer_names_order"
DEFAULT_CUSTOMER_NAMES_ORDER = "first_last"
# partner_firstname's orders as (separator, first part) for SQL.
NAME_ORDER_SQL = {"first_last": (" ", "firstname"), "last_first": (" ", "lastname"),
                  "last_first_comma": (", ", "lastname")}
CUSTOMER_STATES = [("request", "Request user"), ("end", "End user")]
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
# A search text made only of these characters is read as a phone number.
PHONE_QUERY_RE = re.compile(r"^[\d\s+().\-/]+$")
MIN_PHONE_DIGITS = 3
# Below this limit PostgreSQL walks the display_name index hoping to meet the
# few matches early, and reads tens of thousands of rows (README, Performance).
PICKER_SEARCH_LIMIT = 80
EXPORT_BATCH = 1000
# The search box's `ilike` on these columns is served by trigram indexes that
# start with the agency, so that a staff search reads its own agency's
# matches only.
TRIGRAM_COLUMNS = ("name", "email", "minicrm_phone_digits")
# Context key of a booking form's customer field: the kind of the booking.
BOOKING_KIND_KEY = "minicrm_booking_kind"
# Context key of imports that create customers without portal logins.
NO_PORTAL_LOGIN_KEY = "minicrm_no_portal_login"
# One customer per (agency, email): the index behind it.
EMAIL_INDEX = "res_partner_minicrm_customer_email_uniq"
EMAIL_TAKEN = "Another customer of this agency already uses this email address."
# Written by the portal access methods only, never by a client.
PORTAL_LINK_FIELDS = {"minicrm_portal_user_id", "minicrm_login_partner", "minicrm_portal_warning"}


def only_digits(text):
    return re.sub(r"\D", "", text or "")


def normalize_email(email):
    return (email or "").strip().lower() or False


def is_valid_email(email):
    return bool(EMAIL_RE.match(email)) and not has_invisible_characters(email)


def has_invisible_characters(text):
    """Control, format (bidi overrides, zero-width…) and separator characters
    other than a plain space make an address look like another one."""
    return any(unicodedata.category(char)[0] in "CZ" and char != " " for char in text)


class ResPartner(models.Model):
    """Agency customers are partners with a ``customer_state``.

    They belong to one agency (global record rules hide them from the others),
    carry stored booking figures for the customer list, and are searched by
    name, email and phone digits through ``minicrm_search``.
    """
    _inherit = ["res.partner", "minicrm.edit.lock"]
    _name = "res.partner"

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
    minicrm_has_portal_login = fields.Boolean(
        "Portal access", compute="_compute_minicrm_has_portal_login",
        help="The customer logs in to the portal with their email address.")
    minicrm_portal_warning = fields.Char(
        "Portal access problem", readonly=True, copy=False,
        help="Why this end user did not get a portal login.")
    minicrm_staff_agency_id = fields.Many2one(
        "minicrm.agency", string="Staff of agency", compute="_compute_minicrm_staff_agency_id",
        store=True, index=True,
        help="The agency whose staff member this contact is. Other agencies' staff "
             "do not see it.")
    minicrm_login_partner = fields.Boolean(
        "Portal login contact", readonly=True, copy=False, index=True,
        help="The contact behind a customer portal login, shared by the person's "
             "customer records in every agency. Staff never see it.")
    # Tokens are secrets: auth_signup computes this URL as superuser.
    signup_url = fields.Char(groups="base.group_erp_manager")
    booking_ids = fields.One2many(
        "minicrm.booking", "customer_id", string="Bookings",
        domain=[("kind", "=", "booking")])
    request_ids = fields.One2many(
        "minicrm.booking", "customer_id", string="Requests",
        domain=[("kind", "=", "request")])
    booking_count = fields.Integer(
        "Bookings", compute="_compute_booking_stats", store=True, index=True,
        help="Bookings that were not cancelled.")
    request_count = fields.Integer(
        "Requests", compute="_compute_booking_stats", store=True,
        help="Quote requests that were not cancelled.")
    last_booking_date = fields.Datetime(
        "Last booking", compute="_compute_booking_stats", store=True, index=True,
        help="Pickup time of the latest booking that was not cancelled.")
    minicrm_phone_digits = fields.Char(
        "Phone digits", compute="_compute_minicrm_phone_digits", store=True,
        help="Digits of the phone and mobile numbers, for search whatever the "
             "spacing or punctuation.")
    minicrm_search = fields.Char(
        "Name, email or phone", compute="_compute_minicrm_search",
        search="_search_minicrm_search")

    # "Choose rental company" and the last-contact tabs of the customer form.
    minicrm_rental_company_ids = fields.Many2many(
        "minicrm.rental.company", string="Rental companies used",
        compute="_compute_minicrm_rental_company_ids",
        help="Companies this customer booked or requested with, among those you may access.")
    minicrm_rental_company_id = fields.Many2one(
        "minicrm.rental.company", string="Choose rental company",
        compute="_compute_minicrm_rental_company_id",
        inverse="_inverse_minicrm_rental_company_id",
        help="Shows the contact details the customer gave with this company.")
    minicrm_rental_company_fixed = fields.Boolean(
        compute="_compute_minicrm_rental_company_id",
        help="You may access only one rental company.")
    minicrm_last_booking_card = fields.Html(
        "Last booking contact", compute="_compute_minicrm_last_contacts", sanitize=False)
    minicrm_last_request_card = fields.Html(
        "Last request contact", compute="_compute_minicrm_last_contacts", sanitize=False)

    # Contact tracking in the chatter.
    firstname = fields.Char(track_visibility="onchange")
    lastname = fields.Char(track_visibility="onchange")
    email = fields.Char(track_visibility="onchange")
    phone = fields.Char(track_visibility="onchange")
    mobile = fields.Char(track_visibility="onchange")
    lang = fields.Selection(track_visibility="onchange")

    @api.model_cr
    def init(self):
        """GIN indexes of (agency, trigrams of the column), so that `ilike
        '%fragment%'` does not scan the table (pg_trgm, with btree_gin for
        the agency). Idempotent: an upgrade leaves existing ones alone."""
        cr = self.env.cr
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
        except psycopg2.Error as error:
            _logger.warning("pg_trgm or btree_gin is not available (%s): customer search "
                            "will scan the partner table.", error)
            return
        self._minicrm_create_email_index()
        for column in TRIGRAM_COLUMNS:
            # Identifiers from the constant above, not from input.
            # pylint: disable=sql-injection
            cr.execute("CREATE INDEX IF NOT EXISTS res_partner_minicrm_%s_trgm_idx ON res_partner "
                       "USING gin (minicrm_agency_id, %s gin_trgm_ops)" % (column, column))

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

    @api.depends("booking_ids.state", "booking_ids.pickup_datetime", "request_ids.state")
    def _compute_booking_stats(self):
        stats = {}
        real_ids = tuple(pid for pid in self.ids if isinstance(pid, int))
        if real_ids:
            # One grouped query for the whole batch. Plain SQL on purpose: the
            # figures describe the customer (whose own rule already hides it
            # from other agencies), not what the current user may list.
            self.env.cr.execute("""
                SELECT customer_id, kind, count(*), max(pickup_datetime)
                  FROM minicrm_booking
                 WHERE customer_id IN %s AND state != 'cancel'
              GROUP BY customer_id, kind
            """, (real_ids,))
            for customer_id, kind, count, last_pickup in self.env.cr.fetchall():
                stats[(customer_id, kind)] = (count, last_pickup)
        for partner in self:
            bookings = stats.get((partner.id, "booking"), (0, False))
            partner.booking_count = bookings[0]
            partner.last_booking_date = bookings[1]
            partner.request_count = stats.get((partner.id, "request"), (0, False))[0]

    @api.depends("user_ids.minicrm_agency_id", "user_ids.active")
    def _compute_minicrm_staff_agency_id(self):
        # sudo: the partner's own users, archived ones included, whatever
        # the user rule lets the current user list.
        for partner in self:
            users = partner.sudo().with_context(active_test=False).user_ids
            partner.minicrm_staff_agency_id = users.mapped("minicrm_agency_id")[:1]

    @api.depends("minicrm_portal_user_id")
    def _compute_minicrm_has_portal_login(self):
        # sudo: the login is hidden from staff; only whether there is one
        # leaves this method.
        for partner in self:
            partner.minicrm_has_portal_login = bool(partner.sudo().minicrm_portal_user_id)

    @api.depends("phone", "mobile")
    def _compute_minicrm_phone_digits(self):
        for partner in self:
            numbers = [only_digits(partner.phone), only_digits(partner.mobile)]
            partner.minicrm_phone_digits = " ".join(n for n in numbers if n) or False

    def _compute_minicrm_search(self):
        for partner in self:
            partner.minicrm_search = False

    def _search_minicrm_search(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "="):
            raise UserError(_("The customer search only supports 'contains'."))
        return self._minicrm_search_domain(value)

    @api.model
    def _minicrm_search_domain(self, text):
        """Name (first and last name), email, phone and mobile in one domain.

        A phone-looking text matches the stored digits, whatever its spacing,
        or (typed without spaces) the email. Other texts match when every
        word is found in the name or the email, so "smith ann" finds
        "Ann Smith". Each condition can use a trigram index.
        """
        text = (text or "").strip()
        if not text:
            return []
        digits = only_digits(text)
        if PHONE_QUERY_RE.match(text) and len(digits) >= MIN_PHONE_DIGITS:
            domain = [("minicrm_phone_digits", "like", digits)]
            if len(text.split()) == 1:
                domain = expression.OR([domain, [("email", "ilike", text)]])
        else:
            domain = expression.AND([
                ["|", ("name", "ilike", word), ("email", "ilike", word)]
                for word in text.split()])
        return expression.AND([self._minicrm_own_agency_domain(), domain])

    @api.model
    def _minicrm_own_agency_domain(self):
        """Staff find their agency's customers only (the record rule says
        so too); saying it in the search lets PostgreSQL use the agency
        column of the trigram indexes instead of filtering every match."""
        user = self.env.user
        if user._minicrm_is_operator() or not user.minicrm_agency_id:
            return []
        return [("minicrm_agency_id", "=", user.minicrm_agency_id.id)]

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        """Customer pickers (context ``minicrm_customer_search``) find customers
        by the same fields as the customer list's search box."""
        if name and operator == "ilike" and self.env.context.get("minicrm_customer_search"):
            domain = expression.AND([args or [], self._minicrm_search_domain(name)])
            if not limit:
                return self.search(domain).name_get()
            found = self.search(domain, limit=max(limit, PICKER_SEARCH_LIMIT))
            return found[:limit].name_get()
        return super(ResPartner, self).name_search(name, args=args, operator=operator, limit=limit)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        """Odoo 11 reads every column of every exported partner (some sixty);
        read only the exported ones, a thousand partners at a time."""
        names = {path.split("/")[0] for path in fields_to_export} & set(self._fields)
        columns = [name for name in names if self._fields[name].store
                   and self._fields[name].column_type]
        # _read_from_database skips the field-level check that read() makes.
        self.check_field_access_rights("read", columns)
        rows = []
        for start in range(0, len(self), EXPORT_BATCH):
            batch = self[start:start + EXPORT_BATCH]
            batch._read_from_database(columns)
            rows += super(ResPartner, batch).export_data(fields_to_export, raw_data)["datas"]
            batch.invalidate_cache(ids=batch.ids)
        return {"datas": rows}

    # -- invariants ---------------------------------------------------------

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
            partner = super(ResPartner, self.with_context(minicrm_customer_names=True)).create(vals)
        partner._minicrm_sync_portal_access()
        return partner

    @api.multi
    def write(self, vals):
        self._minicrm_check_not_modified()
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
            result = super(ResPartner, self).write(vals)
        if {"customer_state", "email"} & set(vals):
            self._minicrm_sync_portal_access()
        return result

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
        values = super(ResPartner, self).default_get(fields_list)
        kind = self.env.context.get(BOOKING_KIND_KEY)
        if kind and "customer_state" in fields_list and not values.get("customer_state"):
            values["customer_state"] = "request" if kind == "request" else "end"
        return values

    @api.model
    def _minicrm_check_link_fields(self, vals):
        if self.env.uid != SUPERUSER_ID and PORTAL_LINK_FIELDS & set(vals):
            raise AccessError(_("Portal access is managed with the customer's "
                                "portal buttons only."))

    @api.model
    def _minicrm_prepare_customer_vals(self, vals):
        """Customers' values checked, their email lowercased (it is their
        portal login). Other partners are left as core makes them."""
        if self.env.uid != SUPERUSER_ID:
            check_values(self, vals)
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

    @api.model
    def _get_names_order(self):
        """Customers, and the contact of their portal login, read "Claire
        Martin" in the order chosen in the Mini-CRM settings; the
        database-wide order of partner_firstname stays for everyone else."""
        context = self.env.context
        # A customer being created (the Customers menu, a booking's customer
        # field) is split and named like the customers.
        if context.get("minicrm_customer_names") or context.get("default_customer_state") or \
                context.get(BOOKING_KIND_KEY) or any(
                    partner.customer_state or partner.minicrm_login_partner for partner in self):
            return self.env["ir.config_parameter"].sudo().get_param(
                CUSTOMER_NAMES_ORDER_PARAM, DEFAULT_CUSTOMER_NAMES_ORDER)
        return super(ResPartner, self)._get_names_order()

    @api.model
    def _minicrm_recompute_customer_names(self):
        """Rewrite every customer's name in the new order: in SQL, as a
        database may hold a million customers. Customers have no parent, so
        their display name is their name."""
        separator, first = NAME_ORDER_SQL[
            self.with_context(minicrm_customer_names=True)._get_names_order()]
        parts = ("NULLIF(firstname, ''), NULLIF(lastname, '')" if first == "firstname"
                 else "NULLIF(lastname, ''), NULLIF(firstname, '')")
        # Constants from NAME_ORDER_SQL, not from input.
        # pylint: disable=sql-injection
        self.env.cr.execute("""
            UPDATE res_partner SET name = concat_ws('%s', %s), display_name = concat_ws('%s', %s)
             WHERE customer_state IS NOT NULL OR minicrm_login_partner
        """ % (separator, parts, separator, parts))
        self.invalidate_cache()

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

    # -- customer form: rental company selector and last contacts --------------

    @api.depends("booking_ids", "request_ids")
    def _compute_minicrm_rental_company_ids(self):
        Booking = self.env["minicrm.booking"]
        for partner in self:
            partner_id = partner._minicrm_saved_id(self)
            if not partner_id:
                partner.minicrm_rental_company_ids = False
                continue
            # As the user: the booking rule keeps out companies they may not access.
            groups = Booking.read_group(
                [("customer_id", "=", partner_id)], ["rental_company_id"], ["rental_company_id"])
            partner.minicrm_rental_company_ids = [
                group["rental_company_id"][0] for group in groups if group["rental_company_id"]]

    # No @api.depends on purpose: computed when the form is read, then the
    # user's choice must survive the onchange round trips.
    def _compute_minicrm_rental_company_id(self):
        accessible = self.env.user.minicrm_accessible_rental_company_ids
        for partner in self:
            partner.minicrm_rental_company_fixed = len(accessible) == 1
            if len(accessible) == 1:
                partner.minicrm_rental_company_id = accessible
            else:
                partner_id = partner._minicrm_saved_id(self)
                latest = self.env["minicrm.booking"].search(
                    [("customer_id", "=", partner_id)], order="id desc", limit=1
                ) if partner_id else self.env["minicrm.booking"]
                partner.minicrm_rental_company_id = latest.rental_company_id

    def _inverse_minicrm_rental_company_id(self):
        """The selector is a view of the data, not data: nothing to save."""

    def _compute_minicrm_last_contacts(self):
        for partner in self:
            partner._minicrm_fill_last_contacts(partner._minicrm_saved_id(self))

    @api.onchange("minicrm_rental_company_id")
    def _onchange_minicrm_rental_company_id(self):
        self._minicrm_fill_last_contacts(self._minicrm_saved_id(self))

    def _minicrm_fill_last_contacts(self, partner_id):
        """Last booking and request with the chosen company, and their cards."""
        company = self.minicrm_rental_company_id
        for kind in ("booking", "request"):
            last = self.env["minicrm.booking"].browse()
            if company and partner_id:
                # Own prefetch: the card must not read the customer's whole
                # history (all the bookings the form has listed).
                last = last.search([
                    ("customer_id", "=", partner_id), ("kind", "=", kind),
                    ("rental_company_id", "=", company.id)], order="id desc", limit=1
                ).with_prefetch()
            self["minicrm_last_%s_card" % kind] = self.env["ir.ui.view"].render_template(
                "minicrm_agency.minicrm_last_contact_card", {"booking": last}
            ).decode() if last else False

    def _minicrm_saved_id(self, batch):
        """The database id, also inside an onchange, where the record is new
        and the saved one is the ``_origin`` Odoo 11 sets on the computed
        batch only (iterating loses it). False for an unsaved customer."""
        if isinstance(self.id, int):
            return self.id
        origin = getattr(batch, "_origin", None) if len(batch) == 1 else None
        return origin.id if origin and isinstance(origin.id, int) else False

    # -- customer portal ------------------------------------------------------

    @api.multi
    def _minicrm_sync_portal_access(self):
        """End users with an email get a portal login whose login is that
        email; a changed email moves the customer to the login of the new one.
        An import may ask for none (context ``minicrm_no_portal_login``): staff
        grant access later with the form's button."""
        if self.env.context.get(NO_PORTAL_LOGIN_KEY):
            return
        for partner in self.filtered(lambda p: p.customer_state == "end"):
            # sudo: the login is hidden from staff; it is compared, not shown.
            current = partner.sudo().minicrm_portal_user_id
            if current and current.login == partner.email:
                continue
            if current:
                partner._minicrm_unlink_portal_user()
            if partner.email:
                partner._minicrm_link_portal_user()

    @api.multi
    def _minicrm_link_portal_user(self):
        self.ensure_one()
        # sudo: staff may neither search nor create users. Only the link to
        # the login is written here; the login's contact and tokens stay
        # invisible to staff (see the res.partner and res.users rules).
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        Users = self.env["res.users"].sudo().with_context(clean_context(self.env.context))
        user, created = Users._minicrm_portal_user_for(self)
        if not user:
            self.sudo().write({"minicrm_portal_warning": _(
                "No portal access: this email address belongs to a staff account. "
                "Ask the customer for their own address.")})
            return False
        self.sudo().write({"minicrm_portal_user_id": user.id, "minicrm_portal_warning": False})
        if created:
            user._minicrm_queue_signup_email(invitation=True)
        return True

    @api.multi
    def _minicrm_unlink_portal_user(self):
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        customers = self.sudo().with_context(clean_context(self.env.context))
        users = customers.mapped("minicrm_portal_user_id")
        customers.write({"minicrm_portal_user_id": False})
        users._minicrm_release_portal_login()

    @api.multi
    def action_minicrm_grant_portal(self):
        """Give portal access now, with a clear reason when it cannot be."""
        for partner in self:
            if partner.customer_state != "end":
                raise UserError(_("%s is a request user: use Create Customer first.")
                                % partner.name)
            if not partner.email:
                raise UserError(_("%s has no email address: add one first.") % partner.name)
            if not partner.minicrm_has_portal_login and not partner._minicrm_link_portal_user():
                raise UserError(partner.minicrm_portal_warning)
        return True

    @api.multi
    def action_minicrm_revoke_portal(self):
        """Remove this customer record from its portal login. The login
        stays active while another agency's record of the person uses it."""
        self.check_access_rule("write")
        self._minicrm_unlink_portal_user()
        return True

    @api.multi
    def action_minicrm_reset_password(self):
        """Queue a password reset email to the customer's portal login."""
        self.check_access_rule("write")
        for partner in self:
            # sudo: the reset is made as superuser so that staff never read
            # the token; it only ever targets a portal (share) login.
            user = partner.sudo().minicrm_portal_user_id
            if not user.active or not user.share:
                raise UserError(_("%s has no portal access yet: grant it first.")
                                % partner.name)
            user._minicrm_queue_signup_email()
            partner.message_post(body=_("Password reset email sent to %s.") % user.email)
        return True

    # -- buttons ------------------------------------------------------------

    @api.multi
    def action_make_end_user(self):
        """"Create Customer": promote request users to end users."""
        self._minicrm_promote_to_end_user()
        return True

    @api.multi
    def _minicrm_promote_to_end_user(self):
        self.filtered(lambda partner: partner.customer_state == "request").write(
            {"customer_state": "end"})

    @api.multi
    def action_minicrm_email_to(self):
        """Open the mail composer on the customer; the sent mail is logged in
        the customer's chatter."""
        self.ensure_one()
        if not self.email:
            raise UserError(_("%s has no email address. Add one first.") % self.name)
        return {
            "type": "ir.actions.act_window",
            "name": _("Email %s") % self.name,
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": "res.partner",
                "default_res_id": self.id,
                "default_partner_ids": [self.id],
                "default_composition_mode": "comment",
                "mail_post_autofollow": False,
            },
        }

    @api.multi
    def action_minicrm_new_booking(self):
        self.ensure_one()
        self.check_access_rule("read")
        action = self.env.ref("minicrm_agency.action_minicrm_booking").read()[0]
        action.update(views=[(False, "form")], view_mode="form", target="current",
                      context={"default_customer_id": self.id, "default_kind": "booking"})
        return action

    @api.multi
    def action_minicrm_open_bookings(self):
        self.ensure_one()
        self.check_access_rule("read")
        action = self.env.ref("minicrm_agency.action_minicrm_booking").read()[0]
        action.update(domain=[("customer_id", "=", self.id), ("kind", "=", "booking")],
                      context={"default_customer_id": self.id, "default_kind": "booking"})
        return action
