# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models, tools
from odoo.tools import escape_psql


class MailThread(models.AbstractModel):
    """Chatter side doors of Odoo 11, closed for everyone but the superuser:

    - posting on, or following, a record one may not read;
    - resolving email addresses to partners as superuser (recipient
      suggestions, message_partner_info_from_emails): staff would learn that
      someone they may not see has that address, and its id. Partners
      the user may not read are answered as "not found".
    """
    _inherit = "mail.thread"

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        self._check_document_readable()
        return super(MailThread, self).message_post(*args, **kwargs)

    @api.multi
    def message_subscribe(self, partner_ids=None, channel_ids=None, subtype_ids=None,
                          force=True):
        self._check_document_readable()
        self.env["mail.message"]._check_readable_partners(partner_ids or [])
        return super(MailThread, self).message_subscribe(
            partner_ids=partner_ids, channel_ids=channel_ids, subtype_ids=subtype_ids,
            force=force)

    @api.multi
    def _check_document_readable(self):
        if self.ids:
            self._check_read_access()

    @api.multi
    def _find_partner_from_emails(self, emails, res_model=None, res_id=None,
                                  check_followers=True, force_create=False,
                                  exclude_aliases=True):
        partner_ids = super(MailThread, self)._find_partner_from_emails(
            emails, res_model=res_model, res_id=res_id, check_followers=check_followers,
            force_create=force_create, exclude_aliases=exclude_aliases)
        if self.env.uid == SUPERUSER_ID:
            return partner_ids
        found = [partner_id for partner_id in partner_ids if partner_id]
        readable = set(self.env["res.partner"].search([("id", "in", found)]).ids if found else [])
        Partner = self.env["res.partner"]
        result = []
        for email, partner_id in zip(emails, partner_ids):
            if partner_id and partner_id not in readable:
                # Another partner with this address the user may see, if any
                # (e.g. their own customer, not the person's portal login).
                address = tools.email_split(email)
                partner_id = address and Partner.search(
                    [("email", "=ilike", escape_psql(address[0]))], limit=1).id or False
            result.append(partner_id)
        return result
