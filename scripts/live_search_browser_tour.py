"""Headless Chromium check of the customer list's search as you type.

    live_search_browser_tour.py BASE_URL LOGIN PASSWORD ACTION_ID CAPPED_ACTION_ID
                                EXPECTED_JSON SCREENSHOT_DIR [BOOKINGS_JSON]

EXPECTED_JSON maps each search text the tour types to the customer names
the list must then show (as the server finds them for this user), "" to
the whole list. BOOKINGS_JSON, if given, is {"action_id": the Bookings
action, "expected": the booking references for each text}: the tour
then types those texts in the Bookings list too. CAPPED_ACTION_ID is the
same list with 5 rows a page and its count capped at 5. Prints what was
seen as JSON on the last line:
{"steps": [...], "requests": {...}, "pager": {...}, "bookings": [...],
"no_match": the empty list's message, "enter_searches": searches of an
Enter typed right after the text, "errors": [...], "keystroke_request": {...},
"booking_keystroke_request": {...}};
the last two are the JSON-RPC bodies the web client posted for the last
letter typed in the customer list and for the first text typed in the
Bookings list (the requests `make bench` replays).
Runs in the tools venv (Python 3.11), not in Odoo's.
"""
import json
import os
import sys
import time
from urllib.parse import urlencode

from playwright.sync_api import sync_playwright

from browser_common import open_page

TIMEOUT_MS = 120000
SETTLE_S = 10
ROWS = ".o_list_view tbody tr.o_data_row td:nth-child(2)"
INPUT = ".o_searchview_input"
ERROR_DIALOG = ".modal-dialog .o_dialog_warning, .modal-dialog .o_error_detail"


class Tour(object):

    def __init__(self, page, expected):
        self.page, self.expected = page, expected
        self.steps, self.errors, self.searches = [], [], []
        self.search_bodies = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", self.on_request)

    def on_request(self, request):
        if request.url.endswith("/web/dataset/search_read"):
            self.searches.append(time.time())
            self.search_bodies.append(request.post_data)

    def rows(self):
        return sorted(cell.inner_text().strip() for cell in self.page.query_selector_all(ROWS))

    def check_no_error_dialog(self, step):
        dialog = self.page.query_selector(ERROR_DIALOG)
        if dialog:
            self.errors.append("%s: error dialog: %s" % (step, dialog.inner_text()[:500]))

    def wait_rows(self, step, text):
        """The rows once the list has settled on the server's answer for text."""
        wanted = sorted(self.expected[text])
        deadline = time.time() + SETTLE_S
        rows = self.rows()
        while rows != wanted and time.time() < deadline:
            self.page.wait_for_timeout(100)
            rows = self.rows()
        self.check_no_error_dialog(step)
        self.steps.append({"step": step, "text": text, "rows": rows, "expected": wanted,
                           "input": self.page.input_value(INPUT)})
        return rows

    def clear_input(self):
        self.page.click(INPUT)
        self.page.keyboard.press("Control+A")
        self.page.keyboard.press("Backspace")

    def type_letter_by_letter(self, text):
        for index in range(1, len(text) + 1):
            self.page.keyboard.type(text[index - 1])
            # A pause longer than the debounce: the list follows each letter.
            self.page.wait_for_timeout(600)
            self.wait_rows("letter %d" % index, text[:index])

    def fast_burst(self, text):
        started = len(self.searches)
        self.page.keyboard.type(text, delay=40)
        self.wait_rows("burst", text)
        self.page.wait_for_timeout(800)
        return len(self.searches) - started

    def slow_reply_then_newer_keystroke(self, slow_text, text):
        """The reply to slow_text is held back while the rest of text is
        typed, then let through: the list must end on text's rows."""
        held = []

        def hold(route):
            if not held and '"ilike","%s"' % slow_text in (route.request.post_data or ""):
                held.append(route)  # answered below, after the newer keystrokes
            else:
                route.continue_()
        self.page.route("**/web/dataset/search_read", hold)
        self.page.keyboard.type(slow_text)
        self.page.wait_for_timeout(600)
        self.page.keyboard.type(text[len(slow_text):])
        self.page.wait_for_timeout(1000)
        for route in held:
            route.continue_()
        rows = self.wait_rows("slow reply", text)
        self.page.wait_for_timeout(1500)
        self.page.unroute("**/web/dataset/search_read")
        self.steps.append({"step": "after the slow reply", "text": text, "rows": self.rows(),
                           "expected": sorted(self.expected[text]), "held": len(held)})
        return rows

    def enter_makes_a_facet(self, text):
        self.page.keyboard.type(text)
        self.page.wait_for_timeout(600)
        self.page.keyboard.press("Enter")
        self.page.wait_for_selector(".o_searchview_facet")
        facet = self.page.inner_text(".o_searchview_facet")
        self.wait_rows("enter", text)
        self.page.click(".o_searchview_facet .o_facet_remove")
        self.wait_rows("facet removed", "")
        return facet

    def enter_while_typing(self, text):
        """Enter right after the last letter (the pause's search still
        pending): one search; then a row opened right after Enter."""
        started = len(self.searches)
        self.page.keyboard.type(text, delay=30)
        self.page.keyboard.press("Enter")
        self.page.wait_for_selector(".o_searchview_facet")
        self.wait_rows("enter while typing", text)
        self.page.wait_for_timeout(800)
        searches = len(self.searches) - started
        self.page.keyboard.press("Backspace")  # removes the facet
        self.wait_rows("facet removed again", "")
        self.page.keyboard.type(text, delay=30)
        self.page.keyboard.press("Enter")
        self.page.click(ROWS, force=True)
        self.page.wait_for_selector(".o_form_view")
        self.page.wait_for_timeout(800)
        self.check_no_error_dialog("row opened after enter")
        for button in self.page.query_selector_all(".modal-footer .btn-primary"):
            button.click()  # recorded above; closed so that the tour goes on
        self.page.click(".o_control_panel .breadcrumb li:first-child a")
        self.page.wait_for_selector(".o_searchview_facet")
        self.page.click(INPUT)
        self.page.keyboard.press("Backspace")
        self.wait_rows("back to the list", "")
        return searches

    def filter_and_group(self, text):
        """A filter and a grouping chosen while text is in the box."""
        self.page.keyboard.type(text)
        self.wait_rows("typed before a filter", text)
        if not self.page.is_visible(".o_search_options .o_filters_menu"):
            self.page.click(".o_searchview_more")
        self.page.click(".o_search_options button:has-text('Filters')")
        self.page.click(".o_filters_menu a:has-text('End users')")
        self.wait_rows("filter", text + "|end_users")
        self.page.click(".o_search_options button:has-text('Group By')")
        self.page.click(".o_group_by_menu a:has-text('Customer type')")
        self.page.wait_for_selector(".o_list_view .o_group_header")
        self.page.wait_for_timeout(500)
        groups = [cell.inner_text().strip() for cell in
                  self.page.query_selector_all(".o_list_view .o_group_header .o_group_name")]
        self.check_no_error_dialog("group by")
        return {"input": self.page.input_value(INPUT), "groups": groups}

    def pager(self, base_url, action_id, screenshot_dir):
        self.page.goto(base_url + "/web#model=res.partner&view_type=list&action=%s" % action_id)
        self.page.wait_for_selector(".o_list_view tbody tr.o_data_row")
        seen = {"capped": self.page.inner_text(".o_pager_limit")}
        if screenshot_dir:
            self.page.screenshot(path=os.path.join(screenshot_dir, "live-search-pager.png"))
        self.page.click(".o_pager_limit")
        self.page.wait_for_function(
            "document.querySelector('.o_pager_limit').innerText.indexOf('+') < 0")
        seen["exact"] = self.page.inner_text(".o_pager_limit")
        self.page.click(".o_pager_next")
        self.page.wait_for_function(
            "document.querySelector('.o_pager_value').innerText.indexOf('6-') === 0")
        seen["next_page"] = "%s / %s" % (self.page.inner_text(".o_pager_value"),
                                         self.page.inner_text(".o_pager_limit"))
        self.page.click(INPUT)
        self.page.keyboard.type("m")
        self.page.wait_for_function(
            "document.querySelector('.o_pager_value').innerText.indexOf('1-') === 0")
        self.page.wait_for_timeout(500)
        seen["typed_m"] = "%s / %s" % (self.page.inner_text(".o_pager_value"),
                                       self.page.inner_text(".o_pager_limit"))
        self.check_no_error_dialog("pager")
        return seen


def run(base_url, login, password, action_id, capped_action_id, expected, screenshot_dir,
        bookings=None):
    with sync_playwright() as playwright:
        browser, page = open_page(playwright, TIMEOUT_MS)
        tour = Tour(page, expected)
        list_url = "/web#model=res.partner&view_type=list&action=%s" % action_id
        page.goto(base_url + "/web/login?" + urlencode({"redirect": list_url}))
        page.fill("input[name=login]", login)
        page.fill("input[name=password]", password)
        page.click("button[type=submit]")
        page.wait_for_selector(".o_list_view tbody tr.o_data_row")
        tour.wait_rows("opened", "")
        page.click(INPUT)
        tour.type_letter_by_letter("mart")
        keystroke_request = json.loads(tour.search_bodies[-1])
        page.click(".o_control_panel .breadcrumb")  # the box loses focus
        tour.wait_rows("blurred", "mart")
        if screenshot_dir:
            page.screenshot(path=os.path.join(screenshot_dir, "live-search.png"))
        tour.clear_input()
        tour.wait_rows("cleared", "")
        burst_searches = tour.fast_burst("sophie")
        tour.clear_input()
        tour.wait_rows("cleared again", "")
        tour.slow_reply_then_newer_keystroke("m", "marco")
        tour.clear_input()
        tour.wait_rows("cleared after the slow reply", "")
        facet = tour.enter_makes_a_facet("marco")
        page.click(INPUT)
        enter_searches = tour.enter_while_typing("marco")
        page.keyboard.type("06 11 22")
        tour.wait_rows("national phone", "06 11 22")
        tour.clear_input()
        page.keyboard.type("+33 6 11 22")
        tour.wait_rows("international phone", "+33 6 11 22")
        tour.clear_input()
        page.keyboard.type("Dubois, Sophie")
        tour.wait_rows("name with a comma", "Dubois, Sophie")
        tour.clear_input()
        page.keyboard.type("zzqx")
        tour.wait_rows("nothing matches", "zzqx")
        no_match = page.inner_text(".o_view_manager_content .oe_view_nocontent")
        tour.clear_input()
        tour.wait_rows("cleared after nothing matched", "")
        filtered = tour.filter_and_group("o")
        pager = tour.pager(base_url, capped_action_id, screenshot_dir)
        booking_steps, booking_request = (booking_list(page, base_url, bookings, tour.errors)
                                          if bookings else (None, None))
        browser.close()
    return {"steps": tour.steps, "burst_searches": burst_searches, "facet": facet,
            "filtered": filtered, "pager": pager, "bookings": booking_steps,
            "no_match": no_match, "enter_searches": enter_searches,
            "errors": tour.errors, "keystroke_request": keystroke_request,
            "booking_keystroke_request": booking_request}


def booking_list(page, base_url, bookings, errors):
    """The Bookings list follows the box too: each text, typed letter by
    letter at typing speed, then Enter; the rows are the references.
    Returns the steps and the body posted for the first text."""
    tour = Tour(page, bookings["expected"])
    tour.errors = errors
    page.goto(base_url + "/web#model=minicrm.booking&view_type=list&action=%s"
              % bookings["action_id"])
    page.wait_for_selector(".o_list_view tbody tr.o_data_row")
    first_request = None
    for text in bookings["expected"]:
        if not text:
            continue
        page.click(INPUT)
        page.keyboard.type(text, delay=80)
        tour.wait_rows("booking search", text)
        if first_request is None and tour.search_bodies:
            first_request = json.loads(tour.search_bodies[-1])
        tour.clear_input()
        page.wait_for_timeout(600)
    return tour.steps, first_request


if __name__ == "__main__":
    arguments = sys.argv[1:9]
    arguments[5] = json.loads(arguments[5])
    arguments[7:] = [json.loads(arguments[7])] if len(arguments) > 7 else [None]
    print(json.dumps(run(*arguments)), flush=True)
