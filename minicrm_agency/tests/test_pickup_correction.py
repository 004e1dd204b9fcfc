# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import fields
from odoo.exceptions import ValidationError

from .common import BOOKINGS_ACTION, MinicrmCase


def hours_ago(hours):
    return fields.Datetime.to_string(datetime.datetime.utcnow()
                                     - datetime.timedelta(hours=hours))


class TestPickupCorrection(MinicrmCase):
    """New bookings and requests are for trips to come; an existing
    booking's pickup may be corrected to any time, a past one included,
    by staff and managers, from the booking form."""

    def booking_form(self, user, booking):
        return booking.sudo(user).with_context(**self.screen_context(user, BOOKINGS_ACTION))

    def test_staff_correct_a_past_trip_pickup_time(self):
        self.env.cr.execute("UPDATE minicrm_booking SET pickup_datetime = %s WHERE id = %s",
                            (hours_ago(72), self.booking_a.id))
        self.booking_a.invalidate_cache()
        for user, hours in ((self.staff_a1, 70), (self.manager_a, 71)):
            booking = self.booking_form(user, self.booking_a)
            booking.write({"pickup_datetime": hours_ago(hours)})
            self.assertTrue(hours_ago(hours + 1) < booking.pickup_datetime < hours_ago(hours - 1))

    def test_staff_move_a_coming_trip_to_the_past(self):
        booking = self.booking_form(self.staff_a1, self.booking_a_company_2)
        booking.write({"pickup_datetime": hours_ago(48)})
        self.assertLess(booking.pickup_datetime, hours_ago(47))

    def test_new_booking_in_the_past_is_still_refused(self):
        with self.assertRaisesRegex(ValidationError, "trip to come"):
            self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                pickup_datetime=hours_ago(48))
