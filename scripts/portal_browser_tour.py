"""Headless Chromium walk through the customer portal, driven by Playwright.

    portal_browser_tour.py BASE_URL LOGIN PASSWORD SCREENSHOT

Logs in at /web/login, opens "Bookings" from /my, opens the first booking and
takes screenshots of both pages (SCREENSHOT, and the list next to it as
portal-bookings.png). Prints what it saw as JSON for the calling test:
{"home": url, "bookings": [references], "detail": reference, "title": ...}.
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import os
import sys

from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 60000


def run(base_url, login, password, screenshot):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        page.goto(base_url + "/web/login")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url("**/my**")
        seen = {"home": page.url}
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
        seen["title"] = page.title()
        page.screenshot(path=screenshot, full_page=True)
        browser.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:5])))
