# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import PORT, HttpCase, at_install, post_install

from .common import BROWSER_PYTHON, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "form_concurrency_browser_tour.py")


@at_install(False)
@post_install(True)
class TestFormConcurrencyBrowser(HttpCase):
    """Headless Chromium as the demo manager Anna: while her customer form is
    open, someone else saves the customer; her save is refused."""

    def test_stale_customer_form_save_is_refused(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        customer = self.env.ref("minicrm_agency.demo_customer_01")
        action = self.env.ref("minicrm_agency.action_minicrm_customer")
        process = subprocess.Popen(
            [BROWSER_PYTHON, TOUR, "http://127.0.0.1:%s" % PORT,
             "anna.staff@alpha-travel.example", "demo", str(customer.id), str(action.id)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            opened = process.stdout.readline().decode().strip()
            self.assertEqual(opened, "opened", process.stderr.read(3000).decode()
                             if not opened else opened)
            # Someone else saves the customer (the requests' shared cursor).
            with self.registry.cursor() as cr:
                cr.execute("UPDATE res_partner SET write_date = (now() at time zone 'UTC') "
                           "+ interval '1 hour', phone = '+33 5 55 55 55 55' WHERE id = %s",
                           (customer.id,))
            output, errors = process.communicate(b"go\n", timeout=240)
        finally:
            if process.poll() is None:
                process.kill()
        self.assertEqual(process.returncode, 0, errors.decode()[-2000:])
        seen = json.loads(output.decode().strip().splitlines()[-1])
        self.assertIn("modified since you last viewed it", seen["dialog"] or "", seen)
        with self.registry.cursor() as cr:
            cr.execute("SELECT phone FROM res_partner WHERE id = %s", (customer.id,))
            self.assertEqual(cr.fetchone()[0], "+33 5 55 55 55 55")
