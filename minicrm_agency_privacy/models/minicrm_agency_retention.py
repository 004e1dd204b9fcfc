# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Far above any sensible retention; keeps the date arithmetic in range.
MAX_MONTHS = 1200
MAX_YEARS = 100


class MinicrmAgencyRetention(models.Model):
    """How long an agency keeps its customers' personal data, and whether
    anonymising a customer also erases the places of their trips."""
    _inherit = "minicrm.agency"

    retention_request_months = fields.Integer(
        "Keep request users (months)", default=0,
        help="Request users who never booked are anonymised this many months after their "
             "last request. 0 keeps them.")
    retention_customer_years = fields.Integer(
        "Keep customers without a trip (years)", default=0,
        help="Customers with no trip for this many years are anonymised. 0 keeps them. "
             "Nobody is anonymised while a trip is to come or an invoice is unpaid.")
    minicrm_anonymise_places = fields.Boolean(
        "Erase trip places on anonymisation",
        help="When a customer is anonymised, also replace the pickup and drop-off places of "
             "their bookings (a home address is personal data). Off: the places are kept for "
             "the agency's route statistics; airports and stations name nobody.")

    @api.constrains("retention_request_months", "retention_customer_years")
    def _check_retention(self):
        for agency in self:
            if not 0 <= agency.retention_request_months <= MAX_MONTHS:
                raise ValidationError(_("Keep request users: give a number of months between "
                                        "0 (keep) and %d.") % MAX_MONTHS)
            if not 0 <= agency.retention_customer_years <= MAX_YEARS:
                raise ValidationError(_("Keep customers without a trip: give a number of years "
                                        "between 0 (keep) and %d.") % MAX_YEARS)
