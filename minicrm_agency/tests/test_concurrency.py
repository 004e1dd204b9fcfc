# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import os
import signal
import subprocess
import sys
import threading

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import BaseCase, at_install, get_db_name, post_install
from odoo.tools import mute_logger

from .common import ConcurrentConfirmations, ErrorRecorder

DUPLICATE_EMAIL = "same.email@example.com"
IMPORT_EMAIL = "killed.import.%d@example.com"
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
class TestConcurrency(ConcurrentConfirmations, BaseCase):
    """Real transactions on the test database, committed, then cleaned up:
    ten confirmations at once through Odoo's RPC layer (with its retries on
    serialization failures), and an import killed halfway. What the portal
    addon does on these confirmations (one login, one invitation) is tested
    in minicrm_agency_portal's test_portal_concurrency."""

    def setUp(self):
        super(TestConcurrency, self).setUp()
        self.addCleanup(self.delete_created_customers)

    def delete_created_customers(self):
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM mail_mail WHERE email_to LIKE %s", ("killed.import.%",))
            cr.execute("DELETE FROM mail_message WHERE model = 'res.partner' AND res_id IN "
                       "(SELECT id FROM res_partner WHERE email = %s)", (DUPLICATE_EMAIL,))
            cr.execute("DELETE FROM res_partner WHERE email LIKE %s OR email = %s",
                       ("killed.import.%", DUPLICATE_EMAIL))

    @mute_logger("odoo.sql_db")
    def test_ten_confirmations_at_once(self):
        results = self.confirm_all_at_once()
        with self.registry.cursor() as cr:
            self.assert_all_confirmed(api.Environment(cr, SUPERUSER_ID, {}), results)

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
