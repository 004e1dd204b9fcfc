# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, api
from odoo.tests.common import BaseCase, at_install, post_install
from odoo.tools import mute_logger

from odoo.addons.minicrm_agency.tests.common import CONCURRENT_EMAIL, ConcurrentConfirmations


@at_install(False)
@post_install(True)
class TestPortalConcurrency(ConcurrentConfirmations, BaseCase):
    """Real transactions on the test database, committed, then cleaned up:
    ten confirmations at once of a request user's bookings, each of which
    makes the customer an end user, through Odoo's RPC layer (with its
    retries on serialization failures), give one portal login and one
    invitation."""

    @mute_logger("odoo.sql_db")
    def test_ten_confirmations_at_once(self):
        results = self.confirm_all_at_once()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            customer = self.assert_all_confirmed(env, results)
            logins = env["res.users"].with_context(active_test=False).search(
                [("login", "=", CONCURRENT_EMAIL)])
            self.assertEqual(len(logins), 1)
            self.assertEqual(customer.minicrm_portal_user_id, logins)
            mails = env["mail.mail"].search([("email_to", "=", CONCURRENT_EMAIL)])
            self.assertEqual(len(mails.filtered(lambda mail: mail.model == "res.users")), 1,
                             "one invitation")
            # The demo agency sends booking confirmations: one per booking.
            confirmations = mails.filtered(lambda mail: mail.model == "minicrm.booking")
            self.assertEqual(sorted(confirmations.mapped("res_id")), sorted(self.booking_ids))
