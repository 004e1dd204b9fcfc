# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

import psycopg2
from psycopg2.extras import execute_values

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .res_partner_search import search_text

_logger = logging.getLogger(__name__)

# The booking lists' indexes (README, Performance). The trigram index finds
# the bookings of a rare fragment; the list index gives the first page of a
# common one in list order (pickup, newest first) and stops early, holding
# what the search, the action's domain and the record rule read (INCLUDE).
TRIGRAM_INDEX = "minicrm_booking_search_text_trgm_idx"
LIST_INDEX = "minicrm_booking_list_idx"
LIST_INDEX_INCLUDES = ("kind", "rental_company_id", "minicrm_search_text")
# The staff rule says "own agency" and "reachable rental companies", the
# action "bookings" or "requests": three correlated conditions that
# PostgreSQL would multiply without joint statistics, expecting too few
# matches and sorting them instead of walking the list index.
RULE_STATISTICS = "minicrm_booking_rule_stats"
RULE_COLUMNS = ("agency_id", "rental_company_id", "kind")
SEARCH_TEXT_STATISTICS = 1000
BATCH = 10000


def booking_search_text(reference, pickup_location, dropoff_location, company,
                        customer_text):
    """What the booking search compares: the booking's own words and its
    customer's search text (name, email, E.164 phone digits)."""
    return search_text(reference, pickup_location, dropoff_location, company,
                       customer_text) or None


def fill_booking_search_text(cr, where="TRUE", params=()):
    """The stored search text of many bookings at once (an upgrade, a
    rental company renamed), computed as the ORM computes it, read and
    written in batches of ids. ``where`` is a fixed SQL condition on
    ``booking``, with its ``params``."""
    last_id = 0
    while True:
        # A fixed SQL fragment from the callers, parameters apart.
        # pylint: disable=sql-injection
        cr.execute("""SELECT booking.id, booking.name, booking.pickup_location,
                             booking.dropoff_location, company.name, customer.minicrm_search_text
                        FROM minicrm_booking booking
                   LEFT JOIN minicrm_rental_company company
                          ON company.id = booking.rental_company_id
                   LEFT JOIN res_partner customer ON customer.id = booking.customer_id
                       WHERE booking.id > %%s AND %s
                    ORDER BY booking.id LIMIT %%s""" % where, (last_id,) + tuple(params) + (BATCH,))
        rows = cr.fetchall()
        if not rows:
            return
        execute_values(cr, """UPDATE minicrm_booking SET minicrm_search_text = columns.text
                                FROM (VALUES %s) AS columns (id, text)
                               WHERE minicrm_booking.id = columns.id""",
                       [(row[0], booking_search_text(*row[1:])) for row in rows])
        last_id = rows[-1][0]


class MinicrmBookingSearch(models.Model):
    """The Bookings and Requests search box: one search over the reference,
    the customer (the customer list's matching: name, email, phone in any
    form), the pickup and drop-off places and the rental company, served
    by a trigram index for rare fragments and an ordered, covering index
    for common ones, as the customer list is."""
    _inherit = "minicrm.booking"

    minicrm_search_text = fields.Char(
        "Search text", compute="_compute_minicrm_search_text", store=True,
        help="The booking's reference, places and rental company and its customer's "
             "name, email and phone digits, in lower case and without accents: what "
             "the booking search reads.")
    minicrm_search = fields.Char(
        "Reference, customer, place or company", compute="_compute_minicrm_search",
        search="_search_minicrm_search")

    @api.model_cr
    def init(self):
        """The booking lists' indexes and statistics, idempotent (see
        ResPartnerSearch.init)."""
        super(MinicrmBookingSearch, self).init()
        cr = self.env.cr
        includes = ""
        if cr._cnx.server_version >= 110000:
            includes = " INCLUDE (%s)" % ", ".join(LIST_INDEX_INCLUDES)
        # Identifiers from the constants above, not from input.
        # pylint: disable=sql-injection
        cr.execute("CREATE INDEX IF NOT EXISTS %s ON minicrm_booking "
                   "(agency_id, pickup_datetime DESC, id DESC)%s" % (LIST_INDEX, includes))
        analyze = False
        cr.execute("SELECT 1 FROM pg_statistic_ext WHERE stxname = %s", (RULE_STATISTICS,))
        if cr._cnx.server_version >= 140000 and not cr.fetchone():
            cr.execute("CREATE STATISTICS %s (mcv) ON %s FROM minicrm_booking"
                       % (RULE_STATISTICS, ", ".join(RULE_COLUMNS)))
            analyze = True
        cr.execute("""SELECT attstattarget FROM pg_attribute
                       WHERE attrelid = 'minicrm_booking'::regclass
                         AND attname = 'minicrm_search_text'""")
        if cr.fetchone()[0] != SEARCH_TEXT_STATISTICS:
            cr.execute("ALTER TABLE minicrm_booking ALTER COLUMN minicrm_search_text "
                       "SET STATISTICS %s", (SEARCH_TEXT_STATISTICS,))
            analyze = True
        if analyze:
            cr.execute("ANALYZE minicrm_booking")
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
        except psycopg2.Error as error:
            _logger.warning("pg_trgm or btree_gin is not available (%s): booking search "
                            "will read the whole list index of an agency.", error)
            return
        cr.execute("CREATE INDEX IF NOT EXISTS %s ON minicrm_booking USING gin (agency_id, "
                   "minicrm_search_text gin_trgm_ops)" % TRIGRAM_INDEX)

    # A rental company's new name (MinicrmRentalCompany.write) and a
    # customer's new search text (ResPartnerSearch._write) reach their
    # bookings in bulk, and only when they change: through the ORM, every
    # recompute of a customer's text (a confirmation promoting the customer)
    # would rewrite, and lock, all of the customer's bookings.
    @api.depends("name", "pickup_location", "dropoff_location", "rental_company_id",
                 "customer_id")
    def _compute_minicrm_search_text(self):
        for booking in self:
            # sudo: the names of the booking's own company and customer, for
            # a text read only through the booking's rules; whoever saves
            # the booking (a portal customer's request) may lack the rights
            # to read them. test_booking_search checks the text leaks nothing.
            booking.minicrm_search_text = booking_search_text(
                booking.name, booking.pickup_location, booking.dropoff_location,
                booking.rental_company_id.sudo().name,
                booking.customer_id.sudo().minicrm_search_text)

    def _compute_minicrm_search(self):
        for booking in self:
            booking.minicrm_search = False

    def _search_minicrm_search(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "="):
            raise UserError(_("The booking search only supports 'contains'."))
        domain = self.env["res.partner"]._minicrm_search_text_domain(value)
        if not domain:
            return []
        return expression.AND([self._minicrm_own_agency_domain(), domain])

    @api.model
    def _minicrm_own_agency_domain(self):
        """The staff rule's "own agency", repeated so that both indexes can
        use it (see ResPartnerSearch._minicrm_own_agency_domain)."""
        user = self.env.user
        if user._minicrm_is_operator() or not user.minicrm_agency_id:
            return []
        return [("agency_id", "=", user.minicrm_agency_id.id)]
