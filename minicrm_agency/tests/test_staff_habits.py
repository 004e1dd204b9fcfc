# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .common import BOOKINGS_ACTION, CUSTOMERS_ACTION, PASSWORD, MinicrmCase


class TestStaffHabits(MinicrmCase):
    """What Odoo users expect: a home action, activities, the calendar and
    kanban views, a sensible "Email To" subject."""

    def new_user(self, login, groups):
        # As an administrator in Settings › Users.
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login.title(), "login": login, "password": PASSWORD,
            "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])]})

    def test_staff_land_on_the_customer_list(self):
        home = self.env.ref(CUSTOMERS_ACTION)
        self.assertEqual(self.staff_a1.action_id.id, home.id)
        self.assertEqual(self.manager_a.action_id.id, home.id)

    def test_other_users_keep_their_home_action(self):
        employee = self.new_user("employee", ["base.group_user"])
        self.assertFalse(employee.action_id)
        chosen = self.env.ref("base.action_res_users")
        employee.write({"action_id": chosen.id})
        # Made staff later: the home action they had is kept.
        employee.write({"groups_id": [(4, self.env.ref("minicrm_agency.group_agency_user").id)]})
        self.assertEqual(employee.action_id.id, chosen.id)

    def test_user_made_staff_later_gets_the_customer_list(self):
        employee = self.new_user("later", ["base.group_user"])
        employee.write({"groups_id": [(4, self.env.ref("minicrm_agency.group_agency_user").id)]})
        self.assertEqual(employee.action_id.id, self.env.ref(CUSTOMERS_ACTION).id)

    def test_staff_plan_activities_on_customers_and_bookings(self):
        for record in (self.customer_a, self.booking_a):
            own = self.as_user(self.staff_a1, record._name).browse(record.id)
            activity = self.env["mail.activity"].sudo(self.staff_a1).create({
                "res_model_id": self.env["ir.model"]._get(record._name).id,
                "res_id": record.id, "summary": "Call back",
                "activity_type_id": self.env.ref("mail.mail_activity_data_call").id,
                "user_id": self.staff_a1.id})
            self.assertEqual(own.activity_ids, activity)
            self.assertIn(own, own.search([("activity_user_id", "=", self.staff_a1.id)]))

    def test_actions_offer_calendar_and_kanban(self):
        self.assertIn("calendar", self.env.ref(BOOKINGS_ACTION).view_mode.split(","))
        self.assertIn("kanban", self.env.ref(CUSTOMERS_ACTION).view_mode.split(","))
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        calendar = Booking.fields_view_get(view_type="calendar")
        self.assertIn('date_start="pickup_datetime"', calendar["arch"])
        Partner = self.as_user(self.staff_a1, "res.partner")
        kanban = Partner.load_views([(self.env.ref(
            "minicrm_agency.view_minicrm_customer_kanban").id, "kanban")])
        self.assertIn("activity_ids", kanban["fields_views"]["kanban"]["fields"])

    def test_email_to_subject_names_the_agency(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        action = customer.action_minicrm_email_to()
        composer = self.env["mail.compose.message"].sudo(self.staff_a1).with_context(
            **action["context"])
        values = composer.default_get(["subject", "model", "res_id", "partner_ids"])
        self.assertEqual(values["subject"], "Your bookings with Test Agency A")
