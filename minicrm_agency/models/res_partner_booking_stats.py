# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

STAT_FIELDS = ("booking_count", "request_count", "last_booking_date", "next_pickup_date")


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
        help="Bookings that were not cancelled.")
    request_count = fields.Integer(
        "Requests", compute="_compute_booking_stats", store=True,
        help="Quote requests that were not cancelled.")
    last_booking_date = fields.Datetime(
        "Last booking", compute="_compute_booking_stats", store=True, index=True,
        help="Pickup time of the latest past booking that was not cancelled.")
    next_pickup_date = fields.Datetime(
        "Next pickup", compute="_compute_booking_stats", store=True, index=True,
        help="Pickup time of the next booking to come that was not cancelled.")

    @api.depends("booking_ids.state", "booking_ids.pickup_datetime", "request_ids.state")
    def _compute_booking_stats(self):
        stats = {}
        real_ids = tuple(pid for pid in self.ids if isinstance(pid, int))
        if real_ids:
            # One grouped query for the whole batch. Plain SQL on purpose: the
            # figures describe the customer (whose own rule already hides it
            # from other agencies), not what the current user may list.
            now = fields.Datetime.now()
            self.env.cr.execute("""
                SELECT customer_id, kind, count(*),
                       max(pickup_datetime) FILTER (WHERE pickup_datetime <= %s),
                       min(pickup_datetime) FILTER (WHERE pickup_datetime > %s)
                  FROM minicrm_booking
                 WHERE customer_id IN %s AND state != 'cancel'
              GROUP BY customer_id, kind
            """, (now, now, real_ids))
            for customer_id, kind, count, last_pickup, next_pickup in self.env.cr.fetchall():
                stats[(customer_id, kind)] = (count, last_pickup, next_pickup)
        for partner in self:
            bookings = stats.get((partner.id, "booking"), (0, False, False))
            partner.booking_count = bookings[0]
            partner.last_booking_date = bookings[1]
            partner.next_pickup_date = bookings[2]
            partner.request_count = stats.get((partner.id, "request"), (0,))[0]

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
