# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install on a database that already holds many partners without computing
the new stored fields row by row through the ORM."""

from psycopg2.extras import execute_values

from .models.phone_number import phone_search_keys

BATCH = 10000


def fill_phone_digits(cr, partner_ids=None, with_agency=True):
    """ResPartner._compute_minicrm_phone_digits for many partners at once:
    read in one query, written in batches. ``with_agency`` False: before the
    agency table exists (install), numbers are read without a country."""
    agency_join = ("LEFT JOIN minicrm_agency agency ON agency.id = partner.minicrm_agency_id "
                   "LEFT JOIN res_country country ON country.id = agency.country_id"
                   if with_agency else "")
    where = "partner.id IN %s" if partner_ids is not None else "TRUE"
    # Fixed SQL fragments, parameters apart.
    # pylint: disable=sql-injection
    cr.execute("""SELECT partner.id, partner.phone, partner.mobile, %s
                    FROM res_partner partner %s
                   WHERE (partner.phone IS NOT NULL OR partner.mobile IS NOT NULL) AND %s"""
               % ("country.code" if with_agency else "NULL", agency_join, where),
               (tuple(partner_ids),) if partner_ids is not None else ())
    rows = [(partner_id, phone_search_keys([phone, mobile], region) or None)
            for partner_id, phone, mobile, region in cr.fetchall()]
    for start in range(0, len(rows), BATCH):
        execute_values(cr, """UPDATE res_partner SET minicrm_phone_digits = keys.digits
                                FROM (VALUES %s) AS keys (id, digits)
                               WHERE res_partner.id = keys.id""", rows[start:start + BATCH])


def pre_init_hook(cr):
    """Create res.partner's stored computed columns before Odoo does: Odoo
    computes a new column for every row, but an existing one is left alone.
    No partner has bookings yet, so the figures are empty (read as 0)."""
    cr.execute("""
        ALTER TABLE res_partner
            ADD COLUMN IF NOT EXISTS booking_count integer,
            ADD COLUMN IF NOT EXISTS request_count integer,
            ADD COLUMN IF NOT EXISTS last_booking_date timestamp without time zone,
            ADD COLUMN IF NOT EXISTS minicrm_phone_digits varchar
    """)
    fill_phone_digits(cr, with_agency=False)
