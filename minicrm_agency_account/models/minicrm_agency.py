# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models, tools
from odoo.exceptions import ValidationError

ADMIN_GROUP = "minicrm_agency.group_minicrm_admin"
# Fixtures that never invoice make the agency's company without a chart of
# accounts (loading one takes seconds); "Create invoice" then says that
# accounting is not set up, and _minicrm_load_chart() sets it up.
WITHOUT_CHART = "minicrm_agency_without_chart"


class MinicrmAgency(models.Model):
    """Each agency keeps its books as an Odoo company: its own chart of
    accounts, journals, sequences, taxes and letterhead. Its staff work in
    that company, so Odoo's own multi-company rules isolate every accounting
    model, SQL view and report between agencies.

    The agency's company is a child of the main company: operators (and
    accountants of no agency) working in the main company read every
    agency's books, as Odoo's ``child_of`` company rules allow."""
    _inherit = "minicrm.agency"

    company_id = fields.Many2one(required=True)

    @api.model_cr_context
    def _auto_init(self):
        """Agencies made before this addon was installed (or upgraded to
        2.0.0) get a company before the column becomes NOT NULL; their chart
        of accounts is loaded later (data/minicrm_agency_data.xml)."""
        # The column is minicrm_agency's (optional there): it may hold NULLs,
        # or not exist yet when only this addon is upgraded.
        cr = self.env.cr
        if not tools.column_exists(cr, self._table, "company_id"):
            tools.create_column(cr, self._table, "company_id", "int4")
        cr.execute("SELECT id, name, currency_id, country_id, email "
                   "FROM minicrm_agency WHERE company_id IS NULL ORDER BY id")
        for agency_id, name, currency_id, country_id, email in cr.fetchall():
            company = self.sudo()._minicrm_create_company({
                "name": name, "currency_id": currency_id, "country_id": country_id,
                "email": email})
            cr.execute("UPDATE minicrm_agency SET company_id = %s WHERE id = %s",
                       (company.id, agency_id))
        return super(MinicrmAgency, self)._auto_init()

    @api.model
    def create(self, vals):
        if not vals.get("company_id"):
            vals = dict(vals, company_id=self._minicrm_create_company(vals).id)
        agency = super(MinicrmAgency, self).create(vals)
        agency._minicrm_setup_company()
        return agency

    @api.multi
    def write(self, vals):
        result = super(MinicrmAgency, self).write(vals)
        if vals.get("company_id"):
            self._minicrm_setup_company()
        return result

    @api.onchange("company_id")
    def _onchange_company_id(self):
        if self.company_id:
            self.currency_id = self.company_id.currency_id

    @api.constrains("company_id", "currency_id")
    def _check_company_currency(self):
        for agency in self:
            if agency.company_id and agency.currency_id != agency.company_id.currency_id:
                raise ValidationError(_(
                    "The currency of %(agency)s must be the currency of its company "
                    "%(company)s (%(currency)s): its bookings are invoiced there.") % {
                    "agency": agency.name, "company": agency.company_id.name,
                    "currency": agency.company_id.currency_id.name})

    @api.model
    def _minicrm_create_company(self, vals):
        """A new company named after the agency, with its currency, country
        and email, under the main company."""
        self.check_access_rights("create")
        name = vals.get("name") or ""
        Company = self.env["res.company"].sudo()
        if Company.search_count([("name", "=", name)]):
            raise ValidationError(_(
                "A company named %s already exists: choose it as the agency's company, "
                "or give the agency another name.") % name)
        parent = self.env.ref("base.main_company", raise_if_not_found=False) \
            or self.env.user.company_id
        currency = vals.get("currency_id") or self.default_get(["currency_id"]).get("currency_id")
        country = vals.get("country_id") or self.default_get(["country_id"]).get("country_id")
        # sudo: creating companies is for Settings' administrators; the
        # operator (allowed to create agencies, checked above) gets only the
        # company of the agency being created.
        return Company.create({
            "name": name, "parent_id": parent.id, "currency_id": currency,
            "country_id": country, "email": vals.get("email"),
        })

    @api.multi
    def _minicrm_setup_company(self):
        """The operators work in every agency's company; the staff in their
        agency's; the company gets a chart of accounts if it has none."""
        operators = self.env.ref(ADMIN_GROUP).sudo().users
        for agency in self.sudo():
            company = agency.company_id
            if not company:
                continue
            # sudo: operators read every agency already; this adds the
            # agency's company to those they may switch to (and Odoo then
            # makes them multi-company users).
            operators.filtered(lambda user, company=company: company not in user.company_ids)\
                .write({"company_ids": [(4, company.id)]})
            agency.user_ids._minicrm_sync_company()
        if not self.env.context.get(WITHOUT_CHART):
            self._minicrm_load_chart()

    @api.multi
    def _minicrm_load_chart(self):
        """Install on each agency's company the chart of accounts of the main
        company (its accounts, taxes, journals, sequences), in the
        company's currency, as Accounting's settings do for a new company."""
        main = self.env.ref("base.main_company", raise_if_not_found=False)
        # sudo: loading a chart is for administrators (wizard.multi.charts.
        # accounts refuses others); it only creates the company's own
        # accounting records.
        template = (main and main.sudo().chart_template_id) or self.env[
            "account.chart.template"].sudo().search([("visible", "=", True)], limit=1)
        if not template:
            return
        for agency in self.sudo():
            company = agency.company_id
            if company.chart_template_id:
                continue
            wizard = self.env["wizard.multi.charts.accounts"].sudo().create({
                "company_id": company.id, "chart_template_id": template.id,
                "code_digits": template.code_digits,
                "transfer_account_id": template.transfer_account_id.id,
                "currency_id": company.currency_id.id,
            })
            wizard.onchange_chart_template_id()
            # The company keeps its (the agency's) currency.
            wizard.currency_id = company.currency_id
            wizard.execute()

    @api.model
    def _minicrm_setup_books(self):
        """Every agency's staff and operators in its company, and a chart of
        accounts on each agency's company that has none (after install or
        upgrade: see _auto_init)."""
        agencies = self.sudo().with_context(active_test=False).search([])
        agencies._minicrm_setup_company()
        return agencies
