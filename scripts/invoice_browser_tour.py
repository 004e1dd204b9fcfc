"""Headless Chromium as an agency staff user with Billing rights: spending
and invoices (minicrm_agency_account), through menus and buttons only.

    invoice_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by minicrm_agency_account/tests/test_invoice_browser.py)
holds the base URL, the login, a confirmed booking's reference and its
customer. The tour:

 1. opens Bookings in the pivot view, then the graph view (spending),
 2. opens the booking from the list and clicks "Create invoice": the draft
    invoice opens,
 3. opens the customer: the "Invoices" button counts the invoice and lists it.

Steps fail as in staff_browser_tour.py (error dialogs, JavaScript errors,
screens that do not show). Prints the same JSON report; screenshots go to
CONFIG["screenshot_dir"] as staff-*.png. Runs in the tools venv.
"""
import json

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

    def run(self):
        self.run_step("0 login", self.login)
        if not self.report["steps"][0]["ok"]:
            return self.report
        for name, function in (
                ("1 spending pivot and graph", self.step_spending_views),
                ("2 create invoice", self.step_create_invoice),
                ("3 customer invoices", self.step_customer_invoices)):
            self.run_step(name, function)
        return self.report


if __name__ == "__main__":
    main(InvoiceTour)
