# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from werkzeug.urls import url_encode

from odoo.exceptions import AccessError
from odoo.tests.common import at_install, post_install
from odoo.tools import mute_logger

from .common import HardeningCase, HardeningHttpCase

SECRET_CODE = "# secret 7f3a\nrecords.write({})"


class TestRestrictedFields(HardeningCase):
    """A field declared with ``groups=`` is out of reach of the other users
    in searches, sort orders, read_group and exports, as it is in read().
    Core examples: a server action's Python code (Settings only) and an
    attachment's access token (employees only)."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.server_action = cls.env["ir.actions.server"].create({
            "name": "Hardening test action",
            "model_id": cls.env.ref("base.model_res_partner").id,
            "state": "code",
            "code": SECRET_CODE,
        })

    def test_employee_cannot_search_on_a_field_restricted_to_administrators(self):
        Actions = self.as_user(self.alice, "ir.actions.server")
        with self.assertRaises(AccessError):
            Actions.search([("code", "=like", "# secret 7%")])
        with self.assertRaises(AccessError):
            Actions.search_count([("code", "!=", False)])

    def test_employee_cannot_search_on_a_restricted_field_through_a_relation(self):
        Actions = self.as_user(self.alice, "ir.actions.server")
        with self.assertRaises(AccessError):
            Actions.search([("child_ids.code", "like", "secret")])

    def test_employee_cannot_sort_by_a_restricted_field(self):
        Actions = self.as_user(self.alice, "ir.actions.server")
        for order in ("code", "code desc", "name, code"):
            with self.assertRaises(AccessError, msg=order):
                Actions.search([("id", "=", self.server_action.id)], order=order)

    def test_employee_cannot_group_by_a_restricted_field(self):
        Actions = self.as_user(self.alice, "ir.actions.server")
        with self.assertRaises(AccessError):
            Actions.read_group([], ["code"], ["code"])
        with self.assertRaises(AccessError):
            Actions.read_group([], ["name"], ["name", "code"], lazy=False)

    def test_employee_cannot_export_a_restricted_field(self):
        action = self.as_user(self.alice, "ir.actions.server").browse(self.server_action.id)
        for fields in (["name", "code"], ["child_ids/code"]):
            action.invalidate_cache()
            with self.assertRaises(AccessError, msg=fields):
                action.export_data(fields)

    def test_portal_user_cannot_export_a_related_field_restricted_to_employees(self):
        """A related field is computed, not read: Odoo 11 exports it without
        checking its groups (here the staff's next activity on the contact)."""
        self.env["mail.activity"].create({
            "res_model_id": self.env.ref("base.model_res_partner").id,
            "res_id": self.paula.partner_id.id, "user_id": self.alice.id,
            "summary": "Chase unpaid invoice"})
        contact = self.as_user(self.paula, "res.partner").browse(self.paula.partner_id.id)
        contact.invalidate_cache()
        with self.assertRaises(AccessError):
            contact.export_data(["name", "activity_summary"])

    def test_employee_searches_sorts_groups_and_exports_ordinary_fields(self):
        Actions = self.as_user(self.alice, "ir.actions.server")
        found = Actions.search([("name", "=", "Hardening test action")], order="name, state")
        self.assertEqual(found, self.server_action)
        groups = Actions.read_group([("id", "=", found.id)], ["state"], ["state"])
        self.assertEqual(groups[0]["state"], "code")
        self.assertEqual(found.export_data(["name", "state"])["datas"],
                         [["Hardening test action", "Execute Python Code"]])

    def test_administrator_searches_sorts_and_exports_restricted_fields(self):
        Actions = self.as_user(self.sam, "ir.actions.server")
        found = Actions.search([("code", "=like", "# secret 7%")], order="code")
        self.assertEqual(found, self.server_action)
        self.assertIn("secret 7f3a", found.export_data(["code"])["datas"][0][0])

    def test_portal_user_cannot_search_attachments_by_access_token(self):
        Attachment = self.as_user(self.paula, "ir.attachment")
        with self.assertRaises(AccessError):
            Attachment.search([("access_token", "=like", "a%")])
        with self.assertRaises(AccessError):
            Attachment.search([], order="access_token")


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestRestrictedFieldsHttp(HardeningHttpCase):
    """The same refusals through the web client's routes."""

    def setup_http_fixtures(self, env):
        partner_model = env.ref("base.model_res_partner")
        type(self).action_id = env["ir.actions.server"].create({
            "name": "Hardening test action", "state": "code", "code": SECRET_CODE,
            "model_id": partner_model.id}).id
        env["mail.activity"].create({
            "res_model_id": partner_model.id, "res_id": self.paula.partner_id.id,
            "user_id": self.alice.id, "summary": "Chase unpaid invoice 7f3a"})

    def setUp(self):
        super(TestRestrictedFieldsHttp, self).setUp()
        self.login("hardening_alice")

    def test_employee_cannot_search_or_group_on_a_restricted_field_over_rpc(self):
        for method, args, kwargs in (
                ("search_read", [[("code", "like", "secret")]], {"fields": ["name"]}),
                ("search_read", [[]], {"fields": ["name"], "order": "code"}),
                ("read_group", [[], ["code"], ["code"]], {}),
                ("export_data", [[self.action_id], ["name", "code"]], {})):
            answer = self.call_kw("ir.actions.server", method, args, kwargs)
            self.assert_refused(answer, "odoo.exceptions.AccessError")
            self.assertNotIn("7f3a", json.dumps(answer))

    # The export route logs the refusal it answers at ERROR.
    @mute_logger("odoo.addons.web.controllers.main")
    def test_portal_user_cannot_export_the_staffs_activities_on_their_contact(self):
        """A related field with ``groups=`` is computed, not read: Odoo 11
        exports it without checking the groups."""
        self.login("hardening_paula")
        data = json.dumps({
            "model": "res.partner", "ids": [self.paula.partner_id.id], "domain": [],
            "import_compat": False, "fields": [{"name": "name", "label": "Name"}, {
                "name": "activity_summary", "label": "Next Activity Summary"}]})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        self.assertNotIn("7f3a", response.text)
        self.assertIn("AccessError", response.text)
