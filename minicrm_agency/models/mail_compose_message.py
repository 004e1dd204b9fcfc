# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from odoo.addons.base_access_hardening.models.argument_types import check_dict

SUBJECT_KEY = "minicrm_email_subject"


class MailComposeMessage(models.TransientModel):
    """"Email To" on a customer opens with the subject the customer form
    chose (context key ``minicrm_email_subject``), not core's "Re: <customer
    name>", which reads as a reply to a mail the customer never sent. Core
    ignores ``default_subject`` there; other composers are unchanged."""
    _inherit = "mail.compose.message"

    @api.model
    def get_record_data(self, values):
        check_dict(values)
        result = super(MailComposeMessage, self).get_record_data(values)
        subject = self.env.context.get(SUBJECT_KEY)
        if subject and not values.get("parent_id"):
            result["subject"] = subject
        return result
