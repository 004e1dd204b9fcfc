# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Install on a database that already holds many partners without computing
the new stored fields row by row through the ORM."""

# Same result as ResPartner._compute_minicrm_phone_digits.
PHONE_DIGITS_SQL = """
    UPDATE res_partner
       SET minicrm_phone_digits = NULLIF(concat_ws(' ',
               NULLIF(regexp_replace(phone, '\\D', '', 'g'), ''),
               NULLIF(regexp_replace(mobile, '\\D', '', 'g'), '')), '')
     WHERE (phone IS NOT NULL OR mobile IS NOT NULL) AND {where}
"""


def fill_phone_digits(cr, partner_ids=None):
    if partner_ids is None:
        cr.execute(PHONE_DIGITS_SQL.format(where="TRUE"))
    else:
        cr.execute(PHONE_DIGITS_SQL.format(where="id IN %s"), (tuple(partner_ids),))


def pre_init_hook(cr):
    """Create res.partner's stored computed columns before Odoo does: Odoo
    computes a new column for every row, but an existing one is left alone.
    No partner has bookings yet, so the figures are empty (read as 0)."""
    cr.execute("""
        ALTER TABLE res_partner
            ADD COLUMN IF NOT EXISTS booking_count integer,
            ADD COLUMN IF NOT EXISTS request_count integer,
            ADD COLUMN IF NOT EXISTS last_booking_date timestamp without time zone,
            ADD COLUMN IF NOT EXISTS next_pickup_date timestamp without time zone,
            ADD COLUMN IF NOT EXISTS minicrm_phone_digits varchar
    """)
    fill_phone_digits(cr)
