"""Headless Chromium check of the customer form's optimistic locking.

    form_concurrency_browser_tour.py BASE_URL LOGIN PASSWORD CUSTOMER_ID ACTION_ID

Logs in to the backend, opens the customer form, prints "opened" and waits for
a line on stdin (the caller changes the customer meanwhile), then edits the
phone and saves. Prints what the user saw as JSON: {"dialog": text or null}.
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import sys
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 120000


def run(base_url, login, password, customer_id, action_id):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        form_url = "/web#id=%s&model=res.partner&view_type=form&action=%s" % (
            customer_id, action_id)
        page.goto(base_url + "/web/login?" + urlencode({"redirect": form_url}))
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_selector(".o_form_view.o_form_readonly")
        page.wait_for_selector(".o_form_button_edit")
        print("opened", flush=True)
        sys.stdin.readline()
        page.click(".o_form_button_edit")
        page.fill(".o_form_view input[name=phone]", "+33 4 00 00 00 00")
        page.click(".o_form_button_save")
        dialog = page.wait_for_selector(".modal-dialog .modal-body", timeout=30000)
        details = page.query_selector(".modal-dialog .o_error_detail")
        result = {"dialog": dialog.inner_text() if dialog else None, "errors": errors,
                  "details": details.inner_text() if details else None}
        browser.close()
    return result


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:6])), flush=True)
