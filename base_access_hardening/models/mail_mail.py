# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models

from .mail_message import command_ids


class MailMail(models.Model):
    """Outgoing mails created by a user (the composer's mass mailing) go to
    partners that user can read, as their messages do."""
    _inherit = "mail.mail"

    @api.model
    def create(self, values):
        if self.env.uid != SUPERUSER_ID:
            self.env["mail.message"]._check_readable_partners(
                command_ids(values.get("recipient_ids")))
        return super(MailMail, self).create(values)
