# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import SUPERUSER_ID, api, models


class MailFollowers(models.Model):
    """Odoo 11 lets any employee or portal user create and list followers of
    any record: following another agency's customer would forward its
    messages, and listing followers reveals its id. Followers are now
    visible and creatable only on documents the user may read."""
    _inherit = "mail.followers"

    @api.model
    def create(self, vals):
        self._minicrm_check_documents([(vals.get("res_model"), vals.get("res_id"))])
        return super(MailFollowers, self).create(vals)

    @api.multi
    def write(self, vals):
        if "res_model" in vals or "res_id" in vals:
            self._minicrm_check_documents([
                (vals.get("res_model", follower.res_model), vals.get("res_id", follower.res_id))
                for follower in self])
        return super(MailFollowers, self).write(vals)

    @api.model
    def _minicrm_check_documents(self, documents):
        if self.env.uid == SUPERUSER_ID:
            return
        for model, res_id in documents:
            if model in self.env and res_id:
                record = self.env[model].browse(res_id)
                record.check_access_rights("read")
                record.check_access_rule("read")

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super(MailFollowers, self)._search(
            args, offset=offset, limit=limit, order=order, count=False,
            access_rights_uid=access_rights_uid)
        if self.env.uid != SUPERUSER_ID and ids:
            ids = self._minicrm_readable_follower_ids(ids)
        return len(ids) if count else ids

    @api.model
    def _minicrm_readable_follower_ids(self, ids):
        # Plain SQL for the targets, then one search per model as the user.
        self.env.cr.execute("SELECT id, res_model, res_id FROM mail_followers WHERE id IN %s",
                            (tuple(ids),))
        targets = defaultdict(lambda: defaultdict(set))
        for follower_id, model, res_id in self.env.cr.fetchall():
            targets[model][res_id].add(follower_id)
        allowed = set()
        for model, by_record in targets.items():
            if model not in self.env or not self.env[model].check_access_rights("read", False):
                continue
            readable = self.env[model].with_context(active_test=False).search(
                [("id", "in", list(by_record))]).ids
            for res_id in readable:
                allowed |= by_record[res_id]
        return [follower_id for follower_id in ids if follower_id in allowed]
