# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import os
import random
import signal
import subprocess
import sys
import threading
import time

from psycopg2 import OperationalError

import odoo
from odoo import SUPERUSER_ID, api
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY
from odoo.tests.common import BaseCase, at_install, get_db_name, post_install
from odoo.tools import mute_logger

from .common import NEXT_YEAR
from .test_isolation_attacks import ErrorRecorder

CONCURRENT_EMAIL = "concurrent.customer@example.com"
DUPLICATE_EMAIL = "same.email@example.com"
IMPORT_EMAIL = "killed.import.%d@example.com"
BOOKINGS = 10
MAX_ATTEMPTS = 12
# Imports half of the rows, says so, then waits to be killed before the rest.
KILLED_IMPORT = """
import sys, time
import odoo
from odoo import api
odoo.tools.config.parse_config(["-c", sys.argv[1], "-d", sys.argv[2]])
with api.Environment.manage(), odoo.registry(sys.argv[2]).cursor() as cr:
    env = api.Environment(cr, int(sys.argv[3]), {"tracking_disable": True})
    rows = [["Killed", "Import%d" % n, "killed.import.%d@example.com" % n, "request"]
            for n in range(200)]
    result = env["res.partner"].load(["firstname", "lastname", "email", "customer_state"],
                                     rows[:100])
    assert not result["messages"], result
    print("halfway", flush=True)
    time.sleep(120)
    env["res.partner"].load(["firstname", "lastname", "email", "customer_state"], rows[100:])
"""


@at_install(False)
@post_install(True)
class TestConcurrency(BaseCase):
    """Real transactions on the test database, committed, then cleaned up:
    ten confirmations at once through Odoo's RPC layer (with its retries on
    serialization failures), and an import killed halfway."""

    def setUp(self):
        super(TestConcurrency, self).setUp()
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
                for day in range(BOOKINGS)]
        self.addCleanup(self.clean_up)

    def clean_up(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM mail_mail WHERE email_to = %s OR email_to LIKE %s",
                       (CONCURRENT_EMAIL, "killed.import.%"))
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
            cr.execute("DELETE FROM mail_message WHERE model = 'res.partner' AND res_id IN "
                       "(SELECT id FROM res_partner WHERE email = %s)", (DUPLICATE_EMAIL,))
            cr.execute("DELETE FROM res_partner WHERE id = %s OR email LIKE %s OR email = %s",
                       (self.customer_id, "killed.import.%", DUPLICATE_EMAIL))

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

    @mute_logger("odoo.sql_db")
    def test_ten_confirmations_at_once(self):
        results = {}
        start = threading.Barrier(BOOKINGS)

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
        self.assertEqual(len(results), BOOKINGS)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            bookings = env["minicrm.booking"].browse(self.booking_ids)
            for booking in bookings:
                # Saved, or refused with a clear message (never half-done).
                expected = "confirmed" if results[booking.id] == "confirmed" else "draft"
                self.assertEqual(booking.state, expected, results[booking.id])
            self.assertEqual(list(results.values()).count("confirmed"), BOOKINGS, results)
            customer = env["res.partner"].browse(self.customer_id)
            self.assertEqual(customer.customer_state, "end")
            self.assertEqual(customer.booking_count, BOOKINGS)
            logins = env["res.users"].with_context(active_test=False).search(
                [("login", "=", CONCURRENT_EMAIL)])
            self.assertEqual(len(logins), 1)
            self.assertEqual(customer.minicrm_portal_user_id, logins)
            self.assertEqual(env["mail.mail"].search_count([("email_to", "=", CONCURRENT_EMAIL)]),
                             1)

    @mute_logger("odoo.sql_db")
    def test_eight_simultaneous_creates_of_one_email_give_one_customer(self):
        start = threading.Barrier(8)
        results = []

        def create(index):
            with api.Environment.manage():
                start.wait()
                try:
                    with self.registry.cursor() as cr:
                        api.Environment(cr, self.staff.id, {})["res.partner"].create({
                            "firstname": "Same", "lastname": "Email%d" % index,
                            "email": DUPLICATE_EMAIL, "customer_state": "request"})
                    results.append("created")
                except Exception as error:  # pylint: disable=broad-except
                    results.append("%s: %s" % (type(error).__name__, error))

        errors = ErrorRecorder()
        logging.getLogger().addHandler(errors)
        try:
            threads = [threading.Thread(target=create, args=(index,)) for index in range(8)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
        finally:
            logging.getLogger().removeHandler(errors)
        self.assertEqual(results.count("created"), 1, results)
        for result in results:
            if result != "created":
                self.assertIn("ValidationError", result)
                self.assertIn("already uses", result)
        self.assertEqual(errors.records, [])
        with self.registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM res_partner WHERE email = %s", (DUPLICATE_EMAIL,))
            self.assertEqual(cr.fetchone()[0], 1)

    def test_import_killed_halfway_leaves_no_rows(self):
        config = odoo.tools.config.rcfile
        process = subprocess.Popen(
            [sys.executable, "-c", KILLED_IMPORT, config, get_db_name(), str(self.staff.id)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=os.setsid)
        try:
            line = process.stdout.readline().decode()
            self.assertEqual(line.strip(), "halfway", process.stderr.read(3000).decode()
                             if not line else line)
            with self.registry.cursor() as cr:
                cr.execute("SELECT count(*) FROM res_partner WHERE email LIKE %s",
                           ("killed.import.%",))
                # Written, but not committed: invisible to others.
                self.assertEqual(cr.fetchone()[0], 0)
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(30)
        with self.registry.cursor() as cr:
            cr.execute("SELECT count(*) FROM res_partner WHERE email LIKE %s",
                       ("killed.import.%",))
            self.assertEqual(cr.fetchone()[0], 0)
