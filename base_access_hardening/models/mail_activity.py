# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api, models

from .document_access import readable_pointer_ids


class MailActivity(models.Model):
    """Odoo 11 checks an activity's document when it is created, changed or
    deleted, but lets every employee list and read all activities, with
    their document's name and notes. Reading now needs the document too."""
    _inherit = "mail.activity"
    # Their _search hides what the rules let through: read_group and exports too (base.py).
    _hardening_search_filtered = True

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        ids = super(MailActivity, self)._search(
            args, offset=offset, limit=limit, order=order, count=False,
            access_rights_uid=access_rights_uid)
        if self.env.uid != SUPERUSER_ID and ids:
            ids = readable_pointer_ids(self.env, self._table, ids)
        return len(ids) if count else ids

    @api.multi
    def read(self, fields=None, load="_classic_read"):
        if self.env.uid != SUPERUSER_ID:
            self._check_access("read")
        return super(MailActivity, self).read(fields=fields, load=load)
