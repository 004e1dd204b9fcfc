# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError, ValidationError

from .common import MinicrmCase


class TestAgencyIsolation(MinicrmCase):
    """Staff of agency A get nothing of agency B, on every ORM path."""

    def setUp(self):
        super(TestAgencyIsolation, self).setUp()
        self.Partner_a = self.as_user(self.staff_a1, "res.partner")
        self.Booking_a = self.as_user(self.staff_a1, "minicrm.booking")

    def test_staff_cannot_read_other_agency_customer(self):
        with self.assertRaises(AccessError):
            self.Partner_a.browse(self.customer_b.id).read(["email"])
        self.assertEqual(self.Partner_a.browse(self.customer_a.id).read(["email"])[0]["email"],
                         "ann.smith@example.com")

    def test_staff_cannot_read_other_agency_booking(self):
        with self.assertRaises(AccessError):
            self.Booking_a.browse(self.booking_b.id).read(["route"])

    def test_search_and_count_return_own_agency_only(self):
        customers = self.Partner_a.search([("customer_state", "!=", False)])
        self.assertIn(self.customer_a, customers)
        self.assertNotIn(self.customer_b, customers)
        self.assertEqual(self.Partner_a.search_count([("email", "=", "bob.brown@example.com")]), 0)
        self.assertEqual(self.Booking_a.search_count([("id", "=", self.booking_b.id)]), 0)

    def test_read_group_counts_own_agency_only(self):
        groups = self.Partner_a.read_group(
            [("customer_state", "!=", False)], ["minicrm_agency_id"], ["minicrm_agency_id"])
        agencies = [group["minicrm_agency_id"][0] for group in groups]
        self.assertEqual(agencies, [self.agency_a.id])
        groups = self.Booking_a.read_group([], ["agency_id"], ["agency_id"])
        self.assertEqual([group["agency_id"][0] for group in groups], [self.agency_a.id])

    def test_name_search_hides_other_agency(self):
        for Partner in (self.Partner_a, self.Partner_a.with_context(minicrm_customer_search=True)):
            found = [pid for pid, _name in Partner.name_search("Brown")]
            self.assertNotIn(self.customer_b.id, found)
        found = [pid for pid, _name in self.Partner_a.name_search("Smith")]
        self.assertIn(self.customer_a.id, found)

    def test_name_get_of_other_agency_customer_refused(self):
        with self.assertRaises(AccessError):
            self.Partner_a.browse(self.customer_b.id).name_get()

    def test_export_data_refuses_other_agency(self):
        with self.assertRaises(AccessError):
            self.Partner_a.browse(self.customer_b.id).export_data(["name", "email"])
        rows = self.Partner_a.search([("customer_state", "!=", False)]).export_data(
            ["email"])["datas"]
        self.assertIn(["ann.smith@example.com"], rows)
        self.assertNotIn(["bob.brown@example.com"], rows)

    def test_write_unlink_copy_of_other_agency_refused(self):
        foreign = self.Partner_a.browse(self.customer_b.id)
        with self.assertRaises(AccessError):
            foreign.write({"phone": "000"})
        with self.assertRaises(AccessError):
            foreign.copy()
        with self.assertRaises(AccessError):
            self.as_user(self.manager_a, "res.partner").browse(self.customer_b.id).unlink()
        with self.assertRaises(AccessError):
            self.Booking_a.browse(self.booking_b.id).write({"notes": "hijacked"})
        self.assertFalse(self.booking_b.notes)

    def test_one2many_command_cannot_pull_foreign_booking(self):
        with self.assertRaises(AccessError):
            self.Partner_a.browse(self.customer_a.id).write(
                {"booking_ids": [(4, self.booking_b.id)]})
        self.assertEqual(self.booking_b.customer_id, self.customer_b)

    def test_onchange_with_foreign_customer_leaks_nothing(self):
        spec = {name: "1" for name in ("customer_id", "contact_email", "contact_firstname",
                                       "invoice_name")}
        with self.assertRaises(AccessError):
            self.Booking_a.onchange(
                {"customer_id": self.customer_b.id, "contact_email": False,
                 "contact_firstname": False, "invoice_name": False},
                "customer_id", spec)

    def test_booking_for_foreign_customer_is_a_validation_error(self):
        with self.assertRaisesRegex(ValidationError, "another agency"):
            self.create_booking(self.staff_a1, self.customer_b, self.company_1)
        with self.assertRaisesRegex(ValidationError, "another agency"):
            self.Booking_a.browse(self.booking_a.id).write({"customer_id": self.customer_b.id})

    def test_booking_with_company_outside_agency_is_a_validation_error(self):
        with self.assertRaisesRegex(ValidationError, "rental company"):
            self.create_booking(self.staff_a1, self.customer_a, self.company_3)

    def test_staff_cannot_set_own_agency(self):
        with self.assertRaises(AccessError):
            self.env["res.users"].sudo(self.staff_a1).browse(self.staff_a1.id).write(
                {"minicrm_agency_id": self.agency_b.id})
        self.assertEqual(self.staff_a1.minicrm_agency_id, self.agency_a)

    def test_staff_cannot_create_customer_in_other_agency(self):
        with self.assertRaises(AccessError):
            self.create_customer(self.staff_a1, "Eve", "Spy", "eve@example.com",
                                 minicrm_agency_id=self.agency_b.id)

    def test_moving_staff_to_other_agency_takes_effect_at_once(self):
        Partner = self.env["res.partner"].sudo(self.staff_a2)
        self.assertTrue(Partner.search([("id", "=", self.customer_a.id)]))
        self.staff_a2.write({"minicrm_agency_id": self.agency_b.id,
                             "minicrm_rental_company_ids": [(5,)]})
        self.assertFalse(Partner.search([("id", "=", self.customer_a.id)]))
        self.assertTrue(Partner.search([("id", "=", self.customer_b.id)]))

    def test_staff_limited_to_one_company_sees_its_bookings_only(self):
        bookings = self.as_user(self.staff_a2, "minicrm.booking").search([])
        self.assertIn(self.booking_a, bookings)
        self.assertNotIn(self.booking_a_company_2, bookings)
        with self.assertRaises(ValidationError):
            self.create_booking(self.staff_a2, self.customer_a, self.company_2)

    def test_staff_see_only_their_agency(self):
        agencies = self.as_user(self.staff_b1, "minicrm.agency").search([])
        self.assertEqual(agencies, self.agency_b)

    def test_manager_cannot_change_rental_companies_of_agency(self):
        with self.assertRaises(AccessError):
            self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id).write(
                {"rental_company_ids": [(4, self.company_3.id)]})
        self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id).write(
            {"name": "Agency A renamed"})
        self.assertEqual(self.agency_a.name, "Agency A renamed")

    def test_operator_sees_every_agency(self):
        customers = self.as_user(self.operator, "res.partner").search(
            [("id", "in", (self.customer_a | self.customer_b).ids)])
        self.assertEqual(customers, self.customer_a | self.customer_b)
        self.assertEqual(self.as_user(self.operator, "minicrm.booking").search_count(
            [("id", "in", (self.booking_a | self.booking_b).ids)]), 2)

    def test_core_partners_stay_visible_and_other_agencies_staff_do_not(self):
        """The rule narrows agency customers and other agencies' staff only:
        colleagues', the administrator's and core contacts stay readable
        (chatter authors, followers)."""
        self.assertFalse(self.staff_b1.partner_id.minicrm_agency_id)
        self.assertEqual(self.staff_b1.partner_id.minicrm_staff_agency_id, self.agency_b)
        admin = self.env.ref("base.partner_root")
        visible = self.Partner_a.search([("id", "in", [
            admin.id, self.staff_a2.partner_id.id, self.staff_b1.partner_id.id])])
        self.assertEqual(sorted(visible.mapped("name")), sorted([admin.name, "Staff A2"]))
        with self.assertRaises(AccessError):
            self.Partner_a.browse(self.staff_b1.partner_id.id).read(["name"])
