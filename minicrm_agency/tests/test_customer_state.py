# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import MinicrmCase


class TestCustomerState(MinicrmCase):

    def test_customer_created_by_staff_is_end_user_of_their_agency(self):
        customer = self.create_customer(self.staff_b2, "Carla", "Nunes", "carla@example.com")
        self.assertEqual(customer.customer_state, "end")
        self.assertEqual(customer.minicrm_agency_id, self.agency_b)
        self.assertEqual(customer.name, "Carla Nunes")

    def test_customer_from_a_request_is_a_request_user(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Quinn", "rita@example.com",
                                        customer_state="request")
        self.create_booking(self.staff_a1, customer, self.company_1, kind="request")
        self.assertEqual(customer.customer_state, "request")
        self.assertEqual(customer.request_count, 1)
        self.assertEqual(customer.booking_count, 0)

    def test_first_confirmed_booking_promotes_request_user(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Quinn", "rita@example.com",
                                        customer_state="request")
        booking = self.create_booking(self.staff_a1, customer, self.company_1)
        self.assertEqual(customer.customer_state, "request", "a draft booking promotes nobody")
        booking.action_confirm()
        self.assertEqual(customer.customer_state, "end")

    def test_accepting_a_request_makes_a_confirmed_booking(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Quinn", "rita@example.com",
                                        customer_state="request")
        request = self.create_booking(self.staff_a1, customer, self.company_2, kind="request",
                                      amount=95.0)
        request.action_send_quote()
        action = request.action_accept()
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(action["res_id"])
        self.assertEqual((booking.kind, booking.state, booking.request_id),
                         ("booking", "confirmed", request))
        self.assertEqual(request.state, "accepted")
        self.assertEqual(customer.customer_state, "end")
        self.assertEqual((customer.booking_count, customer.request_count), (1, 1))

    def test_create_customer_button_promotes_request_user(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Quinn", "rita@example.com",
                                        customer_state="request")
        customer.action_make_end_user()
        self.assertEqual(customer.customer_state, "end")

    def test_end_user_is_never_demoted(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        with self.assertRaises(ValidationError):
            customer.write({"customer_state": "request"})
        self.assertEqual(customer.customer_state, "end")

    def test_first_and_last_name_are_required(self):
        with self.assertRaisesRegex(ValidationError, "first name and a last name"):
            self.create_customer(self.staff_a1, "Madonna", False, "m@example.com")
        with self.assertRaisesRegex(ValidationError, "first name and a last name"):
            self.create_customer(self.staff_a1, "  ", "Solo", "solo@example.com")

    def test_email_is_normalised(self):
        customer = self.create_customer(self.staff_a1, "Tom", "Case", "  Tom.Case@Example.COM ")
        self.assertEqual(customer.email, "tom.case@example.com")

    def test_invalid_emails_are_refused(self):
        for email in ("not-an-email", "a@b", "ann@exa mple.com", "ann\u202e@example.com",
                      "ann@example.com\x00", "two@@example.com"):
            with self.assertRaises(ValidationError, msg=repr(email)):
                self.create_customer(self.staff_a1, "Bad", "Mail", email)

    def test_email_is_unique_within_an_agency(self):
        with self.assertRaisesRegex(ValidationError, "already uses"):
            self.create_customer(self.staff_a2, "Ann", "Other", "ANN.SMITH@example.com")
        self.customer_a.toggle_active()
        with self.assertRaisesRegex(ValidationError, "already uses"):
            self.create_customer(self.staff_a2, "Ann", "Other", "ann.smith@example.com")

    def test_same_email_in_two_agencies_makes_two_customers(self):
        twin = self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        self.assertNotEqual(twin, self.customer_a)
        self.assertEqual(twin.minicrm_agency_id, self.agency_b)

    def test_deleting_customer_with_bookings_is_refused(self):
        with self.assertRaisesRegex(UserError, "Archive"):
            self.as_user(self.manager_a, "res.partner").browse(self.customer_a.id).unlink()
        self.assertTrue(self.customer_a.exists())

    def test_archiving_keeps_bookings(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        customer.toggle_active()
        self.assertFalse(customer.active)
        self.assertEqual(customer.booking_count, 2)
        self.assertTrue(self.booking_a.exists())

    def test_customer_without_booking_can_be_deleted_by_manager(self):
        customer = self.create_customer(self.staff_a1, "Short", "Lived", "short@example.com")
        self.as_user(self.manager_a, "res.partner").browse(customer.id).unlink()
        self.assertFalse(customer.exists())

    def test_agency_change_of_customer_with_bookings_is_refused(self):
        with self.assertRaisesRegex(UserError, "cannot move"):
            self.as_user(self.operator, "res.partner").browse(self.customer_a.id).write(
                {"minicrm_agency_id": self.agency_b.id})

    def test_user_without_agency_cannot_create_customers(self):
        clerk = self.create_user(self.env, "clerk", None)
        with self.assertRaisesRegex(UserError, "not attached to an agency"):
            self.create_customer(clerk, "No", "Agency", "no.agency@example.com")

    def test_contact_changes_are_tracked_in_chatter(self):
        customer = self.env["res.partner"].sudo(self.staff_a1).browse(self.customer_a.id)
        customer.write({"phone": "+33 7 00 00 00 01"})
        # sudo for the assertion only: tracking values are technical records.
        values = customer.sudo().message_ids.mapped("tracking_value_ids").filtered(
            lambda value: value.field == "phone")
        self.assertEqual(values[:1].new_value_char, "+33 7 00 00 00 01")
