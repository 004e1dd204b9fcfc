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
        Call as superuser (visitors have no access to this model)."""
        now = datetime.datetime.utcnow()
        # Old rows go in one statement, by the index on submitted_on.
        self.env.cr.execute("DELETE FROM minicrm_quote_attempt WHERE submitted_on < %s",
                            (fields.Datetime.to_string(now - QUOTE_ATTEMPTS_KEPT),))
        recent = self.search_count([
            ("ip_address", "=", ip_address or "unknown"),
            ("submitted_on", ">=", fields.Datetime.to_string(now - datetime.timedelta(hours=1)))])
        if recent >= QUOTE_ATTEMPTS_PER_HOUR:
            raise ValidationError(_(
                "Too many quote requests were sent from your network in the last hour. "
                "Please try again later, or write to the agency by email."))
        return self.create({"ip_address": ip_address or "unknown",
                            "submitted_on": fields.Datetime.to_string(now)})
