# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import re
import subprocess

from odoo import SUPERUSER_ID, api
from odoo.tests.common import PORT, HttpCase, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BROWSER_PYTHON, NEXT_YEAR, SCREENSHOT_DIR, SCRIPTS_DIR)

TOUR = os.path.join(SCRIPTS_DIR, "quote_browser_tour.py")
LINK_RE = re.compile(r'href="https?://[^"/]+(/quote/confirm/[A-Za-z0-9_-]+)"')
TRIP = {"pickup_location": "Nice Airport Terminal 1", "dropoff_location": "Hotel Martinez",
        "pickup_datetime": "%d-08-14T09:30" % NEXT_YEAR, "passengers": "3",
        "notes": "Two child seats, please."}
VISITOR = dict(TRIP, firstname="Vera", lastname="Tourvisitor", email="vera.tour@example.com",
               phone="+33 6 98 76 54 32")
# Claire reads French: 145,00 €.
PRICE = r"145[.,]00"
CLAIRE = dict(TRIP, firstname="Claire", lastname="Martin", email="claire.martin@example.com")


@at_install(False)
@post_install(True)
class TestQuoteBrowser(HttpCase):
    """Headless Chromium through a quote, on the demo data: a new visitor
    and the demo customer Claire Martin ask Alpha Travel for a quote on its
    public page and confirm it from the link mailed to them; the staff
    member Anna sees the new request user and quotes Claire's request at a
    price; Claire sees the price and accepts on the portal; Anna confirms the
    booking; the confirmation mail is queued (Alpha Travel sends them); Anna
    cancels it after Odoo's question, and the cancellation mail is queued."""

    def tour(self, phase, **config):
        config.update(phase=phase, base_url="http://127.0.0.1:%s" % PORT,
                      menu="minicrm_agency.menu_minicrm_root", screenshot_dir=SCREENSHOT_DIR)
        output = subprocess.run([BROWSER_PYTHON, TOUR, json.dumps(config)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600,
                                check=False)
        self.assertEqual(output.returncode, 0, output.stderr.decode()[-2000:])
        report = json.loads(output.stdout.decode())
        self.assertTrue(report["ok"], "%s: %s" % (phase, report["error"]))
        return report["seen"]

    def in_requests_cursor(self, function):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            # The same environment as the previous call's: forget what it
            # read before the browser's last step.
            env.clear()
            return function(env)

    def test_a_quote_from_the_public_page_to_the_confirmation_mail(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        alpha = self.env.ref("minicrm_agency.demo_agency_alpha")
        self.assertTrue(alpha.send_booking_confirmation)
        company = self.env.ref("minicrm_agency.demo_company_riviera")
        screenshot = os.path.join(SCREENSHOT_DIR, "quote-page.png")
        seen = self.tour("public", slug=alpha.quote_slug, visitors=[VISITOR, CLAIRE],
                         rental_company_id=str(company.id), screenshot=screenshot)
        self.assertEqual(len(seen), 2)
        self.assertIn("Check your mailbox", seen[0])
        self.assertTrue(os.path.getsize(screenshot) > 10000)
        # Each visitor confirms from the link mailed to them.
        links = self.in_requests_cursor(lambda env: [
            LINK_RE.search(env["mail.mail"].search([("email_to", "=", visitor["email"])],
                                                   limit=1).body_html).group(1)
            for visitor in (VISITOR, CLAIRE)])
        seen = self.tour("confirm_email", links=links)
        self.assertIn("Your request was sent to Alpha Travel", seen[1])

        def find_request(env):
            request = env["minicrm.booking"].search([
                ("kind", "=", "request"), ("contact_email", "=", CLAIRE["email"]),
                ("pickup_location", "=", TRIP["pickup_location"])])
            self.assertEqual(len(request), 1)
            self.assertEqual(request.agency_id, alpha)
            return request.id, request.name
        request_id, reference = self.in_requests_cursor(find_request)
        seen = self.tour("quote", login="anna.staff@alpha-travel.example", password="demo",
                         request_user="Vera Tourvisitor", reference=reference, amount="145")
        # Anna opened the visitor's record (the statusbar lists both types).
        self.assertIn("Request user", seen["request_user_state"])
        self.assertEqual(self.in_requests_cursor(lambda env: env["res.partner"].search(
            [("email", "=", VISITOR["email"])]).mapped("customer_state")), ["request"])

        def check_quote_mail(env):
            # (Alpha Travel's staff were notified of the request too.)
            mail = env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                            ("res_id", "=", request_id),
                                            ("email_to", "=", CLAIRE["email"])])
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.email_to, CLAIRE["email"])
            self.assertIn("Alpha Travel", mail.email_from)
            self.assertRegex(mail.body_html, PRICE)
        self.in_requests_cursor(check_quote_mail)

        seen = self.tour("accept", login=CLAIRE["email"], password="demo",
                         request_id=request_id)
        # The price on the page and on the button, in the agency's currency.
        self.assertRegex(seen["price"], PRICE)
        self.assertRegex(seen["button"], PRICE)
        self.assertIn(alpha.currency_id.symbol, seen["button"])

        def find_booking(env):
            booking = env["minicrm.booking"].search([("request_id", "=", request_id)])
            self.assertEqual((booking.kind, booking.state), ("booking", "draft"))
            self.assertEqual(booking.amount, 145.0)
            return booking.id, booking.name
        booking_id, booking_ref = self.in_requests_cursor(find_booking)
        self.tour("confirm", login="anna.staff@alpha-travel.example", password="demo",
                  reference=booking_ref)

        def check_mail(env):
            booking = env["minicrm.booking"].browse(booking_id)
            self.assertEqual(booking.state, "confirmed")
            mail = env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                            ("res_id", "=", booking_id)])
            self.assertEqual(len(mail), 1)
            self.assertEqual(mail.state, "outgoing")
            self.assertEqual(mail.email_to, CLAIRE["email"])
            self.assertIn("Alpha Travel", mail.email_from)
            self.assertIn(booking_ref, mail.body_html)
        self.in_requests_cursor(check_mail)

        # Anna cancels the confirmed booking: Odoo asks first, and Claire,
        # who holds the confirmation, gets a cancellation mail.
        self.tour("cancel", login="anna.staff@alpha-travel.example", password="demo",
                  reference=booking_ref, question="Cancel this confirmed booking?")

        def check_cancellation(env):
            booking = env["minicrm.booking"].browse(booking_id)
            self.assertEqual(booking.state, "cancel")
            mail = env["mail.mail"].search([("model", "=", "minicrm.booking"),
                                            ("res_id", "=", booking_id)], order="id")
            self.assertEqual(len(mail), 2, "the confirmation, then the cancellation")
            self.assertEqual(mail[1].email_to, CLAIRE["email"])
            self.assertIn("Alpha Travel", mail[1].email_from)
        self.in_requests_cursor(check_cancellation)
