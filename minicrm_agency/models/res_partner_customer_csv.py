# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer list's "Export customers": a CSV file that spreadsheets
open as staff typed it, and that Odoo's import reads back.

- The list's columns, no technical id and none of Odoo's accounting
  columns; headers in the user's language, as the import matches them.
- UTF-8 with a byte-order mark (Excel reads accents only with it), times in
  the user's time zone, without seconds.
- Phone numbers as typed; any other cell that starts like a formula gets
  ``base_access_hardening``'s apostrophe, which the import takes off.
- Read a thousand customers at a time, as the user (their record rules,
  fields restricted by ``groups=`` left out), and written out as it goes:
  the time and the memory of an export do not depend on one giant
  ``export_data``.
"""
import csv
import io

import pytz

from odoo import _, api, fields, models
from odoo.tools import float_repr

from odoo.addons.base_access_hardening.models.csv_formula import (
    BYTE_ORDER_MARK, neutralize_formula)

CSV_BATCH = 1000
# The customer list's columns, as their values re-import (names in two).
CSV_COLUMNS = ("firstname", "lastname", "email", "phone", "mobile", "lang", "customer_state",
               "booking_count", "last_booking_date", "next_pickup_date", "total_spent",
               "minicrm_agency_id")
# Read for the amounts' decimals, not written.
CURRENCY_FIELD = "minicrm_currency_id"
LOCAL_TIME_FORMAT = "%Y-%m-%d %H:%M"


class ResPartnerCustomerCsv(models.Model):
    _inherit = "res.partner"

    @api.model
    def _minicrm_customer_csv_columns(self):
        """(field name, header) of the columns the current user may read:
        a user limited to some rental companies gets no figures (their
        fields are hidden from them), the agency only for operators (as
        in the list)."""
        described = self.fields_get(list(CSV_COLUMNS), attributes=["string"])
        if not self.env.user.has_group("minicrm_agency.group_minicrm_admin"):
            described.pop("minicrm_agency_id", None)
        # "Bookings" would be taken by the import for the bookings themselves.
        headers = {"booking_count": _("Number of bookings")}
        return [(name, headers.get(name) or described[name]["string"])
                for name in CSV_COLUMNS if name in described]

    @api.multi
    def _minicrm_customer_csv(self):
        """The CSV file of these customers, as chunks of bytes (a generator):
        the byte-order mark and the headers, then a chunk per thousand
        customers. As the current user, with their language and time zone
        (the context's, else the user's): each batch is searched again with
        their record rules, and only the columns they may read are read.

        Each batch is read with one SQL query: ``read`` goes through the ORM
        cache value by value (some 20 s for 100,000 customers)."""
        columns = self._minicrm_customer_csv_columns()
        names = [name for name, _header in columns]
        self.check_access_rights("read")
        self.check_field_access_rights("read", names)
        described = self.fields_get(names, attributes=["type", "selection"])
        selections = {name: dict(described[name]["selection"]) for name in names
                      if described[name]["type"] == "selection"}
        kinds = [described[name]["type"] for name in names]
        query = "SELECT id, %s, %s FROM res_partner WHERE id IN %%s" % (
            ", ".join('"%s"' % name for name in names), CURRENCY_FIELD)
        time_zone = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        decimals, agencies = {}, {}
        yield (BYTE_ORDER_MARK + self._minicrm_csv_rows(
            [[header for _name, header in columns]])).encode("utf-8")
        ids = self.ids
        for start in range(0, len(ids), CSV_BATCH):
            chunk = ids[start:start + CSV_BATCH]
            # The user's record rules, whatever recordset this was called on.
            allowed = self.with_context(active_test=False)._search([("id", "in", chunk)])
            if not allowed:
                continue
            self.env.cr.execute(query, [tuple(allowed)])
            by_id = {row[0]: row for row in self.env.cr.fetchall()}
            rows = []
            for record_id in chunk:
                if record_id not in by_id:
                    continue
                values = by_id[record_id]
                currency_id = values[-1]
                row = []
                for name, kind, value in zip(names, kinds, values[1:]):
                    if kind == "selection":
                        value = selections[name].get(value, value or "")
                    elif kind == "many2one":
                        if value and value not in agencies:
                            agencies[value] = self.env[self._fields[name].comodel_name].browse(
                                value).name_get()[0][1]
                        value = agencies.get(value, "")
                    elif kind == "datetime":
                        # Odoo's cursor gives timestamps as strings (UTC).
                        value = pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(
                            time_zone).strftime(LOCAL_TIME_FORMAT) if value else ""
                    elif kind == "monetary":
                        if currency_id and currency_id not in decimals:
                            decimals[currency_id] = self.env["res.currency"].browse(
                                currency_id).decimal_places
                        value = float_repr(value or 0.0, decimals.get(currency_id, 2))
                    elif kind == "integer":
                        value = str(value or 0)
                    elif value is None:
                        value = ""
                    row.append(neutralize_formula(value))
                rows.append(row)
            yield self._minicrm_csv_rows(rows).encode("utf-8")

    @api.model
    def _minicrm_csv_rows(self, rows):
        """``rows`` as CSV text, every cell quoted (as Odoo's own export)."""
        text = io.StringIO()
        csv.writer(text, quoting=csv.QUOTE_ALL).writerows(rows)
        return text.getvalue()

    @api.model
    def _minicrm_customers_to_export(self, domain, ids=None):
        """The customers of the list's search ``domain`` (the whole search),
        or of its selected ``ids``, as the current user may see them: their
        record rules apply, other ids are left out."""
        domain = list(domain or []) + [("customer_state", "!=", False)]
        if ids:
            domain.append(("id", "in", ids))
        return self.search(domain)

    @api.model
    def _minicrm_customer_csv_name(self):
        """The file's name: the user's agency and today's date, where they are."""
        agency = self.env.user.minicrm_agency_id.name or _("All agencies")
        today = fields.Date.context_today(self)
        return _("%(agency)s customers %(date)s.csv") % {"agency": agency, "date": today}
