# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import io
import os

from odoo import SUPERUSER_ID, api, fields
from odoo.tests.common import HttpCase, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BROWSER_PYTHON, PASSWORD, QUIET_CONTEXT, SCREENSHOT_DIR, MinicrmFixtures, run_staff_tour)

TOUR = "staff_browser_tour.py"
# What the staff user types. Emails in mixed case: the customer is saved
# with them lowercased.
NEW_CUSTOMER = {"firstname": "Tessa", "lastname": "Tourwalker",
                "email": "Tessa.Tourwalker@Example.COM", "phone": "06 11 22 33 44"}
CHANGED_EMAIL = "Tessa.Walker@Example.com"
FIELD_CUSTOMER = {"firstname": "Nora", "lastname": "Fieldmade",
                  "email": "Nora.Fieldmade@Example.com"}
# Passengers then, after Tab, the amount (typed wherever the focus went).
BOOKING = {"pickup_location": "Nice Airport Terminal 2", "dropoff_location": "Hotel Negresco",
           "passenger_count": "3", "amount": "180.50"}
FIELD_BOOKING = {"pickup_location": "Cannes Station", "dropoff_location": "Antibes Port"}
MESSAGE = "Your driver will wait at the arrivals hall."


def create_fixtures(env):
    """A staff user of an agency of its own, with a request user, an end
    user who has an email but no portal login (imported without one: the
    only way "Grant portal access" shows), and an end user the
    tour uses instead of the new customer when creating it fails. Returns
    the values the tour needs."""
    env = env(context=dict(env.context, **QUIET_CONTEXT))
    company = env["minicrm.rental.company"].create({"name": "Tour Limousines"})
    other_company = env["minicrm.rental.company"].create({"name": "Tour Shuttles"})
    agency = env["minicrm.agency"].create({
        "name": "Tour Agency", "rental_company_ids": [(6, 0, (company | other_company).ids)]})
    staff = MinicrmFixtures.create_user(env, "tour_staff", agency)
    Customers = env["res.partner"].sudo(staff)
    Customers.create({"firstname": "Rita", "lastname": "Request", "customer_state": "request",
                      "email": "rita.request@example.com", "phone": "07 00 00 00 01"})
    Customers.with_context(minicrm_no_portal_login=True).create({
        "firstname": "Gina", "lastname": "Grant", "customer_state": "end",
        "email": "gina.grant@example.com", "phone": "07 00 00 00 02"})
    Customers.create({"firstname": "Paula", "lastname": "Fallback", "customer_state": "end",
                      "email": "paula.fallback@example.com"})
    return {
        "login": staff.login, "password": PASSWORD,
        "menu": "minicrm_agency.menu_minicrm_root",
        "rental_company": company.name,
        "new_customer": NEW_CUSTOMER, "changed_email": CHANGED_EMAIL,
        "request_user": "Rita Request", "grant_customer": "Gina Grant",
        "fallback_customer": "Paula Fallback",
        "field_customer": FIELD_CUSTOMER, "booking": BOOKING, "field_booking": FIELD_BOOKING,
        "message": MESSAGE, "export_template": "Agency customers",
    }


@at_install(False)
@post_install(True)
class TestStaffBrowser(HttpCase):
    """Headless Chromium as an agency staff user, through menus, buttons and
    dialogs of the web client: create, find and edit a customer, promote a
    request user, book from the customer form and from the Bookings menu
    (creating the customer from the field), email a customer, manage portal
    access, and export the list with the "Agency customers" template. Any
    error dialog or JavaScript error fails the step it happened in."""

    def setUp(self):
        super(TestStaffBrowser, self).setUp()
        # The requests' cursor: what the browser sees (rolled back at the end).
        with self.registry.cursor() as cr:
            self.config = create_fixtures(api.Environment(cr, SUPERUSER_ID, {}))
            cr.execute("SELECT to_char(now() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS')")
            self.started = cr.fetchone()[0]

    def test_staff_everyday_flows_in_the_web_client(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        report = run_staff_tour(self, TOUR, self.config, timeout=900)
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"active_test": False})
            self.check_customers(env)
            self.check_bookings(env)
            self.check_chatter_and_portal(env)
            self.check_csv(env, report["csv"])
        for name in ("staff-customer.png", "staff-booking.png", "staff-export.png"):
            path = os.path.join(SCREENSHOT_DIR, name)
            self.assertIn(path, report["screenshots"])
            self.assertGreater(os.path.getsize(path), 10000)

    def customer(self, env, name):
        found = env["res.partner"].search([("name", "=", name), ("customer_state", "!=", False)])
        self.assertEqual(len(found), 1, "one customer named %s" % name)
        return found

    def check_customers(self, env):
        agency = env["minicrm.agency"].search([("name", "=", "Tour Agency")])
        tessa = self.customer(env, "Tessa Tourwalker")
        self.assertEqual((tessa.minicrm_agency_id, tessa.customer_state), (agency, "end"))
        self.assertEqual((tessa.firstname, tessa.lastname, tessa.phone),
                         ("Tessa", "Tourwalker", NEW_CUSTOMER["phone"]))
        self.assertEqual(tessa.email, CHANGED_EMAIL.lower())
        # Both emails as saved (lowercased): the change is tracked in the chatter.
        change = env["mail.tracking.value"].search([
            ("field", "=", "email"), ("mail_message_id.model", "=", "res.partner"),
            ("mail_message_id.res_id", "=", tessa.id)])
        self.assertIn((NEW_CUSTOMER["email"].lower(), CHANGED_EMAIL.lower()),
                      [(value.old_value_char, value.new_value_char) for value in change])
        rita = self.customer(env, "Rita Request")
        self.assertEqual(rita.customer_state, "end")
        self.assertEqual(rita.minicrm_portal_user_id.login, "rita.request@example.com")
        nora = self.customer(env, "Nora Fieldmade")
        self.assertEqual((nora.minicrm_agency_id, nora.customer_state, nora.email),
                         (agency, "end", FIELD_CUSTOMER["email"].lower()))

    def check_bookings(self, env):
        now = fields.Datetime.from_string(self.started)
        for name, values in (("Tessa Tourwalker", BOOKING), ("Nora Fieldmade", FIELD_BOOKING)):
            customer = self.customer(env, name)
            booking = env["minicrm.booking"].search([("customer_id", "=", customer.id)])
            self.assertEqual(len(booking), 1, "one booking for %s" % name)
            self.assertEqual(
                (booking.kind, booking.state, booking.agency_id, booking.rental_company_id.name,
                 booking.pickup_location, booking.dropoff_location),
                ("booking", "draft", customer.minicrm_agency_id, "Tour Limousines",
                 values["pickup_location"], values["dropoff_location"]))
            self.assertGreater(fields.Datetime.from_string(booking.pickup_datetime), now)
            self.assertTrue(booking.name.startswith("BK/"), booking.name)
            self.assertEqual((booking.passenger_count, booking.amount),
                             (int(values.get("passenger_count", 1)),
                              float(values.get("amount", 0))))

    def check_chatter_and_portal(self, env):
        tessa = self.customer(env, "Tessa Tourwalker")
        sent = env["mail.message"].search([
            ("model", "=", "res.partner"), ("res_id", "=", tessa.id),
            ("message_type", "=", "comment"), ("body", "ilike", MESSAGE)])
        self.assertEqual(len(sent), 1, "the Email To message in the customer's chatter")
        self.assertIn(tessa, sent.partner_ids)
        # Revoked: no login on the customer, and the login (its email) is off.
        self.assertFalse(tessa.minicrm_portal_user_id)
        login = env["res.users"].search([("login", "=", CHANGED_EMAIL.lower())])
        self.assertEqual(len(login), 1)
        self.assertFalse(login.active)
        resets = env["mail.mail"].search([
            ("create_date", ">=", self.started), ("subject", "=like", "Password reset%"),
            ("email_to", "=", CHANGED_EMAIL.lower())])
        self.assertEqual(len(resets), 1, "one reset email queued for the customer")
        self.assertEqual(resets.state, "outgoing")
        # Granted: Gina has an active portal login, her email.
        gina = self.customer(env, "Gina Grant")
        self.assertEqual(gina.minicrm_portal_user_id.login, "gina.grant@example.com")
        self.assertTrue(gina.minicrm_portal_user_id.active)
        self.assertTrue(gina.minicrm_portal_user_id.share)

    def check_csv(self, env, text):
        rows = list(csv.reader(io.StringIO(text)))
        # "Import-compatible export", the dialog's default: headers are field names.
        self.assertEqual(rows[0], ["id", "name", "email", "phone", "booking_count",
                                   "last_booking_date"])
        tessa = self.customer(env, "Tessa Tourwalker")
        found = [row for row in rows[1:] if row[1] == tessa.name]
        self.assertEqual(len(found), 1, text)
        self.assertEqual(found[0][2:5], [tessa.email, tessa.phone, "1"])
        agency_customers = env["res.partner"].search(
            [("minicrm_agency_id", "=", tessa.minicrm_agency_id.id)])
        self.assertEqual(sorted(row[1] for row in rows[1:]),
                         sorted(agency_customers.mapped("name")))
