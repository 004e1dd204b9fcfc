# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo.tools.safe_eval import safe_eval

from ..models.minicrm_booking_search import fill_booking_search_text
from .common import BOOKINGS_ACTION, REQUESTS_ACTION, MinicrmCase


class TestBookingSearch(MinicrmCase):
    """The Bookings and Requests search box (the search view's first field,
    which Enter and search as you type use) finds a booking by reference,
    customer (name, email, phone as the customer list matches them),
    pickup and drop-off places and rental company; within the user's
    bookings only."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.customer = cls.create_customer(
            cls.staff_a1, "Sophie", "Lagarde", "sophie.lagarde@example.com",
            phone="06 44 55 66 77")
        cls.trip = cls.create_booking(cls.staff_a1, cls.customer, cls.company_1,
                                      pickup_location="Paris CDG Terminal 2",
                                      dropoff_location="Hôtel Élysée, Paris")
        cls.request = cls.create_booking(cls.staff_a1, cls.customer, cls.company_2,
                                         kind="request", pickup_location="Lyon Part-Dieu",
                                         dropoff_location="Annecy")

    def search_box(self, text, user=None, action=BOOKINGS_ACTION):
        """The list's rows for ``text`` typed in the box, as the web client
        asks for them: the action's domain and context, and the domain of
        the search view's first field."""
        user = user or self.staff_a1
        action = self.env.ref(action)
        arch = etree.fromstring(action.search_view_id.arch)
        field = arch.xpath("//field")[0].get("name")
        domain = safe_eval(action.domain or "[]") + [(field, "ilike", text)]
        Booking = self.env["minicrm.booking"].sudo(user).with_context(
            **self.screen_context(user, action.get_external_id()[action.id]))
        return Booking.search(domain)

    def test_bookings_are_found_by_customer_name_email_and_phone(self):
        for text in ("lagarde", "Sophie", "LAGARDE sophie", "Lagarde, Sophie",
                     "sophie.lagarde@", "06 44 55", "+33 6 44 55 66", "0644556677"):
            self.assertEqual(self.search_box(text), self.trip, text)

    def test_bookings_are_found_by_reference_places_and_rental_company(self):
        for text in (self.trip.name, self.trip.name.lower(), "CDG", "terminal 2",
                     "hotel elysee", "Élysée", "Riviera", "test riviera"):
            self.assertIn(self.trip, self.search_box(text), text)
        self.assertEqual(self.search_box("cdg riviera lagarde"), self.trip)
        self.assertFalse(self.search_box("cdg citylink"))

    def test_requests_are_found_the_same_way(self):
        for text in ("lagarde", "part-dieu", "CityLink", self.request.name):
            self.assertEqual(self.search_box(text, action=REQUESTS_ACTION), self.request, text)

    def test_search_never_reaches_other_agency_or_company(self):
        self.assertFalse(self.search_box("lagarde", user=self.staff_b1))
        self.assertFalse(self.search_box("bob.brown"))
        # Limited to Riviera: the CityLink request is not found.
        self.assertFalse(self.search_box("lagarde", user=self.staff_a2, action=REQUESTS_ACTION))
        self.assertEqual(self.search_box("lagarde", user=self.staff_a2), self.trip)

    def test_customer_changes_reach_the_search(self):
        self.customer.sudo(self.staff_a1).write({"lastname": "Marchetti",
                                                 "email": "sophie@riviera-mail.example"})
        self.assertFalse(self.search_box("lagarde"))
        self.assertEqual(self.search_box("marchetti"), self.trip)
        self.assertEqual(self.search_box("riviera-mail"), self.trip)

    def test_rental_company_renamed_reaches_its_bookings(self):
        self.company_1.sudo(self.operator).write({"name": "Azur Limousines"})
        self.assertIn(self.trip, self.search_box("azur limousines"))
        self.assertNotIn(self.trip, self.search_box("riviera"))

    def test_edited_places_reach_the_search(self):
        self.trip.sudo(self.staff_a1).write({"pickup_location": "Orly"})
        self.assertEqual(self.search_box("orly"), self.trip)
        self.assertFalse(self.search_box("CDG"))

    def test_bulk_fill_computes_the_search_text_like_the_orm(self):
        bookings = self.trip | self.request | self.booking_a
        by_orm = bookings.sudo().read(["minicrm_search_text"])
        self.cr.execute("UPDATE minicrm_booking SET minicrm_search_text = NULL WHERE id IN %s",
                        (tuple(bookings.ids),))
        fill_booking_search_text(self.cr, "booking.id IN %s", (tuple(bookings.ids),))
        bookings.invalidate_cache()
        self.assertEqual(bookings.sudo().read(["minicrm_search_text"]), by_orm)
        self.assertEqual(by_orm[0]["minicrm_search_text"],
                         "%s paris cdg terminal 2 hotel elysee, paris test riviera sophie "
                         "lagarde sophie.lagarde@example.com 33644556677"
                         % self.trip.name.lower())
