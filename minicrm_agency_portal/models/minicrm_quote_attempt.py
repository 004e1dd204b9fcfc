# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# Submissions of the public quote form accepted per network address and hour.
QUOTE_ATTEMPTS_PER_HOUR = 5
QUOTE_ATTEMPTS_KEPT = datetime.timedelta(days=1)


class MinicrmQuoteAttempt(models.Model):
    """One submission of a public quote form, kept a day to limit how many
    requests one network address sends (a per-IP rate limit). The address
    is werkzeug's ``remote_addr``: Odoo replaces it with the client's own
    (X-Forwarded-For) only in proxy mode, so a visitor cannot forge it."""
    _name = "minicrm.quote.attempt"
    _description = "Public quote form submission"
    _log_access = False

    ip_address = fields.Char("IP address", required=True, index=True, readonly=True)
    submitted_on = fields.Datetime("Submitted on", required=True, index=True, readonly=True)

    @api.model
    def _minicrm_register(self, ip_address):
        """Record a submission from ``ip_address``, or refuse it with a
        clear message when that address sent too many in the last hour.

        Counting and recording are one step, in a transaction of their own
        committed at once: concurrent submissions (any number of workers)
        queue on the table lock and each counts the rows of those before
        it, and a submission whose request fails or rolls back later still
        counts. Runs as the database (visitors have no access to this
        model); it reads and writes this table only."""
        address = ip_address or "unknown"
        now = datetime.datetime.utcnow()
        # A new cursor: its own connection and transaction (in tests, the
        # shared test cursor, whose requests are serialized anyway).
        with self.pool.cursor() as cr:
            # The transaction's first statement, before its snapshot is
            # taken (Odoo's transactions are REPEATABLE READ), as
            # PostgreSQL's LOCK documentation says: the count below then
            # sees every submission committed before the lock was granted.
            # SHARE ROW EXCLUSIVE excludes itself and writes, not reads; it
            # is held for the three statements below.
            cr.execute("LOCK TABLE minicrm_quote_attempt IN SHARE ROW EXCLUSIVE MODE")
            # Old rows go in one statement, by the index on submitted_on.
            cr.execute("DELETE FROM minicrm_quote_attempt WHERE submitted_on < %s",
                       (fields.Datetime.to_string(now - QUOTE_ATTEMPTS_KEPT),))
            cr.execute("SELECT count(*) FROM minicrm_quote_attempt "
                       "WHERE ip_address = %s AND submitted_on >= %s",
                       (address, fields.Datetime.to_string(now - datetime.timedelta(hours=1))))
            allowed = cr.fetchone()[0] < QUOTE_ATTEMPTS_PER_HOUR
            if allowed:
                cr.execute("INSERT INTO minicrm_quote_attempt (ip_address, submitted_on) "
                           "VALUES (%s, %s)", (address, fields.Datetime.to_string(now)))
        if not allowed:
            raise ValidationError(_(
                "Too many quote requests were sent from your network in the last hour. "
                "Please try again later, or write to the agency by email."))
        return True
