# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


def command_ids(commands):
    """Ids that x2many ``commands`` link (4, 6 and bare ids)."""
    ids = set()
    for command in commands or []:
        if isinstance(command, int):
            ids.add(command)
        elif command and command[0] == 4:
            ids.add(command[1])
        elif command and command[0] == 6:
            ids.update(command[2])
    return ids


class MailMessage(models.Model):
    """Odoo 11 writes a message with whatever ids it is given. A user could
    attach others' files (and read them back), address a message to
    partners they may not see (which mails them and then shows their name
    in the chatter), or sign it with such a partner's name; and a message
    created directly (not with message_post) on a document needs only write
    access to it, not read. What a user puts in a message, and the document
    they put it on, must be what they can read."""
    _inherit = "mail.message"
    # Their _search hides what the rules let through: read_group and exports too (base.py).
    _hardening_search_filtered = True

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        # Odoo 11 prefixes a portal user's domain with "&", "&", a, b: an
        # empty domain then is malformed (an AssertionError, a server error).
        return super(MailMessage, self)._search(
            args or [(1, "=", 1)], offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    @api.model
    def create(self, values):
        if self.env.uid != SUPERUSER_ID:
            self._check_readable_references(values)
        return super(MailMessage, self).create(values)

    @api.model
    def _check_readable_references(self, values):
        model, res_id = values.get("model"), values.get("res_id")
        if model in self.env and res_id and not self._replies_to_a_readable_message(values):
            self.env[model].browse(res_id)._check_read_access()
        attachments = command_ids(values.get("attachment_ids"))
        if attachments:
            self.env["ir.attachment"].browse(list(attachments)).check("read")
        partners = command_ids(values.get("partner_ids")) | command_ids(
            values.get("needaction_partner_ids"))
        author = values.get("author_id")
        if author and author != self.env.user.partner_id.id:
            partners.add(author)
        self._check_readable_partners(partners)

    @api.model
    def _replies_to_a_readable_message(self, values):
        """Odoo lets the recipients of a message answer it in its thread,
        even on a document they cannot read (a private channel they were
        written to): a reply to a message the user may read, on the same
        document, keeps that right."""
        parent_id = values.get("parent_id")
        if not isinstance(parent_id, int) or isinstance(parent_id, bool):
            return False
        parent = self.browse(parent_id).exists()
        try:
            parent.check_access_rule("read")
        except AccessError:
            return False
        # sudo: compares the parent's document with the reply's; nothing leaves.
        parent = parent.sudo()
        return bool(parent) and (parent.model, parent.res_id) == (
            values.get("model"), values.get("res_id"))

    @api.model
    def _check_readable_partners(self, partner_ids):
        partner_ids = set(partner_ids) - {False, None, self.env.user.partner_id.id}
        if not partner_ids or self.env.uid == SUPERUSER_ID:
            return
        readable = self.env["res.partner"].with_context(active_test=False).search(
            [("id", "in", list(partner_ids))])
        if len(readable) != len(partner_ids):
            raise AccessError(_("You cannot write to or in the name of a contact you "
                                "cannot see."))
