# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re
import unicodedata

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools import escape_psql

from .phone_number import only_digits, phone_fragment_keys, phone_search_keys

_logger = logging.getLogger(__name__)

# A search text made only of these characters is read as a phone number.
PHONE_QUERY_RE = re.compile(r"^[\d\s+().\-/]+$")
# Words of a name search: "Smith, Ann" is "Smith" and "Ann".
WORD_SEPARATORS_RE = re.compile(r"[\s,;]+")
# Below this limit PostgreSQL walks the display_name index hoping to meet the
# few matches early, and reads tens of thousands of rows (README, Performance).
PICKER_SEARCH_LIMIT = 80
# Indexes of the customer list, on customers only (partial: other partners
# are not in them). The trigram index finds a rare fragment; the list index
# gives the first page of a common one in list order and stops early, and
# holds what the search and the record rules read (INCLUDE), so that it is
# read without the table.
TRIGRAM_INDEX = "res_partner_minicrm_search_text_trgm_idx"
LIST_INDEX = "res_partner_minicrm_list_idx"
LIST_INDEX_INCLUDES = ("id", "minicrm_search_text", "active", "customer_state", "type",
                       "minicrm_login_partner", "minicrm_staff_agency_id")
# Joint statistics of the columns the search and the staff's record rule
# filter on: the search repeats the rule's "own agency" (so that indexes can
# use it), and without them PostgreSQL counts that condition twice, expects
# ten times fewer matches, and sorts thousands of rows instead of walking the
# list index (PostgreSQL 14 or later reads them for the rule's OR).
RULE_STATISTICS = "res_partner_minicrm_rule_stats"
RULE_COLUMNS = ("minicrm_agency_id", "minicrm_login_partner", "minicrm_staff_agency_id",
                "customer_state")
# A finer sample of the search text, so that PostgreSQL knows how common a
# fragment is ("mart" is one customer in twelve) and chooses between the
# two indexes by it.
SEARCH_TEXT_STATISTICS = 1000


def search_text(*values):
    """Lower case, without accents: what the search compares, so that
    "elodie" finds "Élodie" and a plain LIKE does what ILIKE would."""
    text = unicodedata.normalize("NFKD", " ".join(value for value in values if value))
    return "".join(char for char in text if not unicodedata.combining(char)).casefold()


class ResPartnerSearch(models.Model):
    """The customer list's search box and the customer pickers: one search
    over name, email, phone and mobile, served by a trigram index for rare
    fragments and an ordered, covering index for common ones."""
    _inherit = "res.partner"
    # The customer list counts its pager up to a limit (capped_count.py).
    _minicrm_count_limited = True

    minicrm_phone_digits = fields.Char(
        "Phone digits", compute="_compute_minicrm_phone_digits", store=True,
        help="A customer's phone and mobile numbers in international form (E.164 "
             "digits, read with the agency's country), for search whatever the spacing, "
             "punctuation or prefix. Empty for other partners.")
    minicrm_search_text = fields.Char(
        "Search text", compute="_compute_minicrm_search_text", store=True,
        help="A customer's name, email and phone digits, in lower case and without "
             "accents: what the customer search reads. Empty for other partners.")
    minicrm_search = fields.Char(
        "Name, email or phone", compute="_compute_minicrm_search",
        search="_search_minicrm_search")

    @api.model_cr
    def init(self):
        """The customer list's two indexes (see LIST_INDEX) and statistics
        (see RULE_STATISTICS), idempotent: pg_trgm with btree_gin for the
        agency column of the trigram index; INCLUDE needs PostgreSQL 11,
        before that the list index is plain."""
        super(ResPartnerSearch, self).init()
        cr = self.env.cr
        includes = ""
        if cr._cnx.server_version >= 110000:
            includes = " INCLUDE (%s)" % ", ".join(LIST_INDEX_INCLUDES)
        # Identifiers from the constants above, not from input.
        # pylint: disable=sql-injection
        cr.execute("CREATE INDEX IF NOT EXISTS %s ON res_partner (minicrm_agency_id, display_name)"
                   "%s WHERE customer_state IS NOT NULL" % (LIST_INDEX, includes))
        analyze = False
        cr.execute("SELECT 1 FROM pg_statistic_ext WHERE stxname = %s", (RULE_STATISTICS,))
        if cr._cnx.server_version >= 140000 and not cr.fetchone():
            cr.execute("CREATE STATISTICS %s (mcv) ON %s FROM res_partner"
                       % (RULE_STATISTICS, ", ".join(RULE_COLUMNS)))
            analyze = True
        cr.execute("""SELECT attstattarget FROM pg_attribute
                       WHERE attrelid = 'res_partner'::regclass
                         AND attname = 'minicrm_search_text'""")
        if cr.fetchone()[0] != SEARCH_TEXT_STATISTICS:
            cr.execute("ALTER TABLE res_partner ALTER COLUMN minicrm_search_text SET STATISTICS %s",
                       (SEARCH_TEXT_STATISTICS,))
            analyze = True
        if analyze:
            cr.execute("ANALYZE res_partner")
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
        except psycopg2.Error as error:
            _logger.warning("pg_trgm or btree_gin is not available (%s): customer search "
                            "will read the whole list index of an agency.", error)
            return
        cr.execute("CREATE INDEX IF NOT EXISTS %s ON res_partner USING gin (minicrm_agency_id, "
                   "minicrm_search_text gin_trgm_ops) WHERE customer_state IS NOT NULL"
                   % TRIGRAM_INDEX)

    @api.depends("customer_state", "phone", "mobile", "minicrm_agency_id.country_id")
    def _compute_minicrm_phone_digits(self):
        for partner in self:
            partner.minicrm_phone_digits = partner.customer_state and phone_search_keys(
                [partner.phone, partner.mobile], partner.minicrm_agency_id.country_id.code)

    @api.depends("customer_state", "name", "email", "minicrm_phone_digits")
    def _compute_minicrm_search_text(self):
        for partner in self:
            partner.minicrm_search_text = partner.customer_state and search_text(
                partner.name, partner.email, partner.minicrm_phone_digits) or False

    @api.multi
    def _write(self, vals):
        """A customer's new search text reaches the search text of their
        bookings (MinicrmBookingSearch), in bulk and only when it changed."""
        if "minicrm_search_text" not in vals or not self.ids:
            return super(ResPartnerSearch, self)._write(vals)
        self.env.cr.execute("SELECT id FROM res_partner WHERE id IN %s AND customer_state IS "
                            "NOT NULL AND minicrm_search_text IS DISTINCT FROM %s",
                            (tuple(self.ids), vals["minicrm_search_text"] or None))
        changed = tuple(row[0] for row in self.env.cr.fetchall())
        result = super(ResPartnerSearch, self)._write(vals)
        if changed:
            # Imported here: that module extends minicrm.booking, defined later.
            from .minicrm_booking_search import fill_booking_search_text
            fill_booking_search_text(self.env.cr, "booking.customer_id IN %s", (changed,))
            self.env["minicrm.booking"].invalidate_cache(["minicrm_search_text"])
        return result

    def _compute_minicrm_search(self):
        for partner in self:
            partner.minicrm_search = False

    def _search_minicrm_search(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "="):
            raise UserError(_("The customer search only supports 'contains'."))
        return self._minicrm_search_domain(value)

    @api.model
    def _minicrm_search_domain(self, text):
        """Name (first and last name), email, phone and mobile in one domain
        on the search text, whatever the case and accents.

        A phone-looking text matches the stored E.164 digits, whatever its
        spacing and its national or international prefix (or, typed as one
        word, the email). Other texts match when every word is found, in any
        order and with or without a comma, so "smith ann" and "Smith, Ann"
        find "Ann Smith".
        """
        domain = self._minicrm_search_text_domain(text)
        if not domain:
            return []
        return expression.AND([self._minicrm_own_agency_domain(), domain])

    @api.model
    def _minicrm_search_text_domain(self, text):
        """The conditions of ``_minicrm_search_domain`` on a field
        ``minicrm_search_text`` (customers', or bookings', which hold their
        customer's), without the agency."""
        text = (text or "").strip()
        if not text:
            return []
        digits = only_digits(text)
        if PHONE_QUERY_RE.match(text) and not digits:
            return []  # "+", "(": the start of a phone number, nothing to look for yet
        # "06" is short, but is "336" in a French agency's stored numbers:
        # a phone fragment is searched when one of its keys is long enough.
        fragments = PHONE_QUERY_RE.match(text) and phone_fragment_keys(
            text, self._minicrm_phone_region())
        if fragments:
            if len(text.split()) == 1 and text not in fragments:
                fragments.append(search_text(text))
            domain = expression.OR([[("minicrm_search_text", "like", escape_psql(fragment))]
                                    for fragment in fragments])
        else:
            domain = expression.AND([
                [("minicrm_search_text", "like", escape_psql(search_text(word)))]
                for word in WORD_SEPARATORS_RE.split(text) if word])
        return domain

    @api.model
    def _minicrm_phone_region(self):
        """The country a typed national number belongs to: the user's
        agency's, else the user's company's."""
        user = self.env.user
        country = user.minicrm_agency_id.country_id or user.company_id.country_id
        return country.code or None

    @api.model
    def _minicrm_own_agency_domain(self):
        """Staff find their agency's customers only (the record rule says
        so too); saying it in the search lets PostgreSQL use the agency
        column of both indexes instead of filtering every match."""
        user = self.env.user
        if user._minicrm_is_operator() or not user.minicrm_agency_id:
            return []
        return [("minicrm_agency_id", "=", user.minicrm_agency_id.id)]

    @api.model
    def name_search(self, name, args=None, operator="ilike", limit=100):
        """Customer pickers (context ``minicrm_customer_search``) find customers
        by the same fields as the customer list's search box."""
        if name and operator == "ilike" and self.env.context.get("minicrm_customer_search"):
            domain = expression.AND([args or [], self._minicrm_search_domain(name)])
            if not limit:
                return self.search(domain).name_get()
            found = self.search(domain, limit=max(limit, PICKER_SEARCH_LIMIT))
            return found[:limit].name_get()
        return super(ResPartnerSearch, self).name_search(
            name, args=args, operator=operator, limit=limit)
