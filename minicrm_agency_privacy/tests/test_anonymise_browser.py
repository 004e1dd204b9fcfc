# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).

from odoo.tests.common import HttpCase, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import (
    BROWSER_PYTHON, CUSTOMERS_ACTION, run_staff_tour)

TOUR = "anonymise_browser_tour.py"


@at_install(False)
@post_install(True)
class TestAnonymiseBrowser(HttpCase):
    """Headless Chromium as the demo manager Anna: "Anonymise" on a demo
    customer, confirmed in the dialog; the form shows the anonymised
    customer and still lists the trips."""

    def test_manager_anonymises_a_customer_and_the_trips_stay(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        customer = self.env.ref("minicrm_agency.demo_customer_01")
        name, email = customer.name, customer.email
        bookings = customer.booking_ids
        self.assertTrue(bookings)
        action = self.env.ref(CUSTOMERS_ACTION)
        config = {
            "login": "anna.staff@alpha-travel.example", "password": "demo",
            "menu": "minicrm_agency.menu_minicrm_root", "fallback_customer": name,
            "form_url": "/web#id=%d&model=res.partner&view_type=form&action=%d" % (
                customer.id, action.id)}
        report = run_staff_tour(self, TOUR, config)
        self.assertEqual(report["name_before"], name)
        self.assertNotIn(name, report["name"])
        self.assertEqual(len(report["trips"]), len(bookings))
        # What was saved, read on the requests' cursor.
        with self.registry.cursor() as cr:
            cr.execute("SELECT email, minicrm_anonymised FROM res_partner WHERE id = %s",
                       (customer.id,))
            self.assertEqual(cr.fetchone(), (None, True))
            cr.execute("SELECT count(*) FROM minicrm_booking WHERE customer_id = %s "
                       "AND contact_email IS NOT NULL", (customer.id,))
            self.assertEqual(cr.fetchone()[0], 0)
        self.assertTrue(email)
