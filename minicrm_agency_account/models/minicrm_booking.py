# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from odoo.addons.minicrm_agency.models.context import clean_context
from odoo.addons.minicrm_agency.models.minicrm_booking import CONFIRMED_STATES

# The booking's invoicing details, printed on the invoice under its lines.
INVOICE_DETAILS = ("invoice_name", "invoice_vat", "invoice_street", "invoice_zip",
                   "invoice_city")


class MinicrmBooking(models.Model):
    """A confirmed or done booking is invoiced through Odoo's accounting:
    one draft customer invoice, in the agency's currency, that accountants
    validate as any other."""
    _inherit = "minicrm.booking"

    invoice_id = fields.Many2one(
        "account.invoice", string="Invoice", readonly=True, copy=False, index=True,
        ondelete="set null", track_visibility="onchange",
        help="The customer invoice of this booking, made with Create invoice.")

    @api.multi
    def action_create_invoice(self):
        """Create the booking's customer invoice and open it.

        As the user: creating invoices takes Accounting's Billing rights
        (account.group_account_invoice), which an administrator gives."""
        self.ensure_one()
        if not self.env["account.invoice"].check_access_rights("create", raise_exception=False):
            raise UserError(_("Creating invoices needs the Billing rights of Accounting: "
                              "ask an administrator."))
        # Two clicks at once must not make two invoices: the second waits here,
        # then sees the first one's invoice (or is retried and does).
        self.env.cr.execute("SELECT id FROM minicrm_booking WHERE id = %s FOR UPDATE",
                            (self.id,))
        self.invalidate_cache(["invoice_id", "state"], self.ids)
        if self.invoice_id:
            raise UserError(_("%s is already invoiced.") % self.name)
        if self.kind != "booking" or self.state not in CONFIRMED_STATES:
            raise UserError(_("Only confirmed or done bookings can be invoiced."))
        if self.amount <= 0:
            raise UserError(_("%s has no amount: enter the price of the trip first.")
                            % self.name)
        # Replaced, not merged: the screen's keys (default_kind...) must not
        # reach the invoice.
        # pylint: disable=context-overridden
        Invoice = self.env["account.invoice"].with_context(
            clean_context(self.env.context), type="out_invoice")
        invoice = Invoice.create(self._minicrm_invoice_values())
        self.write({"invoice_id": invoice.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.invoice",
            "res_id": invoice.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_form").id, "form")],
            "target": "current",
        }

    @api.multi
    def action_open_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.invoice",
            "res_id": self.invoice_id.id,
            "view_mode": "form",
            "views": [(self.env.ref("account.invoice_form").id, "form")],
            "target": "current",
        }

    @api.multi
    def _minicrm_invoice_values(self):
        """The invoice of the booking, in the agency's company: its sales
        journal and the journal's income account (else the company's default
        income account). A clear error when accounting is not set up."""
        company = self.agency_id.company_id
        # sudo: the name of the agency's own company, for the messages below.
        company_name = company.sudo().name
        journal = self.env["account.journal"].search(
            [("type", "=", "sale"), ("company_id", "=", company.id)], limit=1)
        if not journal:
            raise UserError(_("Accounting is not set up for %s: there is no sales journal. "
                              "Install a chart of accounts (Accounting › Configuration) "
                              "first.") % company_name)
        account = journal.default_credit_account_id or self.env["ir.property"].with_context(
            force_company=company.id).get("property_account_income_categ_id",
                                          "product.category")
        receivable = self.customer_id.with_context(
            force_company=company.id).property_account_receivable_id
        if not account or not receivable:
            raise UserError(_("Accounting is not set up for %s: no income or receivable "
                              "account. Install a chart of accounts (Accounting › "
                              "Configuration) first.") % company_name)
        details = [self[name] for name in INVOICE_DETAILS if self[name]]
        if self.invoice_country_id:
            details.append(self.invoice_country_id.name)
        pickup = fields.Datetime.context_timestamp(
            self, fields.Datetime.from_string(self.pickup_datetime))
        return {
            "type": "out_invoice",
            "partner_id": self.customer_id.id,
            "minicrm_customer_id": self.customer_id.id,
            "company_id": company.id,
            "journal_id": journal.id,
            "account_id": receivable.id,
            "currency_id": self.currency_id.id or company.currency_id.id,
            "origin": self.name,
            "name": self.name,
            "comment": _("Invoice to: %s") % ", ".join(details) if details else False,
            "invoice_line_ids": [(0, 0, {
                "name": "%s: %s, %s (%s)" % (
                    self.name, self.route, pickup.strftime("%Y-%m-%d %H:%M"),
                    self.rental_company_id.name),
                "account_id": account.id,
                "quantity": 1.0,
                "price_unit": self.amount,
            })],
        }
