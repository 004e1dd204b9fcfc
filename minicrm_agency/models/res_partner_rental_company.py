# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class ResPartnerRentalCompany(models.Model):
    """The customer form's "Choose rental company" selector and its "Last
    booking contact" and "Last request contact" tabs."""
    _inherit = "res.partner"

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
    # The tabs show the latest booking and request with the chosen company
    # through related fields: ordinary, escaped field widgets. Read as the
    # user (related_sudo=False): an onchange lets a client put any booking
    # id in the many2one, and its details must then pass the booking rules.
    # Not tracked (a related field copies its target's tracking).
    minicrm_last_booking_id = fields.Many2one(
        "minicrm.booking", string="Last booking with this company",
        compute="_compute_minicrm_last_contacts",
        help="The latest trip with this company that took place and was not cancelled, "
             "as the customer list's Last booking.")
    minicrm_last_request_id = fields.Many2one(
        "minicrm.booking", string="Last request with this company",
        compute="_compute_minicrm_last_contacts",
        help="The latest quote request sent for this company that was not cancelled.")
    minicrm_last_booking_pickup_datetime = fields.Datetime(
        related="minicrm_last_booking_id.pickup_datetime", readonly=True,
        related_sudo=False, track_visibility=False)
    minicrm_last_booking_route = fields.Char(
        related="minicrm_last_booking_id.route", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_firstname = fields.Char(
        related="minicrm_last_booking_id.contact_firstname", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_lastname = fields.Char(
        related="minicrm_last_booking_id.contact_lastname", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_email = fields.Char(
        related="minicrm_last_booking_id.contact_email", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_phone = fields.Char(
        related="minicrm_last_booking_id.contact_phone", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_mobile = fields.Char(
        related="minicrm_last_booking_id.contact_mobile", readonly=True,
        related_sudo=False)
    minicrm_last_booking_contact_lang = fields.Selection(
        related="minicrm_last_booking_id.contact_lang", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_name = fields.Char(
        related="minicrm_last_booking_id.invoice_name", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_vat = fields.Char(
        related="minicrm_last_booking_id.invoice_vat", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_street = fields.Char(
        related="minicrm_last_booking_id.invoice_street", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_zip = fields.Char(
        related="minicrm_last_booking_id.invoice_zip", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_city = fields.Char(
        related="minicrm_last_booking_id.invoice_city", readonly=True,
        related_sudo=False)
    minicrm_last_booking_invoice_country_id = fields.Many2one(
        related="minicrm_last_booking_id.invoice_country_id", readonly=True,
        related_sudo=False)
    minicrm_last_request_pickup_datetime = fields.Datetime(
        related="minicrm_last_request_id.pickup_datetime", readonly=True,
        related_sudo=False, track_visibility=False)
    minicrm_last_request_route = fields.Char(
        related="minicrm_last_request_id.route", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_firstname = fields.Char(
        related="minicrm_last_request_id.contact_firstname", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_lastname = fields.Char(
        related="minicrm_last_request_id.contact_lastname", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_email = fields.Char(
        related="minicrm_last_request_id.contact_email", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_phone = fields.Char(
        related="minicrm_last_request_id.contact_phone", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_mobile = fields.Char(
        related="minicrm_last_request_id.contact_mobile", readonly=True,
        related_sudo=False)
    minicrm_last_request_contact_lang = fields.Selection(
        related="minicrm_last_request_id.contact_lang", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_name = fields.Char(
        related="minicrm_last_request_id.invoice_name", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_vat = fields.Char(
        related="minicrm_last_request_id.invoice_vat", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_street = fields.Char(
        related="minicrm_last_request_id.invoice_street", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_zip = fields.Char(
        related="minicrm_last_request_id.invoice_zip", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_city = fields.Char(
        related="minicrm_last_request_id.invoice_city", readonly=True,
        related_sudo=False)
    minicrm_last_request_invoice_country_id = fields.Many2one(
        related="minicrm_last_request_id.invoice_country_id", readonly=True,
        related_sudo=False)

    @api.model
    def _minicrm_readable_bookings(self):
        """The booking model as the user, or None for users who may not read
        bookings (employees of other apps reading a contact): the selector
        and the tabs are then empty rather than an access error."""
        Booking = self.env["minicrm.booking"]
        return Booking if Booking.check_access_rights("read", raise_exception=False) else None

    @api.depends("booking_ids", "request_ids")
    def _compute_minicrm_rental_company_ids(self):
        Booking = self._minicrm_readable_bookings()
        for partner in self:
            partner_id = partner._minicrm_saved_id(self)
            if not partner_id or Booking is None:
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
        chosen = self.env.user.minicrm_chosen_rental_company_id
        for partner in self:
            partner.minicrm_rental_company_fixed = len(accessible) == 1
            if len(accessible) == 1:
                partner.minicrm_rental_company_id = accessible
            elif chosen and chosen in partner.minicrm_rental_company_ids:
                partner.minicrm_rental_company_id = chosen
            else:
                partner.minicrm_rental_company_id = partner._minicrm_default_rental_company(
                    partner._minicrm_saved_id(self))

    @api.multi
    def minicrm_choose_rental_company(self, company_id):
        """"Choose rental company" in the customer form, in read or edit
        mode: remembered as the user's preference, then the form reloads the
        selector and the tabs; the customer is not written."""
        company = self.env["minicrm.rental.company"].browse(company_id).exists()
        if company not in self.env.user.minicrm_accessible_rental_company_ids:
            raise UserError(_("You have no access to this rental company."))
        # sudo: the current user's own display preference, a company they may
        # access (checked above); no other field and no other user.
        self.env.user.sudo().write({"minicrm_chosen_rental_company_id": company.id})
        return True

    def _inverse_minicrm_rental_company_id(self):
        """The selector is a view of the data, not data: nothing to save."""

    def _compute_minicrm_last_contacts(self):
        for partner in self:
            partner._minicrm_fill_last_contacts(partner._minicrm_saved_id(self))
        self._minicrm_preload_last_contacts()

    @api.onchange("minicrm_rental_company_id")
    def _onchange_minicrm_rental_company_id(self):
        self._minicrm_fill_last_contacts(self._minicrm_saved_id(self))
        self._minicrm_preload_last_contacts()

    def _minicrm_preload_last_contacts(self):
        """The tabs read these bookings through the customer, whose prefetch
        holds the whole history the form read: Odoo would fetch (and name) a
        thousand bookings for two. Load the two on their own first: their
        columns, and their names as Odoo reads a many2one's name (as
        superuser; these bookings were found by the user's own search)."""
        last_ids = {partner[name].id for partner in self
                    for name in ("minicrm_last_booking_id", "minicrm_last_request_id")}
        lasts = self.env["minicrm.booking"].browse(list(last_ids - {False}))
        lasts.mapped("pickup_datetime")
        lasts.sudo().mapped("display_name")

    @api.model
    def _minicrm_last_domains(self, partner_id):
        """What "last booking" and "last request" mean, as (domain, order)
        per kind. The last booking is the list's "Last booking": the latest
        trip that took place (pickup passed), not cancelled. The last
        request is the latest one sent, not cancelled."""
        customer = [("customer_id", "=", partner_id), ("state", "!=", "cancel")]
        return {
            "booking": (customer + [("kind", "=", "booking"),
                                    ("pickup_datetime", "<=", fields.Datetime.now())],
                        "pickup_datetime desc, id desc"),
            "request": (customer + [("kind", "=", "request")], "id desc"),
        }

    def _minicrm_default_rental_company(self, partner_id):
        """The company of the customer's last booking, else of the latest
        record with any company (a customer with trips to come only)."""
        Booking = self._minicrm_readable_bookings()
        if not partner_id or Booking is None:
            return self.env["minicrm.rental.company"]
        domain, order = self._minicrm_last_domains(partner_id)["booking"]
        last = Booking.search(domain, order=order, limit=1) or Booking.search(
            [("customer_id", "=", partner_id)], order="id desc", limit=1)
        return last.rental_company_id

    def _minicrm_fill_last_contacts(self, partner_id):
        """The last booking and request with the chosen company, searched
        as the user (their rules decide what they may see)."""
        company = self.minicrm_rental_company_id
        Booking = self._minicrm_readable_bookings()
        if not (company and partner_id and Booking is not None):
            self.minicrm_last_booking_id = self.minicrm_last_request_id = False
            return
        for kind, (domain, order) in self._minicrm_last_domains(partner_id).items():
            self["minicrm_last_%s_id" % kind] = Booking.search(
                domain + [("rental_company_id", "=", company.id)], order=order, limit=1)

    def _minicrm_saved_id(self, batch):
        """The database id, also inside an onchange, where the record is new
        and the saved one is the ``_origin`` Odoo 11 sets on the computed
        batch only (iterating loses it). False for an unsaved customer."""
        if isinstance(self.id, int):
            return self.id
        origin = getattr(batch, "_origin", None) if len(batch) == 1 else None
        return origin.id if origin and isinstance(origin.id, int) else False
