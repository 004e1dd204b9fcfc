# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import UserError, ValidationError

from .common import NEXT_YEAR, MinicrmCase


class TestBooking(MinicrmCase):

    def test_references_come_from_sequences_by_kind(self):
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request")
        self.assertTrue(self.booking_a.name.startswith("BK/"))
        self.assertTrue(request.name.startswith("RQ/"))
        self.assertNotEqual(self.booking_a.name, self.booking_a_company_2.name)

    def test_route_is_pickup_to_dropoff(self):
        self.assertEqual(self.booking_a.route, "Nice Airport → Monaco")
        self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id).write(
            {"dropoff_location": "Cannes"})
        self.assertEqual(self.booking_a.route, "Nice Airport → Cannes")

    def test_contact_snapshot_survives_customer_edit(self):
        self.assertEqual(self.booking_a.contact_email, "ann.smith@example.com")
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        customer.write({"email": "ann.new@example.com", "lastname": "Jones"})
        self.assertEqual(self.booking_a.contact_email, "ann.smith@example.com")
        self.assertEqual(self.booking_a.contact_lastname, "Smith")
        # The booking list shows the customer's current name.
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        self.assertEqual(booking.read(["customer_id"])[0]["customer_id"][1], "Ann Jones")

    def test_counts_and_next_pickup_follow_bookings(self):
        self.assertEqual((self.customer_a.booking_count, self.customer_a.request_count), (2, 0))
        # Both bookings are to come: no "last" booking yet.
        self.assertFalse(self.customer_a.last_booking_date)
        self.assertEqual(self.customer_a.next_pickup_date, "%d-06-01 09:00:00" % NEXT_YEAR)
        sooner = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                     pickup_datetime="%d-03-01 10:00:00" % NEXT_YEAR)
        self.assertEqual(self.customer_a.next_pickup_date, "%d-03-01 10:00:00" % NEXT_YEAR)
        sooner.action_cancel()
        self.assertEqual(self.customer_a.booking_count, 2)
        self.assertEqual(self.customer_a.next_pickup_date, "%d-06-01 09:00:00" % NEXT_YEAR)

    def test_dropoff_before_pickup_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "after the pickup"):
            self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                dropoff_datetime="%d-05-31 09:00:00" % NEXT_YEAR)

    def test_state_jumps_are_refused(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(
            self.booking_a_company_2.id)
        with self.assertRaisesRegex(ValidationError, "cannot go from"):
            booking.write({"state": "done"})
        with self.assertRaisesRegex(ValidationError, "cannot go from"):
            booking.write({"state": "quoted"})
        self.assertEqual(booking.state, "draft")

    def test_kind_cannot_be_edited(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        with self.assertRaises(UserError):
            booking.write({"kind": "request"})

    def test_confirmed_booking_cannot_be_deleted(self):
        with self.assertRaisesRegex(UserError, "Cancel the booking first"):
            self.as_user(self.manager_a, "minicrm.booking").browse(self.booking_a.id).unlink()

    def test_staff_cannot_delete_bookings(self):
        from odoo.exceptions import AccessError
        with self.assertRaises(AccessError):
            self.as_user(self.staff_a1, "minicrm.booking").browse(
                self.booking_a_company_2.id).unlink()

    def test_onchange_customer_fills_contact_snapshot(self):
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        result = Booking.onchange(
            {"customer_id": self.customer_a.id, "contact_email": False, "invoice_name": False},
            "customer_id", {"customer_id": "1", "contact_email": "", "invoice_name": ""})
        self.assertEqual(result["value"]["contact_email"], "ann.smith@example.com")
        self.assertEqual(result["value"]["invoice_name"], "Ann Smith")

    def test_email_to_opens_composer_and_logs_on_customer(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        action = customer.action_minicrm_email_to()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = self.env["mail.compose.message"].sudo(self.staff_a1).with_context(
            **action["context"]).create({"subject": "Your transfer", "body": "<p>Hello Ann</p>"})
        composer.send_mail()
        message = customer.message_ids[0]
        self.assertEqual(message.subject, "Your transfer")
        self.assertIn(customer.id, message.partner_ids.ids)

    def test_email_to_without_email_explains(self):
        customer = self.create_customer(self.staff_a1, "No", "Mail", False)
        with self.assertRaisesRegex(UserError, "no email address"):
            customer.action_minicrm_email_to()
