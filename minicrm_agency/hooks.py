# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install on a database that already holds many partners without computing
the new stored fields row by row through the ORM."""
from psycopg2.extras import execute_values

from .models.phone_number import phone_search_keys
from .models.res_partner_search import search_text

BATCH = 10000


def fill_search_columns(cr, partner_ids=None):
    """The customer search's stored columns (ResPartnerSearch's phone digits
    and search text) of many customers at once: read in one query, computed
    as the ORM computes them, written in batches."""
    where = "partner.id IN %s" if partner_ids is not None else "TRUE"
    # A fixed SQL fragment, parameters apart.
    # pylint: disable=sql-injection
    cr.execute("""SELECT partner.id, partner.name, partner.email, partner.phone, partner.mobile,
                         country.code
                    FROM res_partner partner
               LEFT JOIN minicrm_agency agency ON agency.id = partner.minicrm_agency_id
               LEFT JOIN res_country country ON country.id = agency.country_id
                   WHERE partner.customer_state IS NOT NULL AND %s""" % where,
               (tuple(partner_ids),) if partner_ids is not None else ())
    rows = []
    for partner_id, name, email, phone, mobile, region in cr.fetchall():
        digits = phone_search_keys([phone, mobile], region) or None
        rows.append((partner_id, digits, search_text(name, email, digits)))
    for start in range(0, len(rows), BATCH):
        execute_values(cr, """UPDATE res_partner
                                 SET minicrm_phone_digits = columns.digits,
                                     minicrm_search_text = columns.text
                                FROM (VALUES %s) AS columns (id, digits, text)
                               WHERE res_partner.id = columns.id""", rows[start:start + BATCH])


def pre_init_hook(cr):
    """Create res.partner's stored computed columns before Odoo does: Odoo
    computes a new column for every row, but an existing one is left alone.
    No partner is a customer yet: the figures and search columns are empty."""
    cr.execute("""
        ALTER TABLE res_partner
            ADD COLUMN IF NOT EXISTS booking_count integer,
            ADD COLUMN IF NOT EXISTS request_count integer,
            ADD COLUMN IF NOT EXISTS last_booking_date timestamp without time zone,
            ADD COLUMN IF NOT EXISTS next_pickup_date timestamp without time zone,
            ADD COLUMN IF NOT EXISTS total_spent numeric,
            ADD COLUMN IF NOT EXISTS spent_this_year numeric,
            ADD COLUMN IF NOT EXISTS minicrm_phone_digits varchar,
            ADD COLUMN IF NOT EXISTS minicrm_search_text varchar,
            ADD COLUMN IF NOT EXISTS minicrm_currency_id integer
    """)
