# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from odoo.tests.common import PORT, HttpCase, at_install, post_install

# Set by the project's scripts/test.sh: the Python with Playwright.
BROWSER_PYTHON = os.environ.get("MINICRM_BROWSER_PYTHON")
RUNNER = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, "scripts",
                      "qunit_browser.py")


@at_install(False)
@post_install(True)
class TestQunit(HttpCase):
    """The addon's QUnit tests (static/tests), in headless Chromium."""

    def test_qunit(self):
        if not (BROWSER_PYTHON and os.path.exists(RUNNER)):
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        output = subprocess.run(
            [BROWSER_PYTHON, RUNNER, "http://127.0.0.1:%s" % PORT, "admin", "admin",
             "web_datetime_minutes"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600, check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-3000:])
        result = json.loads(output.stdout.decode().strip().splitlines()[-1])
        self.assertFalse(result["failures"], "\n".join(result["failures"]))
        self.assertGreater(result["total"], 0, "no QUnit test ran")
