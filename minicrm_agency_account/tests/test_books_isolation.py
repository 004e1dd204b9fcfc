# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every model and SQL view of the registry that has a company, or that
reaches an invoice, a journal entry, a journal item or a payment, keeps
agency B's books from agency A's staff (with and without Billing rights)
and from a portal customer of agency A: nothing is found, read, grouped,
exported, written or deleted."""
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import MinicrmAccountCase

# The accounting records a model may point to.
BOOKS = ("account.invoice", "account.move", "account.move.line", "account.payment")
REFUSED = (AccessError, MissingError, UserError, ValidationError)
# Shared on purpose, and holding nothing of an agency's books.
SHARED = {
    # Configuration every company reads (Odoo's own multi-company design).
    "res.currency.rate", "res.partner.bank",
    # Company defaults (which account, which payment term): no amount, no
    # customer. Portal logins work in the main company (a login may serve
    # customers of several agencies), whose child companies' defaults
    # core's rule lets them read.
    "ir.property",
}


class TestBooksIsolation(MinicrmAccountCase):

    @classmethod
    def setup_class_fixtures(cls):
        result = super(TestBooksIsolation, cls).setup_class_fixtures()
        company_b = cls.agency_b.company_id
        env_b = cls.env(user=cls.staff_b1.id)
        # B's invoice, with B's sales tax and an analytic account of B.
        tax = cls.env["account.tax"].search(
            [("company_id", "=", company_b.id), ("type_tax_use", "=", "sale")], limit=1)
        analytic = cls.env["account.analytic.account"].create(
            {"name": "Agency B trips", "company_id": company_b.id})
        cls.invoice_b.invoice_line_ids.write({
            "invoice_line_tax_ids": [(6, 0, tax.ids)], "account_analytic_id": analytic.id})
        invoice = env_b["account.invoice"].browse(cls.invoice_b.id)
        invoice.compute_taxes()
        invoice.action_invoice_open()
        # Paid by B's staff from its bank journal, then a credit note.
        journal = env_b["account.journal"].search(
            [("company_id", "=", company_b.id), ("type", "=", "bank")], limit=1)
        payment = env_b["account.payment"].with_context(
            active_model="account.invoice", active_ids=invoice.ids).create({
                "payment_type": "inbound", "partner_type": "customer",
                "partner_id": cls.customer_b.id, "amount": 100.0, "journal_id": journal.id,
                "payment_method_id": cls.env.ref("account.account_payment_method_manual_in").id,
                "communication": "Secret memo of agency B", "invoice_ids": [(6, 0, invoice.ids)]})
        payment.post()
        cls.refund_b = invoice.refund(description="Trip cancelled")
        cls.refund_b.action_invoice_open()
        cls.company_b = company_b
        cls.portal_a = cls.link_portal_login(cls.customer_a)
        return result

    @classmethod
    def books_models(cls):
        """{model: field that finds B's records} for every model (table or
        SQL view) with a stored company, or a stored link to the books."""
        models = {}
        for name in sorted(cls.env.registry):
            Model = cls.env[name]
            if Model._abstract or Model._transient:
                continue
            company = Model._fields.get("company_id")
            if company and company.store and company.type == "many2one":
                models[name] = "company_id"
                continue
            for field in Model._fields.values():
                if field.type == "many2one" and field.store and field.comodel_name in BOOKS:
                    models[name] = field.name
                    break
        return models

    def records_of_b(self, model, field):
        Model = self.env[model].with_context(active_test=False)
        if field == "company_id":
            domain = [("company_id", "=", self.company_b.id)]
            if model == "res.partner":
                # B's letterhead (the company's own contact) is public.
                domain.append(("id", "!=", self.company_b.partner_id.id))
            return Model.search(domain, limit=20)
        comodel = Model._fields[field].comodel_name
        targets = self.env[comodel].with_context(active_test=False).search(
            [("company_id", "=", self.company_b.id)])
        return Model.search([(field, "in", targets.ids)], limit=20)

    def leaks(self, user, model, field, records):
        """What ``user`` gets of ``records`` (B's), operation by operation."""
        Model = self.env[model].sudo(user).with_context(active_test=False)
        found = []
        ids = records.ids
        value = records[:1][field]
        value = value.id if hasattr(value, "id") else value
        checks = {
            "search_read": lambda: Model.search_read([("id", "in", ids)], ["id"]),
            "read_group": lambda: [
                group for group in Model.read_group([("id", "in", ids)], [field], [field])
                if group.get("%s_count" % field)],
            "read": lambda: Model.browse(ids).read(["id", field]),
            "name_search": lambda: Model.name_search("", args=[("id", "in", ids)]),
            "export_data": lambda: Model.browse(ids).export_data([field])["datas"],
        }
        for operation, check in checks.items():
            try:
                with self.env.cr.savepoint():
                    if check():
                        found.append(operation)
            except REFUSED:
                found.append("")  # refused: nothing found
            # A refusal may leave its error in the cache: start afresh.
            self.env.clear()
        for operation, call in (
                ("write", lambda: Model.browse(records[:1].ids).write({field: value})),
                ("unlink", lambda: Model.browse(records[:1].ids).unlink())):
            try:
                with self.env.cr.savepoint():
                    call()
                    found.append(operation)
            except REFUSED:
                found.append("")  # refused
            self.env.clear()
        return [operation for operation in found if operation]

    @mute_logger("odoo.models", "odoo.addons.base.ir.ir_model")
    def test_other_agency_and_portal_reach_nothing_of_agency_b_books(self):
        models = self.books_models()
        # The check covers the models named in the issue.
        for model in ("account.invoice", "account.invoice.line", "account.invoice.report",
                      "account.invoice.tax", "account.move", "account.move.line",
                      "account.payment", "account.partial.reconcile",
                      "account.analytic.line"):
            self.assertIn(model, models)
        leaks, checked = [], []
        for model, field in models.items():
            if model in SHARED:
                continue
            records = self.records_of_b(model, field)
            if not records:
                continue
            checked.append(model)
            for user in (self.staff_a1, self.staff_a2, self.portal_a):
                found = self.leaks(user, model, field, records)
                if found:
                    leaks.append("%s: %s gets %s" % (model, user.login, ", ".join(found)))
        for model in ("account.invoice", "account.payment", "account.partial.reconcile",
                      "account.invoice.tax", "account.analytic.line", "account.invoice.report"):
            self.assertIn(model, checked)
        self.assertFalse(leaks, "\n".join(leaks))
