# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.osv import expression


class Base(models.AbstractModel):
    """Counting a list's records up to a limit, as Odoo 16's ``count_limit``:
    the pager of a customer list that matches 100,000 rows then costs what
    counting 1,001 rows costs."""
    _inherit = "base"

    # Models whose lists may be counted up to a limit (their search is the
    # ORM's own: no post-filtering in Python that a SQL count would skip).
    _minicrm_count_limited = False

    @api.model
    def _search_count_limited(self, domain, limit):
        """The number of records matching ``domain`` as the current user
        (access rights and record rules, like ``search_count``), counted up
        to ``limit + 1``: a result above ``limit`` means "more than limit"."""
        self.check_access_rights("read")
        if expression.is_false(self, domain):
            return 0
        query = self._where_calc(domain)
        self._apply_ir_rules(query, "read")
        from_clause, where_clause, params = query.get_sql()
        where = where_clause and " WHERE %s" % where_clause or ""
        # The clauses are the ORM's (its parameters are separate); limit is an int.
        # pylint: disable=sql-injection
        self.env.cr.execute("SELECT count(1) FROM (SELECT 1 FROM %s%s LIMIT %d) AS counted"
                            % (from_clause, where, int(limit) + 1), params)
        return self.env.cr.fetchone()[0]
