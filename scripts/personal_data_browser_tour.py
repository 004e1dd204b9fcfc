"""Headless Chromium: a portal customer downloads their personal data from
/my, driven by Playwright.

    personal_data_browser_tour.py BASE_URL LOGIN PASSWORD SCREENSHOT

Logs in at /web/login, clicks "Download my personal data" on /my and reads the
file the browser downloads. Prints {"file_name": the suggested name, "data":
the file's JSON, "errors": [JavaScript errors]}. Runs in the tools venv
(Python 3.11), not in Odoo's.
"""
import json
import sys

from playwright.sync_api import sync_playwright

from browser_common import open_page
from portal_browser_tour import TIMEOUT_MS, log_in


def run(base_url, login, password, screenshot):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        seen = {"errors": log_in(page, base_url, login, password)}
        page.wait_for_selector("a[href='/my/personal-data']")
        page.screenshot(path=screenshot, full_page=True)
        with page.expect_download() as download_info:
            page.click("a[href='/my/personal-data']")
        download = download_info.value
        seen["file_name"] = download.suggested_filename
        with open(download.path(), encoding="utf-8") as data_file:
            seen["data"] = json.load(data_file)
        browser.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:5])))
