# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, MinicrmCase


class TestPortalRules(MinicrmCase):
    """What a portal customer reaches over RPC, as the portal user: Ann is
    a customer of both agencies; Bob of agency B only."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.ann_in_b = cls.create_customer(cls.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        cls.booking_ann_b = cls.create_booking(cls.staff_b1, cls.ann_in_b, cls.company_3,
                                               state="confirmed")
        cls.request_ann_b = cls.create_booking(cls.staff_b1, cls.ann_in_b, cls.company_3,
                                               kind="request")
        cls.ann = cls.customer_a.sudo().minicrm_portal_user_id
        cls.bob = cls.customer_b.sudo().minicrm_portal_user_id

    def test_bookings_are_exactly_those_of_the_login_in_both_agencies(self):
        Booking = self.as_user(self.ann, "minicrm.booking")
        rows = Booking.search_read([], ["name", "customer_id", "agency_id"])
        self.assertEqual({row["id"] for row in rows}, {
            self.booking_a.id, self.booking_a_company_2.id,
            self.booking_ann_b.id, self.request_ann_b.id})
        self.assertEqual(Booking.search_count([("kind", "=", "booking")]), 3)
        with self.assertRaises(AccessError):
            Booking.browse(self.booking_b.id).read(["name"])

    def test_partners_are_the_own_contact_and_customer_records(self):
        rows = self.as_user(self.ann, "res.partner").search_read([], ["email"])
        self.assertEqual({row["id"] for row in rows}, {
            self.ann.partner_id.id, self.customer_a.id, self.ann_in_b.id})
        with self.assertRaises(AccessError):
            self.as_user(self.ann, "res.partner").browse(self.customer_b.id).read(["email"])

    def test_users_are_only_oneself(self):
        rows = self.as_user(self.ann, "res.users").search_read([], ["login"])
        self.assertEqual([row["id"] for row in rows], [self.ann.id])
        self.assertFalse(self.as_user(self.ann, "res.users").search(
            [("login", "=", self.bob.login)]))

    def test_portal_user_writes_nothing(self):
        with self.assertRaises(AccessError):
            self.as_user(self.ann, "minicrm.booking").browse(self.booking_a.id).write(
                {"notes": "changed"})
        with self.assertRaises(AccessError):
            self.as_user(self.ann, "res.partner").browse(self.customer_a.id).write(
                {"phone": "000"})
        with self.assertRaises(AccessError):
            self.as_user(self.ann, "minicrm.booking").create({
                "customer_id": self.customer_a.id, "rental_company_id": self.company_1.id,
                "pickup_datetime": "%d-07-01 10:00:00" % NEXT_YEAR,
                "pickup_location": "A", "dropoff_location": "B"})

    def test_other_customer_sees_none_of_ann(self):
        Booking = self.as_user(self.bob, "minicrm.booking")
        self.assertEqual(Booking.search([]), self.booking_b)
        Partner = self.as_user(self.bob, "res.partner")
        self.assertFalse(Partner.search([("email", "=", "ann.smith@example.com")]))
