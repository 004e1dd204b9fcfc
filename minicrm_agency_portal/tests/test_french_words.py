# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests.common import at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmHttpCase

from . import test_french


def load_all_french(env):
    """French for every installed module, Odoo's own included, as Settings ›
    Translations › Load a Translation › French does with "Overwrite Existing
    Terms" (without it, a database that had French keeps the words it
    had)."""
    env["res.lang"].load_lang("fr_FR")
    env["ir.module.module"].with_context(overwrite=True).search(
        [("state", "=", "installed")])._update_translations("fr_FR")


@at_install(False)
@post_install(True)
class TestFrenchWords(MinicrmHttpCase):
    """The words Odoo 11's French leaves in English or says two ways, as a
    French staff user and a French portal customer get them: one French
    word per field, as core's res.partner has it ("Courriel", "Mobile"),
    core's portal words ("Change", the account page's "Email") in French,
    and the web client's words this addon translates."""

    staff_env = test_french.TestFrench.staff_env

    def setup_http_fixtures(self):
        load_all_french(type(self).env)
        test_french.TestFrench.setup_http_fixtures(self)

    def test_the_customer_form_says_courriel_and_mobile_as_core_does(self):
        def check(env):
            staff = self.staff_env(env.cr)
            form = staff["res.partner"].fields_view_get(
                staff.ref("minicrm_agency.view_minicrm_customer_form").id, "form")
            self.assertEqual(form["fields"]["email"]["string"], "Courriel")
            self.assertEqual(form["fields"]["mobile"]["string"], "Mobile")
            for word in ("E-mail", "Portable"):
                self.assertNotIn('"%s"' % word, form["arch"])
            self.assertIn('"Courriel"', form["arch"])
            booking = staff["minicrm.booking"].fields_get(["contact_email", "contact_mobile"])
            self.assertEqual(booking["contact_email"]["string"], "Courriel")
            self.assertEqual(booking["contact_mobile"]["string"], "Mobile")
        self.in_test_cursor(check)

    def test_the_portal_home_says_modifier_not_change(self):
        self.login(self.lea_login, PASSWORD)
        # The first French page builds the portal's assets in French: slow.
        page = self.url_open("/my", timeout=300).text
        self.assertIn("Vos détails", page)
        self.assertRegex(page, r'href="/my/account"[^>]*>\s*Modifier\s*</a>')
        self.assertNotRegex(page, r'>\s*Change\s*</a>')

    def test_the_portal_account_page_says_courriel(self):
        self.login(self.lea_login, PASSWORD)
        page = self.url_open("/my/account", timeout=300).text
        self.assertRegex(page, r'<label[^>]*for="email"[^>]*>\s*Courriel\s*</label>')
        self.assertRegex(page, r'<label[^>]*for="mobile"[^>]*>\s*Mobile\s*</label>')
        self.assertNotRegex(page, r'>\s*(Email|E-mail|Portable)\s*</label>')

    def test_the_web_client_gets_the_error_title_and_archive_word_in_french(self):
        self.login(self.staff_a1.login, PASSWORD)
        answer = self.json_call("/web/webclient/translations", {"lang": "fr_FR"})
        modules = answer["result"]["modules"]
        # As the web client reads them (translation.js): web first, then
        # the others by name, a later module's word replacing an earlier's.
        words = {}
        for module in ["web"] + sorted(set(modules) - {"web"}):
            words.update({message["id"]: message["string"]
                          for message in modules.get(module, {}).get("messages", [])})
        self.assertEqual(words["Odoo Server Error"], "Erreur du serveur Odoo")
        self.assertEqual(words["Active"], "Actif")
        self.assertEqual(words["Published on %s"], "Publié le %s")
