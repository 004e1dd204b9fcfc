# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import NEXT_YEAR, PASSWORD, MinicrmHttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')


@at_install(False)
@post_install(True)
class TestPortalLocalTimes(MinicrmHttpCase):
    """Ann's login has no time zone (as a login of the demo); her agency A
    works in Europe/Paris, agency B in Europe/Zurich. Every time the portal
    shows is the agency's local time, with its time zone named."""

    def setup_http_fixtures(self):
        self.agency_a.write({"tz": "Europe/Paris"})
        self.agency_b.write({"tz": "Europe/Zurich"})
        # 16:30 UTC in June: 18:30 in Paris.
        type(self).trip = self.create_booking(
            self.staff_a1, self.customer_a, self.company_1, state="confirmed",
            pickup_datetime="%d-06-15 16:30:00" % NEXT_YEAR,
            dropoff_datetime="%d-06-15 18:05:00" % NEXT_YEAR)
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD, "tz": False})
        type(self).ann_login = login.login

    def test_bookings_list_and_page_show_the_agencys_local_time_and_zone(self):
        self.login(self.ann_login, PASSWORD)
        listed = self.url_open("/my/bookings").text
        row = re.search(r'href="/my/bookings/%d".*?</tr>' % self.trip.id, listed, re.S).group(0)
        self.assertIn("18:30", row)
        self.assertIn("Europe/Paris", row)
        self.assertNotIn("16:30", row)
        page = self.url_open("/my/bookings/%d" % self.trip.id).text
        self.assertRegex(page, r'class="o_minicrm_pickup">[^<]*\b18:30<')
        self.assertRegex(page, r'class="o_minicrm_dropoff"[^>]*>[^<]*\b20:05<')
        self.assertIn('<dd class="o_minicrm_tz">Europe/Paris</dd>', page)
        self.assertNotIn("18:30:00", page)

    def test_a_request_typed_in_the_agencys_zone_is_listed_at_that_time(self):
        self.login(self.ann_login, PASSWORD)
        url = "/quote/%s" % self.agency_a.quote_slug
        form = self.url_open(url).text
        self.assertIn("Europe/Paris", form)
        response = self.url_open(url, data={
            "firstname": "Ann", "lastname": "Smith", "email": "ann.smith@example.com",
            "phone": "", "pickup_location": "Nice Airport", "dropoff_location": "Cannes",
            "pickup_datetime": "%d-06-20T09:30" % NEXT_YEAR, "dropoff_datetime": "",
            "passengers": "1", "rental_company_id": str(self.company_1.id), "notes": "",
            "company_website": "", "csrf_token": CSRF_RE.search(form).group(1)})
        self.assertEqual(response.status_code, 200)
        # The thank-you page leads back to her account.
        self.assertIn('href="/my"', response.text)
        self.assertIn('href="/my/requests"', response.text)
        stored = self.in_test_cursor(lambda env: env["minicrm.booking"].search(
            [("kind", "=", "request"), ("dropoff_location", "=", "Cannes")]).pickup_datetime)
        self.assertEqual(stored, "%d-06-20 07:30:00" % NEXT_YEAR)
        listed = self.url_open("/my/requests").text
        row = re.search(r'<tr>\s*<td><a href="/my/requests/\d+"[^<]*</a></td>\s*'
                        r'<td class="o_minicrm_pickup">(.*?)</td>\s*<td>Nice Airport → Cannes',
                        listed, re.S)
        self.assertTrue(row, "the request is listed")
        self.assertIn("09:30", row.group(1))
        self.assertIn("Europe/Paris", row.group(1))
