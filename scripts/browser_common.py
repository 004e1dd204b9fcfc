"""Shared by the Playwright tours: Debian's Chromium, headless, as root."""
import os

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def open_page(playwright, timeout_ms):
    """A new browser and page; close the browser when done."""
    browser = playwright.chromium.launch(
        executable_path=os.environ.get("MINICRM_CHROMIUM", "/usr/bin/chromium"),
        args=CHROMIUM_ARGS)
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.set_default_timeout(timeout_ms)
    return browser, page
