# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import api, fields, models

# The bookings a customer has spent money on: booked trips that were
# confirmed or done (not drafts, not cancelled, never quote requests).
SPENT_STATES = ("confirmed", "done")
# The figures of _compute_booking_stats, for a batch of customers or all of
# them (scripts/generate_data.py writes the same figures in its own SQL).
# "This year" is the pickup's calendar year in UTC: agencies have no time
# zone of their own.
STATS_SQL = """
    SELECT customer_id, kind, count(*),
           max(pickup_datetime) FILTER (WHERE pickup_datetime <= %(now)s),
           min(pickup_datetime) FILTER (WHERE pickup_datetime > %(now)s),
           coalesce(sum(amount) FILTER (WHERE state IN %(spent)s), 0),
           coalesce(sum(amount) FILTER (WHERE state IN %(spent)s
                                          AND pickup_datetime >= %(year_start)s
                                          AND pickup_datetime < %(next_year_start)s), 0)
      FROM minicrm_booking
     WHERE customer_id IN %(ids)s AND state != 'cancel'
  GROUP BY customer_id, kind
"""
# All customers at once (the daily cron): only rows whose figure changed are
# written.
SPENT_THIS_YEAR_SQL = """
    UPDATE res_partner partner
       SET spent_this_year = coalesce(spent.amount, 0)
      FROM res_partner customer
 LEFT JOIN (SELECT customer_id, sum(amount) AS amount
              FROM minicrm_booking
             WHERE kind = 'booking' AND state IN %(spent)s
               AND pickup_datetime >= %(year_start)s
               AND pickup_datetime < %(next_year_start)s
          GROUP BY customer_id) AS spent ON spent.customer_id = customer.id
     WHERE partner.id = customer.id AND customer.customer_state IS NOT NULL
       AND partner.spent_this_year IS DISTINCT FROM coalesce(spent.amount, 0)
"""


def year_bounds(today=None):
    """The current calendar year (UTC), as [start, next year's start)."""
    year = (today or datetime.datetime.utcnow().date()).year
    return "%d-01-01 00:00:00" % year, "%d-01-01 00:00:00" % (year + 1)


# The figures cover every rental company: users limited to some do not see
# them (not in views, read, domains, orders, group-bys or exports).
HIDDEN_FROM_LIMITED = "!minicrm_agency.group_minicrm_company_limited"
STAT_FIELDS = ("booking_count", "request_count", "last_booking_date", "next_pickup_date",
               "total_spent", "spent_this_year")


class ResPartnerBookingStats(models.Model):
    """A customer's bookings and requests, and the figures the customer list
    shows and sorts by: stored, and computed for a whole batch in one query.

    "Last booking" and "Next pickup" depend on the time as well: a pickup to
    come becomes a past one without any write. The hourly cron
    ``_cron_minicrm_refresh_booking_stats`` recomputes, in bulk, the customers
    whose next pickup has passed (found through the index on it)."""
    _inherit = "res.partner"

    # For agency staff: other employees reading a contact (all fields, an
    # export) have no right to read bookings at all.
    booking_ids = fields.One2many(
        "minicrm.booking", "customer_id", string="Bookings",
        domain=[("kind", "=", "booking")], groups="minicrm_agency.group_agency_user")
    request_ids = fields.One2many(
        "minicrm.booking", "customer_id", string="Requests",
        domain=[("kind", "=", "request")], groups="minicrm_agency.group_agency_user")
    booking_count = fields.Integer(
        "Bookings", compute="_compute_booking_stats", store=True, index=True,
        groups=HIDDEN_FROM_LIMITED,
        help="Bookings that were not cancelled.")
    request_count = fields.Integer(
        "Requests", compute="_compute_booking_stats", store=True,
        groups=HIDDEN_FROM_LIMITED,
        help="Quote requests that were not cancelled.")
    last_booking_date = fields.Datetime(
        "Last booking", compute="_compute_booking_stats", store=True, index=True,
        groups=HIDDEN_FROM_LIMITED,
        help="Pickup time of the latest past booking that was not cancelled.")
    next_pickup_date = fields.Datetime(
        "Next pickup", compute="_compute_booking_stats", store=True, index=True,
        groups=HIDDEN_FROM_LIMITED,
        help="Pickup time of the next booking to come that was not cancelled.")
    # The agency's, for showing the amounts below. Stored: the customer list
    # shows "Total spent" in it, and a related field that is not stored is
    # computed for each page through the partners' agency as superuser (two
    # more queries, ~100 ms a page of 80 at 1M customers). When
    # an agency's currency changes, Odoo rewrites its customers' column.
    minicrm_currency_id = fields.Many2one(
        "res.currency", string="Agency currency", related="minicrm_agency_id.currency_id",
        readonly=True, store=True)
    total_spent = fields.Monetary(
        "Total spent", compute="_compute_booking_stats", store=True,
        currency_field="minicrm_currency_id",
        groups=HIDDEN_FROM_LIMITED,
        help="Amounts of the confirmed and done bookings, in the agency's currency.")
    spent_this_year = fields.Monetary(
        "Spent this year", compute="_compute_booking_stats", store=True,
        currency_field="minicrm_currency_id",
        groups=HIDDEN_FROM_LIMITED,
        help="Amounts of the confirmed and done bookings with a pickup this calendar "
             "year (UTC), in the agency's currency.")

    @api.model
    def check_field_access_rights(self, operation, fields):
        """The figures are recomputed, and so written, as the user whose
        booking changed them, limited users included (Odoo 11 checks field
        groups on that write). Writing a figure reveals nothing: the write
        check leaves them out; reading, searching and sorting stay refused."""
        if operation == "write" and fields:
            super(ResPartnerBookingStats, self).check_field_access_rights(
                operation, [name for name in fields if name not in STAT_FIELDS])
            return fields
        return super(ResPartnerBookingStats, self).check_field_access_rights(operation, fields)

    @api.depends("booking_ids.state", "booking_ids.pickup_datetime", "booking_ids.amount",
                 "request_ids.state")
    def _compute_booking_stats(self):
        stats = {}
        real_ids = tuple(pid for pid in self.ids if isinstance(pid, int))
        if real_ids:
            # One grouped query for the whole batch. Plain SQL on purpose: the
            # figures describe the customer (whose own rule already hides it
            # from other agencies), not what the current user may list.
            year_start, next_year_start = year_bounds()
            self.env.cr.execute(STATS_SQL, {
                "ids": real_ids, "spent": SPENT_STATES, "now": fields.Datetime.now(),
                "year_start": year_start, "next_year_start": next_year_start})
            for customer_id, kind, count, last_pickup, next_pickup, spent, spent_year in \
                    self.env.cr.fetchall():
                stats[(customer_id, kind)] = (count, last_pickup, next_pickup, spent,
                                              spent_year)
        for partner in self:
            bookings = stats.get((partner.id, "booking"), (0, False, False, 0, 0))
            partner.booking_count = bookings[0]
            partner.last_booking_date = bookings[1]
            partner.next_pickup_date = bookings[2]
            partner.total_spent = bookings[3]
            partner.spent_this_year = bookings[4]
            partner.request_count = stats.get((partner.id, "request"), (0,))[0]

    @api.model
    def _minicrm_refresh_spent_this_year(self, today=None):
        """Daily cron: "this year" moves on at New Year without any booking
        changing, so every customer's figure is recomputed in one statement.
        ``today`` (a date) is for tests."""
        year_start, next_year_start = year_bounds(today)
        self.env.cr.execute(SPENT_THIS_YEAR_SQL, {
            "spent": SPENT_STATES, "year_start": year_start,
            "next_year_start": next_year_start})
        changed = self.env.cr.rowcount
        self.invalidate_cache(["spent_this_year"])
        return changed

    @api.model
    def _cron_minicrm_refresh_booking_stats(self):
        """Customers whose next pickup is now past: their "Last booking"
        and "Next pickup" move on. One indexed search, one batch compute."""
        partners = self.with_context(active_test=False).search(
            [("next_pickup_date", "<=", fields.Datetime.now())])
        if partners:
            for name in STAT_FIELDS:
                self.env.add_todo(self._fields[name], partners)
            partners.invalidate_cache(list(STAT_FIELDS), partners.ids)
            partners.recompute()
        return len(partners)
