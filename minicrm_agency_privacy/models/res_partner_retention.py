# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging
import time

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

_logger = logging.getLogger(__name__)

RETENTION_BATCH = 200
# Not while a trip is to come (a request or booking not cancelled), nor while
# a customer has an unpaid invoice (with the invoices addon).
NO_TRIP_TO_COME = """
    NOT EXISTS (SELECT 1 FROM minicrm_booking future
                 WHERE future.customer_id = p.id AND future.state != 'cancel'
                   AND future.pickup_datetime >= %(now)s)"""
NO_UNPAID_INVOICE = """
    AND NOT EXISTS (SELECT 1 FROM account_invoice invoice
                     WHERE (invoice.minicrm_customer_id = p.id OR invoice.partner_id = p.id)
                       AND invoice.state IN ('draft', 'open'))"""
# Request users who never booked, with no request since the cut-off.
REQUEST_USERS = """
    SELECT p.id FROM res_partner p
     WHERE p.minicrm_agency_id = %(agency)s AND p.customer_state = 'request'
       AND p.minicrm_anonymised IS NOT TRUE AND p.create_date < %(cutoff)s
       AND NOT EXISTS (SELECT 1 FROM minicrm_booking b
                        WHERE b.customer_id = p.id
                          AND (b.kind = 'booking' OR b.create_date >= %(cutoff)s))
       AND {no_trip}{no_invoice}
     ORDER BY p.id"""
# Customers with no trip (not cancelled) since the cut-off.
CUSTOMERS = """
    SELECT p.id FROM res_partner p
     WHERE p.minicrm_agency_id = %(agency)s AND p.customer_state = 'end'
       AND p.minicrm_anonymised IS NOT TRUE AND p.create_date < %(cutoff)s
       AND NOT EXISTS (SELECT 1 FROM minicrm_booking b
                        WHERE b.customer_id = p.id AND b.state != 'cancel'
                          AND b.pickup_datetime >= %(cutoff)s)
       AND {no_trip}{no_invoice}
     ORDER BY p.id"""


class ResPartnerRetention(models.Model):
    """The daily retention job: each agency's limits applied with the same
    code as the "Anonymise" button."""
    _inherit = "res.partner"

    @api.model
    def _minicrm_apply_retention(self, now=None, batch_size=RETENTION_BATCH):
        """Anonymise, agency by agency, the request users who never booked
        and the customers without a trip for longer than the agency keeps
        them. ``now`` (a datetime, UTC) is the clock, for tests and the
        benchmark. Returns the number of customers anonymised."""
        return self._minicrm_run_retention(now, batch_size)["anonymised"]

    @api.model
    def _minicrm_run_retention(self, now=None, batch_size=RETENTION_BATCH, max_batches=None):
        """The retention job, timed: the daily job's work, and what the
        benchmark measures (it rolls the transaction back, and may stop
        after ``max_batches``). Returns
        ``{"anonymised", "batches", "select_seconds", "batch_seconds"}``."""
        now = now or datetime.datetime.utcnow()
        stats = {"anonymised": 0, "batches": 0, "select_seconds": 0.0, "batch_seconds": []}
        # sudo: the job reads every agency's limits (it runs as the cron's
        # user; an operator calling it reads them anyway).
        for agency in self.env["minicrm.agency"].sudo().with_context(active_test=False).search(
                ["|", ("retention_request_months", ">", 0), ("retention_customer_years", ">", 0)]):
            started = time.monotonic()
            ids = self._minicrm_retention_candidates(agency, now)
            stats["select_seconds"] += time.monotonic() - started
            for start in range(0, len(ids), batch_size):
                if max_batches is not None and stats["batches"] >= max_batches:
                    break
                started = time.monotonic()
                batch = self.browse(ids[start:start + batch_size])
                stats["anonymised"] += len(batch.with_context(
                    minicrm_privacy_kind="retention")._minicrm_anonymise())
                self.invalidate_cache()
                stats["batches"] += 1
                stats["batch_seconds"].append(time.monotonic() - started)
        if stats["anonymised"]:
            _logger.info("Retention: %d customers anonymised in %d batches.",
                         stats["anonymised"], stats["batches"])
        return stats

    @api.model
    def _minicrm_retention_candidates(self, agency, now):
        """Ids of ``agency``'s customers whose retention is over at ``now``."""
        no_invoice = NO_UNPAID_INVOICE if self._minicrm_has_invoices() else ""
        ids = []
        for query, cutoff in (
                (REQUEST_USERS, agency.retention_request_months and
                 now - relativedelta(months=agency.retention_request_months)),
                (CUSTOMERS, agency.retention_customer_years and
                 now - relativedelta(years=agency.retention_customer_years))):
            if not cutoff:
                continue
            # The query's parts are constants of this module.
            # pylint: disable=sql-injection
            self.env.cr.execute(query.format(no_trip=NO_TRIP_TO_COME, no_invoice=no_invoice), {
                "agency": agency.id, "cutoff": fields.Datetime.to_string(cutoff),
                "now": fields.Datetime.to_string(now)})
            ids += [row[0] for row in self.env.cr.fetchall()]
        return ids

    @api.model
    def _minicrm_has_invoices(self):
        """Whether the invoices addon (minicrm_agency_account) is installed."""
        return ("account.invoice" in self.env and
                "minicrm_customer_id" in self.env["account.invoice"]._fields)
