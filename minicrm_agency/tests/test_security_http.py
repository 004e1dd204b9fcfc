# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import csv
import io
import json

from werkzeug.urls import url_encode

from odoo.tests.common import at_install, post_install

from .common import PASSWORD, MinicrmHttpCase, mute_expected_errors

# A 1x1 PNG, and a text no response may ever contain.
PIXEL = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5E"
         "rkJggg==")
SECRET = b"secret of agency B"


@at_install(False)
@post_install(True)
class TestSecurityHttp(MinicrmHttpCase):
    """Staff of agency A against agency B over the web client's own routes."""

    def setup_http_fixtures(self):
        env = type(self).env  # the requests' cursor (self.env is the test's own)
        Attachment = env["ir.attachment"]
        type(self).attachment_b = Attachment.create({
            "name": "passport-bob.pdf", "datas": base64.b64encode(SECRET),
            "res_model": "res.partner", "res_id": self.customer_b.id})
        type(self).orphan_b = Attachment.create({
            "name": "orphan.txt", "datas": base64.b64encode(SECRET)})
        # Uploaded by agency B's staff.
        env.cr.execute("UPDATE ir_attachment SET create_uid = %s WHERE id IN %s",
                       (self.staff_b1.id, (self.attachment_b.id, self.orphan_b.id)))
        self.customer_b.write({"image": PIXEL})
        type(self).formula_customer = self.create_customer(
            self.staff_a1, "=HYPERLINK(\"http://evil.example\")", "+SUM(A1)", "formula@example.com",
            phone="-2+3")

    def setUp(self):
        super(TestSecurityHttp, self).setUp()
        mute_expected_errors(self, "odoo.http", "odoo.models", "odoo.addons.base.ir.ir_model",
                             "odoo.addons.web.controllers.main")
        self.login("staff_a1", PASSWORD)

    def assert_refused(self, answer):
        self.assertIn("error", answer, answer)
        self.assertNotIn("bob.brown", json.dumps(answer))

    def test_call_kw_reads_nothing_foreign(self):
        self.assert_refused(self.call_kw("res.partner", "read",
                                         [[self.customer_b.id], ["email", "name"]]))
        rows = self.call_kw("res.partner", "search_read", [[]], {"fields": ["email"]})
        self.assertNotIn("bob.brown", json.dumps(rows))
        self.assert_refused(self.call_kw("minicrm.booking", "read", [[self.booking_b.id]]))
        self.assert_refused(self.call_kw("mail.followers", "create", [{
            "res_model": "res.partner", "res_id": self.customer_b.id,
            "partner_id": self.staff_a1.partner_id.id}]))
        self.assert_refused(self.call_kw("res.partner", "read_group", [
            [], ["signup_token"], ["signup_token"]]))

    def test_call_button_on_foreign_ids(self):
        for method in ("action_minicrm_reset_password", "action_make_end_user",
                       "action_minicrm_email_to", "action_minicrm_revoke_portal"):
            answer = self.json_call("/web/dataset/call_button", {
                "model": "res.partner", "method": method, "args": [[self.customer_b.id]],
                "kwargs": {}})
            self.assert_refused(answer)
        queued = self.in_test_cursor(lambda env: env["mail.mail"].search_count(
            [("email_to", "=", "bob.brown@example.com"), ("subject", "=like", "Password reset%")]))
        self.assertEqual(queued, 0)

    def test_web_content_and_image_of_foreign_records(self):
        urls = ["/web/content/%d" % self.attachment_b.id,
                "/web/content/%d?download=true" % self.orphan_b.id,
                "/web/content?model=ir.attachment&field=datas&id=%d" % self.attachment_b.id,
                "/web/content?model=res.partner&field=image&id=%d" % self.customer_b.id]
        for url in urls:
            response = self.url_open(url)
            self.assertIn(response.status_code, (403, 404), url)
            self.assertNotIn(SECRET, response.content, url)
        image = self.url_open("/web/image/res.partner/%d/image" % self.customer_b.id)
        self.assertNotEqual(image.content, base64.b64decode(PIXEL))
        self.assertIn(image.status_code, (403, 404))

    def test_csv_export_neutralizes_formulas(self):
        data = json.dumps({
            "model": "res.partner", "ids": [self.formula_customer.id], "domain": [],
            "fields": [{"name": "name", "label": "Name"}, {"name": "phone", "label": "Phone"},
                       {"name": "email", "label": "Email"}],
            "import_compat": False})
        response = self.url_open("/web/export/csv?%s" % url_encode({"data": data, "token": "1"}))
        self.assertIn("text/csv", response.headers.get("Content-Type", ""), response.text[:300])
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8"))))
        self.assertEqual(rows[1][0][:2], "'=")
        self.assertEqual(rows[1][1], "'-2+3")
        self.assertEqual(rows[1][2], "formula@example.com")
        for cell in rows[1]:
            self.assertFalse(cell.startswith(("=", "+", "-", "@")), cell)
