"""Runs an addon's QUnit tests (Odoo 11's /web/tests page) in headless
Chromium and prints the result as JSON on the last line:
{"total": N, "passed": N, "failed": N, "failures": ["module: test: message", ...]}

    qunit_browser.py BASE_URL LOGIN PASSWORD MODULE

MODULE is the QUnit module name the tests declare (QUnit.module(...)).
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import sys
from urllib.parse import quote

from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 300000


def run(base_url, login, password, module):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        page.goto(base_url + "/web/login?redirect=/web")
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_url("**/web**")
        page.goto(base_url + "/web/tests?module=" + quote(module))
        # QUnit writes its summary when every test has run.
        page.wait_for_selector("#qunit-testresult .total")
        result = page.evaluate("""() => {
            const count = (selector) => parseInt(
                (document.querySelector(selector) || {}).textContent || "0", 10);
            return {
                total: count("#qunit-testresult .total"),
                passed: count("#qunit-testresult .passed"),
                failed: count("#qunit-testresult .failed"),
                failures: Array.from(document.querySelectorAll("#qunit-tests > li.fail")).map(
                    (li) => li.innerText.replace(/\\s+/g, " ").slice(0, 500)),
            };
        }""")
        browser.close()
    return result


if __name__ == "__main__":
    print(json.dumps(run(*sys.argv[1:5])))
