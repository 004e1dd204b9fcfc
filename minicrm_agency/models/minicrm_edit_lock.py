# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, models
from odoo.exceptions import ValidationError

# Context key the customer and booking forms send on save (see
# static/src/js/edit_lock.js): {"model,id": "YYYY-MM-DD HH:MM:SS"}, the
# record's last update as the form read it, in UTC.
LAST_UPDATE_KEY = "minicrm_last_update"


class MinicrmEditLock(models.AbstractModel):
    """Optimistic locking for forms: saving data read before someone else's
    save is refused instead of silently overwriting their changes."""
    _name = "minicrm.edit.lock"
    _description = "Refuse saving a record modified since it was opened"

    @api.multi
    def _minicrm_check_not_modified(self):
        opened = self.env.context.get(LAST_UPDATE_KEY)
        if not opened or not isinstance(opened, dict):
            return
        for record in self:
            # Popped: the save's own follow-up writes must not check again.
            read_at = opened.pop("%s,%s" % (record._name, record.id), None)
            if not read_at:
                continue
            self.env.cr.execute(
                "SELECT write_uid FROM %s WHERE id = %%s AND "
                "date_trunc('second', COALESCE(write_date, create_date)) > %%s::timestamp"
                % record._table, (record.id, read_at))
            row = self.env.cr.fetchone()
            if row:
                raise ValidationError(_(
                    "%(record)s was modified since you opened it (by %(user)s). Reload the "
                    "page to see their changes, then make yours again.") % {
                    "record": record.display_name,
                    "user": self.env["res.users"].sudo().browse(row[0]).name})
