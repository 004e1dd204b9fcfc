# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .value_checks import validate_values


class MinicrmValueCheckMixin(models.AbstractModel):
    """Every value written to the model is checked first (type, size,
    control characters, links to records the user may read): bad input is a
    ValidationError in the user's words, for every caller, superuser
    included, and nothing is written."""
    _name = "minicrm.value.check.mixin"
    _description = "Values checked before they are written"

    @api.model
    def create(self, vals):
        validate_values(self, vals)
        return super(MinicrmValueCheckMixin, self).create(vals)

    @api.multi
    def write(self, vals):
        validate_values(self, vals)
        return super(MinicrmValueCheckMixin, self).write(vals)
