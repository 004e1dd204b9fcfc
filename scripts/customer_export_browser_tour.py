"""Headless Chromium on the customer list: "Export customers", driven by
Playwright.

    customer_export_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by tests/test_customer_export_browser.py) holds the base
URL and a staff login. As that staff user, the tour opens Mini-CRM ›
Customers and clicks "Export customers" with no row selected (the whole
list), then selects the first two rows and runs "Export customers" from the
Action menu. Prints a JSON report like staff_browser_tour.py's, with
"downloads": [{"file_name", "content"}] (the content as bytes decoded from
UTF-8 with errors replaced, so a byte-order mark shows as U+FEFF). Runs in
the tools venv (Python 3.11).
"""
from staff_browser_tour import TIMEOUT_MS, StaffTour, StepFailed, main

BUTTON = ".o_list_buttons button.o_minicrm_export_customers"
ACTION_MENU = ".o_cp_sidebar .o_dropdown_toggler_btn:has-text('Action')"


class CustomerExportTour(StaffTour):

    def download(self, click):
        with self.page.expect_download(timeout=TIMEOUT_MS) as download:
            click()
        path = download.value.path()
        self.idle()
        with open(path, "rb") as handle:
            content = handle.read().decode("utf-8", errors="replace")
        self.report.setdefault("downloads", []).append(
            {"file_name": download.value.suggested_filename, "content": content})

    def step_export_whole_list(self):
        self.menu("menu_minicrm_customers")
        self.wait(".o_list_view .o_data_row")
        self.wait(BUTTON)
        self.screenshot("customer-export.png")
        self.download(lambda: self.visible(BUTTON).first.click())

    def step_export_selected_rows(self):
        rows = self.visible(".o_list_view .o_data_row")
        if rows.count() < 3:
            raise StepFailed("the list shows %s rows" % rows.count())
        for index in (0, 1):
            rows.nth(index).locator(".o_list_record_selector input").check(force=True)
        self.wait(ACTION_MENU)
        self.visible(ACTION_MENU).first.click()
        item = ".o_cp_sidebar .dropdown-menu a:has-text('Export customers')"
        self.wait(item)
        self.download(lambda: self.visible(item).first.click())

    def run(self):
        self.run_step("0 login", self.login)
        if self.report["steps"][0]["ok"]:
            self.run_step("1 export the whole list", self.step_export_whole_list)
            self.run_step("2 export two selected rows", self.step_export_selected_rows)
        return self.report


if __name__ == "__main__":
    main(CustomerExportTour)
