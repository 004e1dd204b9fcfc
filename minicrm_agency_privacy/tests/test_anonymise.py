# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.exceptions import AccessError

from odoo.addons.minicrm_agency.tests.common import CUSTOMERS_ACTION, MinicrmCase

from .common import ANN_SECRETS, AnonymiseFixtures


class TestAnonymise(AnonymiseFixtures, MinicrmCase):
    """A manager's "Anonymise": no personal value of the customer is left
    anywhere the product copied it; figures, trips and other customers stay."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.setup_anonymise_fixtures()

    def assert_no_secret(self, data):
        text = json.dumps(data, default=str).lower()
        for secret in ANN_SECRETS:
            self.assertNotIn(secret.lower(), text)

    def staff_partners(self, user):
        return self.env["res.partner"].sudo(user).with_context(
            **self.screen_context(user, CUSTOMERS_ACTION))

    def test_fixtures_hold_the_secrets(self):
        # The checks below would pass on empty data: they hold it first.
        Partner = self.staff_partners(self.manager_a)
        self.assertIn("Smith", json.dumps(Partner.search_read(
            [("id", "=", self.customer_a.id)], ["name", "email", "phone"])))
        self.assertEqual(Partner.search([("minicrm_search", "ilike", "smith")]),
                         self.customer_a)
        self.assertTrue(self.env["mail.tracking.value"].search(
            [("old_value_char", "ilike", "57 13 24 62")]))

    def test_customer_list_search_and_export_find_none_of_the_old_values(self):
        self.anonymise_as(self.manager_a, self.customer_a)
        Partner = self.staff_partners(self.manager_a)
        fields = [name for name, field in Partner.fields_get().items()
                  if field["type"] in ("char", "text", "html", "selection", "many2one")]
        rows = Partner.search_read([("id", "=", self.customer_a.id)], fields)
        self.assertEqual(len(rows), 1)
        self.assert_no_secret(rows)
        for text in ("ann smith", "ann.smith@example.com", "0657132461", "07 11 22 33 44"):
            self.assertFalse(Partner.search([("minicrm_search", "ilike", text)]), text)
            self.assertFalse(Partner.name_search(text), text)
        export = Partner.browse(self.customer_a.id).export_data(
            ["name", "email", "phone", "mobile", "street", "comment"])
        self.assert_no_secret(export)
        Booking = self.env["minicrm.booking"].sudo(self.manager_a)
        self.assertFalse(Booking.search([("minicrm_search", "ilike", "ann smith")]))
        self.assert_no_secret(Booking.browse(self.booking_a.id).read(
            ["contact_firstname", "contact_lastname", "contact_email", "contact_phone",
             "contact_mobile", "invoice_name", "notes", "minicrm_search_text"]))

    def test_mails_messages_tracking_and_attachments_keep_none_of_the_old_values(self):
        self.anonymise_as(self.manager_a, self.customer_a)
        env = self.env
        self.assert_no_secret(env["mail.mail"].search_read([], [
            "body_html", "email_to", "email_cc", "subject"]))
        self.assert_no_secret(env["mail.message"].search_read([], [
            "body", "subject", "email_from", "record_name"]))
        self.assert_no_secret(env["mail.tracking.value"].search_read([], [
            "old_value_char", "new_value_char", "old_value_text", "new_value_text"]))
        self.assertFalse(env["ir.attachment"].search([("id", "in", self.attachments.ids)]))
        self.assertFalse(env["ir.attachment"].search([("name", "ilike", "-smith")]))

    def test_totals_trips_and_other_customers_are_kept(self):
        before = self.customer_a.read(["total_spent", "booking_count", "request_count",
                                       "last_booking_date", "next_pickup_date"])[0]
        self.anonymise_as(self.manager_a, self.customer_a)
        customer = self.staff_partners(self.manager_a).browse(self.customer_a.id)
        self.assertEqual(customer.read(list(before))[0], before)
        self.assertEqual(customer.booking_ids, self.booking_a | self.booking_a_company_2)
        booking = customer.booking_ids.filtered(lambda b: b.id == self.booking_a.id)
        self.assertEqual((booking.amount, booking.state, booking.rental_company_id),
                         (120.0, "confirmed", self.company_1))
        self.assertEqual(booking.pickup_location, "Nice Airport")
        self.assertTrue(customer.minicrm_anonymised)
        self.assertIn("Anonymised", customer.name)
        self.assertEqual(self.customer_b.email, "bob.brown@example.com")

    def test_agency_may_erase_trip_places_too(self):
        self.agency_a.write({"minicrm_anonymise_places": True})
        self.anonymise_as(self.manager_a, self.customer_a)
        self.assertEqual(self.booking_a.pickup_location, "Erased")
        self.assertEqual(self.booking_a.amount, 120.0)

    def test_staff_and_other_agencys_manager_cannot_anonymise(self):
        for user in (self.staff_a1, self.manager_b, self.staff_b1):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.anonymise_as(user, self.customer_a)
        self.assertEqual(self.customer_a.email, "ann.smith@example.com")
        self.assertFalse(self.customer_a.minicrm_anonymised)

    def test_wizard_made_over_rpc_on_a_foreign_customer_is_refused(self):
        wizard = self.env["minicrm.anonymise.wizard"].sudo(self.manager_b).create(
            {"partner_ids": [(6, 0, self.customer_a.ids)]})
        with self.assertRaises(AccessError):
            wizard.action_confirm()
        self.assertFalse(self.customer_a.minicrm_anonymised)

    def test_portal_login_of_no_other_agency_is_archived_and_anonymised(self):
        login = self.link_portal_login(self.customer_a)
        self.anonymise_as(self.manager_a, self.customer_a)
        login = login.with_context(active_test=False)
        self.assertFalse(login.active)
        self.assertNotIn("ann.smith", login.login)
        self.assert_no_secret(login.partner_id.read(["name", "email", "phone"]))
        self.assertFalse(self.env["res.users"].search([("login", "ilike", "ann.smith")]))

    def test_the_same_person_with_another_agency_keeps_that_agencys_data(self):
        ann_b = self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com",
                                     phone="+44 20 7946 0123")
        login = self.link_portal_login(self.customer_a)
        self.assertEqual(self.link_portal_login(ann_b), login)
        booking_b = self.create_booking(self.staff_b1, ann_b, self.company_1)
        mail_b = self.env["mail.mail"].create({
            "email_to": "ann.smith@example.com", "subject": "Your trip with B",
            "body_html": "<p>Dear Ann Smith</p>", "model": "minicrm.booking",
            "res_id": booking_b.id})
        self.anonymise_as(self.manager_a, self.customer_a)
        self.assertTrue(self.customer_a.minicrm_anonymised)
        self.assertEqual((ann_b.name, ann_b.email), ("Ann Smith", "ann.smith@example.com"))
        self.assertEqual(booking_b.contact_email, "ann.smith@example.com")
        self.assertEqual(mail_b.email_to, "ann.smith@example.com")
        self.assertTrue(login.active)
        self.assertEqual(login.login, "ann.smith@example.com")
        self.assertEqual(ann_b.sudo().minicrm_portal_user_id, login)

    def test_archived_customer_is_anonymised_and_the_chatter_says_so(self):
        self.customer_a.sudo(self.manager_a).write({"active": False})
        self.anonymise_as(self.manager_a, self.customer_a)
        self.assertTrue(self.customer_a.minicrm_anonymised)
        self.assertIn("Personal data erased", self.customer_a.message_ids[0].body)
