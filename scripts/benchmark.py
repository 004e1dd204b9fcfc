"""Time the customer list, search, form and export on a generated database.

    benchmark.py -c ODOO_CONF -d DB [--runs 7] [--json FILE]

Everything runs through the ORM as the staff user of the first generated
agency (bench.staff.1@agency.example), with record rules active. In the same
run, the same search fragments go through stock Odoo's partner search domain
(`display_name`/`email` ilike, as superuser, without this module's trigram
indexes: they are dropped inside a transaction that is rolled back).
Prints a table and writes it as JSON. Figures are server time in ms.
"""
import argparse
import json
import resource
import statistics
import time

import odoo
from odoo import SUPERUSER_ID, api

STAFF_LOGIN = "bench.staff.1@agency.example"
FRAGMENTS = {"name": "mart", "email": "cia.", "phone": "2345"}
LIST_FIELDS = ["name", "email", "phone", "booking_count", "last_booking_date"]
CUSTOMERS = [("customer_state", "!=", False)]
HISTORY_FIELDS = ["name", "pickup_datetime", "route", "state", "invoice_number",
                  "rental_company_id"]
EXPORT_SIZE = 100000
TRIGRAM_INDEXES = ["res_partner_minicrm_name_trgm_idx", "res_partner_minicrm_email_trgm_idx",
                   "res_partner_minicrm_minicrm_phone_digits_trgm_idx"]


def stock_domain(fragment):
    """The stock partner search view's "Name" filter."""
    return ["|", "|", ("display_name", "ilike", fragment), ("ref", "=", fragment),
            ("email", "ilike", fragment)]


def measure(function, runs):
    function()  # warm-up: caches, plans
    timings = []
    for _run in range(runs):
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(timings), 2), "min_ms": round(min(timings), 2),
            "max_ms": round(max(timings), 2), "runs": runs}


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class Benchmark(object):

    def __init__(self, cr, runs):
        self.cr, self.runs = cr, runs
        admin = api.Environment(cr, SUPERUSER_ID, {})
        self.staff = admin["res.users"].search([("login", "=", STAFF_LOGIN)])
        if not self.staff:
            raise SystemExit("No benchmark data here: run `make bench-data` first.")
        self.admin_env = admin
        self.env = api.Environment(cr, self.staff.id, {})
        self.results = {"customers": admin["res.partner"].search_count(CUSTOMERS),
                        "bookings": admin["minicrm.booking"].search_count([]),
                        "staff_agency_customers": self.env["res.partner"].search_count(CUSTOMERS),
                        "timings": {}}

    def fresh(self, model):
        self.env[model].invalidate_cache()
        return self.env[model]

    def record(self, name, function, **extra):
        result = measure(function, self.runs)
        result.update(extra)
        self.results["timings"][name] = result
        print("  %-42s %9.1f %9.1f %9.1f" % (
            name, result["median_ms"], result["min_ms"], result["max_ms"]), flush=True)
        return result

    def run_searches(self):
        for kind, fragment in FRAGMENTS.items():
            domain = CUSTOMERS + [("minicrm_search", "ilike", fragment)]
            found = len(self.env["res.partner"].search(domain, limit=80))
            self.record("search %s '%s' (limit 80)" % (kind, fragment),
                        lambda: self.fresh("res.partner").search(domain, limit=80),
                        rows=found)
            self.record("search_count %s '%s'" % (kind, fragment),
                        lambda: self.fresh("res.partner").search_count(domain),
                        rows=self.env["res.partner"].search_count(domain))
        picker = self.env["res.partner"].with_context(minicrm_customer_search=True)
        self.record("name_search name '%s' (limit 8)" % FRAGMENTS["name"],
                    lambda: picker.name_search(FRAGMENTS["name"], args=CUSTOMERS, limit=8))

    def run_list_and_form(self):
        self.record("list page: search_read 80 customers",
                    lambda: self.fresh("res.partner").search_read(CUSTOMERS, LIST_FIELDS, limit=80))
        heavy = self.env["res.partner"].search(CUSTOMERS, order="booking_count desc", limit=1)
        form = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        form_fields = list(self.env["res.partner"].fields_view_get(form.id, "form")["fields"])

        def open_form():
            customer = self.fresh("res.partner").browse(heavy.id)
            values = customer.read(form_fields)[0]
            # The web client then reads the first page of the history tab.
            self.fresh("minicrm.booking").browse(values["booking_ids"][:40]).read(HISTORY_FIELDS)
        bookings = len(heavy.booking_ids)
        self.record("form: customer with %d bookings" % bookings, open_form)

    def run_export(self):
        customers = self.env["res.partner"].search(CUSTOMERS, limit=EXPORT_SIZE)
        before = rss_mb()

        def export():
            rows = self.fresh("res.partner").browse(customers.ids).export_data(LIST_FIELDS)
            assert len(rows["datas"]) == len(customers)
        self.record("export_data %d customers" % len(customers), export,
                    rss_before_mb=round(before, 1))
        self.results["timings"]["export_data %d customers" % len(customers)][
            "peak_rss_mb"] = round(rss_mb(), 1)

    def run_stock(self):
        """Stock domain, superuser, no trigram index: dropped in a savepoint."""
        ratios, typing = {}, {}
        self.cr.execute("SAVEPOINT stock")
        for index in TRIGRAM_INDEXES:
            self.cr.execute("DROP INDEX IF EXISTS %s" % index)
        Partner = self.admin_env["res.partner"]
        for kind, fragment in FRAGMENTS.items():
            domain = stock_domain(fragment) if kind != "phone" else [("phone", "ilike", fragment)]
            stock = self.record("stock: search %s '%s' (limit 80)" % (kind, fragment),
                                lambda: Partner.search(domain, limit=80))
            stock_count = self.record("stock: search_count %s '%s'" % (kind, fragment),
                                      lambda: Partner.search_count(domain))
            timings = self.results["timings"]
            ours = timings["search %s '%s' (limit 80)" % (kind, fragment)]
            ours_count = timings["search_count %s '%s'" % (kind, fragment)]
            ratios[kind] = round(stock["median_ms"] / ours["median_ms"], 1)
            # What the list does on each keystroke: one page and the count.
            typing[kind] = round((stock["median_ms"] + stock_count["median_ms"])
                                 / (ours["median_ms"] + ours_count["median_ms"]), 1)
        self.cr.execute("ROLLBACK TO SAVEPOINT stock")
        self.results["stock_ratio"] = ratios
        self.results["stock_ratio_search_and_count"] = typing

    def run(self):
        print("%d customers, %d bookings; staff user sees %d customers" % (
            self.results["customers"], self.results["bookings"],
            self.results["staff_agency_customers"]))
        print("  %-42s %9s %9s %9s" % ("operation", "median", "min", "max"))
        self.run_searches()
        self.run_list_and_form()
        self.run_stock()
        self.run_export()
        print("stock / minicrm, search (limit 80): %s" % self.results["stock_ratio"])
        print("stock / minicrm, search + search_count: %s"
              % self.results["stock_ratio_search_and_count"])
        return self.results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", default="benchmark.json")
    args = parser.parse_args()
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    with api.Environment.manage(), odoo.registry(args.database).cursor() as cr:
        results = Benchmark(cr, args.runs).run()
        cr.rollback()
    results.update(date=time.strftime("%Y-%m-%d %H:%M"), database=args.database)
    with open(args.json, "w") as handle:
        json.dump(results, handle, indent=2)
    print("written to %s" % args.json)


if __name__ == "__main__":
    main()
