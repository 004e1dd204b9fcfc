# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
import os
import subprocess

from lxml import etree

from odoo import SUPERUSER_ID, api
from odoo.tests.common import PORT, HttpCase, at_install, post_install
from odoo.tools.safe_eval import safe_eval

from .common import BROWSER_PYTHON, SCREENSHOT_DIR, SCRIPTS_DIR

TOUR = os.path.join(SCRIPTS_DIR, "live_search_browser_tour.py")
# The keystroke request scripts/benchmark.py replays, with its placeholders.
BENCH_REQUEST = os.path.join(SCRIPTS_DIR, "bench_requests", "customer_keystroke.json")
# The Bookings list's keystroke request it replays, captured for BOOKING_TEXTS[0].
BOOKING_BENCH_REQUEST = os.path.join(SCRIPTS_DIR, "bench_requests", "booking_keystroke.json")
BENCH_FRAGMENT, BENCH_ACTION = "%(fragment)s", "%(action)s"
STAFF_LOGIN = "anna.staff@alpha-travel.example"
TEXTS = ["", "m", "ma", "mar", "mart", "sophie", "marco", "06 11 22", "+33 6 11 22",
         "Dubois, Sophie", "zzqx", "o", "o|end_users"]
# Typed in the Bookings list: customer, phone, rental company, places
# (without the accent), a reference and words of two kinds at once.
BOOKING_TEXTS = ["sophie", "06 11 22", "riviera", "gva", "cote d'azur", "sophie gva"]


@at_install(False)
@post_install(True)
class TestLiveSearchBrowser(HttpCase):
    """Headless Chromium as the demo staff user Anna: the customer list
    follows the search box letter by letter, after a fast burst, and when
    an older reply comes late; Enter still makes a facet; phone numbers
    are found in any form; the pager counts up to a cap, exactly on click."""

    def expected_rows(self):
        """What the list must show for each text: the server's own answer
        for Anna, with the customer action's domain."""
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            staff = env["res.users"].search([("login", "=", STAFF_LOGIN)])
            action = env.ref("minicrm_agency.action_minicrm_customer")
            capped = action.copy({"name": "Customers (5 a page)", "limit": 5,
                                  "context": action.context.replace(
                                      "'minicrm_count_limit': 1000",
                                      "'minicrm_count_limit': 5")})
            Partner = env["res.partner"].sudo(staff)
            expected = {}
            for key in TEXTS:
                text, _separator, search_filter = key.partition("|")
                domain = [("customer_state", "!=", False)]
                if text:
                    domain.append(("minicrm_search", "ilike", text))
                if search_filter == "end_users":
                    domain.append(("customer_state", "=", "end"))
                expected[key] = Partner.search(domain).mapped("name")
            states = dict(Partner._fields["customer_state"]._description_selection(env))
            groups = sorted(set(states[state] for state in Partner.search(
                [("customer_state", "=", "end"), ("minicrm_search", "ilike", "o")]
            ).mapped("customer_state")))
            bookings = self.expected_bookings(env, staff, Partner)
        return action.id, capped.id, expected, groups, bookings

    def expected_bookings(self, env, staff, Partner):
        """What the Bookings list must show for each text: the references
        the server finds for Anna with the action's domain and the search
        view's first field (the one the box uses)."""
        action = env.ref("minicrm_agency.action_minicrm_booking")
        field = etree.fromstring(action.search_view_id.arch).xpath("//field")[0].get("name")
        Booking = env["minicrm.booking"].sudo(staff)
        domain = safe_eval(action.domain)
        texts = BOOKING_TEXTS + [Booking.search(domain, limit=1).name]
        views = [[view_id, "list"] for view_id, mode in action.read(["views"])[0]["views"]
                 if mode == "tree"]
        list_view = Booking.with_context(safe_eval(action.context)).load_views(
            views or [[False, "list"]], {"action_id": action.id})["fields_views"]["list"]
        return {"action_id": action.id, "all": len(Booking.search(domain)),
                "list_fields": sorted(list_view["fields"]),
                # the benchmark's database has every addon of the project
                "all_addons": bool(env["ir.module.module"].search_count(
                    [("name", "=", "minicrm_agency_account"), ("state", "=", "installed")])),
                "expected": {text: Booking.search(domain + [(field, "ilike", text)]).mapped("name")
                             for text in texts}}

    def test_customer_list_filters_as_you_type(self):
        if not BROWSER_PYTHON:
            self.skipTest("run through scripts/test.sh, which provides Playwright")
        action_id, capped_id, expected, groups, bookings = self.expected_rows()
        # The texts the tour types must tell the rows apart.
        self.assertEqual(expected["mart"], ["Claire-Marie Martin"])
        self.assertEqual(expected["06 11 22"], ["Sophie Dubois"])
        self.assertGreater(len(expected["m"]), len(expected["ma"]))
        self.assertEqual(expected["zzqx"], [])
        for text, references in bookings["expected"].items():
            self.assertTrue(0 < len(references) < bookings["all"], (text, references))
        result = subprocess.run(
            [BROWSER_PYTHON, TOUR, "http://127.0.0.1:%s" % PORT, STAFF_LOGIN, "demo",
             str(action_id), str(capped_id), json.dumps(expected), SCREENSHOT_DIR,
             json.dumps({key: bookings[key] for key in ("action_id", "expected")})],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        self.assertEqual(result.returncode, 0, result.stderr.decode()[-3000:])
        seen = json.loads(result.stdout.decode().strip().splitlines()[-1])
        self.assertEqual(seen["errors"], [])
        for step in seen["steps"]:
            self.assertEqual(step["rows"], step["expected"], step)
        # Letter by letter, the text stays in the box (no facet until Enter).
        self.assertEqual([step["input"] for step in seen["steps"][1:5]], ["m", "ma", "mar", "mart"])
        # Leaving the box keeps the text that filters the list.
        blurred = [step for step in seen["steps"] if step["step"] == "blurred"][0]
        self.assertEqual(blurred["input"], "mart")
        # Six letters typed fast: one search after the pause, not one a letter.
        self.assertLessEqual(seen["burst_searches"], 2, seen)
        self.assertIn("marco", seen["facet"])
        # Enter before the pause's search: one search (and opening a row
        # right after Enter raised no error: seen["errors"] above).
        self.assertEqual(seen["enter_searches"], 1, seen)
        # A filter and a grouping keep the text in the box and in the search.
        self.assertLess(len(expected["o|end_users"]), len(expected["o"]))
        self.assertEqual(seen["filtered"]["input"], "o")
        self.assertEqual([name.split(" (")[0] for name in seen["filtered"]["groups"]], groups)
        self.assertEqual(seen["pager"]["capped"], "5+")
        self.assertEqual(seen["pager"]["exact"], str(len(expected[""])))
        self.assertEqual(seen["pager"]["next_page"], "6-10 / %d" % len(expected[""]))
        self.assertEqual(seen["pager"]["typed_m"], "1-5 / 5+")
        # A search that finds nothing says so, not "Add the first customer".
        self.assertIn("Nothing matches this search", seen["no_match"])
        # The Bookings list follows the box over customers, places, companies.
        self.assertEqual([step["text"] for step in seen["bookings"]],
                         list(bookings["expected"]))
        for step in seen["bookings"]:
            self.assertEqual(step["rows"], step["expected"], step)
            self.assertEqual(step["input"], step["text"], step)
        # What the web client posted for "mart" is what `make bench` replays.
        self.assertEqual(self.replayable(seen["keystroke_request"], "mart", action_id),
                         self.replayed(), "The web client's keystroke request changed: "
                         "write this into %s so that the benchmark times it:\n%s" % (
                             BENCH_REQUEST, json.dumps(self.replayable(
                                 seen["keystroke_request"], "mart", action_id), indent=2)))
        # And what it posted in the Bookings list for the first text typed
        # there. Its columns are the list view's, which depend on the addons
        # installed (the invoices addon links the invoice itself): here they
        # must be those load_views gives Anna; the benchmark, with every
        # addon installed, checks the capture's the same way.
        booking_request = self.replayable(seen["booking_keystroke_request"], BOOKING_TEXTS[0],
                                          bookings["action_id"])
        self.assertEqual(sorted(booking_request["params"]["fields"]), bookings["list_fields"])
        replayed = self.replayed(BOOKING_BENCH_REQUEST)
        if not bookings["all_addons"]:
            replayed["params"]["fields"] = booking_request["params"]["fields"]
        self.assertEqual(booking_request, replayed,
                         "The web client's keystroke request in the Bookings list changed: "
                         "write this into %s so that the benchmark times it:\n%s" % (
                             BOOKING_BENCH_REQUEST, json.dumps(booking_request, indent=2)))

    @staticmethod
    def replayable(body, text, action_id):
        """A captured request as scripts/benchmark.py replays it: the text
        typed, the action's id and the user's own context are filled in there."""
        body = {key: value for key, value in body.items() if key != "id"}
        params = body["params"] = dict(body["params"])
        params["domain"] = [[BENCH_FRAGMENT if value == text else value for value in leaf]
                            if isinstance(leaf, list) else leaf for leaf in params["domain"]]
        context = params["context"] = {key: value for key, value in params["context"].items()
                                       if key not in ("lang", "tz", "uid")}
        if context.get("params", {}).get("action") == action_id:
            context["params"] = dict(context["params"], action=BENCH_ACTION)
        return body

    @staticmethod
    def replayed(path=BENCH_REQUEST):
        with open(path) as handle:
            return json.load(handle)
