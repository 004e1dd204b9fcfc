# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import re

from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmHttpCase

CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
INPUT_RE = re.compile(r'<input[^>]*\bname="([a-z_]+)"[^>]*>')
VALUE_RE = re.compile(r'\bvalue="([^"]*)"')
SELECT_RE = re.compile(r'<select[^>]*\bname="([a-z_]+)"[^>]*>(.*?)</select>', re.S)
SELECTED_RE = re.compile(r'<option[^>]*\bvalue="([^"]*)"[^>]*\bselected="selected"')
NEW_MOBILE = "+33 7 00 00 00 01"


@at_install(False)
@post_install(True)
class TestPortalAccountKeepsAgencyData(MinicrmHttpCase):
    """Ann is a customer of both agencies, under two spellings of her name,
    with the phone both hold (her login's contact has none, as a login made
    by the Mini-CRM). She saves /my/account as the browser sends it: every
    field of the form, as shown, with the one she changed."""

    def setup_http_fixtures(self):
        env = type(self).env
        type(self).ann_in_b = self.create_customer(
            self.staff_b1, "Ann-Marie", "Smith-Jones", "ann.smith@example.com",
            phone="+33 6 12 34 56 78")
        login = self.customer_a.sudo().minicrm_portal_user_id
        login.write({"password": PASSWORD})
        type(self).ann_login = login.login
        type(self).ann_contact_id = login.partner_id.id
        # Ann works in French: Odoo 11 stored a tracked field's label in the
        # writer's language ("Portable" on an English screen).
        french = env["res.lang"].with_context(active_test=False).search(
            [("code", "=", "fr_FR")])
        if french:
            french.active = True
        else:
            env["res.lang"].load_lang("fr_FR")
        field = env["ir.model.fields"].search([("model", "=", "res.partner"),
                                               ("name", "=", "mobile")])
        env["ir.translation"].create({
            "type": "model", "name": "ir.model.fields,field_description", "res_id": field.id,
            "lang": "fr_FR", "src": field.field_description, "value": "Portable",
            "state": "translated"})
        env["ir.translation"].clear_caches()
        login.write({"lang": "fr_FR"})

    def account_form(self):
        """/my/account's form as the browser would send it: every input and
        select with the value the page shows."""
        page = self.url_open("/my/account")
        self.assertEqual(page.status_code, 200)
        form = page.text[page.text.index('action="/my/account"'):]
        data = {}
        for match in INPUT_RE.finditer(form):
            value = VALUE_RE.search(match.group(0))
            data[match.group(1)] = value.group(1) if value else ""
        for name, options in SELECT_RE.findall(form):
            selected = SELECTED_RE.search(options)
            data[name] = selected.group(1) if selected else ""
        data.pop("redirect", None)
        data["csrf_token"] = CSRF_RE.search(page.text).group(1)
        return data

    def save(self, **changes):
        self.login(self.ann_login, PASSWORD)
        data = self.account_form()
        data.update(changes)
        response = self.url_open("/my/account", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("alert-danger", response.text)
        return response

    def ann_records(self, env):
        env["res.partner"].invalidate_cache()
        return env["res.partner"].browse([self.customer_a.id, self.ann_in_b.id])

    def test_page_shows_the_phone_the_agencies_hold(self):
        self.login(self.ann_login, PASSWORD)
        form = self.account_form()
        self.assertEqual(form["phone"], "+33 6 12 34 56 78")
        self.assertEqual((form["firstname"], form["lastname"]), ("Ann", "Smith"))

    def test_one_changed_field_leaves_everything_else_in_both_agencies(self):
        self.save(mobile=NEW_MOBILE)

        def check(env):
            ann_a, ann_b = self.ann_records(env)
            self.assertEqual((ann_a.firstname, ann_a.lastname, ann_a.phone, ann_a.email),
                             ("Ann", "Smith", "+33 6 12 34 56 78", "ann.smith@example.com"))
            self.assertEqual((ann_b.firstname, ann_b.lastname, ann_b.phone, ann_b.email),
                             ("Ann-Marie", "Smith-Jones", "+33 6 12 34 56 78",
                              "ann.smith@example.com"))
            self.assertEqual((ann_a.mobile, ann_b.mobile), (NEW_MOBILE, NEW_MOBILE))
        self.in_test_cursor(check)

    def test_an_emptied_field_never_erases_what_the_agencies_hold(self):
        self.save(phone="", mobile="")

        def check(env):
            ann_a, ann_b = self.ann_records(env)
            self.assertEqual((ann_a.phone, ann_a.mobile), ("+33 6 12 34 56 78", "07 11 22 33 44"))
            self.assertEqual((ann_b.phone, ann_b.mobile), ("+33 6 12 34 56 78", False))
        self.in_test_cursor(check)

    def test_a_changed_name_replaces_the_name_in_every_agency(self):
        self.save(firstname="Annie")

        def check(env):
            ann_a, ann_b = self.ann_records(env)
            self.assertEqual((ann_a.firstname, ann_b.firstname), ("Annie", "Annie"))
            self.assertEqual((ann_a.lastname, ann_b.lastname), ("Smith", "Smith-Jones"))
        self.in_test_cursor(check)

    def test_the_change_is_logged_as_the_customers_in_the_readers_language(self):
        self.save(mobile=NEW_MOBILE)

        # Each agency's staff, in English and in French.
        readers = {self.customer_a.id: [(self.staff_a1.id, "en_US", "Mobile"),
                                        (self.manager_a.id, "fr_FR", "Portable")],
                   self.ann_in_b.id: [(self.staff_b1.id, "en_US", "Mobile")]}

        def check(env):
            for customer in self.ann_records(env):
                message = customer.message_ids.filtered("tracking_value_ids")[:1]
                self.assertEqual(message.author_id.id, self.ann_contact_id)
                self.assertEqual(message.tracking_value_ids.mapped("field"), ["mobile"])
                for user_id, lang, label in readers[customer.id]:
                    formatted = message.sudo(user_id).with_context(lang=lang).message_format()
                    self.assertEqual(formatted[0]["author_id"][0], self.ann_contact_id)
                    self.assertEqual(
                        [(value["changed_field"], value["new_value"])
                         for value in formatted[0]["tracking_value_ids"]],
                        [(label, NEW_MOBILE)])
        self.in_test_cursor(check)
