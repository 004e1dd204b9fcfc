# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
import re

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

from .phone_number import MIN_PHONE_DIGITS, only_digits, phone_fragment_keys, phone_search_keys

_logger = logging.getLogger(__name__)

# A search text made only of these characters is read as a phone number.
PHONE_QUERY_RE = re.compile(r"^[\d\s+().\-/]+$")
# Words of a name search: "Smith, Ann" is "Smith" and "Ann".
WORD_SEPARATORS_RE = re.compile(r"[\s,;]+")
# Below this limit PostgreSQL walks the display_name index hoping to meet the
# few matches early, and reads tens of thousands of rows (README, Performance).
PICKER_SEARCH_LIMIT = 80
# The search box's `ilike` on these columns is served by trigram indexes that
# start with the agency, so that a staff search reads its own agency's
# matches only.
TRIGRAM_COLUMNS = ("name", "email", "minicrm_phone_digits")


class ResPartnerSearch(models.Model):
    """The customer list's search box and the customer pickers: one search
    over name, email, phone and mobile, served by trigram indexes."""
    _inherit = "res.partner"
    # The customer list counts its pager up to a limit (capped_count.py).
    _minicrm_count_limited = True

    minicrm_phone_digits = fields.Char(
        "Phone digits", compute="_compute_minicrm_phone_digits", store=True,
        help="The phone and mobile numbers in international form (E.164 digits, read "
             "with the agency's country), for search whatever the spacing, punctuation "
             "or prefix.")
    minicrm_search = fields.Char(
        "Name, email or phone", compute="_compute_minicrm_search",
        search="_search_minicrm_search")

    @api.model_cr
    def init(self):
        """GIN indexes of (agency, trigrams of the column), so that `ilike
        '%fragment%'` does not scan the table (pg_trgm, with btree_gin for
        the agency). Idempotent: an upgrade leaves existing ones alone."""
        super(ResPartnerSearch, self).init()
        cr = self.env.cr
        try:
            with cr.savepoint():
                cr.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                cr.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
        except psycopg2.Error as error:
            _logger.warning("pg_trgm or btree_gin is not available (%s): customer search "
                            "will scan the partner table.", error)
            return
        for column in TRIGRAM_COLUMNS:
            # Identifiers from the constant above, not from input.
            # pylint: disable=sql-injection
            cr.execute("CREATE INDEX IF NOT EXISTS res_partner_minicrm_%s_trgm_idx ON res_partner "
                       "USING gin (minicrm_agency_id, %s gin_trgm_ops)" % (column, column))

    @api.depends("phone", "mobile", "minicrm_agency_id.country_id")
    def _compute_minicrm_phone_digits(self):
        for partner in self:
            partner.minicrm_phone_digits = phone_search_keys(
                [partner.phone, partner.mobile], partner.minicrm_agency_id.country_id.code)

    def _compute_minicrm_search(self):
        for partner in self:
            partner.minicrm_search = False

    def _search_minicrm_search(self, operator, value):
        if operator not in ("ilike", "like", "=ilike", "="):
            raise UserError(_("The customer search only supports 'contains'."))
        return self._minicrm_search_domain(value)

    @api.model
    def _minicrm_search_domain(self, text):
        """Name (first and last name), email, phone and mobile in one domain.

        A phone-looking text matches the stored E.164 digits, whatever its
        spacing and its national or international prefix, or (typed without
        spaces) the email. Other texts match when every word is found in the
        name or the email, in any order and with or without a comma, so
        "smith ann" and "Smith, Ann" find "Ann Smith". Each condition can
        use a trigram index.
        """
        text = (text or "").strip()
        if not text:
            return []
        digits = only_digits(text)
        if PHONE_QUERY_RE.match(text) and len(digits) >= MIN_PHONE_DIGITS:
            domain = expression.OR([
                [("minicrm_phone_digits", "like", key)]
                for key in phone_fragment_keys(text, self._minicrm_phone_region())])
            if len(text.split()) == 1:
                domain = expression.OR([domain, [("email", "ilike", text)]])
        else:
            domain = expression.AND([
                ["|", ("name", "ilike", word), ("email", "ilike", word)]
                for word in WORD_SEPARATORS_RE.split(text) if word])
        return expression.AND([self._minicrm_own_agency_domain(), domain])

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
        column of the trigram indexes instead of filtering every match."""
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
