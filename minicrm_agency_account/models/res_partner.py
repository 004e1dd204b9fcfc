# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer form's "Invoices" button: the invoices of the customer's
    bookings, counted as the user (the invoice rules apply)."""
    _inherit = "res.partner"

    minicrm_invoice_count = fields.Integer(
        "Invoices", compute="_compute_minicrm_invoice_count",
        groups="account.group_account_invoice",
        help="Invoices of this customer's bookings.")

    @api.multi
    def _compute_minicrm_invoice_count(self):
        counts = {}
        real_ids = [pid for pid in self.ids if isinstance(pid, int)]
        if real_ids:
            # As the user: the agency rules of account.invoice apply.
            groups = self.env["account.invoice"].read_group(
                [("minicrm_customer_id", "in", real_ids)], ["minicrm_customer_id"],
                ["minicrm_customer_id"])
            counts = {group["minicrm_customer_id"][0]: group["minicrm_customer_id_count"]
                      for group in groups}
        for partner in self:
            partner.minicrm_invoice_count = counts.get(partner.id, 0)

    @api.multi
    def action_minicrm_open_invoices(self):
        self.ensure_one()
        # Called through call_kw too, where no form checked that the user
        # may read the customer: another agency's customer is refused.
        self.check_access_rule("read")
        action = self.env.ref("account.action_invoice_tree1").read()[0]
        action.update(
            domain=[("minicrm_customer_id", "=", self.id)],
            context={"default_type": "out_invoice", "type": "out_invoice",
                     "journal_type": "sale"})
        return action
