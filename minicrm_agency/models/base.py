# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


class Base(models.AbstractModel):
    """Odoo 11 hides fields restricted with ``groups=`` from read() only:
    search domains, sort orders and read_group still use them, which turns
    e.g. ``signup_token`` into an oracle (``=like 'a%'``) or returns it as a
    group label. Those paths now refuse them too."""
    _inherit = "base"

    @api.model
    def _where_calc(self, domain, active_test=True):
        for leaf in domain or []:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str):
                self._minicrm_check_field_path(leaf[0])
        return super(Base, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        for term in (order_spec or "").split(","):
            if term.strip():
                self._minicrm_check_field_path(term.split()[0].strip('"'))
        return super(Base, self)._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        groupbys = [groupby] if isinstance(groupby, str) else list(groupby or [])
        for spec in list(fields or []) + groupbys:
            self._minicrm_check_field_path(spec.split(":")[0].split("(")[0])
        return super(Base, self).read_group(domain, fields, groupby, offset=offset, limit=limit,
                                            orderby=orderby, lazy=lazy)

    @api.model
    def _minicrm_check_field_path(self, path):
        if self.env.uid == SUPERUSER_ID:
            return
        model = self
        for name in path.split("."):
            field = model._fields.get(name)
            if field is None:
                return
            if field.groups and not model.user_has_groups(field.groups):
                raise AccessError(_("You are not allowed to search, sort or group on "
                                    "the field %s.") % field.string)
            if not field.relational:
                return
            model = self.env[field.comodel_name]
