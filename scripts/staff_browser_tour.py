"""Headless Chromium walk through everyday staff flows of the backend, driven by Playwright.

    staff_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by tests/test_staff_browser.py) holds the base URL, the
staff login and the names and values to type. As that staff user, through
menus, buttons and dialogs only, the tour:

 1. creates a customer (Customers > Create),
 2. finds it with the search box and opens it from the list,
 3. changes its email,
 4. promotes a request user ("Create Customer"),
 5. books for the customer ("New booking"),
 6. creates a booking from Bookings > Create and its customer from the
    Customer field ("Create and Edit..."),
 7. emails the customer ("Email To"),
 8. grants portal access to a customer without a login, sends the customer a
    password reset and revokes their portal access,
 9. exports the customer list with the "Agency customers" template to CSV.

A step fails on an Odoo error dialog or notification, on a JavaScript error,
or when what it waits for does not show; the tour then reloads the web client
and goes on with the next step, so that one report says which steps fail and
why. When step 1 fails, the next steps use an existing customer of the
fixture instead. Prints a JSON report: {"steps": [{"step", "ok", "error",
"seconds"}], "customer", "booking", "csv", "page_errors", "screenshots"}.
Screenshots go to CONFIG["screenshot_dir"] as staff-*.png. Runs in the tools
venv (Python 3.11), not in Odoo's.
"""
import datetime
import json
import os
import re
import sys
import time
import traceback

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 120000
ACTION_TIMEOUT_MS = 30000
WAIT_SECONDS = 60
# What Odoo 11 renders for errors: the crash manager's dialogs (server errors,
# UserError, ValidationError, AccessError...), Dialog.alert, and the red
# notification of the form's field checks.
ERROR_CONTENT = ".o_dialog_warning, .o_dialog_error"
ERROR_TITLES = ("Odoo", "Warning", "Validation Error", "User Error", "Access Error",
                "Access Denied", "Missing Record", "Alert")
# [kind and title, text] of the first error on screen. A crash dialog's body
# only says "An error occurred"; its collapsed details say what: a server
# traceback in their last line, a JavaScript error in their first.
FIND_ERROR_JS = """(titles) => {
    const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
    for (const modal of document.querySelectorAll('.modal')) {
        const titleEl = modal.querySelector('.modal-title');
        const title = titleEl ? titleEl.innerText.trim() : '';
        if (!shown(modal) || !(modal.querySelector('%s')
                               || titles.some((start) => title.startsWith(start)))) {
            continue;
        }
        const detail = modal.querySelector('.o_error_detail');
        if (detail) {
            const lines = detail.textContent.trim().split('\\n').map((line) => line.trim());
            return ['dialog ' + title, lines[0] + ' | ' + lines[lines.length - 1]];
        }
        const body = modal.querySelector('.modal-body');
        return ['dialog ' + title, body ? body.innerText : ''];
    }
    for (const note of document.querySelectorAll('.o_notification.o_error')) {
        if (shown(note)) {
            return ['notification', note.innerText];
        }
    }
    return null;
}""" % ERROR_CONTENT
APP_MENU = "a[data-menu-xmlid='%s']"
FORM_READONLY = ".o_form_view.o_form_readonly"
FORM_EDITABLE = ".o_form_view.o_form_editable"
AUTOCOMPLETE_ITEM = "ul.ui-autocomplete:visible li a"


class StepFailed(Exception):
    """What the user saw instead of the expected screen."""


class StaffTour(object):

    def __init__(self, page, config):
        self.page = page
        self.config = config
        self.page_errors = []
        self.seen_errors = 0
        self.report = {"steps": [], "customer": None, "booking": None, "csv": None,
                       "page_errors": self.page_errors, "screenshots": []}
        page.on("pageerror", lambda error: self.page_errors.append(
            "%s %s" % (error, (error.stack or "")[:800])))

    # -- what the user sees ---------------------------------------------------

    def visible(self, selector):
        return self.page.locator(selector).filter(visible=True)

    def odoo_error(self):
        """The text of an error dialog or notification on screen, or None.
        Read in one go in the page: a dialog may close while it is read."""
        try:
            found = self.page.evaluate(FIND_ERROR_JS, list(ERROR_TITLES))
        except PlaywrightError:
            return None  # a page loading (the login): asked again in a moment
        if not found:
            return None
        return "%s: %s" % (" ".join(found[0].split()), " ".join(found[1].split()))

    def check(self):
        """Fail on an error dialog or a JavaScript error that appeared."""
        error = self.odoo_error()
        if error:
            raise StepFailed(error)
        if len(self.page_errors) > self.seen_errors:
            new = self.page_errors[self.seen_errors:]
            self.seen_errors = len(self.page_errors)
            raise StepFailed("JavaScript error: %s" % " | ".join(new))

    def wait(self, selector, gone=False, seconds=WAIT_SECONDS):
        """Wait until ``selector`` is visible (or no longer, with ``gone``),
        failing at once on an error; then until the client is idle."""
        deadline = time.monotonic() + seconds
        while True:
            self.check()
            shown = self.visible(selector).count() > 0
            if shown != gone:
                break
            if time.monotonic() > deadline:
                raise StepFailed("%s %s after %ss" % (
                    selector, "still shown" if gone else "not shown", seconds))
            self.page.wait_for_timeout(200)
        self.idle()

    def idle(self):
        """No RPC running (the "Loading" indicator and the UI block are gone)."""
        deadline = time.monotonic() + WAIT_SECONDS
        quiet = 0
        while quiet < 3:
            busy = self.visible(".o_loading, .blockUI").count()
            quiet = 0 if busy else quiet + 1
            if time.monotonic() > deadline:
                raise StepFailed("the web client stayed busy for %ss" % WAIT_SECONDS)
            self.page.wait_for_timeout(100)
        self.check()

    def screenshot(self, name):
        path = os.path.join(self.config["screenshot_dir"], name)
        self.page.screenshot(path=path, full_page=True)
        self.report["screenshots"].append(path)

    def field_text(self, name):
        widget = self.visible(".o_form_view .o_field_widget[name=%s]" % name).first
        return widget.inner_text().strip()

    def check_empty_values(self):
        """An empty value of the form keeps its row but shows nothing (a
        phone widget would read "false")."""
        shown = self.page.evaluate("""() => Array.from(document.querySelectorAll(
            '.o_form_view .o_field_widget.o_field_empty')).filter(
            (widget) => getComputedStyle(widget).visibility !== 'hidden'
                        && getComputedStyle(widget).display !== 'none'
                        && widget.innerText.trim()
        ).map((widget) => widget.getAttribute('name') + ': ' + widget.innerText.trim())""")
        if shown:
            raise StepFailed("empty values show text: %s" % shown)

    # -- navigation -----------------------------------------------------------

    def login(self):
        page = self.page
        page.goto(self.config["base_url"] + "/web/login?redirect=/web")
        page.fill("input[name=login]", self.config["login"])
        page.fill("input[name=password]", self.config["password"])
        page.click("button[type=submit]")
        self.wait(APP_MENU % self.config["menu"], seconds=300)
        # The home action (the customer list for staff) finishes loading
        # before the tour goes elsewhere: a page left in the middle of its
        # requests is not what a user does, and fails in Odoo 11's client.
        page.wait_for_load_state("networkidle")
        # Assets are compiled now: what is not there within this time will not come.
        page.set_default_timeout(ACTION_TIMEOUT_MS)

    def menu(self, xmlid):
        """Mini-CRM, then one of its menus in the left bar."""
        self.visible(APP_MENU % self.config["menu"]).first.click()
        self.wait(".o_sub_menu_content " + APP_MENU % ("minicrm_agency." + xmlid))
        self.visible(".o_sub_menu_content " + APP_MENU % ("minicrm_agency." + xmlid)).first.click()
        self.wait(".o_list_view")
        self.wait(".o_cp_searchview .o_searchview_input")

    def search_list(self, text):
        """Type in the search box, then Enter on its first proposal."""
        box = self.visible(".o_searchview_input").first
        box.click()
        box.press_sequentially(text, delay=20)
        self.wait(".o_searchview_autocomplete li")
        box.press("Enter")
        self.wait(".o_searchview_facet:has-text(%s)" % json.dumps(text))
        self.wait(".o_list_view .o_data_row:has-text(%s)" % json.dumps(text))

    def open_customer(self, name):
        self.menu("menu_minicrm_customers")
        self.search_list(name)
        rows = self.visible(".o_list_view .o_data_row")
        if rows.count() != 1:
            raise StepFailed("searching %r lists %s rows: %s" % (
                name, rows.count(), rows.all_inner_texts()))
        rows.first.locator("td.o_data_cell").first.click()
        self.wait(FORM_READONLY + " .oe_title h1:has-text(%s)" % json.dumps(name))

    def header_button(self, label):
        """A button of the form's header (Odoo 11 gives them no name)."""
        return self.visible(".o_form_statusbar .o_statusbar_buttons > button").filter(
            has_text=re.compile("^%s$" % re.escape(label)))

    def button(self, label):
        """Click a header button of the form and wait for the server."""
        self.header_button(label).first.click()
        self.idle()

    def wait_button(self, label, gone=False):
        deadline = time.monotonic() + WAIT_SECONDS
        while (self.header_button(label).count() > 0) == gone:
            self.check()
            if time.monotonic() > deadline:
                raise StepFailed("the %r button is %s after %ss" % (
                    label, "still shown" if gone else "not shown", WAIT_SECONDS))
            self.page.wait_for_timeout(200)
        self.idle()

    def confirm(self, text):
        """Odoo's confirmation dialog of a button: check the text, click Ok."""
        self.wait(".modal:has-text(%s)" % json.dumps(text))
        self.visible(".modal .modal-footer .btn-primary").first.click()
        self.wait(".modal", gone=True)

    def save(self):
        self.visible(".o_form_button_save").first.click()
        self.wait(FORM_READONLY)

    def pick(self, field, text, item):
        """Type in a many2one field and choose ``item`` from its dropdown."""
        field_input = self.visible(".o_field_many2one[name=%s] input" % field).first
        field_input.click()
        field_input.fill(text)
        self.wait(AUTOCOMPLETE_ITEM + ":has-text(%s)" % json.dumps(item))
        self.visible(AUTOCOMPLETE_ITEM + ":has-text(%s)" % json.dumps(item)).first.click()
        self.idle()

    def fill_booking(self, values):
        """Rental company, a pickup in the future, pickup and drop-off places."""
        company = self.config["rental_company"]
        self.pick("rental_company_id", company[:6], company)
        # The user's date format (en_US); a month from now, at 10:00.
        pickup = datetime.date.today() + datetime.timedelta(days=30)
        date_input = self.visible("input.o_datepicker_input[name=pickup_datetime]").first
        date_input.fill(pickup.strftime("%m/%d/%Y 10:00:00"))
        date_input.press("Tab")
        self.page.fill(".o_form_view input[name=pickup_location]", values["pickup_location"])
        self.page.fill(".o_form_view input[name=dropoff_location]", values["dropoff_location"])
        if values.get("passenger_count"):
            # As a user types: Passengers, Tab, then the amount, into
            # whatever has the focus (Odoo 11 lost it: the amount went nowhere).
            passengers = self.visible(".o_form_view input[name=passenger_count]").first
            passengers.click()
            passengers.press("Control+A")
            self.page.keyboard.type(values["passenger_count"], delay=20)
            self.page.keyboard.press("Tab")
            self.idle()
            self.page.keyboard.type(values["amount"], delay=20)
            focused = self.page.evaluate(
                "() => document.activeElement.closest('.o_field_widget')"
                " && document.activeElement.closest('.o_field_widget').getAttribute('name')")
            if focused != "amount":
                raise StepFailed("after Tab from Passengers the focus is on %r, not the amount"
                                 % focused)
        self.idle()

    # -- the steps ------------------------------------------------------------

    def step_create_customer(self):
        values = self.config["new_customer"]
        self.menu("menu_minicrm_customers")
        self.visible(".o_list_button_add").first.click()
        self.wait(FORM_EDITABLE + " input[name=firstname]")
        for name in ("firstname", "lastname", "email", "phone"):
            self.page.fill(".o_form_view input[name=%s]" % name, values[name])
        self.save()
        name = "%s %s" % (values["firstname"], values["lastname"])
        self.wait(FORM_READONLY + " .oe_title h1:has-text(%s)" % json.dumps(name))
        self.screenshot("staff-customer.png")
        self.report["customer"] = name

    def step_search_customer(self):
        self.open_customer(self.customer)
        email = self.config["new_customer"]["email"].lower()
        if self.report["customer"] == self.customer and self.field_text("email") != email:
            raise StepFailed("the form shows the email %r, not %r" % (
                self.field_text("email"), email))
        # No mobile: its label keeps its row, as far from "Language" as
        # "Email" is from "Phone" (Odoo 11 collapsed it: "Mobile/Language").
        tops = self.page.evaluate("""() => Object.fromEntries(
            Array.from(document.querySelectorAll('.o_form_view td.o_td_label label'))
                 .filter((label) => label.offsetParent)
                 .map((label) => [label.innerText.trim(),
                                  label.getBoundingClientRect().top]))""")
        if tops["Language"] - tops["Mobile"] < tops["Phone"] - tops["Email"] - 2:
            raise StepFailed("the empty mobile's label runs into the next one: %s" % tops)
        self.check_empty_values()

    def step_change_email(self):
        self.open_customer(self.customer)
        self.visible(".o_form_button_edit").first.click()
        self.wait(FORM_EDITABLE + " input[name=email]")
        self.page.fill(".o_form_view input[name=email]", self.config["changed_email"])
        self.save()
        shown = self.field_text("email")
        if shown != self.config["changed_email"].lower():
            raise StepFailed("after saving, the form shows the email %r" % shown)

    def step_promote_request_user(self):
        self.open_customer(self.config["request_user"])
        self.button("Create Customer")
        self.wait(".o_statusbar_status button.btn-primary[data-value=end]")
        self.wait_button("Create Customer", gone=True)

    def step_new_booking_from_customer(self):
        self.open_customer(self.customer)
        self.button("New booking")
        self.wait(FORM_EDITABLE + " .o_field_many2one[name=rental_company_id] input")
        shown = self.visible(".o_field_many2one[name=customer_id] input").first.input_value()
        if shown != self.customer:
            raise StepFailed("the new booking's customer is %r" % shown)
        self.fill_booking(self.config["booking"])
        self.save()
        self.wait(FORM_READONLY + " .oe_title h1:has-text('BK/')")
        self.report["booking"] = self.visible(".oe_title h1").first.inner_text().strip()
        self.screenshot("staff-booking.png")

    def step_booking_with_new_customer(self):
        values = self.config["field_customer"]
        name = "%s %s" % (values["firstname"], values["lastname"])
        self.menu("menu_minicrm_bookings")
        self.visible(".o_list_button_add").first.click()
        self.wait(FORM_EDITABLE + " .o_field_many2one[name=customer_id] input")
        self.pick("customer_id", name, "Create and Edit")
        self.wait(".modal " + FORM_EDITABLE + " input[name=firstname]")
        for field in ("firstname", "lastname", "email"):
            self.page.fill(".modal .o_form_view input[name=%s]" % field, values[field])
        self.visible(".modal .modal-footer .btn-primary:has-text('Save')").first.click()
        self.wait(".modal", gone=True)
        shown = self.visible(".o_field_many2one[name=customer_id] input").first.input_value()
        if shown != name:
            raise StepFailed("after the dialog, the booking's customer is %r" % shown)
        self.fill_booking(self.config["field_booking"])
        self.save()
        self.wait(FORM_READONLY + " .oe_title h1:has-text('BK/')")

    def step_email_to(self):
        self.open_customer(self.customer)
        self.button("Email To")
        self.wait(".modal .o_form_view .note-editable")
        editor = self.visible(".modal .note-editable").first
        editor.click()
        editor.press_sequentially(self.config["message"])
        send = self.visible(".modal .modal-footer button").filter(has_text=re.compile("^Send$"))
        send.first.click()
        self.wait(".modal", gone=True)
        self.wait(".o_thread_message:has-text(%s)" % json.dumps(self.config["message"]))

    def step_grant_portal(self):
        self.open_customer(self.config["grant_customer"])
        self.button("Grant portal access")
        self.wait_button("Grant portal access", gone=True)
        self.wait_button("Revoke portal access")

    def step_reset_password(self):
        self.open_customer(self.customer)
        self.button("Reset password")
        self.confirm("choose a new portal password")
        self.wait(".o_thread_message:has-text('Password reset email sent')")

    def step_revoke_portal(self):
        self.open_customer(self.customer)
        self.button("Revoke portal access")
        self.confirm("no longer see this agency's bookings")
        self.wait_button("Grant portal access")
        self.wait_button("Revoke portal access", gone=True)

    def step_export(self):
        self.menu("menu_minicrm_customers")
        self.wait(".o_list_view .o_data_row")
        self.visible("thead .o_list_record_selector input").first.check(force=True)
        self.wait(".o_cp_sidebar .o_dropdown_toggler_btn:has-text('Action')")
        self.visible(".o_cp_sidebar .o_dropdown_toggler_btn:has-text('Action')").first.click()
        # Odoo's "Export" (the dialog), not "Export customers" (the file).
        self.visible(".o_cp_sidebar .dropdown-menu a").filter(
            has_text=re.compile(r"^\s*Export\s*$")).first.click()
        self.wait(".modal .o_export .o_exported_lists_select")
        self.visible(".modal .o_exported_lists_select").first.select_option(
            label=self.config["export_template"])
        self.wait(".modal .o_fields_list option >> nth=4")
        self.visible(".modal .o_export_format input[value=csv]").first.check()
        self.screenshot("staff-export.png")
        with self.page.expect_download(timeout=TIMEOUT_MS) as download:
            self.visible(".modal .modal-footer button:has-text('Export To File')").first.click()
        path = download.value.path()
        self.idle()
        with open(path, encoding="utf-8") as handle:
            self.report["csv"] = handle.read()

    # -- running --------------------------------------------------------------

    @property
    def customer(self):
        """The customer of step 1, or the fixture's when step 1 failed."""
        return self.report["customer"] or self.config["fallback_customer"]

    def run_step(self, name, function):
        started = time.monotonic()
        result = {"step": name, "ok": True, "error": None}
        try:
            function()
            self.check()
        except (StepFailed, PlaywrightError) as error:
            result.update(ok=False, error=" ".join(str(error).split())[:1500])
            self.after_failure(name)
        result["seconds"] = round(time.monotonic() - started, 1)
        self.report["steps"].append(result)

    def after_failure(self, name):
        """Keep the failure on screen for the record, then start over from
        a freshly loaded web client."""
        try:
            self.screenshot("staff-failed-%s.png" % name.split()[0])
        except PlaywrightError:
            pass
        self.seen_errors = len(self.page_errors)
        self.page.goto(self.config["base_url"] + "/web")
        self.wait(APP_MENU % self.config["menu"])

    def run(self):
        self.run_step("0 login", self.login)
        if not self.report["steps"][0]["ok"]:
            return self.report
        for name, function in (
                ("1 create customer", self.step_create_customer),
                ("2 search and open customer", self.step_search_customer),
                ("3 change email", self.step_change_email),
                ("4 promote request user", self.step_promote_request_user),
                ("5 new booking from customer", self.step_new_booking_from_customer),
                ("6 booking with customer created from the field",
                 self.step_booking_with_new_customer),
                ("7 email to", self.step_email_to),
                ("8a grant portal access", self.step_grant_portal),
                ("8b reset password", self.step_reset_password),
                ("8c revoke portal access", self.step_revoke_portal),
                ("9 export with template", self.step_export)):
            self.run_step(name, function)
        self.report["customer"] = self.customer
        return self.report


def run(config, tour_class=None, viewport=None):
    """Runs a tour (StaffTour or a subclass) in a new browser and returns its
    report. Failures are reported, not raised: the caller shows the steps
    done so far."""
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        if viewport:
            page.set_viewport_size(viewport)
        tour = (tour_class or StaffTour)(page, config)
        try:
            tour.run()
        except Exception:  # pylint: disable=broad-except
            tour.report["steps"].append({"step": "tour", "ok": False, "seconds": 0,
                                         "error": traceback.format_exc()[-1500:]})
        browser.close()
    return tour.report


def main(tour_class=None, viewport=None):
    """The tours' command line: CONFIG_JSON in, the report as JSON out."""
    print(json.dumps(run(json.loads(sys.argv[1]), tour_class, viewport)), flush=True)


if __name__ == "__main__":
    main()
