# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from .common import HardeningHttpCase

USER_ERROR = "odoo.exceptions.UserError"


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestRpcInput(HardeningHttpCase):
    """Ids and values an RPC client sends that Odoo 11 would hand to
    PostgreSQL as they are (a "bad query" logged as ERROR, a server error)
    are refused at /web/dataset/call_kw with a UserError."""

    def setup_http_fixtures(self, env):
        type(self).category_id = env["res.partner.category"].create({"name": "Hardening"}).id
        type(self).model_id = env.ref("base.model_res_partner").id

    def setUp(self):
        super(TestRpcInput, self).setUp()
        self.login("hardening_alice")

    def test_read_with_a_non_numeric_id_is_a_user_error(self):
        for ids in (["abc"], "abc", [self.contact.id, "1"], [True], [None], [1.5]):
            self.assert_refused(self.call_kw("res.partner", "read", [ids, ["name"]]),
                                USER_ERROR)

    def test_write_and_unlink_with_a_non_numeric_id_are_user_errors(self):
        self.assert_refused(self.call_kw("res.partner", "write", [["abc"], {"phone": "1"}]),
                            USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "unlink", [["abc"]]), USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "message_post", [["abc"]],
                                         {"body": "hello"}), USER_ERROR)

    def test_search_with_a_non_numeric_id_is_a_user_error(self):
        self.assert_refused(self.call_kw("res.partner", "search_read",
                                         [[("id", "in", ["abc"])]], {"fields": ["name"]}),
                            USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "search_read",
                                         [[("name", "=like", "Olivia\\")]], {}), USER_ERROR)

    def test_partner_name_search_with_a_lone_trailing_backslash_is_a_user_error(self):
        # The partner's name_search writes its own SQL, past _where_calc.
        for operator in ("=ilike", "=like"):
            self.assert_refused(self.call_kw("res.partner", "name_search", [], {
                "name": "Olivia\\", "operator": operator}), USER_ERROR)
        answer = self.call_kw("res.partner", "name_search", [], {
            "name": "Olivia\\\\", "operator": "=ilike"})
        self.assertEqual(answer.get("result"), [], answer)

    def test_many2one_domains_with_ids_past_postgresql_integers_answer_cleanly(self):
        for value in (2 ** 31, 2 ** 40, 2 ** 63, 10 ** 30):
            answer = self.call_kw("res.partner", "search_read",
                                  [[("parent_id", "=", value)]], {"fields": ["name"]})
            if "error" in answer:
                self.assert_refused(answer, USER_ERROR)
            else:
                self.assertEqual(answer["result"], [])

    def test_create_with_a_non_numeric_many2one_is_a_user_error(self):
        self.assert_refused(self.call_kw("ir.filters", "create", [{
            "name": "x", "model_id": "res.partner", "domain": "[]", "user_id": "abc"}]),
            USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "create", [{
            "name": "x", "parent_id": "Olivia Ordinary"}]), USER_ERROR)

    def test_create_with_a_non_numeric_integer_is_a_user_error(self):
        self.assert_refused(self.call_kw("mail.activity", "create", [{
            "res_model_id": self.model_id, "res_id": "abc", "summary": "x"}]), USER_ERROR)

    def test_write_with_a_non_numeric_many2one_is_a_user_error(self):
        self.assert_refused(self.call_kw("res.partner", "write", [
            [self.contact.id], {"parent_id": "abc"}]), USER_ERROR)

    def test_malformed_many2many_commands_are_user_errors(self):
        for commands in ("abc", 7, [(6, 0, ["abc"])], [(4, "abc")], [(9, 1)], ["abc"],
                         [[]], [(6, 0, "abc")], [(3, None)]):
            self.assert_refused(self.call_kw("res.partner", "write", [
                [self.contact.id], {"category_id": commands}]), USER_ERROR)
            self.assert_refused(self.call_kw("res.partner", "create", [
                {"name": "x", "category_id": commands}]), USER_ERROR)

    def test_valid_ids_and_commands_are_accepted(self):
        rows = self.result(self.call_kw("res.partner", "read", [[self.contact.id], ["name"]]))
        self.assertEqual(rows[0]["name"], "Olivia Ordinary")
        self.assertTrue(self.result(self.call_kw("res.partner", "write", [
            [self.contact.id], {"category_id": [(6, 0, [self.category_id])], "parent_id": False,
                                "color": 3}])))
        new_id = self.result(self.call_kw("res.partner", "create", [{
            "name": "Rpc Created", "category_id": [(4, self.category_id)],
            "parent_id": self.contact.id, "child_ids": [(0, 0, {"name": "Rpc Child"})]}]))
        self.assertIsInstance(new_id, int)
        rows = self.result(self.call_kw("res.partner", "search_read", [
            [("id", "in", [new_id, False])]], {"fields": ["category_id", "child_ids"]}))
        self.assertEqual(rows[0]["category_id"], [self.category_id])
        self.assertEqual(len(rows[0]["child_ids"]), 1)


@at_install(False)
@post_install(True)
class TestRpcContextAndRenderers(HardeningHttpCase):
    """The concurrency stamps of a save (context key ``__last_update``) and
    the template renderers, as a client may send them."""

    def write_with_stamps(self, stamps):
        return self.call_kw("res.partner", "write", [[self.contact.id], {"phone": "1"}],
                            {"context": {"__last_update": stamps}})

    def test_malformed_last_update_stamps_are_user_errors(self):
        self.login("hardening_alice")
        ref = "res.partner,%d" % self.contact.id
        for stamps in ("garbage", [1, 2], 5, {ref: "garbage"}, {ref: 5}, {ref: [1]},
                       {ref: {"a": 1}}, {"res.partner": "2026-01-01 00:00:00"},
                       {ref: "2026-13-45 00:00:00"}):
            self.assert_refused(self.write_with_stamps(stamps), USER_ERROR)

    def test_well_formed_last_update_stamps_still_guard_the_save(self):
        self.login("hardening_alice")
        ref = "res.partner,%d" % self.contact.id
        self.result(self.write_with_stamps({ref: "2999-01-01 00:00:00.999999"}))
        stale = self.write_with_stamps({ref: "2000-01-01 00:00:00"})
        self.assert_refused(stale, "odoo.exceptions.ValidationError")

    def test_only_administrators_render_template_texts(self):
        text = "${object.sudo().env.user.login}"
        for login in ("hardening_alice", "hardening_paula"):
            self.login(login)
            for model in ("mail.template", "mail.compose.message"):
                self.assert_refused(self.call_kw(model, "render_template", [
                    text, "res.partner", [self.contact.id]]), "odoo.exceptions.AccessError")
        self.login("hardening_sam")
        rendered = self.result(self.call_kw("mail.template", "render_template", [
            "${object.name}", "res.partner", [self.contact.id]]))
        self.assertEqual(rendered[str(self.contact.id)], "Olivia Ordinary")
