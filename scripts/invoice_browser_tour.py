"""Headless Chromium as an agency staff user with Billing rights: spending
and invoices (minicrm_agency_account), through menus and buttons only.

    invoice_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by minicrm_agency_account/tests/test_invoice_browser.py)
holds the base URL, the login, a confirmed booking's reference and its
customer. The tour:

 1. opens Bookings in the pivot view, then the graph view (spending),
 2. opens the booking from the list and clicks "Create invoice": the draft
    invoice opens,
 3. opens the customer: the "Invoices" button counts the invoice and lists it,
 4. opens the invoice and validates it, registers its payment (paid), adds a
    credit note (a draft),
 5. reads the invoice's report (/report/html/account.report_invoice/<id>,
    what the PDF prints): it is headed by the agency's company,
 6. logs in as another agency's billing user (CONFIG["other_login"]): its
    Customer Invoices, Credit Notes and Payments show none of it.

Steps fail as in staff_browser_tour.py (error dialogs, JavaScript errors,
screens that do not show). Prints the same JSON report; screenshots go to
CONFIG["screenshot_dir"] as staff-*.png. Runs in the tools venv.
"""
import json
import re

from staff_browser_tour import main, FORM_READONLY, StaffTour, StepFailed


class InvoiceTour(StaffTour):

    def step_spending_views(self):
        self.menu("menu_minicrm_bookings")
        self.visible(".o_cp_switch_pivot").first.click()
        self.wait(".o_pivot table")
        self.wait(".o_pivot:has-text(%s)" % json.dumps(self.config["rental_company"]))
        self.screenshot("staff-spending-pivot.png")
        self.visible(".o_cp_switch_graph").first.click()
        self.wait(".o_graph svg, .o_graph canvas")
        self.screenshot("staff-spending-graph.png")

    def step_create_invoice(self):
        self.menu("menu_minicrm_bookings")
        self.search_list(self.config["booking"])
        self.visible(".o_list_view .o_data_row td.o_data_cell").first.click()
        self.wait(FORM_READONLY + " .oe_title h1:has-text(%s)" % json.dumps(
            self.config["booking"]))
        self.button("Create invoice")
        self.wait(".o_form_view:has-text('Draft Invoice')")
        self.wait(".o_form_view .o_field_widget[name=minicrm_customer_id]:has-text(%s)"
                  % json.dumps(self.config["customer"]))
        self.screenshot("staff-invoice.png")

    def step_customer_invoices(self):
        self.open_customer(self.config["customer"])
        button = ".oe_stat_button:has-text('Invoices')"
        self.wait(button)
        if "1" not in self.visible(button).first.inner_text():
            raise StepFailed("the Invoices button says %r"
                             % self.visible(button).first.inner_text())
        self.visible(button).first.click()
        self.wait(".o_list_view .o_data_row:has-text(%s)" % json.dumps(self.config["booking"]))

    def open_action(self, xmlid):
        """An Invoicing menu's window (its action, as the menu opens it)."""
        self.page.goto(self.config["base_url"] + "/web#action=%s" % xmlid)
        # An empty list shows the action's help instead.
        self.wait(".o_list_view, .oe_view_nocontent")
        self.wait(".o_cp_searchview .o_searchview_input")

    def step_validate_pay_refund(self):
        self.open_action("account.action_invoice_tree1")
        row = ".o_list_view .o_data_row:has-text(%s)" % json.dumps(self.config["booking"])
        self.wait(row)
        self.visible(row).first.locator("td.o_data_cell").first.click()
        self.wait(FORM_READONLY + ":has-text('Draft Invoice')")
        match = re.search(r"[#&]id=(\d+)", self.page.url)
        self.report["invoice_id"] = int(match.group(1)) if match else None
        self.button("Validate")
        self.wait_button("Register Payment")
        self.button("Register Payment")
        self.wait(".modal .o_form_view")
        self.visible(".modal .modal-footer button:has-text('Validate')").first.click()
        self.wait(".modal", gone=True)
        self.wait(FORM_READONLY + " .o_statusbar_status button.btn-primary:has-text('Paid')")
        self.screenshot("staff-invoice-paid.png")
        self.button("Add Credit Note")
        self.wait(".modal .o_form_view")
        self.page.fill(".modal input[name=description]", "Trip cancelled")
        self.visible(".modal .modal-footer button:has-text('Add Credit Note')").first.click()
        self.wait(".modal", gone=True)
        self.wait(".o_list_view .o_data_row:has-text(%s)" % json.dumps(self.config["customer"]))

    def step_invoice_report(self):
        if not self.report.get("invoice_id"):
            raise StepFailed("no invoice was opened")
        answer = self.page.evaluate(
            "url => fetch(url).then(r => r.text().then(t => [r.status, t]))",
            "/report/html/account.report_invoice/%s" % self.report["invoice_id"])
        if answer[0] != 200 or self.config["company"] not in answer[1]:
            raise StepFailed("the invoice report answers %s without %r" % (
                answer[0], self.config["company"]))

    def step_other_agency_finds_nothing(self):
        self.page.goto(self.config["base_url"] + "/web/session/logout")
        self.page.wait_for_load_state("networkidle")
        other = dict(self.config, login=self.config["other_login"])
        own, self.config = self.config, other
        try:
            self.login()
            for action in ("account.action_invoice_tree1", "account.action_invoice_out_refund",
                           "account.action_account_payments"):
                self.open_action(action)
                found = self.visible(".o_list_view .o_data_row:has-text(%s)" % json.dumps(
                    own["customer"]))
                if found.count():
                    raise StepFailed("%s lists %s" % (action, found.all_inner_texts()))
            self.screenshot("staff-other-agency-invoices.png")
        finally:
            self.config = own

    def run(self):
        self.run_step("0 login", self.login)
        if not self.report["steps"][0]["ok"]:
            return self.report
        for name, function in (
                ("1 spending pivot and graph", self.step_spending_views),
                ("2 create invoice", self.step_create_invoice),
                ("3 customer invoices", self.step_customer_invoices),
                ("4 validate, pay, credit note", self.step_validate_pay_refund),
                ("5 invoice report", self.step_invoice_report),
                ("6 other agency finds nothing", self.step_other_agency_finds_nothing)):
            self.run_step(name, function)
        return self.report


if __name__ == "__main__":
    main(InvoiceTour)
