# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Values an RPC client sends that no screen sends: record id 0, ids past
PostgreSQL's integers, a limit that is not a number, a model name with a
NUL. Each is a clean refusal over JSON-RPC, and the server logs no ERROR
(MinicrmAttackCase records every ERROR line)."""
from odoo.tests.common import at_install, post_install

from .common import PASSWORD, MinicrmAttackCase

HUGE_IDS = (2 ** 31, 2 ** 63, -2 ** 31 - 1)


@at_install(False)
@post_install(True)
class TestRpcBadValues(MinicrmAttackCase):

    def setUp(self):
        super(TestRpcBadValues, self).setUp()
        self.login("staff_a1", PASSWORD)

    def test_record_id_zero_or_past_postgresql_integers_is_refused(self):
        for record_id in (0,) + HUGE_IDS:
            for method, args in (("action_confirm", [[record_id]]),
                                 ("read", [[record_id], ["name"]]),
                                 ("write", [[record_id], {"notes": "x"}])):
                with self.subTest(method=method, record_id=record_id):
                    self.assert_refused(self.call_kw("minicrm.booking", method, args))
            with self.subTest(route="call_button", record_id=record_id):
                self.assert_refused(self.json_call("/web/dataset/call_button", {
                    "model": "minicrm.booking", "method": "action_confirm",
                    "args": [[record_id]]}))

    def test_domain_ids_past_postgresql_integers_are_refused(self):
        for record_id in HUGE_IDS:
            with self.subTest(record_id=record_id):
                self.assert_refused(self.call_kw("minicrm.booking", "search_read", [
                    [("id", "=", record_id)]], {"fields": ["name"]}))
                self.assert_refused(self.json_call("/web/dataset/search_read", {
                    "model": "minicrm.booking", "fields": ["name"],
                    "domain": [("id", "in", [1, record_id])]}))

    def test_limit_or_offset_that_is_not_a_number_is_refused(self):
        for kwargs in ({"limit": "abc"}, {"offset": "abc"}, {"limit": [1]}):
            with self.subTest(**kwargs):
                self.assert_refused(self.call_kw("res.partner", "search_read", [[]],
                                                 dict(kwargs, fields=["name"])))
                self.assert_refused(self.json_call("/web/dataset/search_read", dict(
                    kwargs, model="res.partner", fields=["name"], domain=[])))

    def test_model_name_with_a_nul_is_refused(self):
        for model in ("res.partner\x00", "minicrm.booking\x00x", "no.such.model"):
            with self.subTest(model=model):
                self.assert_refused(self.call_kw(model, "search_read", [[]]))
                self.assert_refused(self.json_call("/web/dataset/search_read", {
                    "model": model, "fields": ["name"], "domain": []}))
                self.assert_refused(self.json_call("/web/dataset/call_button", {
                    "model": model, "method": "action_confirm", "args": [[1]]}))
