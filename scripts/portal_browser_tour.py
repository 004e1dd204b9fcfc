"""Headless Chromium walk through the customer portal, driven by Playwright.

    portal_browser_tour.py BASE_URL LOGIN PASSWORD SCREENSHOT
    portal_browser_tour.py account BASE_URL LOGIN PASSWORD SCREENSHOT MOBILE

Logs in at /web/login, opens "Bookings" from /my, opens the first booking and
takes screenshots of both pages (SCREENSHOT, and the list next to it as
portal-bookings.png). Prints what it saw as JSON for the calling test:
{"home": url, "bookings": [references], "detail": reference, "title": ...,
"price": [the price shown], "tz": [the time zone shown], "errors": [JavaScript
errors]}.

``account``: logs in, opens "Your Details" (/my/account) from /my, changes
the mobile to MOBILE and saves, with a screenshot of the form before saving.
Prints {"form": {field: value as shown}, "saved_url": url, "alerts": [texts of
error alerts], "mobile_after": the mobile shown once saved, "errors": [JavaScript
errors]}.
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import os
import sys

from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 60000


ACCOUNT_FIELDS = ("firstname", "lastname", "email", "phone", "mobile", "lang", "tz")


def log_in(page, base_url, login, password):
    """Signs in at /web/login; collects JavaScript errors in the list it
    returns."""
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "/web/login")
    page.fill("input[name=login]", login)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/my**")
    return errors


def run_account(base_url, login, password, screenshot, mobile):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        errors = log_in(page, base_url, login, password)
        page.click("a[href='/my/account']")
        page.wait_for_selector("form[action='/my/account'] input[name=mobile]")
        seen = {"errors": errors, "form": {
            name: page.input_value("form[action='/my/account'] [name=%s]" % name)
            for name in ACCOUNT_FIELDS}}
        page.fill("input[name=mobile]", mobile)
        page.screenshot(path=screenshot, full_page=True)
        with page.expect_navigation():
            page.click("form[action='/my/account'] button[type=submit]")
        seen["saved_url"] = page.url
        seen["alerts"] = page.locator(".alert-danger").all_inner_texts()
        page.goto(base_url + "/my/account")
        seen["mobile_after"] = page.input_value("form[action='/my/account'] [name=mobile]")
        browser.close()
    return seen


def run(base_url, login, password, screenshot):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        seen = {"errors": log_in(page, base_url, login, password)}
        seen["home"] = page.url
        page.click("a[href='/my/bookings']")
        page.wait_for_selector("table.o_minicrm_bookings")
        links = page.locator("table.o_minicrm_bookings tbody a")
        seen["bookings"] = links.all_inner_texts()
        page.screenshot(path=os.path.join(os.path.dirname(screenshot), "portal-bookings.png"))
        links.first.click()
        page.wait_for_selector(".o_minicrm_booking")
        # The chatter is filled by JavaScript: wait for it, then shoot.
        page.wait_for_selector("#discussion .o_message_counter")
        seen["detail"] = page.inner_text(".o_minicrm_booking .panel-heading h4")
        seen["price"] = page.locator(".o_minicrm_booking .o_minicrm_price").all_inner_texts()
        seen["tz"] = page.locator(".o_minicrm_booking .o_minicrm_tz").all_inner_texts()
        seen["title"] = page.title()
        page.screenshot(path=screenshot, full_page=True)
        browser.close()
    return seen


if __name__ == "__main__":
    if sys.argv[1] == "account":
        print(json.dumps(run_account(*sys.argv[2:7])))
    else:
        print(json.dumps(run(*sys.argv[1:5])))
