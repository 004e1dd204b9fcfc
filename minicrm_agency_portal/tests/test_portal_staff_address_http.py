# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    CUSTOMERS_ACTION, PASSWORD, MinicrmAttackCase)

FORM_FIELDS = ["customer_state", "minicrm_has_portal_login", "minicrm_portal_warning"]


@at_install(False)
@post_install(True)
class TestPortalStaffAddressHttp(MinicrmAttackCase):
    """Agency A's staff, over JSON-RPC as the web client, give a customer
    the email of agency B's staff member, and another customer an address
    nobody uses: every answer is the same, so the form tells nothing about
    which addresses are staff logins; and no login or token is made for
    the staff account. No ERROR may be logged (MinicrmAttackCase)."""

    def customer_with(self, email, context):
        answer = self.call_kw("res.partner", "create", [{
            "firstname": "Sam", "lastname": email.split("@")[0], "email": email}],
            {"context": context})
        customer_id = self.result(answer)
        answers = [self.result(self.call_kw("res.partner", "read", [[customer_id], FORM_FIELDS],
                                            {"context": context}))[0]]
        for button in ("action_minicrm_grant_portal", "action_minicrm_reset_password"):
            # As the web client calls a form's button: the context last.
            answers.append(self.json_call("/web/dataset/call_button", {
                "model": "res.partner", "method": button, "args": [[customer_id], context]}))
        for answer in answers[:1]:
            answer.pop("id")
        return customer_id, answers

    def test_a_staff_login_as_customer_email_answers_like_any_address(self):
        staff_email = "staff_b1@agency.example"
        context = self.screen_context(self.staff_a1, CUSTOMERS_ACTION)
        self.login("staff_a1", PASSWORD)
        staff_customer, staff_answers = self.customer_with(staff_email, context)
        other_customer, other_answers = self.customer_with("nobody.yet@example.com", context)
        self.assertEqual(staff_answers, other_answers)
        self.assertTrue(staff_answers[0]["minicrm_has_portal_login"])
        self.assertNotIn("staff", json.dumps(staff_answers))

        def check(env):
            customer = env["res.partner"].browse(staff_customer)
            self.assertFalse(customer.minicrm_portal_user_id)
            staff = env["res.users"].browse(self.staff_b1.id)
            self.assertFalse(staff.share)
            self.assertFalse(staff.partner_id.signup_token)
            # No portal login was made with the staff member's address.
            self.assertFalse(env["res.users"].with_context(active_test=False).search_count(
                [("login", "=", staff_email)]))
            self.assertTrue(env["res.partner"].browse(other_customer).minicrm_portal_user_id)
        self.in_test_cursor(check)
