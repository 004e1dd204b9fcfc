"""Headless Chromium walk through a quote request, driven by Playwright.

    quote_browser_tour.py CONFIG_JSON

CONFIG_JSON (written by minicrm_agency_portal/tests/test_quote_browser.py)
says which part of the flow to walk ("phase") and with what:

  public   a visitor fills the agency's public "Request a quote" page and
           sends it (a screenshot of the filled form goes to
           CONFIG["screenshot"]), once per entry of CONFIG["visitors"],
           and is asked to confirm it from their mailbox;
  confirm_email  the visitor opens each link of CONFIG["links"] (the
           confirmation mail's) and clicks "Confirm my request";
  quote    staff open the request user from Customers, then the request
           from Requests, enter its price (CONFIG["amount"]) and click
           "Send quote";
  accept   the customer logs in to the portal, opens the request and
           clicks "Accept the quote of <price>" (the price shown is reported);
  confirm  staff open the booking from Bookings and click "Confirm";
  cancel   staff open the booking from Bookings, click "Cancel booking" and
           answer Odoo's question (its text must hold CONFIG["question"]).

Each staff or portal step fails on an Odoo error dialog, a JavaScript error
or a missing page element. Prints {"ok": bool, "error": text, "seen": {...}}.
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import sys
import traceback

from playwright.sync_api import sync_playwright

from browser_common import open_page
from staff_browser_tour import (FORM_EDITABLE, FORM_READONLY, TIMEOUT_MS, StaffTour,
                                StepFailed)


def public(page, config):
    seen = []
    for number, visitor in enumerate(config["visitors"]):
        page.goto(config["base_url"] + "/quote/" + config["slug"])
        page.wait_for_selector(".o_minicrm_quote form")
        for name, value in visitor.items():
            page.fill("[name=%s]" % name, value)
        if config.get("rental_company_id"):
            page.select_option("select[name=rental_company_id]", config["rental_company_id"])
        if number == 0 and config.get("screenshot"):
            page.screenshot(path=config["screenshot"], full_page=True)
        page.click(".o_minicrm_quote_submit")
        page.wait_for_selector(".o_minicrm_quote_check_mail, .o_minicrm_quote_error")
        if page.locator(".o_minicrm_quote_error").count():
            raise StepFailed(page.inner_text(".o_minicrm_quote_error"))
        seen.append(page.inner_text(".o_minicrm_quote_check_mail"))
    return seen


def confirm_email(page, config):
    seen = []
    for link in config["links"]:
        page.goto(config["base_url"] + link)
        page.click(".o_minicrm_quote_confirm button[type=submit]")
        page.wait_for_selector(".o_minicrm_quote_thanks, .o_minicrm_quote_error")
        if page.locator(".o_minicrm_quote_error").count():
            raise StepFailed(page.inner_text(".o_minicrm_quote_error"))
        seen.append(page.inner_text(".o_minicrm_quote_thanks"))
    return seen


def open_record(tour, menu, reference):
    tour.menu(menu)
    tour.search_list(reference)
    tour.visible(".o_list_view .o_data_row").first.locator("td.o_data_cell").first.click()
    tour.wait(FORM_READONLY + " .oe_title h1:has-text(%s)" % json.dumps(reference))


def quote(tour, config):
    tour.login()
    tour.open_customer(config["request_user"])
    state = tour.field_text("customer_state")
    open_record(tour, "menu_minicrm_requests", config["reference"])
    tour.visible(".o_form_button_edit").first.click()
    # A monetary field is a div (name=amount) around its input.
    tour.wait(FORM_EDITABLE + " .o_field_monetary[name=amount] input")
    tour.page.fill(".o_form_view .o_field_monetary[name=amount] input", config["amount"])
    tour.save()
    tour.button("Send quote")
    tour.wait_button("Send quote", gone=True)
    tour.screenshot("staff-quoted-request.png")
    return {"request_user_state": state}


def accept(page, config):
    page.goto(config["base_url"] + "/web/login")
    page.fill("input[name=login]", config["login"])
    page.fill("input[name=password]", config["password"])
    page.click("button[type=submit]")
    page.wait_for_url("**/my**")
    page.click("a[href='/my/requests']")
    page.click("a[href='/my/requests/%s']" % config["request_id"])
    page.wait_for_selector(".o_minicrm_quote_answer")
    price = page.inner_text(".o_minicrm_quote_amount")
    button = page.inner_text(".o_minicrm_accept")
    page.click(".o_minicrm_accept")
    page.wait_for_selector(".alert-success")
    return {"price": price, "button": button, "accepted": page.inner_text(".alert-success")}


def confirm(tour, config):
    tour.login()
    open_record(tour, "menu_minicrm_bookings", config["reference"])
    tour.button("Confirm")
    tour.wait_button("Confirm", gone=True)
    return tour.field_text("state")


def cancel(tour, config):
    tour.login()
    open_record(tour, "menu_minicrm_bookings", config["reference"])
    tour.button("Cancel booking")
    tour.confirm(config["question"])
    tour.wait_button("Cancel booking", gone=True)
    return tour.field_text("state")


def run(config):
    report = {"ok": False, "error": None, "seen": None}
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        tour = StaffTour(page, config)
        try:
            phase = config["phase"]
            if phase == "public":
                report["seen"] = public(page, config)
            elif phase == "confirm_email":
                report["seen"] = confirm_email(page, config)
            elif phase == "accept":
                report["seen"] = accept(page, config)
            else:
                report["seen"] = {"quote": quote, "confirm": confirm,
                                  "cancel": cancel}[phase](tour, config)
            report["ok"] = not tour.page_errors
            report["error"] = " | ".join(tour.page_errors) or None
        except Exception:  # pylint: disable=broad-except
            # Reported, not raised: the caller shows what went wrong.
            report["error"] = traceback.format_exc()[-1500:]
        browser.close()
    return report


if __name__ == "__main__":
    print(json.dumps(run(json.loads(sys.argv[1]))), flush=True)
