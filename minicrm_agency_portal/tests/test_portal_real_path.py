# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers' portal logins and invitations, on the paths the web client
takes: with the context of the menu's action and of the form's fields, as
the staff user. The customers themselves are tested on the same paths in
minicrm_agency's test_real_path."""
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BOOKINGS_ACTION, CUSTOMERS_ACTION, REQUESTS_ACTION, MinicrmCase)

BOOKING_FORM = "minicrm_agency.view_minicrm_booking_form"
INVITATION_SUBJECT = "Your bookings online"


@at_install(False)
@post_install(True)
class TestPortalRealPath(MinicrmCase):

    @classmethod
    def setup_class_fixtures(cls):
        env = cls.env
        # Created by an administrator with a login and nothing else.
        cls.staff_no_email = env["res.users"].with_context(no_reset_password=True).create({
            "name": "No Email", "login": "no_email_staff",
            "minicrm_agency_id": cls.agency_a.id,
            "groups_id": [(6, 0, [env.ref("minicrm_agency.group_agency_user").id])]})

    def mails_to(self, email):
        return self.env["mail.mail"].search([("email_to", "=", email)])

    def assert_customer_with_login(self, customer, agency, email):
        self.assertEqual((customer.customer_state, customer.minicrm_agency_id, customer.email),
                         ("end", agency, email))
        login = customer.sudo().minicrm_portal_user_id
        self.assertEqual(login.login, email)
        self.assertFalse(login.partner_id.customer_state, "the login's contact is no customer")
        self.assertFalse(login.partner_id.minicrm_agency_id)

    def test_customers_menu_create_with_email(self):
        context = self.screen_context(self.staff_a1, CUSTOMERS_ACTION)
        self.assertEqual(context.get("default_customer_state"), "end")
        customer = self.create_customer(self.staff_a1, "Nina", "Menu", "Nina.Menu@Example.com",
                                        context=context)
        self.assert_customer_with_login(customer, self.agency_a, "nina.menu@example.com")
        self.assertEqual(len(self.mails_to("nina.menu@example.com")), 1)

    def test_create_customer_button_on_request_user_with_email(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Request", "rita@example.com",
                                        customer_state="request")
        form = customer.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.action_make_end_user()
        self.assert_customer_with_login(customer, self.agency_a, "rita@example.com")

    def test_create_and_edit_from_a_booking_customer_field(self):
        context = self.screen_context(self.staff_a1, BOOKINGS_ACTION, BOOKING_FORM,
                                      "customer_id", {"kind": "booking"})
        self.assertEqual(context.get("default_kind"), "booking")
        customer = self.create_customer(self.staff_a1, "Bea", "Booking", "bea@example.com",
                                        context=context)
        self.assert_customer_with_login(customer, self.agency_a, "bea@example.com")

    def test_create_and_edit_from_a_request_customer_field_makes_a_request_user(self):
        context = self.screen_context(self.staff_a1, REQUESTS_ACTION, BOOKING_FORM,
                                      "customer_id", {"kind": "request"})
        customer = self.create_customer(self.staff_a1, "Rey", "Request", "rey@example.com",
                                        context=context)
        self.assertEqual((customer.customer_state, customer.minicrm_agency_id),
                         ("request", self.agency_a))
        self.assertFalse(customer.minicrm_has_portal_login)

    def test_change_email_in_the_form(self):
        form = self.customer_a.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.write({"email": "Ann.New@Example.com"})
        self.assert_customer_with_login(self.customer_a, self.agency_a, "ann.new@example.com")

    def test_grant_portal_access_button(self):
        customer = self.create_customer(self.staff_a1, "Gus", "Grant", False)
        form = customer.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.write({"email": "gus@example.com"})
        form.action_minicrm_revoke_portal()
        self.assertFalse(customer.sudo().minicrm_portal_user_id)
        form.action_minicrm_grant_portal()
        self.assert_customer_with_login(customer, self.agency_a, "gus@example.com")

    def test_staff_without_email_creates_customer_with_email(self):
        customer = self.create_customer(self.staff_no_email, "Ed", "Noemail", "ed@example.com")
        self.assert_customer_with_login(customer, self.agency_a, "ed@example.com")
        customer.sudo(self.staff_no_email).action_minicrm_reset_password()
        self.assertEqual(len(self.mails_to("ed@example.com")), 2)

    def test_invitation_comes_from_the_agency_and_names_no_staff(self):
        self.agency_a.email = "desk@agency-a.example"
        customer = self.create_customer(self.staff_a1, "Ivy", "Invite", "ivy@example.com")
        mail = self.mails_to("ivy@example.com")
        self.assertIn(INVITATION_SUBJECT, mail.subject)
        self.assertEqual(mail.email_from, 'Test Agency A <desk@agency-a.example>')
        self.assertFalse(mail.author_id)
        self.assertNotIn(self.staff_a1.email, mail.email_from + (mail.reply_to or ""))
        self.assertTrue(customer.sudo().minicrm_portal_user_id)

    def test_customer_names_read_first_last_whatever_the_database_order(self):
        self.assertFalse(self.env["ir.config_parameter"].get_param("partner_names_order"),
                         "installing the addon changes no database-wide setting")
        self.env["ir.config_parameter"].set_param("partner_names_order", "last_first")
        customer = self.create_customer(self.staff_a1, "Claire", "Martin", "cm@example.com")
        self.assertEqual(customer.name, "Claire Martin")
        self.assertEqual(customer.sudo().minicrm_portal_user_id.name, "Claire Martin")
        contact = self.env["res.partner"].create({"firstname": "Claire", "lastname": "Martin"})
        self.assertEqual(contact.name, "Martin Claire")
