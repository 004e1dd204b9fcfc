"""Headless Chromium on a customer form: "Choose rental company" in read mode
and in edit mode, driven by Playwright.

    rental_company_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by tests/test_rental_company_browser.py) holds the base
URL, a staff login, the customer's form URL and the two companies to choose
in turn. In read mode a click on a company shows its last booking contact
and the form stays in read mode; in edit mode a click does the same and
Discard then returns to read mode with no "discard changes?" question: the
choice never leaves the form dirty. Prints a JSON report like
staff_browser_tour.py's. Runs in the tools venv (Python 3.11).
"""
import json

from staff_browser_tour import (main, FORM_EDITABLE, FORM_READONLY,
                                StaffTour, StepFailed)

PICKER = ".o_field_widget[name=minicrm_rental_company_id]"
CHOSEN = PICKER + " button.btn-primary:has-text(%s)"


class RentalCompanyTour(StaffTour):

    def open_form(self):
        self.login()
        self.page.goto(self.config["base_url"] + self.config["form_url"])
        self.wait(FORM_READONLY + " " + PICKER)
        self.visible(".o_notebook a").filter(has_text="Last booking contact").first.click()

    def choose(self, company):
        self.visible(PICKER + " button").filter(has_text=company).first.click()
        self.wait(CHOSEN % json.dumps(company))
        reference = self.field_text("minicrm_last_booking_id")
        if not reference:
            raise StepFailed("no last booking shown for %s" % company)
        return reference

    def step_read_mode(self):
        self.report["read_mode"] = self.choose(self.config["first_company"])
        if not self.visible(FORM_READONLY).count():
            raise StepFailed("choosing a company left read mode")
        self.screenshot("customer-rental-company.png")

    def step_edit_mode(self):
        self.visible(".o_form_button_edit").first.click()
        self.wait(FORM_EDITABLE)
        self.report["edit_mode"] = self.choose(self.config["second_company"])
        self.visible(".o_form_button_cancel").first.click()
        # A dirty form would ask "discard changes?" here.
        self.wait(FORM_READONLY)
        if self.visible(".modal").count():
            raise StepFailed("Discard asked: %s" % self.visible(".modal").first.inner_text())

    def run(self):
        self.run_step("0 open customer form", self.open_form)
        if self.report["steps"][0]["ok"]:
            self.run_step("1 choose in read mode", self.step_read_mode)
            self.run_step("2 choose in edit mode, then discard", self.step_edit_mode)
        return self.report


if __name__ == "__main__":
    main(RentalCompanyTour)
