# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every ``type="object"`` button of the Mini-CRM's views, called through
the web client's route on a record the user may not read (another
agency's, or one that does not exist), is refused: the buttons are read
from the views in the database, not listed by hand."""
from lxml import etree

from odoo.tests.common import at_install, post_install

from .common import PASSWORD, MinicrmAttackCase

PRODUCT_MODULES = ("minicrm_agency", "minicrm_agency_portal", "minicrm_agency_account")


@at_install(False)
@post_install(True)
class TestObjectButtons(MinicrmAttackCase):

    def product_buttons(self, env):
        """(model, method) of every type="object" button of the product's views."""
        view_ids = env["ir.model.data"].search([
            ("model", "=", "ir.ui.view"), ("module", "in", PRODUCT_MODULES)]).mapped("res_id")
        buttons = set()
        for view in env["ir.ui.view"].browse(view_ids):
            for node in etree.fromstring(view.arch_db.encode()).xpath(
                    "//button[@type='object']"):
                buttons.add((view.model, node.get("name")))
        return sorted(buttons)

    def unreadable_ids(self, env, model):
        """A record of ``model`` staff_a1 may not read, if any, and an id
        that does not exist."""
        readable = env[model].sudo(self.staff_a1).with_context(active_test=False).search([]).ids
        Model = env[model].with_context(active_test=False)
        foreign = Model.search([("id", "not in", readable)], limit=1).ids
        missing = (Model.search([], order="id desc", limit=1).id or 0) + 1000
        return foreign + [missing]

    def test_object_buttons_refuse_records_the_user_cannot_read(self):
        buttons = self.in_test_cursor(lambda env: [
            (model, method, self.unreadable_ids(env, model))
            for model, method in self.product_buttons(env)])
        self.assertIn(("res.partner", "action_minicrm_open_bookings"),
                      [(model, method) for model, method, _ids in buttons])
        self.login("staff_a1", PASSWORD)
        for model, method, ids in buttons:
            for record_id in ids:
                answer = self.json_call("/web/dataset/call_button", {
                    "model": model, "method": method, "args": [[record_id]]})
                with self.subTest(model=model, method=method, record_id=record_id):
                    self.assert_refused(answer)

    def test_object_buttons_answer_on_the_users_own_records(self):
        self.login("staff_a1", PASSWORD)
        answer = self.json_call("/web/dataset/call_button", {
            "model": "res.partner", "method": "action_minicrm_open_bookings",
            "args": [[self.customer_a.id]]})
        self.assertEqual(self.result(answer)["res_model"], "minicrm.booking")
