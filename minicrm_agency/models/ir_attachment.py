# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrAttachment(models.Model):
    """Operator admins administer every agency's documents: they see
    attachments that belong to no document, as Settings administrators do
    (base_access_hardening hides them from everyone else)."""
    _inherit = "ir.attachment"

    @api.model
    def _sees_all_orphan_attachments(self):
        return super(IrAttachment, self)._sees_all_orphan_attachments() or \
            self.env.user._minicrm_is_operator()
