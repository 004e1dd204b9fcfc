# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from .context import clean_context
from .minicrm_chatter import with_sender
from .value_checks import validate_values

KINDS = [("request", "Quote request"), ("booking", "Booking")]
STATES = [
    ("draft", "New"),
    ("quoted", "Quoted"),
    ("accepted", "Accepted"),
    ("confirmed", "Confirmed"),
    ("done", "Done"),
    ("cancel", "Cancelled"),
]
# Allowed state changes per kind; anything else skips the workflow.
TRANSITIONS = {
    "request": {
        "draft": {"quoted", "cancel"},
        "quoted": {"accepted", "draft", "cancel"},
        "accepted": set(),
        "cancel": {"draft"},
    },
    "booking": {
        "draft": {"confirmed", "cancel"},
        "confirmed": {"done", "cancel"},
        "done": set(),
        "cancel": {"draft"},
    },
}
CONFIRMED_STATES = ("confirmed", "done")
# The spent amount of every booking in one statement (an upgrade, generated
# data), as _compute_spent_amount computes it.
SPENT_AMOUNT_SQL = """
    UPDATE minicrm_booking
       SET spent_amount = CASE WHEN kind = 'booking' AND state IN ('confirmed', 'done')
                               THEN coalesce(amount, 0) ELSE 0 END
"""
# A trip that started a few hours ago may still be recorded.
PICKUP_GRACE = datetime.timedelta(hours=12)
HISTORY_IMPORT_KEY = "minicrm_import_history"
MAX_PASSENGERS = 100
# Far above any trip's price; keeps sums of a customer's bookings exact.
MAX_AMOUNT = 10 ** 9
SEQUENCE_CODES = {"request": "minicrm.request", "booking": "minicrm.booking"}
CONTACT_FIELDS = {
    "contact_firstname": "firstname",
    "contact_lastname": "lastname",
    "contact_email": "email",
    "contact_phone": "phone",
    "contact_mobile": "mobile",
    "contact_lang": "lang",
}


class MinicrmBooking(models.Model):
    """A quote request or a booking made by an agency for a customer.

    The contact and invoicing fields are a snapshot of what the customer gave
    for this booking: editing the customer later does not rewrite them.
    """
    _name = "minicrm.booking"
    _description = "Booking or quote request"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "pickup_datetime desc, id desc"
    # The booking lists count their pager up to a limit (capped_count.py).
    _minicrm_count_limited = True

    name = fields.Char(
        "Reference", required=True, readonly=True, copy=False, index=True, default="/")
    kind = fields.Selection(
        KINDS, required=True, default="booking", readonly=True,
        states={"draft": [("readonly", False)]}, index=True)
    state = fields.Selection(
        STATES, string="Status", required=True, default="draft", copy=False,
        index=True, track_visibility="onchange")
    customer_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="restrict",
        domain=[("customer_state", "!=", False)], track_visibility="onchange")
    # Not required in the form: it is the customer's, set when saving (a
    # required field the client cannot fill blocks the save); the
    # consistency check below makes sure every booking has it.
    agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", index=True, readonly=True,
        ondelete="restrict",
        help="Always the customer's agency; set from the customer when saving.")
    rental_company_id = fields.Many2one(
        "minicrm.rental.company", string="Rental company", required=True, index=True,
        ondelete="restrict", track_visibility="onchange")
    request_id = fields.Many2one(
        "minicrm.booking", string="From request", readonly=True, copy=False,
        help="The quote request this booking was made from.")
    pickup_datetime = fields.Datetime(
        "Pickup", required=True, index=True, track_visibility="onchange")
    dropoff_datetime = fields.Datetime("Drop-off time")
    pickup_location = fields.Char("Pickup location", required=True)
    dropoff_location = fields.Char("Drop-off location", required=True)
    route = fields.Char(compute="_compute_route", store=True)
    passenger_count = fields.Integer("Passengers", default=1)
    # The agency's currency: a customer's spending adds up amounts of one
    # currency only.
    currency_id = fields.Many2one(
        "res.currency", string="Currency", related="agency_id.currency_id",
        store=True, readonly=True)
    amount = fields.Monetary(
        "Amount", currency_field="currency_id", track_visibility="onchange",
        help="Price of the trip, in the agency's currency. Confirmed and done bookings "
             "count in the customer's spending.")
    # What the spending pivot and graph add up: "Total spent"'s definition.
    spent_amount = fields.Monetary(
        "Spent", currency_field="currency_id", compute="_compute_spent_amount", store=True,
        help="The amount of a confirmed or done booking, as counted in the customer's "
             "Total spent; 0 for drafts, cancelled bookings and quote requests.")
    invoice_number = fields.Char("Invoice", copy=False, track_visibility="onchange",
                                 help="Invoice reference of this booking.")
    # Staff-only: a customer reads their bookings (minicrm_portal_fields.py).
    notes = fields.Text(groups="base.group_user")

    contact_firstname = fields.Char("First name")
    contact_lastname = fields.Char("Last name")
    contact_email = fields.Char("Email")
    contact_phone = fields.Char("Phone")
    contact_mobile = fields.Char("Mobile")
    contact_lang = fields.Selection(
        lambda self: self.env["res.lang"].get_installed(), string="Language")

    invoice_name = fields.Char("Invoice to")
    invoice_vat = fields.Char("VAT number")
    invoice_street = fields.Char("Street")
    invoice_zip = fields.Char("ZIP")
    invoice_city = fields.Char("City")
    invoice_country_id = fields.Many2one("res.country", string="Country")

    _sql_constraints = [
        ("name_uniq", "unique(name)", "The booking reference must be unique."),
        ("passenger_count_positive", "CHECK(passenger_count >= 0)",
         "The number of passengers cannot be negative."),
    ]

    @api.model_cr
    def init(self):
        # A customer's latest bookings (customer form, last-contact tabs) by
        # one index, whatever the size of the table. Idempotent.
        self.env.cr.execute("CREATE INDEX IF NOT EXISTS minicrm_booking_customer_id_id_idx "
                            "ON minicrm_booking (customer_id, id)")

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        return super(MinicrmBooking, self).message_post(*args, **with_sender(self.env, kwargs))

    @api.depends("pickup_location", "dropoff_location")
    def _compute_route(self):
        for booking in self:
            booking.route = "%s → %s" % (booking.pickup_location or "?",
                                         booking.dropoff_location or "?")

    @api.depends("kind", "state", "amount")
    def _compute_spent_amount(self):
        for booking in self:
            booking.spent_amount = booking.amount if (
                booking.kind == "booking" and booking.state in CONFIRMED_STATES) else 0.0

    @api.onchange("customer_id")
    def _onchange_customer_id(self):
        for booking_field, partner_field in CONTACT_FIELDS.items():
            self[booking_field] = self.customer_id[partner_field]
        self.invoice_name = self.customer_id.name

    # -- invariants ---------------------------------------------------------

    @api.model
    def create(self, vals):
        # Access rights first: a user who may not create bookings at all
        # gets that answer, not one about the values.
        self.check_access_rights("create")
        # Scope first: its answer names the agency ("another agency").
        self._check_scope(vals)
        self._check_booking_values(vals)
        kind = vals.get("kind") or self.default_get(["kind"]).get("kind")
        if kind not in TRANSITIONS or vals.get("state", "draft") not in TRANSITIONS[kind]:
            raise ValidationError(_("%s is not a valid kind and status for a booking.")
                                  % "/".join(map(str, (kind, vals.get("state")))))
        if vals.get("name", "/") == "/":
            vals["name"] = self.env["ir.sequence"].next_by_code(SEQUENCE_CODES[kind]) or "/"
        self._check_pickup_not_past(vals.get("pickup_datetime"))
        vals = self._with_customer_agency(self._with_contact_snapshot(vals))
        booking = super(MinicrmBooking, self).create(vals)
        booking._promote_confirmed_customers()
        return booking

    @api.multi
    def write(self, vals):
        self.check_access_rights("write")
        self._check_scope(vals)
        self._check_booking_values(vals)
        if "kind" in vals and any(booking.kind != vals["kind"] for booking in self):
            raise UserError(_("A request cannot be turned into a booking by editing it: "
                              "use the Accept button."))
        if "state" in vals:
            self._check_transition(vals["state"])
        # No _check_pickup_not_past here: correcting an existing trip's time
        # (one that has passed, or was recorded wrong) is ordinary work.
        self._check_agency_unchanged(vals)
        result = super(MinicrmBooking, self).write(self._with_customer_agency(vals))
        if "state" in vals:
            self._promote_confirmed_customers()
        return result

    @api.model
    def _check_booking_values(self, vals):
        validate_values(self, vals)
        if not 0 <= vals.get("passenger_count", 0) <= MAX_PASSENGERS:
            raise ValidationError(_("The number of passengers must be between 0 and %d.")
                                  % MAX_PASSENGERS)
        if not 0 <= (vals.get("amount") or 0) < MAX_AMOUNT:
            raise ValidationError(_("The amount must be positive and below %d.") % MAX_AMOUNT)

    @api.model
    def _check_scope(self, vals):
        """Staff may only book for their agency's customers and companies.

        Checked before writing so that the answer is a clear ValidationError,
        and nothing is written, rather than a rule error after the fact.
        """
        user = self.env.user
        if user._minicrm_is_operator():
            return
        if vals.get("customer_id") and not self.env["res.partner"].search(
                [("id", "=", vals["customer_id"]), ("customer_state", "!=", False)]):
            raise ValidationError(_(
                "This customer does not exist or belongs to another agency."))
        if vals.get("rental_company_id") and (
                vals["rental_company_id"] not in user.minicrm_accessible_rental_company_ids.ids):
            raise ValidationError(_(
                "You cannot book with this rental company: it does not work with "
                "your agency, or you have no access to it."))

    @api.model
    def _with_customer_agency(self, vals):
        """The agency is the customer's: it is written in the same statement
        as the customer, so the agency rule holds from the start. A client
        that sends another one is told so, not silently corrected."""
        if "customer_id" not in vals:
            return vals
        agency = self.env["res.partner"].browse(vals["customer_id"]).minicrm_agency_id
        if vals.get("agency_id") and vals["agency_id"] != agency.id:
            raise ValidationError(_(
                "A booking belongs to its customer's agency: %s. Leave the agency "
                "empty, or choose a customer of the other agency.") % agency.name)
        return dict(vals, agency_id=agency.id)

    @api.multi
    def _check_agency_unchanged(self, vals):
        if vals.get("agency_id") and "customer_id" not in vals and any(
                booking.agency_id.id != vals["agency_id"] for booking in self):
            raise ValidationError(_(
                "A booking belongs to its customer's agency: change the customer to "
                "move it to another agency."))

    @api.model
    def _check_pickup_not_past(self, pickup):
        """New bookings and requests are for trips to come. Recording past
        trips (an import of an agency's history) is asked for explicitly,
        with the context key ``minicrm_import_history``, by a manager."""
        if not pickup or (self.env.context.get(HISTORY_IMPORT_KEY) and self.user_has_groups(
                "minicrm_agency.group_agency_manager")):
            return
        limit = datetime.datetime.utcnow() - PICKUP_GRACE
        if fields.Datetime.from_string(pickup) < limit:
            raise ValidationError(_(
                "The pickup time %s is in the past: a new booking or request is for a "
                "trip to come.") % pickup)

    @api.model
    def _with_contact_snapshot(self, vals):
        customer = self.env["res.partner"].browse(vals.get("customer_id"))
        snapshot = {booking_field: customer[partner_field]
                    for booking_field, partner_field in CONTACT_FIELDS.items()
                    if not vals.get(booking_field)}
        if not vals.get("invoice_name"):
            snapshot["invoice_name"] = customer.name
        return dict(vals, **snapshot)

    @api.multi
    def _check_transition(self, new_state):
        labels = dict(STATES)
        for booking in self:
            allowed = TRANSITIONS[booking.kind][booking.state]
            if new_state != booking.state and new_state not in allowed:
                raise ValidationError(_("%(booking)s cannot go from %(old)s to %(new)s.") % {
                    "booking": booking.name, "old": labels[booking.state],
                    "new": labels.get(new_state, new_state)})

    @api.multi
    def _promote_confirmed_customers(self):
        confirmed = self.filtered(
            lambda booking: booking.kind == "booking" and booking.state in CONFIRMED_STATES)
        confirmed.mapped("customer_id")._minicrm_promote_to_end_user()

    @api.constrains("customer_id", "rental_company_id")
    def _check_agency_consistency(self):
        # sudo: a consistency check between ids the user has just written
        # (their visibility is checked in _check_scope); nothing is returned.
        for booking in self.sudo():
            if not booking.customer_id.customer_state or (
                    booking.agency_id != booking.customer_id.minicrm_agency_id):
                raise ValidationError(_("Bookings are made for agency customers only."))
            if booking.rental_company_id not in booking.agency_id.rental_company_ids:
                raise ValidationError(_(
                    "%(company)s does not work with the agency %(agency)s.") % {
                    "company": booking.rental_company_id.name, "agency": booking.agency_id.name})

    @api.constrains("pickup_datetime", "dropoff_datetime")
    def _check_times(self):
        for booking in self:
            if booking.dropoff_datetime and booking.dropoff_datetime <= booking.pickup_datetime:
                raise ValidationError(_("The drop-off time must be after the pickup time."))

    @api.multi
    def unlink(self):
        if any(booking.state not in ("draft", "cancel") for booking in self):
            raise UserError(_("Only new or cancelled bookings can be deleted. "
                              "Cancel the booking first."))
        return super(MinicrmBooking, self).unlink()

    # -- buttons ------------------------------------------------------------

    @api.multi
    def action_send_quote(self):
        self.write({"state": "quoted"})

    @api.multi
    def action_confirm(self):
        self.write({"state": "confirmed"})

    @api.multi
    def action_done(self):
        self.write({"state": "done"})

    @api.multi
    def action_cancel(self):
        self.write({"state": "cancel"})

    @api.multi
    def action_reset_draft(self):
        self.write({"state": "draft"})

    @api.multi
    def action_accept(self):
        """Accept a quoted request: it becomes a confirmed booking, kept
        linked to the request, which stays in the request history."""
        self.ensure_one()
        if self.kind != "request":
            raise UserError(_("Only quote requests can be accepted."))
        self.write({"state": "accepted"})
        booking = self._minicrm_booking_from_request()
        booking.action_confirm()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": booking.id,
            "view_mode": "form",
            "target": "current",
        }

    @api.multi
    def _minicrm_booking_from_request(self):
        """A new draft booking of this request's trip, linked to it."""
        self.ensure_one()
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        return self.with_context(clean_context(self.env.context)).copy({
            "kind": "booking", "name": "/", "request_id": self.id, "state": "draft",
        })
