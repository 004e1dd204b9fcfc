# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The customer's booking and request pages with ids past PostgreSQL's
integers: a 404 like any id that is not theirs, never a 500, and no ERROR
in the server log (MinicrmAttackCase records every ERROR line)."""
import re

from odoo.tests.common import PORT, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmAttackCase

CSRF_RE = re.compile(r'csrf_token: "([^"]+)"')
HUGE_IDS = (2 ** 31, 2 ** 63, 10 ** 30)


@at_install(False)
@post_install(True)
class TestPortalBadIds(MinicrmAttackCase):

    def setup_http_fixtures(self):
        self.link_portal_login(self.customer_a.with_env(type(self).env), PASSWORD)

    def test_booking_pages_with_huge_ids_answer_not_found(self):
        self.login(self.customer_a.email, PASSWORD)
        base = "http://127.0.0.1:%s" % PORT
        home = self.opener.get(base + "/my", timeout=60)
        self.assertEqual(home.status_code, 200)
        match = CSRF_RE.search(home.text)
        csrf = match.group(1) if match else ""
        for record_id in HUGE_IDS:
            for kind in ("bookings", "requests"):
                answer = self.opener.get("%s/my/%s/%s" % (base, kind, record_id), timeout=60)
                self.assertEqual(answer.status_code, 404, (kind, record_id))
            for step in ("accept", "decline"):
                answer = self.opener.post("%s/my/requests/%s/%s" % (base, record_id, step),
                                          data={"csrf_token": csrf}, timeout=60,
                                          allow_redirects=False)
                self.assertIn(answer.status_code, (400, 404), (step, record_id))
