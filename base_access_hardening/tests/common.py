# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# HardeningFixtures is a mixin: `env` comes from the Odoo test case it is
# combined with, which pylint cannot see.
# pylint: disable=no-member
"""A restricted situation built with core means only.

Odoo 11 hides contacts of type "Private Address" from employees who are not
in "Access to Private Addresses" (core record rules of ``base``). Alice is
such an employee, Bob is one who reads private addresses, Sam administers
the database (Settings), Paula is a portal user. Pat is a portal user whose
contact is a private address: Alice and Paula cannot read it, Bob can.
Olivia is an ordinary contact every employee reads.
"""
import logging

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import security
from odoo.tests.common import PORT, HttpCase, SavepointCase, get_db_name

PASSWORD = "Hardening-test-1"
# No chatter noise while building fixtures.
QUIET_CONTEXT = {"no_reset_password": True, "mail_create_nolog": True,
                 "mail_create_nosubscribe": True, "tracking_disable": True}
EMPLOYEE = ("base.group_user", "base.group_partner_manager")
REFUSALS = ("odoo.exceptions.AccessError", "odoo.exceptions.UserError")


class ErrorRecorder(logging.Handler):
    """Records what is logged at ERROR: a refusal must never be one."""

    def __init__(self):
        super(ErrorRecorder, self).__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append("%s: %s" % (record.name, record.getMessage().splitlines()[0]))


class HardeningFixtures(object):

    @classmethod
    def setup_hardening_fixtures(cls, env):
        env = env(context=dict(env.context, **QUIET_CONTEXT))
        cls.alice = cls.create_user(env, "hardening_alice", "Alice Employee", EMPLOYEE)
        cls.bob = cls.create_user(env, "hardening_bob", "Bob Employee",
                                  EMPLOYEE + ("base.group_private_addresses",))
        cls.sam = cls.create_user(env, "hardening_sam", "Sam Settings",
                                  EMPLOYEE + ("base.group_system",))
        cls.paula = cls.create_user(env, "hardening_paula", "Paula Portal",
                                    ("base.group_portal",))
        cls.pat = cls.create_user(env, "hardening_pat", "Pat Private", ("base.group_portal",))
        cls.hidden_contact = cls.pat.partner_id
        cls.hidden_contact.write({"type": "private"})
        cls.contact = env["res.partner"].create({
            "name": "Olivia Ordinary", "email": "olivia.ordinary@example.com"})

    @classmethod
    def create_user(cls, env, login, name, groups):
        return env["res.users"].create({
            "name": name,
            "login": login,
            "email": "%s@example.com" % login,
            "password": PASSWORD,
            "groups_id": [(6, 0, [env.ref(group).id for group in groups])],
        })

    def watch_error_logs(self):
        """Fails the test if anything is logged at ERROR while it runs."""
        recorder = ErrorRecorder()
        logging.getLogger().addHandler(recorder)
        self.addCleanup(logging.getLogger().removeHandler, recorder)
        self.addCleanup(lambda: self.assertEqual(recorder.records, [],
                                                 "the server logged errors"))


class HardeningCase(HardeningFixtures, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(HardeningCase, cls).setUpClass()
        try:
            cls.setup_hardening_fixtures(cls.env)
            cls.setup_class_fixtures()
        except Exception:
            # Without this, the class's open transaction keeps its locks and
            # the next test class waits on them forever.
            cls.tearDownClass()
            raise

    @classmethod
    def setup_class_fixtures(cls):
        """Hook for a test class's own fixtures (same failure handling)."""

    def setUp(self):
        super(HardeningCase, self).setUp()
        self.watch_error_logs()

    def as_user(self, user, model):
        """``model`` as ``user``, with the user's own context."""
        return self.env[model].sudo(user).with_context(
            **self.env(user=user.id)["res.users"].context_get())


class HardeningHttpCase(HardeningFixtures, HttpCase):
    """HTTP tests on the same fixtures. Subclasses must run post-install.

    Odoo 11's HttpCase writes through a cursor that HTTP requests do not see.
    Fixtures and logins go through short-lived cursors on the requests'
    shared test transaction (rolled back when the test ends); keeping one
    open would block the requests.
    """

    def setUp(self):
        super(HardeningHttpCase, self).setUp()
        self.watch_error_logs()
        with self.registry.cursor() as cr:
            self.setup_hardening_fixtures(api.Environment(cr, SUPERUSER_ID, {}))
            self.setup_http_fixtures(api.Environment(cr, SUPERUSER_ID, {}))

    def setup_http_fixtures(self, env):
        """Hook for more fixtures, created with ``env`` on the requests' cursor."""

    def in_test_cursor(self, function):
        """Run ``function(env)`` as superuser on the requests' cursor."""
        with self.registry.cursor() as cr:
            return function(api.Environment(cr, SUPERUSER_ID, {}))

    def login(self, login):
        """HttpCase.authenticate, with the user looked up on the requests' cursor."""
        uid = self.registry["res.users"].authenticate(get_db_name(), login, PASSWORD, None)
        self.assertTrue(uid, "%s could not log in" % login)
        with self.registry.cursor() as cr:
            user_env = api.Environment(cr, uid, {})
            self.session.uid, self.session.login = uid, login
            self.session.session_token = security.compute_session_token(self.session, user_env)
            self.session.context = dict(user_env["res.users"].context_get(), uid=uid)
        odoo.http.root.session_store.save(self.session)

    def json_call(self, route, params):
        """A JSON-RPC request as the web client sends it, in the session."""
        response = self.opener.post("http://127.0.0.1:%s%s" % (PORT, route), json={
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": params}, timeout=60)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def call_kw(self, model, method, args, kwargs=None):
        return self.json_call("/web/dataset/call_kw/%s/%s" % (model, method), {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def assert_refused(self, answer, *exceptions):
        """A clean refusal: one of ``exceptions`` (an access or user error
        by default), never a server error."""
        self.assertIn("error", answer, answer)
        self.assertIn(answer["error"].get("data", {}).get("name"), exceptions or REFUSALS,
                      answer)

    def result(self, answer):
        self.assertNotIn("error", answer, answer)
        return answer["result"]
