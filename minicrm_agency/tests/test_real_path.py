# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customers created and changed the way the web client does it: with the
context of the menu's action and of the form's fields, as the staff user.
What the portal addon adds on these paths (logins, invitations) is tested in
minicrm_agency_portal's test_portal_real_path."""
from odoo.tests.common import at_install, post_install

from .common import BOOKINGS_ACTION, CUSTOMERS_ACTION, REQUESTS_ACTION, MinicrmCase

BOOKING_FORM = "minicrm_agency.view_minicrm_booking_form"


@at_install(False)
@post_install(True)
class TestRealPath(MinicrmCase):

    @classmethod
    def setup_class_fixtures(cls):
        env = cls.env
        # Created by an administrator with a login and nothing else.
        cls.staff_no_email = env["res.users"].with_context(no_reset_password=True).create({
            "name": "No Email", "login": "no_email_staff",
            "minicrm_agency_id": cls.agency_a.id,
            "groups_id": [(6, 0, [env.ref("minicrm_agency.group_agency_user").id])]})

    def assert_customer(self, customer, agency, email):
        self.assertEqual((customer.customer_state, customer.minicrm_agency_id, customer.email),
                         ("end", agency, email))

    def test_customers_menu_create_with_email(self):
        context = self.screen_context(self.staff_a1, CUSTOMERS_ACTION)
        self.assertEqual(context.get("default_customer_state"), "end")
        customer = self.create_customer(self.staff_a1, "Nina", "Menu", "Nina.Menu@Example.com",
                                        context=context)
        self.assert_customer(customer, self.agency_a, "nina.menu@example.com")

    def test_create_customer_button_on_request_user_with_email(self):
        customer = self.create_customer(self.staff_a1, "Rita", "Request", "rita@example.com",
                                        customer_state="request")
        form = customer.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.action_make_end_user()
        self.assert_customer(customer, self.agency_a, "rita@example.com")

    def test_create_and_edit_from_a_booking_customer_field(self):
        context = self.screen_context(self.staff_a1, BOOKINGS_ACTION, BOOKING_FORM,
                                      "customer_id", {"kind": "booking"})
        self.assertEqual(context.get("default_kind"), "booking")
        customer = self.create_customer(self.staff_a1, "Bea", "Booking", "bea@example.com",
                                        context=context)
        self.assert_customer(customer, self.agency_a, "bea@example.com")

    def test_create_and_edit_from_a_request_customer_field_makes_a_request_user(self):
        context = self.screen_context(self.staff_a1, REQUESTS_ACTION, BOOKING_FORM,
                                      "customer_id", {"kind": "request"})
        customer = self.create_customer(self.staff_a1, "Rey", "Request", "rey@example.com",
                                        context=context)
        self.assertEqual((customer.customer_state, customer.minicrm_agency_id),
                         ("request", self.agency_a))

    def test_change_email_in_the_form(self):
        form = self.customer_a.sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, CUSTOMERS_ACTION))
        form.write({"email": "Ann.New@Example.com"})
        self.assert_customer(self.customer_a, self.agency_a, "ann.new@example.com")

    def test_staff_without_email_creates_customer_with_email(self):
        customer = self.create_customer(self.staff_no_email, "Ed", "Noemail", "ed@example.com")
        self.assert_customer(customer, self.agency_a, "ed@example.com")

    def test_mails_to_a_customer_of_two_agencies_come_from_the_company(self):
        self.agency_a.email = "desk@agency-a.example"
        in_b = self.create_customer(self.staff_b1, "Ann", "Smith", "ann.smith@example.com")
        # The person's one login, shared by both customer records.
        user = self.link_portal_login(self.customer_a)
        self.assertEqual(self.link_portal_login(in_b), user)
        company = user.company_id
        self.assertEqual(user._minicrm_mail_sender()[0], company.name)

    def test_other_partners_keep_their_email_as_typed(self):
        partner = self.env["res.partner"].sudo(self.staff_a1).create(
            {"name": "Supplier", "email": "Sales@Supplier.Example"})
        self.assertEqual(partner.email, "Sales@Supplier.Example")
        partner.write({"email": "Info@Supplier.Example"})
        self.assertEqual(partner.email, "Info@Supplier.Example")

    def test_customer_names_read_first_last_whatever_the_database_order(self):
        self.assertFalse(self.env["ir.config_parameter"].get_param("partner_names_order"),
                         "installing the addon changes no database-wide setting")
        self.env["ir.config_parameter"].set_param("partner_names_order", "last_first")
        customer = self.create_customer(self.staff_a1, "Claire", "Martin", "cm@example.com")
        self.assertEqual(customer.name, "Claire Martin")
        contact = self.env["res.partner"].create({"firstname": "Claire", "lastname": "Martin"})
        self.assertEqual(contact.name, "Martin Claire")

    def test_customer_name_order_setting_renames_customers(self):
        def saved_name():
            # What the next request reads: the database (this test's
            # environments keep their own caches).
            self.env.cr.execute("SELECT name, display_name FROM res_partner WHERE id = %s",
                                [self.customer_a.id])
            return self.env.cr.fetchone()
        for order, expected in (("last_first_comma", "Smith, Ann"), ("first_last", "Ann Smith")):
            self.env["res.config.settings"].create(
                {"minicrm_customer_names_order": order}).execute()
            self.assertEqual(saved_name(), (expected, expected))
        contact = self.env["res.partner"].create({"firstname": "Ann", "lastname": "Smith"})
        self.assertEqual(contact.name, "Smith Ann", "other contacts keep the database's order")

    def test_message_recipient_opens_its_attachment(self):
        attachment = self.env["ir.attachment"].sudo(self.staff_b1).create(
            {"name": "plan.txt", "datas": "cGxhbg==", "datas_fname": "plan.txt"})
        message = self.env["mail.message"].create({
            "body": "See attached", "attachment_ids": [(4, attachment.id)],
            "partner_ids": [(4, self.staff_a1.partner_id.id)]})
        message.sudo(self.staff_a1).read(["body"])
        attachment.sudo(self.staff_a1).read(["name", "datas"])
        other = self.env["ir.attachment"].sudo(self.staff_b1).create(
            {"name": "other.txt", "datas": "cGxhbg==", "datas_fname": "other.txt"})
        with self.assertRaises(Exception):
            other.sudo(self.staff_a1).read(["name"])
