# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import UserError


class ResPartnerActions(models.Model):
    """The customer form's buttons."""
    _inherit = "res.partner"

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
        # Not core's "Re: <customer name>" (see mail_compose_message.py).
        sender = self.minicrm_agency_id.name or self.env.user.company_id.name
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
                "minicrm_email_subject": _("Your bookings with %s") % sender,
                "mail_post_autofollow": False,
            },
        }

    @api.multi
    def action_minicrm_new_booking(self):
        self.ensure_one()
        self._check_read_access()
        action = self.env.ref("minicrm_agency.action_minicrm_booking").read()[0]
        action.update(views=[(False, "form")], view_mode="form", target="current",
                      context={"default_customer_id": self.id, "default_kind": "booking"})
        return action

    @api.multi
    def action_minicrm_open_bookings(self):
        self.ensure_one()
        self._check_read_access()
        action = self.env.ref("minicrm_agency.action_minicrm_booking").read()[0]
        action.update(domain=[("customer_id", "=", self.id), ("kind", "=", "booking")],
                      context={"default_customer_id": self.id, "default_kind": "booking"})
        return action
