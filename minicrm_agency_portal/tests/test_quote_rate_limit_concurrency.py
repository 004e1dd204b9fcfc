# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
import threading

import requests

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tests.common import PORT, BaseCase, at_install, get_db_name, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, ErrorRecorder

from ..models.minicrm_quote_attempt import QUOTE_ATTEMPTS_PER_HOUR

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
# Each accepted submission waits for its email's owner to confirm it.
THANKS = "Check your mailbox"
TOO_MANY = "Too many quote requests"
VISITORS = 12
EMAIL = "flood.%d@concurrent.example"
EMAIL_LIKE = "flood.%@concurrent.example"


@at_install(False)
@post_install(True)
class TestQuoteRateLimitConcurrency(BaseCase):
    """Twelve visitors' POSTs at once, from one address, each in its own
    session with its own CSRF token, against the test server with real,
    committed transactions (no test cursor serializing the requests): the
    limit lets exactly five through. The rows committed here are removed
    again."""

    def setUp(self):
        super(TestQuoteRateLimitConcurrency, self).setUp()
        self.registry = odoo.registry(get_db_name())
        with api.Environment.manage(), self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            agency = env.ref("minicrm_agency.demo_agency_alpha")
            self.url = "http://127.0.0.1:%s/quote/%s" % (PORT, agency.quote_slug)
            self.company_id = env.ref("minicrm_agency.demo_company_riviera").id
        self.clean_up()
        self.addCleanup(self.clean_up)
        self.errors = ErrorRecorder()
        logging.getLogger().addHandler(self.errors)
        self.addCleanup(logging.getLogger().removeHandler, self.errors)

    def clean_up(self):
        """Attempts of this machine's address, and the unconfirmed requests,
        requests, customers, messages and mails the POSTs made."""
        with self.registry.cursor() as cr:
            cr.execute("DELETE FROM minicrm_quote_attempt WHERE ip_address = '127.0.0.1'")
            cr.execute("DELETE FROM minicrm_quote_unconfirmed WHERE email LIKE %s", (EMAIL_LIKE,))
            cr.execute("SELECT mail_message_id FROM mail_mail WHERE email_to LIKE %s",
                       (EMAIL_LIKE,))
            message_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM mail_mail WHERE email_to LIKE %s", (EMAIL_LIKE,))
            cr.execute("DELETE FROM mail_message WHERE id IN %s", (message_ids,))
            cr.execute("SELECT id FROM res_partner WHERE email LIKE %s", (EMAIL_LIKE,))
            partner_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("SELECT id FROM minicrm_booking WHERE customer_id IN %s OR "
                       "contact_email LIKE %s", (partner_ids, EMAIL_LIKE))
            booking_ids = tuple(row[0] for row in cr.fetchall()) or (0,)
            cr.execute("DELETE FROM mail_message WHERE (model = 'minicrm.booking' AND res_id IN %s)"
                       " OR (model = 'res.partner' AND res_id IN %s) OR author_id IN %s",
                       (booking_ids, partner_ids, partner_ids))
            cr.execute("DELETE FROM mail_followers WHERE (res_model = 'minicrm.booking' AND "
                       "res_id IN %s) OR (res_model = 'res.partner' AND res_id IN %s)",
                       (booking_ids, partner_ids))
            cr.execute("DELETE FROM minicrm_booking WHERE id IN %s", (booking_ids,))
            cr.execute("DELETE FROM res_partner WHERE id IN %s", (partner_ids,))

    def visitor(self, number):
        """A visitor's own session and the form's CSRF token."""
        session = requests.Session()
        page = session.get(self.url, timeout=120)
        self.assertEqual(page.status_code, 200)
        data = {
            "csrf_token": CSRF_RE.search(page.text).group(1),
            "firstname": "Flood", "lastname": "Visitor %d" % number, "email": EMAIL % number,
            "phone": "", "pickup_location": "Nice Airport", "dropoff_location": "Monaco",
            "pickup_datetime": "%d-07-01T10:00" % NEXT_YEAR, "dropoff_datetime": "",
            "passengers": "2", "rental_company_id": str(self.company_id), "notes": "",
            "company_website": ""}
        return session, data

    def test_twelve_posts_at_once_from_one_address_get_five_through(self):
        visitors = [self.visitor(number) for number in range(VISITORS)]
        start = threading.Barrier(VISITORS)
        answers = {}

        def post(number):
            session, data = visitors[number]
            start.wait()
            try:
                answers[number] = session.post(self.url, data=data, timeout=300).text
            except Exception as error:  # pylint: disable=broad-except
                answers[number] = "%s: %s" % (type(error).__name__, error)

        threads = [threading.Thread(target=post, args=(number,)) for number in range(VISITORS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(300)
        seen = {number: "thanks" if THANKS in text else "too many" if TOO_MANY in text
                else text[-300:] for number, text in answers.items()}
        thanked = [number for number, answer in seen.items() if answer == "thanks"]
        refused = [number for number, answer in seen.items() if answer == "too many"]
        self.assertEqual(len(thanked), QUOTE_ATTEMPTS_PER_HOUR, seen)
        self.assertEqual(len(refused), VISITORS - QUOTE_ATTEMPTS_PER_HOUR, seen)
        with self.registry.cursor() as cr:
            cr.execute("SELECT email FROM minicrm_quote_unconfirmed WHERE email LIKE %s",
                       (EMAIL_LIKE,))
            self.assertEqual(sorted(row[0] for row in cr.fetchall()),
                             sorted(EMAIL % number for number in thanked))
            cr.execute("SELECT count(*) FROM minicrm_quote_attempt "
                       "WHERE ip_address = '127.0.0.1'")
            self.assertEqual(cr.fetchone()[0], QUOTE_ATTEMPTS_PER_HOUR)
        self.assertEqual(self.errors.records, [], "the server logged errors")
