# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Input no route can use, refused at the door for every route of any
database (core routes here): Odoo 11 answered each with a server error
and an ERROR traceback. The server log must stay free of ERROR lines
(HardeningHttpCase)."""
from odoo.tests.common import PORT, at_install, post_install

from .common import HardeningHttpCase

USER_ERROR = "odoo.exceptions.UserError"
BASE = "http://127.0.0.1:%s" % PORT


@at_install(False)
@post_install(True)
class TestRequestInput(HardeningHttpCase):

    def setUp(self):
        super(TestRequestInput, self).setUp()
        self.login("hardening_alice")

    def get(self, path, **params):
        return self.opener.get(BASE + path, params=params, timeout=60, allow_redirects=False)

    def test_a_nul_in_a_path_or_a_parameter_is_a_bad_request(self):
        self.assertEqual(self.get("/web/login", redirect="/web\x00").status_code, 400)
        self.assertEqual(self.get("/web/image/res.partner/1/image%00").status_code, 400)
        # A path no route knows: not looked up as an attachment with a NUL.
        self.assertIn(self.get("/no-such-page/%00").status_code, (400, 404))

    def test_a_nul_or_a_lone_surrogate_over_json_rpc_is_a_user_error(self):
        for name in ("Olivia\x00", "\ud800"):
            self.assert_refused(self.call_kw("res.partner", "search_read",
                                             [[("name", "=", name)]], {}), USER_ERROR)

    def test_route_ids_past_postgresql_integers_match_no_route(self):
        for record_id in (2 ** 31, 2 ** 63, 10 ** 30):
            self.assertEqual(self.get("/web/image/res.partner/%s/image" % record_id).status_code,
                             404)

    def test_arguments_that_do_not_fit_the_method_are_user_errors(self):
        self.assert_refused(self.call_kw("res.partner", "read_group", [[]]), USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "read", []), USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "no_such_method", [[]]), USER_ERROR)
        self.assert_refused(self.call_kw("res.partner", "name_search", [], {"nmae": "x"}),
                            USER_ERROR)
        answer = self.call_kw("res.partner", "name_search", [], {"name": "Olivia"})
        self.assertNotIn("error", answer, answer)

    def test_wrong_types_for_discuss_searches_are_user_errors(self):
        self.assert_refused(self.call_kw("res.partner", "im_search", [["Olivia"]]), USER_ERROR)
        self.assert_refused(self.call_kw("mail.channel", "channel_fetch_listeners", [[1]]),
                            USER_ERROR)

    def test_a_view_id_that_is_not_one_is_a_user_error(self):
        # Odoo 11 looped for ever on [0], holding the worker.
        for view_id in ([0], "abc", [1, 2]):
            self.assert_refused(self.call_kw("res.partner", "fields_view_get", [],
                                             {"view_id": view_id}), USER_ERROR)
        answer = self.call_kw("res.partner", "fields_view_get", [], {"view_type": "tree"})
        self.assertNotIn("error", answer, answer)
