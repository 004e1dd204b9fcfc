# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import ValidationError


class MinicrmBookingCurrency(models.Model):
    """A booking's amount is in its agency's currency, always: a customer's
    spending adds up amounts of one currency only. ``currency_id`` is a
    stored related field, and Odoo 11 writes a value sent for a read-only
    related field into the booking's own column (an RPC write, an import
    updating rows) without changing the agency: such a value is refused
    here, whoever writes, unless it is the agency's currency."""
    _inherit = "minicrm.booking"

    @api.model
    def create(self, vals):
        if vals.get("currency_id"):
            agency = self.env["res.partner"].browse(vals.get("customer_id")).minicrm_agency_id
            self._minicrm_check_currency(vals["currency_id"], agency)
        return super(MinicrmBookingCurrency, self).create(vals)

    @api.multi
    def write(self, vals):
        if "currency_id" in vals:
            agencies = self.env["minicrm.agency"].browse(vals["agency_id"]) \
                if vals.get("agency_id") else self.mapped("agency_id")
            for agency in agencies:
                self._minicrm_check_currency(vals["currency_id"], agency)
        return super(MinicrmBookingCurrency, self).write(vals)

    @api.model
    def _minicrm_check_currency(self, currency_id, agency):
        # sudo: the agency's currency, of an agency the user books for (the
        # booking's rules and scope checks apply to the write itself).
        currency = agency.sudo().currency_id
        if currency_id != currency.id:
            raise ValidationError(_(
                "A booking's amount is in its agency's currency (%s): the currency cannot be "
                "changed on a booking.") % (currency.name or _("none")))

    @api.constrains("currency_id", "agency_id")
    def _check_currency_is_agency_currency(self):
        # sudo: a consistency check of the records just written; nothing is
        # returned.
        for booking in self.sudo():
            if booking.currency_id != booking.agency_id.currency_id:
                raise ValidationError(_(
                    "A booking's amount is in its agency's currency (%s).")
                    % booking.agency_id.currency_id.name)
