# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsersRentalCompanyChoice(models.Model):
    """The rental company a staff user last chose in the customer form's
    "Choose rental company": a preference of the user, not customer data, so
    that choosing needs no edit mode and leaves the customer unchanged."""
    _inherit = "res.users"

    minicrm_chosen_rental_company_id = fields.Many2one(
        "minicrm.rental.company", string="Last chosen rental company",
        help="The company whose last booking and request contacts the customer "
             "forms show first.")
