# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class IrAttachment(models.Model):
    """Odoo 11 shows an attachment attached to no document to every employee.
    Users see such attachments only when they uploaded them, when they are
    public, or when a message they may read carries them. "No document" is
    no model, or the record id 0 the chatter's composer uploads to (and its
    templates render reports to) until the message is sent."""
    _inherit = "ir.attachment"
    # Their _search hides what the rules let through: read_group and exports too (base.py).
    _hardening_search_filtered = True

    @api.model
    def check(self, mode, values=None):
        result = super(IrAttachment, self).check(mode, values=values)
        if self and self._foreign_orphan_ids(mode == "read"):
            raise AccessError(_("You cannot access this attachment: another user "
                                "uploaded it and it belongs to no document you can see."))
        return result

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super(IrAttachment, self)._search(
            args, offset=offset, limit=limit, order=order, count=False,
            access_rights_uid=access_rights_uid)
        if ids:
            hidden = set(self.browse(ids)._foreign_orphan_ids(True))
            ids = [attachment_id for attachment_id in ids if attachment_id not in hidden]
        return len(ids) if count else ids

    @api.multi
    def _foreign_orphan_ids(self, reading):
        """Ids of attachments with no document, uploaded by someone else,
        not public and attached to no message the user may read (a message's
        recipients open its attachments); empty for those who see all."""
        if self._sees_all_orphan_attachments():
            return []
        self.env.cr.execute("""
            SELECT id FROM ir_attachment
             WHERE id IN %s AND (res_model IS NULL OR res_id = 0) AND create_uid != %s
               AND NOT (COALESCE(public, FALSE) AND %s)
        """, (tuple(self.ids), self.env.uid, reading))
        foreign = [row[0] for row in self.env.cr.fetchall()]
        if not foreign or not reading:
            return foreign
        self.env.cr.execute("SELECT attachment_id, message_id FROM message_attachment_rel "
                            "WHERE attachment_id IN %s", (tuple(foreign),))
        messages = {}
        for attachment_id, message_id in self.env.cr.fetchall():
            messages.setdefault(attachment_id, set()).add(message_id)
        # As the user: mail.message's own search keeps the messages they may read.
        readable = set(self.env["mail.message"].search(
            [("id", "in", list(set().union(*messages.values())))]).ids) if messages else set()
        return [attachment_id for attachment_id in foreign
                if not messages.get(attachment_id, set()) & readable]

    @api.model
    def _sees_all_orphan_attachments(self):
        """The superuser and administrators (Settings); addons may add the
        users who administer all of their documents."""
        return self.env.uid == SUPERUSER_ID or self.env.user.has_group("base.group_system")
