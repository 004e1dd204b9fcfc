# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models


class MailMessage(models.Model):
    """Odoo 11's message_post links any attachment id it is given: posting
    on one's own record with another agency's attachment ids would show
    their names and contents. The poster must be able to read them."""
    _inherit = "mail.message"

    @api.model
    def create(self, values):
        if self.env.uid != SUPERUSER_ID and values.get("attachment_ids"):
            attachment_ids = set()
            for command in values["attachment_ids"]:
                if isinstance(command, int):
                    attachment_ids.add(command)
                elif command and command[0] == 4:
                    attachment_ids.add(command[1])
                elif command and command[0] == 6:
                    attachment_ids.update(command[2])
            self.env["ir.attachment"].browse(list(attachment_ids)).check("read")
        return super(MailMessage, self).create(values)
