"""Fill a database that has minicrm_agency installed with benchmark data.

    generate_data.py -c ODOO_CONF -d DB [--agencies 10] [--customers 1000000]
                     [--bookings 3000000] [--seed 42]

Agencies, rental companies and one staff user per agency go through the ORM
(a few dozen records). Customers and bookings are written with COPY, then the
stored figures (bookings count, requests count, last booking date, total spent
and spent this year) are set in
one SQL statement and the booking sequences are moved past the generated
references, so the ORM finds the rows exactly as if it had written them.
No ir.model.data rows are created. Staff logins: bench.staff.<n>@agency.example,
password "bench". The first customer of the first agency has 1,000 bookings.

The columns the generator does not fill itself come from the ORM: every
stored field of res.partner and minicrm.booking with a default (ir.default
included) gets the value default_get gives the agency's staff user with the
context of the Customers or Bookings action, as a customer or booking made
on the screen would. A NOT NULL column that neither the generator nor a
default fills stops the run before anything is written, with its name.
"""
import argparse
import collections
import datetime
import io
import random
import re
import time
import unicodedata

import odoo
from odoo import SUPERUSER_ID, api
from odoo.tools.safe_eval import safe_eval

NAMES = {
    "fr_FR": (["Claire", "Julien", "Élodie", "François", "Chloé", "Mathieu", "Amélie", "Hugo",
               "Inès", "Théo", "Léa", "Nicolas"],
              ["Martin", "Lefèvre", "Dubois", "Moreau", "Laurent", "Girard", "Rousseau",
               "Bonnet", "Mercier", "Faure"]),
    "de_DE": (["Hans", "Lukas", "Jürgen", "Anna", "Felix", "Sophie", "Jonas", "Marie", "Lena",
               "Maximilian"],
              ["Müller", "Schneider", "Weber", "Braun", "Fischer", "Wagner", "Becker", "Schäfer",
               "Koch", "Krüger"]),
    "it_IT": (["Giulia", "Marco", "Alessandro", "Francesca", "Luca", "Chiara", "Matteo",
               "Sara", "Lorenzo"],
              ["Rossi", "Bianchi", "Greco", "Esposito", "Romano", "Colombo", "Ricci",
               "Marino", "Conti"]),
    "es_ES": (["Javier", "Lucía", "Pablo", "Sofía", "Mateo", "Carmen", "Álvaro", "María"],
              ["García", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
               "Romero"]),
    "en_US": (["Grace", "Liam", "Olivia", "James", "Emily", "Oliver", "Charlotte", "Henry",
               "Amelia", "Jack"],
              ["Taylor", "O'Brien", "Smith", "Johnson", "Brown", "Wilson", "Evans", "Walker",
               "Clarke", "Wright"]),
}
PHONE_FORMATS = {
    "fr_FR": ["+33 6 {a2} {b2} {c2} {d2}", "06.{a2}.{b2}.{c2}.{d2}", "06{a2}{b2}{c2}{d2}"],
    "de_DE": ["+49 (30) {a3}{b4}", "+49 151 {a4}{b3}", "030 {a3} {b4}"],
    "it_IT": ["+39 333 {a3} {b4}", "0039 347 {a3}{b4}"],
    "es_ES": ["+34 6{a2} {b3} {c3}", "6{a2}-{b3}-{c3}"],
    "en_US": ["+1 (415) {a3}-{b4}", "+44 20 {a4} {b4}", "415.{a3}.{b4}"],
}
PLACES = ["Nice Airport", "Monaco", "Cannes", "Geneva Airport", "Zermatt", "Milan Malpensa",
          "Lake Como", "Paris CDG", "Versailles", "London Heathrow T5", "The Savoy, London",
          "Barcelona El Prat", "Sitges", "Munich Airport", "Salzburg", "Rome Fiumicino",
          "Vatican City", "Madrid Barajas", "Toledo", "Lyon Part-Dieu", "Courchevel"]
# Agency n is in the n-th country (cyclically); most of its customers too.
AGENCY_COUNTRIES = [("fr_FR", "FR"), ("de_DE", "DE"), ("it_IT", "IT"), ("es_ES", "ES"),
                    ("en_US", "US")]
LOCAL_CUSTOMERS = 0.7
DOMAINS = ["example.com", "mail.example", "example.org", "correo.example", "posta.example"]
REQUEST_STATES = ["draft", "quoted", "accepted", "cancel"]
BOOKING_STATES = ["done"] * 6 + ["confirmed"] * 3 + ["cancel"]
CHUNK = 200000
YEARS = 5
HEAVY_CUSTOMER_BOOKINGS = 1000


def ascii_slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]", "", text.lower())


# A generated agency: its rental companies, language and country, the
# currency of its amounts, and the column values the ORM gives a new
# customer and a new booking of its staff (derived_defaults).
Agency = collections.namedtuple("Agency", "id rental_company_ids lang country currency_id "
                                          "customer_defaults booking_defaults")
COPY_ESCAPES = {ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}


def copy_value(value):
    """A value in COPY's text format: None is NULL."""
    if value is None:
        return "\\N"
    return str(value).translate(COPY_ESCAPES)


def table_columns(cr, table):
    """The table's columns, each with whether it must be filled (NOT NULL
    without a database default)."""
    cr.execute("""SELECT column_name, is_nullable = 'NO' AND column_default IS NULL
                    FROM information_schema.columns
                   WHERE table_schema = current_schema() AND table_name = %s""", (table,))
    return dict(cr.fetchall())


def action_context(env, xmlid, user):
    """The context a menu's action gives the screen (as the web client evaluates it)."""
    return safe_eval(env.ref(xmlid).context or "{}", {"uid": user.id, "context": {}})


def derived_defaults(model, given):
    """The columns of model's table that the generator does not fill
    (``given``) and the ORM would: each stored field's default as
    default_get gives it to model's user and context, in the column's form.
    Fails on a NOT NULL column that nothing fills, before any row is written."""
    columns = table_columns(model.env.cr, model._table)
    names = [name for name, field in model._fields.items()
             if field.store and field.column_type and name in columns and name not in given]
    values = {}
    for name, value in model.default_get(names).items():
        field = model._fields[name]
        column_value = field.convert_to_column(value, model)
        if column_value is not None:
            values[name] = column_value
    missing = sorted(column for column, required in columns.items()
                     if required and column not in given and column not in values)
    if missing:
        raise SystemExit("%s: NOT NULL column(s) %s have no default in the ORM and the "
                         "generator does not fill them: teach scripts/generate_data.py "
                         "their values" % (model._table, ", ".join(missing)))
    return values


def copy_rows(cr, table, columns, rows):
    """COPY an iterable of tuples in chunks; None is NULL."""
    buffer, count = io.StringIO(), 0
    for row in rows:
        buffer.write("\t".join(copy_value(value) for value in row))
        buffer.write("\n")
        count += 1
        if count % CHUNK == 0:
            buffer.seek(0)
            cr.copy_from(buffer, table, columns=columns)
            buffer = io.StringIO()
    buffer.seek(0)
    cr.copy_from(buffer, table, columns=columns)
    return count


class Generator(object):

    CUSTOMER_COLUMNS = (
        "id", "name", "display_name", "firstname", "lastname", "email", "phone", "mobile",
        "lang", "minicrm_agency_id", "customer_state", "minicrm_phone_digits",
        "minicrm_search_text", "active", "customer", "supplier", "employee", "is_company",
        "type", "commercial_partner_id", "partner_share", "message_bounce", "opt_out",
        "minicrm_login_partner", "booking_count", "request_count", "minicrm_currency_id",
        "create_uid", "create_date", "write_uid", "write_date")
    BOOKING_COLUMNS = (
        "id", "name", "kind", "state", "customer_id", "agency_id", "rental_company_id",
        "pickup_datetime", "dropoff_datetime", "pickup_location", "dropoff_location", "route",
        "passenger_count", "contact_firstname", "contact_lastname", "contact_email",
        "contact_phone", "contact_mobile", "contact_lang", "invoice_name", "amount",
        "currency_id", "create_uid", "create_date", "write_uid", "write_date")

    def __init__(self, env, args):
        self.env, self.cr, self.args = env, env.cr, args
        self.rng = random.Random(args.seed)
        self.now = datetime.datetime.now().replace(microsecond=0)

    def log(self, message):
        print("[%s] %s" % (time.strftime("%H:%M:%S"), message), flush=True)

    def setup_agencies(self):
        env = self.env
        if env["minicrm.agency"].search_count([("name", "=like", "Bench Agency %")]):
            raise SystemExit("This database already holds benchmark data.")
        for lang in NAMES:
            if not env["res.lang"].search([("code", "=", lang)]):
                env["res.lang"].load_lang(lang)
        companies = env["minicrm.rental.company"]
        for number in range(1, 9):
            companies |= env["minicrm.rental.company"].create(
                {"name": "Bench Rental %02d" % number})
        self.agencies = []
        group = env.ref("minicrm_agency.group_agency_user")
        staff_users = []
        for number in range(1, self.args.agencies + 1):
            mine = companies[(number - 1) % 8:] + companies[:(number - 1) % 8]
            lang, country = AGENCY_COUNTRIES[(number - 1) % len(AGENCY_COUNTRIES)]
            # Through the ORM: whatever an agency's create() sets up (its
            # currency, its own company...) is there as on the screen.
            agency = env["minicrm.agency"].create({
                "name": "Bench Agency %02d" % number,
                "country_id": env["res.country"].search([("code", "=", country)]).id,
                "rental_company_ids": [(6, 0, mine[:3].ids)]})
            values = {
                "name": "Bench Staff %02d" % number,
                "login": "bench.staff.%d@agency.example" % number,
                "email": "bench.staff.%d@agency.example" % number,
                "password": "bench", "minicrm_agency_id": agency.id,
                "groups_id": [(6, 0, group.ids)]}
            if "company_id" in agency._fields and agency.company_id:
                # An agency that keeps its own books: its staff work in its company.
                values.update(company_id=agency.company_id.id,
                              company_ids=[(6, 0, agency.company_id.ids)])
            staff = env["res.users"].with_context(no_reset_password=True).create(values)
            staff_users.append(staff)
            self.agencies.append((agency, mine[:3].ids, lang, country))
        self.derive_defaults(staff_users)
        self.log("%d agencies, 8 rental companies, %d staff users"
                 % (len(self.agencies), len(self.agencies)))

    def derive_defaults(self, staff_users):
        """Per agency, the columns the ORM fills for a customer and a booking
        that its staff creates from the menus (derived_defaults)."""
        env, agencies = self.env, []
        customers = {}
        bookings = {}
        for staff in staff_users:
            Partner = env["res.partner"].sudo(staff).with_context(
                action_context(env, "minicrm_agency.action_minicrm_customer", staff))
            Booking = env["minicrm.booking"].sudo(staff).with_context(
                action_context(env, "minicrm_agency.action_minicrm_booking", staff))
            customers[staff] = derived_defaults(Partner, self.CUSTOMER_COLUMNS)
            bookings[staff] = derived_defaults(Booking, self.BOOKING_COLUMNS)
        # One column list for all agencies (COPY's), each agency's values.
        self.customer_default_columns = tuple(sorted(set().union(*customers.values())))
        self.booking_default_columns = tuple(sorted(set().union(*bookings.values())))
        for staff, created in zip(staff_users, self.agencies):
            agency, rental_company_ids, lang, country = created
            agencies.append(Agency(
                agency.id, rental_company_ids, lang, country, agency.currency_id.id,
                tuple(customers[staff].get(name) for name in self.customer_default_columns),
                tuple(bookings[staff].get(name) for name in self.booking_default_columns)))
        self.agencies = agencies
        self.log("columns from the ORM's defaults: res_partner %s; minicrm_booking %s" % (
            ", ".join(self.customer_default_columns) or "none",
            ", ".join(self.booking_default_columns) or "none"))

    def reserve_ids(self, sequence, count):
        self.cr.execute("SELECT nextval(%s)", (sequence,))
        first = self.cr.fetchone()[0]
        self.cr.execute("SELECT setval(%s, %s)", (sequence, first + count))
        return first

    def phone(self, lang):
        rng = self.rng
        digits = {"a2": rng.randint(10, 99), "b2": rng.randint(10, 99),
                  "c2": rng.randint(10, 99), "d2": rng.randint(10, 99),
                  "a3": rng.randint(100, 999), "b3": rng.randint(100, 999),
                  "c3": rng.randint(100, 999), "a4": rng.randint(1000, 9999),
                  "b4": rng.randint(1000, 9999)}
        return rng.choice(PHONE_FORMATS[lang]).format(**digits)

    def customer_rows(self, first_id):
        # The addon's own functions (importable once the addons path is set).
        from odoo.addons.minicrm_agency.models.phone_number import phone_search_keys
        from odoo.addons.minicrm_agency.models.res_partner_search import search_text
        rng, langs, count = self.rng, list(NAMES), self.args.customers
        self.customers = []  # (id, agency index, is_end_user, contact)
        stamp = self.now.strftime("%Y-%m-%d %H:%M:%S")
        for number in range(count):
            partner_id = first_id + number
            agency_index = number % len(self.agencies)
            agency = self.agencies[agency_index]
            agency_lang, country = agency.lang, agency.country
            lang = agency_lang if rng.random() < LOCAL_CUSTOMERS else rng.choice(langs)
            firstname, lastname = rng.choice(NAMES[lang][0]), rng.choice(NAMES[lang][1])
            name = "%s %s" % (firstname, lastname)
            email = "%s.%s.%d@%s" % (ascii_slug(firstname), ascii_slug(lastname), number,
                                     rng.choice(DOMAINS))
            phone = self.phone(lang)
            mobile = self.phone(lang) if rng.random() < 0.3 else None
            # As the ORM stores them: E.164 digits, read in the agency's country.
            digits = phone_search_keys([phone, mobile], country) or None
            end_user = number == 0 or rng.random() < 0.75
            self.customers.append((partner_id, agency_index, end_user,
                                   (firstname, lastname, email, phone, mobile, lang, name)))
            yield (partner_id, name, name, firstname, lastname, email, phone, mobile, lang,
                   agency.id, "end" if end_user else "request", digits,
                   search_text(name, email, digits),
                   "t", "t", "f", "f", "f", "contact", partner_id, "t", 0, "f", "f",
                   0, 0, agency.currency_id, SUPERUSER_ID, stamp, SUPERUSER_ID, stamp
                   ) + agency.customer_defaults

    def write_customers(self):
        columns = self.CUSTOMER_COLUMNS + self.customer_default_columns
        first_id = self.reserve_ids("res_partner_id_seq", self.args.customers)
        count = copy_rows(self.cr, "res_partner", columns, self.customer_rows(first_id))
        self.log("%d customers" % count)

    def pick_customer(self, number):
        if number < HEAVY_CUSTOMER_BOOKINGS:
            return self.customers[0]
        return self.customers[self.rng.randrange(len(self.customers))]

    def booking_rows(self, first_id):
        rng = self.rng
        start = self.now - datetime.timedelta(days=365 * (YEARS - 1))
        span = int((self.now + datetime.timedelta(days=365) - start).total_seconds())
        counters = dict(self.next_numbers)
        for number in range(self.args.bookings):
            partner_id, agency_index, end_user, contact = self.pick_customer(number)
            kind = "booking" if end_user and (number < HEAVY_CUSTOMER_BOOKINGS
                                              or rng.random() < 0.8) else "request"
            state = rng.choice(BOOKING_STATES if kind == "booking" else REQUEST_STATES)
            if not end_user and state == "accepted":
                state = "quoted"
            pickup = start + datetime.timedelta(seconds=rng.randrange(span) // 900 * 900)
            dropoff = pickup + datetime.timedelta(minutes=rng.choice([30, 45, 60, 90, 120, 240]))
            origin, destination = rng.sample(PLACES, 2)
            reference = "%s/%d/%07d" % ("BK" if kind == "booking" else "RQ", pickup.year,
                                        counters[kind])
            counters[kind] += 1
            firstname, lastname, email, phone, mobile, lang, name = contact
            agency = self.agencies[agency_index]
            yield (first_id + number, reference, kind, state, partner_id,
                   agency.id, rng.choice(agency.rental_company_ids),
                   pickup, dropoff, origin, destination, "%s → %s" % (origin, destination),
                   rng.randint(1, 4), firstname, lastname, email, phone, mobile, lang, name,
                   # A price from 40.00 to 399.99 (not from rng: same trips as before).
                   round(40 + number * 7919 % 36000 / 100.0, 2), agency.currency_id,
                   SUPERUSER_ID, pickup, SUPERUSER_ID, pickup) + agency.booking_defaults
        self.next_numbers = counters

    def write_bookings(self):
        columns = self.BOOKING_COLUMNS + self.booking_default_columns
        sequences = {kind: self.env["ir.sequence"].search([("code", "=", code)], limit=1)
                     for kind, code in (("booking", "minicrm.booking"),
                                        ("request", "minicrm.request"))}
        self.next_numbers = {kind: sequence.number_next_actual
                             for kind, sequence in sequences.items()}
        first_id = self.reserve_ids("minicrm_booking_id_seq", self.args.bookings)
        count = copy_rows(self.cr, "minicrm_booking", columns, self.booking_rows(first_id))
        for kind, sequence in sequences.items():
            # The ORM's next references come after the generated ones.
            sequence.write({"number_next": self.next_numbers[kind]})
        self.log("%d bookings and requests" % count)

    def update_figures(self):
        """The stored figures, as _compute_booking_stats computes them."""
        self.cr.execute("""
            UPDATE res_partner partner
               SET booking_count = stats.bookings, request_count = stats.requests,
                   last_booking_date = stats.last_pickup, next_pickup_date = stats.next_pickup,
                   total_spent = stats.spent, spent_this_year = stats.spent_this_year
              FROM (SELECT customer_id,
                           count(*) FILTER (WHERE kind = 'booking') AS bookings,
                           count(*) FILTER (WHERE kind = 'request') AS requests,
                           max(pickup_datetime) FILTER (WHERE kind = 'booking'
                               AND pickup_datetime <= %(now)s) AS last_pickup,
                           min(pickup_datetime) FILTER (WHERE kind = 'booking'
                               AND pickup_datetime > %(now)s) AS next_pickup,
                           coalesce(sum(amount) FILTER (WHERE kind = 'booking'
                               AND state IN ('confirmed', 'done')), 0) AS spent,
                           coalesce(sum(amount) FILTER (WHERE kind = 'booking'
                               AND state IN ('confirmed', 'done')
                               AND date_part('year', pickup_datetime) = %(year)s), 0)
                               AS spent_this_year
                      FROM minicrm_booking
                     WHERE state != 'cancel' AND customer_id >= %(first)s
                  GROUP BY customer_id) AS stats
             WHERE partner.id = stats.customer_id
        """, {"first": self.customers[0][0], "now": datetime.datetime.utcnow(),
              "year": datetime.datetime.utcnow().year})
        self.log("figures of %d customers" % self.cr.rowcount)

    def run(self):
        started = time.time()
        self.setup_agencies()
        self.write_customers()
        self.write_bookings()
        # The addon's own code (importable once the addons path is set).
        from odoo.addons.minicrm_agency.models.minicrm_booking import SPENT_AMOUNT_SQL
        from odoo.addons.minicrm_agency.models.minicrm_booking_search import \
            fill_booking_search_text
        # The bookings' search text, as the ORM computes it (in batches).
        fill_booking_search_text(self.cr)
        self.cr.execute(SPENT_AMOUNT_SQL)
        self.log("search text and spent amount of the bookings")
        self.update_figures()
        self.env.cr.commit()
        self.cr.execute("ANALYZE res_partner")
        self.cr.execute("ANALYZE minicrm_booking")
        self.log("done in %.0f s" % (time.time() - started))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--agencies", type=int, default=10)
    parser.add_argument("--customers", type=int, default=1000000)
    parser.add_argument("--bookings", type=int, default=3000000)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    if args.bookings < HEAVY_CUSTOMER_BOOKINGS or args.customers < args.agencies:
        parser.error("need at least %d bookings and one customer per agency"
                     % HEAVY_CUSTOMER_BOOKINGS)
    odoo.tools.config.parse_config(["-c", args.config, "-d", args.database])
    with api.Environment.manage(), odoo.registry(args.database).cursor() as cr:
        Generator(api.Environment(cr, SUPERUSER_ID, {}), args).run()


if __name__ == "__main__":
    main()
