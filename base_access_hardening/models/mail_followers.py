# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError

from .document_access import readable_pointer_ids


class MailFollowers(models.Model):
    """Odoo 11 lets any employee or portal user create and list followers of
    any record: following a document one may not read would forward its
    messages, and listing followers reveals its id. Followers are now
    visible and creatable only on documents the user may read."""
    _inherit = "mail.followers"
    # Their _search hides what the rules let through: read_group and exports too (base.py).
    _hardening_search_filtered = True

    @api.model
    def create(self, vals):
        self._check_documents_readable([(vals.get("res_model"), vals.get("res_id"))])
        return super(MailFollowers, self).create(vals)

    @api.multi
    def write(self, vals):
        if "res_model" in vals or "res_id" in vals:
            self._check_documents_readable([
                (vals.get("res_model", follower.res_model), vals.get("res_id", follower.res_id))
                for follower in self])
        return super(MailFollowers, self).write(vals)

    @api.model
    def _check_documents_readable(self, documents):
        if self.env.uid == SUPERUSER_ID:
            return
        for model, res_id in documents:
            if model in self.env and res_id:
                self.env[model].browse(res_id)._check_read_access()

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        """Read by id, as ``_search`` lists: only on readable documents."""
        if self.env.uid != SUPERUSER_ID and self.ids and len(
                readable_pointer_ids(self.env, self._table, self.ids)) != len(set(self.ids)):
            raise AccessError(_("You cannot see the followers of a document you cannot read."))
        return super(MailFollowers, self).read(fields=fields, load=load)

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super(MailFollowers, self)._search(
            args, offset=offset, limit=limit, order=order, count=False,
            access_rights_uid=access_rights_uid)
        if self.env.uid != SUPERUSER_ID and ids:
            ids = readable_pointer_ids(self.env, self._table, ids)
        return len(ids) if count else ids
