"""Headless Chromium: an agency manager anonymises a customer through the
form's "Anonymise" button and its confirmation, driven by Playwright.

    anonymise_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by minicrm_agency_privacy/tests/test_anonymise_browser.py)
holds the base URL, the manager's login and the customer's form URL. The tour
opens the form, clicks "Anonymise", checks that the dialog says it cannot be
undone, confirms, and reads the form again: its name and the trips listed in
its Bookings tab. Fails on an error dialog or a JavaScript error. Prints a
JSON report like staff_browser_tour.py's, with "name" and "trips". Runs in
the tools venv (Python 3.11).
"""
from staff_browser_tour import FORM_READONLY, StaffTour, StepFailed, main

DIALOG = ".modal:has-text('This cannot be undone')"
HISTORY_ROWS = ".o_notebook .tab-pane.active .o_list_view .o_data_row"


class AnonymiseTour(StaffTour):

    def open_form(self):
        self.login()
        self.page.goto(self.config["base_url"] + self.config["form_url"])
        self.wait(FORM_READONLY + " .oe_title h1")
        self.report["name_before"] = self.field_text("name")

    def step_anonymise(self):
        self.button("Anonymise")
        self.wait(DIALOG)
        self.screenshot("customer-anonymise.png")
        self.visible(".modal .modal-footer button").filter(has_text="Anonymise").first.click()
        self.wait(".modal", gone=True)
        self.wait(FORM_READONLY + " .oe_title h1:has-text('Anonymised')")
        self.report["name"] = self.field_text("name")

    def step_history(self):
        self.visible(".o_notebook a").filter(has_text="Bookings").first.click()
        self.wait(HISTORY_ROWS)
        self.report["trips"] = self.visible(HISTORY_ROWS).all_inner_texts()
        if self.header_button("Anonymise").count():
            raise StepFailed("the Anonymise button is still shown")

    def run(self):
        self.run_step("0 open customer form", self.open_form)
        if self.report["steps"][0]["ok"]:
            self.run_step("1 anonymise and confirm", self.step_anonymise)
            self.run_step("2 the history still shows the trips", self.step_history)
        return self.report


if __name__ == "__main__":
    main(AnonymiseTour)
