# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError, UserError

from .rpc_input import check_page, is_record_id


ID_OPERATORS = ("=", "!=", "<>", "<", ">", "<=", ">=", "in", "not in")
PATTERN_OPERATORS = ("=like", "=ilike")


def check_leaf_value(left, operator, right):
    """Values PostgreSQL would refuse with an error (logged as ERROR and
    answered as a server error): a record id that is not a number, a
    pattern ending with its escape character."""
    if left == "id" and operator in ID_OPERATORS:
        values = right if isinstance(right, (list, tuple, set, frozenset)) else [right]
        if any(value not in (False, None) and not is_record_id(value) for value in values):
            raise UserError(_("%r is not a record id: ids are whole numbers.") % (right,))
    if operator in PATTERN_OPERATORS and isinstance(right, str) and \
            (len(right) - len(right.rstrip("\\"))) % 2:
        raise UserError(_("A search pattern cannot end with a single backslash: "
                          "write two (\\\\) to search for one."))


class Base(models.AbstractModel):
    """Odoo 11 hides fields restricted with ``groups=`` from read() only:
    search domains, sort orders, read_group and exports still use them,
    which turns e.g. ``signup_token`` into an oracle (``=like 'a%'``),
    returns it as a group label, or exports ``signup_url``. Those paths now
    refuse them too.

    Some models filter ``_search`` beyond their record rules (a message,
    follower, activity or attachment is listed with its document only), but
    Odoo 11's read_group and export_data do not go through ``_search``:
    they counted and named what search hides. On those models
    (``_hardening_search_filtered``) they now see what search sees."""
    _inherit = "base"
    # Set on models whose _search hides records their record rules let through.
    _hardening_search_filtered = False

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        check_page(offset, limit)
        return super(Base, self)._search(args, offset=offset, limit=limit, order=order,
                                         count=count, access_rights_uid=access_rights_uid)

    @api.model
    def fields_view_get(self, view_id=None, view_type="form", toolbar=False, submenu=False):
        # A view id that is not one: Odoo 11 loops for ever on [0] (a worker
        # held until killed) and hands a word to PostgreSQL.
        if view_id and not (is_record_id(view_id) and view_id > 0):
            raise UserError(_("%r is not a view id.") % (view_id,))
        return super(Base, self).fields_view_get(view_id=view_id, view_type=view_type,
                                                 toolbar=toolbar, submenu=submenu)

    @api.model
    def _where_calc(self, domain, active_test=True):
        for leaf in domain or []:
            if isinstance(leaf, (list, tuple)) and len(leaf) == 3 and isinstance(leaf[0], str):
                self._check_field_path_access(leaf[0])
                check_leaf_value(*leaf)
        return super(Base, self)._where_calc(domain, active_test=active_test)

    @api.model
    def _generate_order_by(self, order_spec, query):
        for term in (order_spec or "").split(","):
            if term.strip():
                self._check_field_path_access(term.split()[0].strip('"'))
        return super(Base, self)._generate_order_by(order_spec, query)

    @api.model
    def read_group(self, domain, fields, groupby, offset=0, limit=None, orderby=False,
                   lazy=True):
        groupbys = [groupby] if isinstance(groupby, str) else list(groupby or [])
        for spec in list(fields or []) + groupbys:
            self._check_field_path_access(spec.split(":")[0].split("(")[0])
        if self._hardening_search_filtered and self.env.uid != SUPERUSER_ID:
            domain = [("id", "in", self._search(list(domain or [])))]
        return super(Base, self).read_group(domain, fields, groupby, offset=offset, limit=limit,
                                            orderby=orderby, lazy=lazy)

    @api.multi
    def export_data(self, fields_to_export, raw_data=False):
        for path in fields_to_export:
            self._check_field_path_access(path.replace("/", "."))
        # An export is a read: Odoo 11 exports the "id" column (and creates
        # the external id) of records the user may not read.
        self._check_read_access()
        if self._hardening_search_filtered and self.env.uid != SUPERUSER_ID and self.ids:
            found = self.with_context(active_test=False)._search([("id", "in", self.ids)])
            if set(found) != set(self.ids):
                raise AccessError(_("You cannot export records you cannot see."))
        return super(Base, self).export_data(fields_to_export, raw_data=raw_data)

    @api.multi
    def get_metadata(self):
        """Odoo 11 answers for any id, whoever asks: creator, dates and
        external id of records the user may not read."""
        self._check_read_access()
        return super(Base, self).get_metadata()

    @api.multi
    def _check_read_access(self):
        """AccessError unless the current user may read these records: the
        model's access rights and its record rules (the superuser may)."""
        self.check_access_rights("read")
        self.check_access_rule("read")

    @api.model
    def _check_field_path_access(self, path):
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
