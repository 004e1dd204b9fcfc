# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
""""Anonymise" and its wizard's "Anonymise" through the web client's
route: only the customer's agency manager gets through."""
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmAttackCase

WIZARD = "minicrm.anonymise.wizard"


@at_install(False)
@post_install(True)
class TestAnonymiseDoors(MinicrmAttackCase):

    def setup_http_fixtures(self):
        env = type(self).env
        self.manager_b = self.create_user(env, "manager_b", self.agency_b,
                                          group="minicrm_agency.group_agency_manager")

    def call_button(self, model, method, record_id):
        return self.json_call("/web/dataset/call_button", {
            "model": model, "method": method, "args": [[record_id]]})

    def wizard_of(self, customer_id):
        """A wizard made over RPC on ``customer_id`` by the logged-in user,
        as a client that skips the form's button would."""
        return self.call_kw(WIZARD, "create", [{"partner_ids": [(6, 0, [customer_id])]}])

    def assert_not_anonymised(self):
        customer = self.in_test_cursor(lambda env: env["res.partner"].browse(
            self.customer_a.id).read(["email", "minicrm_anonymised"])[0])
        self.assertEqual((customer["email"], customer["minicrm_anonymised"]),
                         ("ann.smith@example.com", False))

    def test_staff_and_other_agencys_manager_are_refused(self):
        for login in ("staff_a1", "manager_b", "staff_b1"):
            self.login(login, PASSWORD)
            with self.subTest(login=login, button="action_minicrm_anonymise"):
                self.assert_refused(self.call_button(
                    "res.partner", "action_minicrm_anonymise", self.customer_a.id),
                    "ann.smith", "Smith")
            answer = self.wizard_of(self.customer_a.id)
            if "error" in answer:
                continue
            with self.subTest(login=login, button="action_confirm"):
                self.assert_refused(self.call_button(WIZARD, "action_confirm",
                                                     self.result(answer)), "ann.smith", "Smith")
        self.assert_not_anonymised()

    def test_manager_anonymises_through_the_buttons(self):
        self.login("manager_a", PASSWORD)
        action = self.result(self.call_button(
            "res.partner", "action_minicrm_anonymise", self.customer_a.id))
        self.assertEqual((action["res_model"], action["target"]), (WIZARD, "new"))
        wizard_id = self.json_call("/web/dataset/call_kw", {
            "model": WIZARD, "method": "create", "args": [{}],
            "kwargs": {"context": action["context"]}})
        self.result(self.call_button(WIZARD, "action_confirm", self.result(wizard_id)))
        customer = self.result(self.call_kw("res.partner", "read", [
            [self.customer_a.id], ["name", "email", "booking_count", "minicrm_anonymised"]]))[0]
        self.assertTrue(customer["minicrm_anonymised"])
        self.assertFalse(customer["email"])
        self.assertNotIn("Smith", customer["name"])
        self.assertEqual(customer["booking_count"], 2)
