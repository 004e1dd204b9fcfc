# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MinicrmAnonymiseWizard(models.TransientModel):
    """The confirmation before a customer's personal data is erased."""
    _name = "minicrm.anonymise.wizard"
    _description = "Anonymise a customer"

    partner_ids = fields.Many2many(
        "res.partner", string="Customers", readonly=True,
        help="The customers whose personal data will be erased.")

    @api.multi
    def action_confirm(self):
        """Erase for good: checked again here, as the wizard's records can
        be made over RPC by anyone."""
        self.ensure_one()
        # sudo: the ids the wizard was made with, whatever the user may read;
        # the check below refuses those the user may not anonymise.
        customers = self.env["res.partner"].browse(
            self.sudo().with_context(active_test=False).partner_ids.ids)
        customers._minicrm_check_anonymise_allowed()
        customers._minicrm_anonymise()
        # The form behind the dialog reloads: it shows the anonymised customer.
        return {"type": "ir.actions.act_window_close"}
