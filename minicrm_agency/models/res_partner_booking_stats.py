# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartnerBookingStats(models.Model):
    """A customer's bookings and requests, and the figures the customer list
    shows and sorts by: stored, and computed for a whole batch in one query."""
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
        help="Pickup time of the latest booking that was not cancelled.")

    @api.depends("booking_ids.state", "booking_ids.pickup_datetime", "request_ids.state")
    def _compute_booking_stats(self):
        stats = {}
        real_ids = tuple(pid for pid in self.ids if isinstance(pid, int))
        if real_ids:
            # One grouped query for the whole batch. Plain SQL on purpose: the
            # figures describe the customer (whose own rule already hides it
            # from other agencies), not what the current user may list.
            self.env.cr.execute("""
                SELECT customer_id, kind, count(*), max(pickup_datetime)
                  FROM minicrm_booking
                 WHERE customer_id IN %s AND state != 'cancel'
              GROUP BY customer_id, kind
            """, (real_ids,))
            for customer_id, kind, count, last_pickup in self.env.cr.fetchall():
                stats[(customer_id, kind)] = (count, last_pickup)
        for partner in self:
            bookings = stats.get((partner.id, "booking"), (0, False))
            partner.booking_count = bookings[0]
            partner.last_booking_date = bookings[1]
            partner.request_count = stats.get((partner.id, "request"), (0, False))[0]
