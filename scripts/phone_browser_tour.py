"""Headless Chromium at phone size (390 x 844) as an agency staff user, driven by Playwright.

    phone_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by tests/test_phone_browser.py) holds the base URL, the
staff login, the customer to look for and the screenshot folder. The tour
logs in (staff land on their customer list), searches the customer with the
search box and opens it. A step fails on an Odoo error dialog, a JavaScript
error, a screen wider than the phone, or when what it waits for does not
show. Prints a JSON report like staff_browser_tour.py's; screenshots
phone-list.png and phone-customer.png. Runs in the tools venv (Python 3.11).
"""
import json

from staff_browser_tour import (main, ACTION_TIMEOUT_MS, FORM_READONLY, StaffTour,
                                StepFailed)

PHONE = {"width": 390, "height": 844}
RECORD = ".o_kanban_view .o_kanban_record, .o_list_view .o_data_row"
# Wider than the phone: the user would have to scroll sideways.
PAGE_WIDTH_JS = "() => document.documentElement.scrollWidth"


class PhoneTour(StaffTour):

    def login(self):
        page = self.page
        page.goto(self.config["base_url"] + "/web/login?redirect=/web")
        page.fill("input[name=login]", self.config["login"])
        page.fill("input[name=password]", self.config["password"])
        page.click("button[type=submit]")
        # No menu click: the staff's home action is the customer list.
        self.wait(".o_control_panel .breadcrumb:has-text(%s)"
                  % json.dumps(self.config["home_title"]), seconds=300)
        self.wait(RECORD)
        page.set_default_timeout(ACTION_TIMEOUT_MS)
        self.check_width()

    def check_width(self):
        width = self.page.evaluate(PAGE_WIDTH_JS)
        if width > PHONE["width"]:
            raise StepFailed("the page is %spx wide on a %spx screen" % (width, PHONE["width"]))

    def step_search(self):
        name = self.config["customer"]
        box = self.visible(".o_searchview_input").first
        box.click()
        box.press_sequentially(self.config["search"], delay=20)
        self.wait(".o_searchview_autocomplete li")
        box.press("Enter")
        self.wait(".o_searchview_facet")
        self.wait("%s:has-text(%s)" % (RECORD.split(",")[0], json.dumps(name))
                  + ", %s:has-text(%s)" % (RECORD.split(",")[1].strip(), json.dumps(name)))
        shown = self.visible(RECORD)
        if shown.count() != 1:
            raise StepFailed("searching %r shows %s customers: %s" % (
                self.config["search"], shown.count(), shown.all_inner_texts()))
        self.check_width()
        self.screenshot("phone-list.png")

    def step_open(self):
        name = self.config["customer"]
        self.visible(RECORD).first.click()
        self.wait(FORM_READONLY + " .oe_title h1:has-text(%s)" % json.dumps(name))
        self.report["customer"] = name
        self.screenshot("phone-customer.png")
        # The email is shown whole, not cut to "s." in a 10 px cell.
        email = self.page.evaluate("""() => {
            const widget = document.querySelector('.o_form_view .o_field_widget[name=email]');
            return {width: widget.getBoundingClientRect().width,
                    cut: widget.scrollWidth > widget.clientWidth + 1};
        }""")
        self.report["email"] = email
        if email["width"] < 150 or email["cut"]:
            raise StepFailed("the email is %(width)spx wide (cut: %(cut)s)" % email)
        self.check_empty_values()
        # The history as cards: each with its pickup, route and status, not
        # its reference alone.
        cards = self.visible(".o_field_widget[name=booking_ids] .o_kanban_record:not("
                             ".o_kanban_ghost)")
        self.report["history_card"] = cards.first.inner_text() if cards.count() else ""
        if " → " not in self.report["history_card"]:
            raise StepFailed("the history shows %r" % self.report["history_card"])
        # The header's buttons menu says what it holds.
        toggle = self.visible(".o_statusbar_buttons_dropdown .dropdown-toggle")
        self.report["buttons_menu"] = toggle.first.inner_text().strip() if toggle.count() else ""
        if self.report["buttons_menu"] != self.config.get("buttons_menu", "Actions"):
            raise StepFailed("the buttons menu is labelled %r" % self.report["buttons_menu"])
        self.check_width()

    def run(self):
        self.run_step("0 login", self.login)
        if self.report["steps"][0]["ok"]:
            self.run_step("1 search", self.step_search)
            self.run_step("2 open customer", self.step_open)
        return self.report


if __name__ == "__main__":
    main(PhoneTour, viewport=PHONE)
