# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# MinicrmFixtures is a mixin: `env` comes from the Odoo test case it is
# combined with, which pylint cannot see.
# pylint: disable=no-member
import datetime
import json
import logging
import os
import random
import subprocess
import threading
import time

from lxml import etree
from psycopg2 import OperationalError

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service import security
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests.common import PORT, HttpCase, SavepointCase, get_db_name
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

# Records what is logged at ERROR while a test runs (a refusal never is).
from odoo.addons.base_access_hardening.tests.common import ErrorRecorder  # noqa: F401

PASSWORD = "Test-password-1"
# Set by scripts/test.sh: the tools venv's Python (with Playwright, driving
# Debian's Chromium) and where to keep screenshots.
BROWSER_PYTHON = os.environ.get("MINICRM_BROWSER_PYTHON")
SCREENSHOT_DIR = os.environ.get("MINICRM_SCREENSHOT_DIR", "/tmp")
# The browser tours live in the repository's scripts/ folder.
SCRIPTS_DIR = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "scripts")
# New bookings must not be in the past: fixtures book next year.
NEXT_YEAR = datetime.date.today().year + 1
PICKUP = "%d-06-01 09:00:00" % NEXT_YEAR
CUSTOMERS_ACTION = "minicrm_agency.action_minicrm_customer"
BOOKINGS_ACTION = "minicrm_agency.action_minicrm_booking"
REQUESTS_ACTION = "minicrm_agency.action_minicrm_request"
# No invitation mails or chatter noise while building fixtures, and with the
# invoices addon, agencies' companies without a chart of accounts (seconds
# each): tests that invoice load one (minicrm_agency_account/tests/common.py).
QUIET_CONTEXT = {"no_reset_password": True, "mail_create_nolog": True,
                 "mail_create_nosubscribe": True, "tracking_disable": True,
                 "minicrm_agency_without_chart": True}
# ConcurrentConfirmations: the customer, and its bookings confirmed at once.
CONCURRENT_EMAIL = "concurrent.customer@example.com"
CONCURRENT_BOOKINGS = 10
MAX_ATTEMPTS = 12
# Exceptions a refused JSON-RPC call may answer with (MinicrmAttackCase).
REFUSALS = (
    "odoo.exceptions.AccessError", "odoo.exceptions.UserError",
    "odoo.exceptions.ValidationError", "odoo.exceptions.MissingError",
    "werkzeug.exceptions.NotFound", "werkzeug.exceptions.Forbidden")


class MinicrmFixtures(object):
    """Two agencies, three rental companies, staff of both agencies (one
    limited to one company), a manager, an operator admin, and customers with
    bookings in each agency. Records are created as the real staff users."""

    @classmethod
    def setup_minicrm_fixtures(cls):
        env = cls.env(context=dict(cls.env.context, **QUIET_CONTEXT))
        Company = env["minicrm.rental.company"]
        cls.company_1 = Company.create({"name": "Test Riviera"})
        cls.company_2 = Company.create({"name": "Test CityLink"})
        cls.company_3 = Company.create({"name": "Test Alpine"})
        Agency = env["minicrm.agency"]
        cls.agency_a = Agency.create({
            "name": "Test Agency A", "country_id": env.ref("base.fr").id,
            "rental_company_ids": [(6, 0, (cls.company_1 | cls.company_2).ids)]})
        cls.agency_b = Agency.create({
            "name": "Test Agency B",
            "rental_company_ids": [(6, 0, (cls.company_1 | cls.company_3).ids)]})

        cls.staff_a1 = cls.create_user(env, "staff_a1", cls.agency_a)
        cls.staff_a2 = cls.create_user(env, "staff_a2", cls.agency_a, companies=cls.company_1)
        cls.staff_b1 = cls.create_user(env, "staff_b1", cls.agency_b)
        cls.staff_b2 = cls.create_user(env, "staff_b2", cls.agency_b)
        cls.manager_a = cls.create_user(env, "manager_a", cls.agency_a,
                                        group="minicrm_agency.group_agency_manager")
        cls.operator = cls.create_user(env, "operator", None,
                                       group="minicrm_agency.group_minicrm_admin")

        cls.customer_a = cls.create_customer(cls.staff_a1, "Ann", "Smith", "ann.smith@example.com",
                                             phone="+33 6 12 34 56 78", mobile="07 11 22 33 44")
        cls.customer_b = cls.create_customer(cls.staff_b1, "Bob", "Brown", "bob.brown@example.com",
                                             phone="+44 20 7946 0999")
        cls.booking_a = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_1,
                                           state="confirmed")
        cls.booking_a_company_2 = cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_2)
        cls.booking_b = cls.create_booking(cls.staff_b1, cls.customer_b, cls.company_1,
                                           state="confirmed")

    @classmethod
    def create_user(cls, env, login, agency, companies=None,
                    group="minicrm_agency.group_agency_user"):
        return env["res.users"].create({
            "name": login.replace("_", " ").title(),
            "login": login,
            "email": "%s@agency.example" % login,
            "password": PASSWORD,
            "minicrm_agency_id": agency.id if agency else False,
            "minicrm_rental_company_ids": [(6, 0, companies.ids if companies else [])],
            "groups_id": [(6, 0, [env.ref(group).id])],
        })

    @classmethod
    def screen_context(cls, user, action_xmlid, view_xmlid=None, field=None, record=None):
        """The context the web client sends for ``user`` in the window of
        ``action_xmlid``: the user's own context, the action's, and, for a
        record created from a field of a view ("Create and Edit..."), that
        field's context evaluated on ``record`` (a dict of the form's values)."""
        env = cls.env(user=user.id)
        context = dict(env["res.users"].context_get())
        evaluation = dict(context, uid=user.id, user=user, context=context,
                          context_today=datetime.date.today)
        context.update(safe_eval(env.ref(action_xmlid).context or "{}", evaluation))
        if field:
            arch = etree.fromstring(env.ref(view_xmlid).arch)
            node = arch.xpath("//field[@name='%s']" % field)[0]
            context.update(safe_eval(node.get("context") or "{}", dict(evaluation, **record)))
        return context

    @classmethod
    def create_customer(cls, user, firstname, lastname, email, context=None, **values):
        """As ``user`` from Mini-CRM › Customers › Create (or ``context``)."""
        values.update(firstname=firstname, lastname=lastname, email=email)
        context = context or cls.screen_context(user, CUSTOMERS_ACTION)
        return cls.env["res.partner"].sudo(user).with_context(**context).create(values)

    @classmethod
    def create_booking(cls, user, customer, company, kind="booking", state="draft", **values):
        """As ``user`` from Mini-CRM › Bookings (or Requests) › Create."""
        values.update(
            kind=kind, customer_id=customer.id, rental_company_id=company.id,
            pickup_datetime=values.get("pickup_datetime", PICKUP),
            pickup_location=values.get("pickup_location", "Nice Airport"),
            dropoff_location=values.get("dropoff_location", "Monaco"))
        context = cls.screen_context(user, BOOKINGS_ACTION if kind == "booking" else
                                     REQUESTS_ACTION)
        booking = cls.env["minicrm.booking"].sudo(user).with_context(**context).create(values)
        if state == "confirmed":
            booking.action_confirm()
        return booking

    @classmethod
    def move_to_past(cls, booking, days=30, user=None):
        """As staff correcting a trip's pickup time to ``days`` ago, from the
        Bookings screen (a new booking is for a trip to come)."""
        user = user or cls.staff_a1
        pickup = datetime.datetime.utcnow().replace(microsecond=0) - datetime.timedelta(days=days)
        booking.sudo(user).with_context(**cls.screen_context(user, BOOKINGS_ACTION)).write(
            {"pickup_datetime": str(pickup)})
        return booking

    @classmethod
    def link_portal_login(cls, customer, password=None):
        """``customer``'s portal login, with ``password`` if given.

        With minicrm_agency_portal installed, the login that addon made.
        Without it, one made here as that addon makes it (a portal user whose
        login is the email, behind a login contact, shared by the person's
        customer records) and linked as superuser: the Mini-CRM's own rules
        for portal users are then tested on the same kind of records.
        Created on ``customer``'s cursor, so HTTP tests can pass a record of
        the requests' cursor.
        """
        env = api.Environment(customer.env.cr, SUPERUSER_ID, QUIET_CONTEXT)
        customer = customer.with_env(env)
        login = customer.minicrm_portal_user_id
        if not login:
            Users = env["res.users"].with_context(active_test=False)
            login = Users.search([("login", "=", customer.email)], limit=1)
            if not login:
                contact = env["res.partner"].with_context(minicrm_customer_names=True).create({
                    "firstname": customer.firstname, "lastname": customer.lastname,
                    "email": customer.email, "minicrm_login_partner": True})
                login = Users.create({
                    "login": customer.email, "partner_id": contact.id,
                    "groups_id": [(6, 0, env.ref("base.group_portal").ids)]})
            customer.write({"minicrm_portal_user_id": login.id})
        if password:
            login.write({"password": password})
        return login


class MinicrmCase(MinicrmFixtures, SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(MinicrmCase, cls).setUpClass()
        try:
            cls.setup_minicrm_fixtures()
            cls.setup_class_fixtures()
        except Exception:
            # Without this, the class's open transaction keeps its locks and
            # the next test class waits on them forever.
            cls.tearDownClass()
            raise

    @classmethod
    def setup_class_fixtures(cls):
        """Hook for a test class's own fixtures (same failure handling)."""

    def as_user(self, user, model):
        """``model`` as ``user``, with the user's own context (language, time
        zone), as a request of theirs has."""
        return self.env[model].sudo(user).with_context(
            **self.env(user=user.id)["res.users"].context_get())


class MinicrmHttpCase(MinicrmFixtures, HttpCase):
    """HTTP tests on the same fixtures. Subclasses must run post-install.

    Odoo 11's HttpCase writes through a cursor that HTTP requests do not see.
    Fixtures and logins go through short-lived cursors on the shared test
    transaction (rolled back when the test ends); keeping one open would
    block the requests.
    """

    def setUp(self):
        super(MinicrmHttpCase, self).setUp()
        with self.registry.cursor() as cr:
            type(self).env = api.Environment(cr, SUPERUSER_ID, {})
            self.setup_minicrm_fixtures()
            self.setup_http_fixtures()
        type(self).env = self.env

    def setup_http_fixtures(self):
        """Hook for more fixtures, created on the requests' cursor: use
        ``type(self).env`` there, ``self.env`` is the test's own cursor."""

    def url_open(self, url, data=None, timeout=60):
        # A test's first page compiles the frontend assets (lessc): on a
        # busy machine that takes longer than HttpCase's 10 seconds, and a
        # request cut short leaves the next tests a closed cursor.
        return super(MinicrmHttpCase, self).url_open(url, data=data, timeout=timeout)

    def in_test_cursor(self, function):
        """Run ``function(env)`` as superuser on the requests' cursor."""
        with self.registry.cursor() as cr:
            return function(api.Environment(cr, SUPERUSER_ID, {}))

    def json_call(self, route, params):
        """A JSON-RPC request as the web client sends it, in the session."""
        response = self.opener.post("http://127.0.0.1:%s%s" % (PORT, route), json={
            "jsonrpc": "2.0", "method": "call", "id": 1, "params": params}, timeout=60)
        self.assertEqual(response.status_code, 200)
        return response.json()

    def call_kw(self, model, method, args, kwargs=None):
        return self.json_call("/web/dataset/call_kw", {
            "model": model, "method": method, "args": args, "kwargs": kwargs or {}})

    def login(self, login, password):
        """HttpCase.authenticate, with the user looked up on the test cursor."""
        uid = self.registry["res.users"].authenticate(get_db_name(), login, password, None)
        self.assertTrue(uid, "%s could not log in" % login)
        with self.registry.cursor() as cr:
            user_env = api.Environment(cr, uid, {})
            self.session.uid, self.session.login = uid, login
            self.session.session_token = security.compute_session_token(self.session, user_env)
            self.session.context = dict(user_env["res.users"].context_get(), uid=uid)
        odoo.http.root.session_store.save(self.session)
        return uid


class MinicrmAttackCase(MinicrmHttpCase):
    """Attacks over JSON-RPC and the routes, as a real client would: each
    answer must be a clean refusal, and the server log must hold no ERROR
    (no unhandled exception, no database error)."""

    def setUp(self):
        super(MinicrmAttackCase, self).setUp()
        self.errors = ErrorRecorder()
        logging.getLogger().addHandler(self.errors)
        self.addCleanup(logging.getLogger().removeHandler, self.errors)

    def tearDown(self):
        super(MinicrmAttackCase, self).tearDown()
        self.assertEqual(self.errors.records, [], "the server logged errors")

    def assert_refused(self, answer, *secrets):
        """A clean refusal (a user, access or validation error) that names
        none of ``secrets``, nor agency B's customer."""
        self.assertIn("error", answer, answer)
        data = answer["error"].get("data", {})
        self.assertIn(data.get("name", ""), REFUSALS, answer)
        for secret in secrets + ("bob.brown", "Brown"):
            self.assertNotIn(secret, json.dumps(answer))

    def result(self, answer):
        self.assertNotIn("error", answer, answer)
        return answer["result"]


class ConcurrentConfirmations(object):
    """For tests on real, committed transactions (``BaseCase``): a request
    user of the demo staff user Anna with ten draft bookings, which
    ``confirm_all_at_once`` confirms in ten simultaneous transactions, as
    ten clicks of the web client. Removed again after the test."""

    def setUp(self):
        super(ConcurrentConfirmations, self).setUp()
        self.registry = odoo.registry(get_db_name())
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.staff = env.ref("minicrm_agency.demo_user_anna")
            company = env.ref("minicrm_agency.demo_company_riviera")
            customer = env["res.partner"].sudo(self.staff).create({
                "firstname": "Concurrent", "lastname": "Customer", "email": CONCURRENT_EMAIL,
                "customer_state": "request"})
            self.customer_id = customer.id
            self.booking_ids = [env["minicrm.booking"].sudo(self.staff).create({
                "customer_id": customer.id, "rental_company_id": company.id,
                "pickup_datetime": "%d-09-%02d 10:00:00" % (NEXT_YEAR, day + 1),
                "pickup_location": "Nice", "dropoff_location": "Monaco"}).id
                for day in range(CONCURRENT_BOOKINGS)]
        self.addCleanup(self.clean_up)

    def clean_up(self):
        """The rows committed here: the customer, its bookings, their
        messages and mails, and a portal login made for the customer."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM mail_mail WHERE email_to = %s", (CONCURRENT_EMAIL,))
            cr.execute("DELETE FROM mail_message WHERE model = 'minicrm.booking' AND res_id IN %s",
                       (tuple(self.booking_ids),))
            cr.execute("DELETE FROM minicrm_booking WHERE id IN %s", (tuple(self.booking_ids),))
            cr.execute("SELECT id, partner_id FROM res_users WHERE login = %s", (CONCURRENT_EMAIL,))
            users = cr.fetchall()
            cr.execute("UPDATE res_partner SET minicrm_portal_user_id = NULL WHERE id = %s",
                       (self.customer_id,))
            for user_id, partner_id in users:
                cr.execute("DELETE FROM res_users WHERE id = %s", (user_id,))
                cr.execute("DELETE FROM res_partner WHERE id = %s", (partner_id,))
            cr.execute("DELETE FROM mail_followers WHERE res_model = 'res.partner' AND res_id = %s",
                       (self.customer_id,))
            cr.execute("DELETE FROM mail_message WHERE model = 'res.partner' AND res_id = %s",
                       (self.customer_id,))
            cr.execute("DELETE FROM res_partner WHERE id = %s", (self.customer_id,))

    def call_like_the_web_client(self, booking_id):
        """One button click: its own transaction, retried on serialization
        failures the way odoo.http does (fresh environment each time)."""
        for attempt in range(MAX_ATTEMPTS):
            env = None
            try:
                with self.registry.cursor() as cr:
                    env = api.Environment(cr, self.staff.id, {})
                    env["minicrm.booking"].browse(booking_id).action_confirm()
                return
            except OperationalError as error:
                if error.pgcode not in PG_CONCURRENCY_ERRORS_TO_RETRY or \
                        attempt == MAX_ATTEMPTS - 1:
                    raise
                if env is not None:
                    env.clear()
                time.sleep(random.uniform(0, 0.05 * 2 ** attempt))

    def confirm_all_at_once(self):
        """{booking id: "confirmed" or the error of its click}."""
        results = {}
        start = threading.Barrier(CONCURRENT_BOOKINGS)

        def confirm(booking_id):
            with api.Environment.manage():
                start.wait()
                try:
                    self.call_like_the_web_client(booking_id)
                    results[booking_id] = "confirmed"
                except Exception as error:  # pylint: disable=broad-except
                    results[booking_id] = "%s: %s" % (type(error).__name__, error)

        threads = [threading.Thread(target=confirm, args=(booking_id,))
                   for booking_id in self.booking_ids]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
        return results

    def assert_all_confirmed(self, env, results):
        """Every click saved (or refused with a clear message, never
        half-done), and the customer an end user with every booking
        counted. Returns the customer."""
        self.assertEqual(len(results), CONCURRENT_BOOKINGS)
        for booking in env["minicrm.booking"].browse(self.booking_ids):
            expected = "confirmed" if results[booking.id] == "confirmed" else "draft"
            self.assertEqual(booking.state, expected, results[booking.id])
        self.assertEqual(list(results.values()).count("confirmed"), CONCURRENT_BOOKINGS, results)
        customer = env["res.partner"].browse(self.customer_id)
        self.assertEqual(customer.customer_state, "end")
        self.assertEqual(customer.booking_count, CONCURRENT_BOOKINGS)
        return customer


def readable_fields(env, model):
    """The fields of ``model`` that ``env``'s user reads, as ``read()``
    without a list would, less those Odoo's accounting adds when the user has
    no Billing rights: core computes them (a contact's invoices, credit,
    debit) from accounting records only Billing users read. Odoo's own
    limit, the same without these addons."""
    Model = env[model]
    billing = env.ref("account.group_account_invoice", raise_if_not_found=False)
    no_billing = billing and not Model.user_has_groups("account.group_account_invoice")
    return [name for name in Model.check_field_access_rights("read", None)
            if not (no_billing and (Model._fields[name]._module or "").startswith(
                ("account", "l10n_")))]


def mute_expected_errors(test, *loggers):
    """Silence loggers for one test (refusals are logged as errors by Odoo);
    mute_logger cannot decorate a class."""
    muter = mute_logger(*loggers)
    muter.__enter__()
    test.addCleanup(muter.__exit__, None, None, None)


def run_staff_tour(test, tour, config, timeout=600):
    """Runs a scripts/*_browser_tour.py built on staff_browser_tour's
    StaffTour with ``config`` (the base URL and screenshot folder added),
    the browser's clock in UTC as the server's, and returns its report once
    ``test`` has checked that every step passed and no page error showed."""
    config = dict(config, base_url="http://127.0.0.1:%s" % PORT, screenshot_dir=SCREENSHOT_DIR)
    output = subprocess.run(
        [BROWSER_PYTHON, os.path.join(SCRIPTS_DIR, tour), json.dumps(config)],
        env=dict(os.environ, TZ="UTC"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        timeout=timeout, check=False)
    test.assertEqual(output.returncode, 0, output.stderr.decode()[-3000:])
    report = json.loads(output.stdout.decode().strip().splitlines()[-1])
    failed = ["%s: %s" % (step["step"], step["error"]) for step in report["steps"]
              if not step["ok"]]
    if failed:
        test.fail("Steps failed in the browser:\n" + "\n".join(failed))
    test.assertFalse(report["page_errors"], report["page_errors"])
    return report
