# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, fields, models

KINDS = [
    ("export", "Export by staff"),
    ("portal_export", "Download by the customer"),
    ("anonymise", "Anonymisation"),
    ("retention", "Anonymisation by retention"),
]


class MinicrmPrivacyLog(models.Model):
    """The register of personal data requests: who exported or erased whose
    data, when, and what. It names the customer by their record only (no
    copy of a name or an email), so an erasure leaves nothing personal
    here. The operator reads every entry, an agency its own (global rule);
    entries are written by ``_log`` only and never changed."""
    _name = "minicrm.privacy.log"
    _description = "Personal data register"
    _order = "date desc, id desc"

    date = fields.Datetime(required=True, readonly=True, default=fields.Datetime.now,
                           index=True)
    user_id = fields.Many2one("res.users", "Done by", readonly=True, ondelete="set null",
                              default=lambda self: self.env.user)
    agency_id = fields.Many2one("minicrm.agency", "Agency", readonly=True, index=True,
                                ondelete="cascade")
    partner_id = fields.Many2one("res.partner", "Customer", readonly=True, index=True,
                                 ondelete="set null")
    kind = fields.Selection(KINDS, "Request", required=True, readonly=True)
    details = fields.Text("What", readonly=True)

    @api.model
    def _log(self, kind, partners, details):
        """One entry per customer record (and so per agency). Written as
        superuser: nobody writes the register by hand, the rights of the
        user who exports or erases are checked by the caller."""
        user = self.env.user
        log = self.sudo().with_context(tracking_disable=True)
        for partner in partners:
            log.create({"kind": kind, "partner_id": partner.id, "details": details,
                        "agency_id": partner.sudo().minicrm_agency_id.id,
                        "user_id": user.id if user.id != SUPERUSER_ID else False})
        return True
