# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MinicrmRentalCompany(models.Model):
    """A chauffeur, transfer or car-rental company that agencies book with.

    Operator-managed master data: staff read it, only the operator edits it.
    """
    _name = "minicrm.rental.company"
    _description = "Rental company"
    _inherit = ["mail.thread", "minicrm.value.check.mixin"]
    _order = "name"

    name = fields.Char(required=True, index=True, track_visibility="onchange")
    active = fields.Boolean(default=True, track_visibility="onchange")
    email = fields.Char()
    phone = fields.Char()
    agency_ids = fields.Many2many(
        "minicrm.agency",
        "minicrm_agency_rental_company_rel", "rental_company_id", "agency_id",
        string="Agencies",
        help="Agencies that book with this company.",
    )

    _sql_constraints = [
        ("name_uniq", "unique(name)", "A rental company with this name already exists."),
    ]

    @api.multi
    def write(self, vals):
        """A new name reaches the search text of the company's bookings in
        bulk (a company may have hundreds of thousands of them): the
        booking's compute does not depend on the name, so that the ORM does
        not load them all."""
        result = super(MinicrmRentalCompany, self).write(vals)
        if "name" in vals and self.ids:
            # Imported here: that module extends minicrm.booking, defined after this one.
            from .minicrm_booking_search import fill_booking_search_text
            fill_booking_search_text(self.env.cr, "booking.rental_company_id IN %s",
                                     (tuple(self.ids),))
            self.env["minicrm.booking"].invalidate_cache(["minicrm_search_text"])
        return result
