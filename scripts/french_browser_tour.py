"""Headless Chromium walk through the French staff screens and the French
customer portal, driven by Playwright, looking for English left on screen.

    french_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by tests/test_french_browser.py of minicrm_agency_portal)
holds the base URL, a French staff login, the URLs of the screens to open, the
customer without an email whose "Email To" the server refuses, a French portal
login, and "english": the English words to look for. Each screen is opened,
shot (french-*.png) and its visible text (and the search box's placeholder)
searched for those words, as whole words. The staff walk opens, through the
menus, the customer list, a customer form (read and edit), the bookings (list,
calendar, pivot, graph), a booking, the requests, a quoted request, the
staff's agency, and gets the server's refusal dialog; the portal walk opens
/my, the bookings, a booking with its messages, the account page, the
requests, the quoted request and the agency's quote page.

Prints a JSON report like staff_browser_tour.py's, with "pages": [{"page",
"url", "english": [words found], "screenshot"}], "archive_button": the
customer form's archive button text, "error_dialog": {"title", "body"} of the
refusal, "chatter_dates": the portal messages' dates as shown. A step fails on
an unexpected error dialog or a JavaScript error. Runs in the tools venv
(Python 3.11), not in Odoo's.
"""
import re
import time

from staff_browser_tour import FORM_READONLY, StaffTour, StepFailed, main

VISIBLE_TEXT_JS = """() => {
    const placeholders = Array.from(document.querySelectorAll('input[placeholder]'))
        .filter((el) => el.offsetWidth || el.offsetHeight)
        .map((el) => el.getAttribute('placeholder'));
    return document.body.innerText + '\\n' + placeholders.join('\\n');
}"""
MODAL_JS = """() => {
    for (const modal of document.querySelectorAll('.modal')) {
        if (!(modal.offsetWidth || modal.offsetHeight)) { continue; }
        const title = modal.querySelector('.modal-title');
        const body = modal.querySelector('.modal-body');
        return {title: title ? title.innerText.trim() : '',
                body: body ? body.innerText.trim() : ''};
    }
    return null;
}"""


class FrenchTour(StaffTour):

    def __init__(self, page, config):
        super(FrenchTour, self).__init__(page, config)
        self.report.update(pages=[], archive_button=None, error_dialog=None,
                           chatter_dates=[])

    def english_on_screen(self, name):
        """Shoot the screen and record the English words it shows."""
        text = self.page.evaluate(VISIBLE_TEXT_JS)
        found = sorted({word for word in self.config["english"]
                        if re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(word), text)})
        screenshot = "french-%s.png" % name
        self.screenshot(screenshot)
        self.report["pages"].append({"page": name, "url": self.page.url, "english": found,
                                     "screenshot": screenshot})

    def open_url(self, path, selector):
        self.page.goto(self.config["base_url"] + path)
        self.wait(selector)

    # -- staff ------------------------------------------------------------------

    def step_customer_list(self):
        self.menu("menu_minicrm_customers")
        self.english_on_screen("staff-customers")

    def step_customer_form(self):
        self.open_url(self.config["customer_form_url"], FORM_READONLY + " .oe_title")
        self.visible(".o_notebook a").first.click()
        self.idle()
        self.report["archive_button"] = self.visible(
            ".oe_button_box .o_field_widget[name=active]").first.inner_text().strip()
        self.english_on_screen("staff-customer-form")
        self.visible(".o_form_button_edit").first.click()
        self.wait(".o_form_view.o_form_editable")
        self.english_on_screen("staff-customer-form-edit")
        self.visible(".o_form_button_cancel").first.click()
        self.wait(FORM_READONLY)

    def step_bookings(self):
        self.menu("menu_minicrm_bookings")
        self.english_on_screen("staff-bookings")
        self.open_url(self.config["booking_form_url"], FORM_READONLY + " .oe_title")
        self.english_on_screen("staff-booking-form")

    def step_booking_views(self):
        """The bookings' calendar, pivot and graph."""
        self.menu("menu_minicrm_bookings")
        for view_type, selector in (("calendar", ".o_calendar_view"),
                                    ("pivot", ".o_pivot"), ("graph", ".o_graph")):
            self.visible(".o_cp_switch_buttons button[data-view-type=%s]" % view_type
                         ).first.click()
            self.wait(selector)
            self.english_on_screen("staff-bookings-%s" % view_type)

    def step_requests(self):
        self.menu("menu_minicrm_requests")
        self.english_on_screen("staff-requests")
        self.open_url(self.config["request_form_url"], FORM_READONLY + " .oe_title")
        self.english_on_screen("staff-request-form")

    def step_agency(self):
        self.open_url(self.config["agency_form_url"], FORM_READONLY + " .oe_title")
        self.english_on_screen("staff-agency-form")

    def step_server_refusal(self):
        """"Email To" on a customer without an email: the server's UserError,
        in its dialog."""
        self.open_url(self.config["no_email_form_url"], FORM_READONLY + " .oe_title")
        # Not self.button: its wait fails on the very dialog looked for.
        self.header_button(self.config["email_to_button"]).first.click()
        deadline = time.monotonic() + 30
        dialog = None
        while not dialog and time.monotonic() < deadline:
            dialog = self.page.evaluate(MODAL_JS)
            self.page.wait_for_timeout(200)
        if not dialog:
            raise StepFailed("no dialog after %s" % self.config["email_to_button"])
        self.report["error_dialog"] = dialog
        self.english_on_screen("staff-error-dialog")
        self.visible(".modal .modal-footer .btn-primary").first.click()
        self.page.wait_for_timeout(500)
        self.seen_errors = len(self.page_errors)

    # -- portal -------------------------------------------------------------------

    def step_portal(self):
        page = self.page
        page.context.clear_cookies()
        page.goto(self.config["base_url"] + "/web/login")
        page.fill("input[name=login]", self.config["portal_login"])
        page.fill("input[name=password]", self.config["password"])
        page.click("button[type=submit]")
        page.wait_for_url("**/my**")
        self.check()
        self.english_on_screen("portal-home")
        page.goto(self.config["base_url"] + "/my/bookings")
        page.wait_for_selector("table.o_minicrm_bookings")
        self.english_on_screen("portal-bookings")
        page.goto(self.config["base_url"] + self.config["portal_booking_url"])
        page.wait_for_selector(".o_portal_chatter_message")
        self.report["chatter_dates"] = page.locator(
            ".o_portal_chatter_message .o_portal_chatter_puslished_date").all_inner_texts()
        self.english_on_screen("portal-booking")
        page.goto(self.config["base_url"] + "/my/account")
        page.wait_for_selector("form[action='/my/account']")
        self.english_on_screen("portal-account")
        page.goto(self.config["base_url"] + "/my/requests")
        page.wait_for_selector("table.o_minicrm_bookings")
        self.english_on_screen("portal-requests")
        page.goto(self.config["base_url"] + self.config["portal_request_url"])
        page.wait_for_selector(".o_minicrm_booking")
        self.english_on_screen("portal-request")
        page.goto(self.config["base_url"] + self.config["quote_page_url"])
        page.wait_for_selector("form")
        self.english_on_screen("portal-quote-page")
        self.check()

    def run(self):
        self.run_step("0 login", self.login)
        if not self.report["steps"][0]["ok"]:
            return self.report
        for name, function in (
                ("1 customer list", self.step_customer_list),
                ("2 customer form", self.step_customer_form),
                ("3 bookings", self.step_bookings),
                ("3b booking views", self.step_booking_views),
                ("4 requests", self.step_requests),
                ("4b agency", self.step_agency),
                ("5 server refusal", self.step_server_refusal),
                ("6 portal", self.step_portal)):
            self.run_step(name, function)
        return self.report


if __name__ == "__main__":
    main(FrenchTour)
