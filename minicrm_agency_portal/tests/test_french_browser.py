# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BOOKINGS_ACTION, BROWSER_PYTHON, CUSTOMERS_ACTION, PASSWORD, REQUESTS_ACTION,
    MinicrmHttpCase, run_staff_tour)

from . import test_french
from .test_french_words import load_all_french

TOUR = "french_browser_tour.py"
# English a French user must not read: the leftovers found on these screens
# (issue 23) and the words of the screens walked, in English.
ENGLISH = [
    "Change", "Email", "E-mail", "Portable", "Actif/ve", "Odoo Server Error", "Server Error",
    "Your Details", "Published on", "pm", "Customer", "Customers", "Booking", "Bookings",
    "Request", "Requests", "Quote requests", "Pickup", "Drop-off", "Rental company",
    "Last booking", "Next pickup", "Total spent", "Search", "Create", "Import", "Save",
    "Discard", "Edit", "Print", "Filters", "Group By", "Favorites", "Reference", "Status",
    "Phone", "Language", "Send message", "Log note", "Followers", "Archived", "Sign out",
    "Draft", "Confirmed", "Cancelled", "Passengers", "Price", "Time zone",
    "New booking", "Email To", "Reset password", "Revoke portal access", "Grant portal access",
    "Last name", "First name", "Warning", "Add one first",
]
# A portal message's date as French writes it, without seconds.
FRENCH_DATE = re.compile(r"^Publié le \d{2}/\d{2}/\d{4} \d{2}:\d{2}$")


@at_install(False)
@post_install(True)
class TestFrenchBrowser(MinicrmHttpCase):
    """Headless Chromium as a French staff user, then as a French portal
    customer, screen by screen: no English word of the list on any screen,
    the archive button says "Actif", the server's refusal has a French
    title, the portal's message dates are French, without seconds."""

    def setup_http_fixtures(self):
        env = type(self).env
        load_all_french(env)
        test_french.TestFrench.setup_http_fixtures(self)
        type(self).noemail = self.create_customer(self.staff_a1, "Noé", "Sansadresse", False)
        booking = env["minicrm.booking"].search([("customer_id", "=", self.lea.id)], limit=1)
        booking.sudo(self.staff_a1).message_post(
            body="Votre chauffeur vous attendra à l'arrivée.", message_type="comment",
            subtype="mail.mt_comment")
        type(self).lea_booking = booking
        quote = self.create_booking(self.staff_a1, self.lea, self.company_1, kind="request",
                                    amount=120.0)
        quote.sudo(self.staff_a1).action_send_quote()
        type(self).lea_quote = quote

    def test_french_staff_and_portal_screens_show_no_english(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        customers = self.env.ref(CUSTOMERS_ACTION).id
        form = "/web#id=%d&model=%s&view_type=form&action=%d"
        config = {
            "login": self.staff_a1.login, "password": PASSWORD,
            "menu": "minicrm_agency.menu_minicrm_root", "fallback_customer": "Léa Moreau",
            "customer_form_url": form % (self.lea.id, "res.partner", customers),
            "no_email_form_url": form % (self.noemail.id, "res.partner", customers),
            "booking_form_url": form % (self.lea_booking.id, "minicrm.booking",
                                        self.env.ref(BOOKINGS_ACTION).id),
            "email_to_button": "Envoyer un e-mail",
            "request_form_url": form % (self.lea_quote.id, "minicrm.booking",
                                        self.env.ref(REQUESTS_ACTION).id),
            "agency_form_url": "/web#id=%d&model=minicrm.agency&view_type=form" % (
                self.agency_a.id),
            "portal_login": self.lea_login, "portal_booking_url": self.lea_booking.portal_url,
            "portal_request_url": self.lea_quote.portal_url,
            "quote_page_url": "/quote/%s" % self.agency_a.quote_slug,
            "english": ENGLISH,
        }
        report = run_staff_tour(self, TOUR, config, timeout=900)
        english = {page["page"]: page["english"] for page in report["pages"] if page["english"]}
        self.assertFalse(english, "English on French screens: %s" % english)
        self.assertEqual(len(report["pages"]), 19)
        self.assertEqual(report["archive_button"], "Actif")
        # Core adds the kind of refusal: "Erreur du serveur Odoo - Avertissement".
        self.assertTrue(report["error_dialog"]["title"].startswith("Erreur du serveur Odoo"),
                        report["error_dialog"]["title"])
        self.assertIn("n'a pas d'adresse e-mail", report["error_dialog"]["body"])
        self.assertTrue(report["chatter_dates"])
        for date in report["chatter_dates"]:
            self.assertRegex(date.strip(), FRENCH_DATE)
