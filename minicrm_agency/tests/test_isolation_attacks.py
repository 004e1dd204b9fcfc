# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Agency A's staff, manager and portal customer against agency B's data,
over JSON-RPC as a real client would. Each answer must be a clean refusal,
and the server log must hold no ERROR (no unhandled exception, no database
error). The customer portal's own routes are attacked in
minicrm_agency_portal's test_portal_isolation_attacks."""
import json

from odoo.tests.common import at_install, post_install

from .common import NEXT_YEAR, PASSWORD, MinicrmAttackCase, readable_fields

CUSTOMER_A_LOGIN = "ann.smith@example.com"
MARKER = "Marker 7f3a of this test"


@at_install(False)
@post_install(True)
class TestIsolationAttacks(MinicrmAttackCase):

    def setup_http_fixtures(self):
        self.link_portal_login(self.customer_a, PASSWORD)
        # Reset links waiting in the mail queue, made as superuser as the
        # portal addon makes its invitations and resets (without that addon
        # nothing else queues one).
        reset_email = type(self).env.ref("auth_signup.reset_password_email")
        for customer in (self.customer_a, self.customer_b):
            login = self.link_portal_login(customer)
            login.partner_id.signup_prepare(signup_type="reset")
            reset_email.send_mail(login.id, force_send=False, email_values={"author_id": False})

    # -- helpers --------------------------------------------------------------

    def sent_to_customer_b(self):
        """Messages and mails of this test that reach agency B's customer."""
        def count(env):
            return env["mail.message"].search_count([
                ("body", "ilike", MARKER), "|", ("partner_ids", "in", self.customer_b.ids),
                ("author_id", "=", self.customer_b.id)]) + env["mail.mail"].search_count(
                [("body_html", "ilike", MARKER)])
        return self.in_test_cursor(count)

    # -- mails and tokens ---------------------------------------------------------

    def test_staff_cannot_read_queued_mails_and_their_reset_links(self):
        self.login("staff_a1", PASSWORD)
        mails = self.result(self.call_kw("mail.mail", "search_read", [[]],
                                         {"fields": ["email_to", "body_html"]}))
        self.assertNotIn("token=", json.dumps(mails))
        self.assertNotIn("bob.brown", json.dumps(mails))
        self.assertTrue(self.in_test_cursor(lambda env: env["mail.mail"].search_count(
            [("body_html", "like", "token=")])), "the invitations are queued")

    def test_portal_customer_cannot_read_queued_mails(self):
        self.login(CUSTOMER_A_LOGIN, PASSWORD)
        mails = self.result(self.call_kw("mail.mail", "search_read", [[]],
                                         {"fields": ["email_to", "body_html"]}))
        self.assertNotIn("token=", json.dumps(mails))

    def test_staff_cannot_read_notifications_activities_or_logins_of_others(self):
        self.login("staff_a1", PASSWORD)
        for model in ("mail.notification", "res.users.log", "mail.activity"):
            answer = self.call_kw(model, "search_read", [[]], {"limit": 500})
            if "error" not in answer:
                self.assertNotIn("Brown", json.dumps(answer))
        logs = self.result(self.call_kw("res.users.log", "search_read", [[]], {}))
        self.assertFalse([log for log in logs if log["create_uid"][0] != self.staff_a1.id])

    # -- chatter and composer -------------------------------------------------------

    def test_message_to_a_customer_of_another_agency_is_refused(self):
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("mail.message", "create", [{
            "model": "res.partner", "res_id": self.customer_a.id, "body": MARKER,
            "partner_ids": [(4, self.customer_b.id)]}]))
        self.assert_refused(self.call_kw("res.partner", "message_post", [[self.customer_a.id]], {
            "body": MARKER, "partner_ids": [self.customer_b.id], "message_type": "comment",
            "subtype": "mail.mt_comment"}))
        self.assert_refused(self.call_kw("res.partner", "message_post", [[self.customer_a.id]], {
            "body": MARKER, "author_id": self.customer_b.id}))
        self.assertEqual(self.sent_to_customer_b(), 0)

    def test_composer_cannot_mail_a_customer_of_another_agency(self):
        self.login("staff_a1", PASSWORD)
        answer = self.call_kw("mail.compose.message", "create", [{
            "composition_mode": "comment", "model": "res.partner", "res_id": self.customer_a.id,
            "body": MARKER, "partner_ids": [(6, 0, [self.customer_b.id])]}])
        if "error" not in answer:
            self.assert_refused(self.call_kw("mail.compose.message", "send_mail",
                                             [[answer["result"]]]))
        self.assertEqual(self.sent_to_customer_b(), 0)

    def test_staff_post_in_the_chatter_returns_the_message_id(self):
        self.login("staff_a1", PASSWORD)
        message_id = self.result(self.call_kw(
            "res.partner", "message_post", [[self.customer_a.id]],
            {"body": "Called back", "message_type": "comment", "subtype": "mail.mt_note"}))
        self.assertIsInstance(message_id, int)
        formatted = self.result(self.call_kw("mail.message", "message_format", [[message_id]]))
        self.assertEqual(formatted[0]["body"], "<p>Called back</p>")

    # -- names and metadata --------------------------------------------------------

    def test_shared_login_does_not_show_its_name(self):
        """A login shared with another agency carries the name that agency
        typed: staff of this agency may not read it, nor its name."""
        self.login("staff_a1", PASSWORD)
        customer_id = self.result(self.call_kw("res.partner", "create", [{
            "firstname": "Robert", "lastname": "Brun", "email": "Bob.Brown@example.com"}],
            {"context": {"default_customer_state": "end", "minicrm_customer_search": True}}))
        # The person's login, made with agency B's spelling ("Bob Brown").
        self.in_test_cursor(lambda env: [self.link_portal_login(customer) for customer in (
            self.customer_b.with_env(env), env["res.partner"].browse(customer_id))])
        self.assert_refused(self.call_kw("res.partner", "read",
                                         [[customer_id], ["minicrm_portal_user_id"]]))
        values = self.result(self.call_kw("res.partner", "read", [
            [customer_id], readable_fields(self.env(user=self.staff_a1.id), "res.partner")]))
        self.assertNotIn("minicrm_portal_user_id", values[0])
        texts = {name: value for name, value in values[0].items()
                 if not name.startswith("image")}
        self.assertNotIn("Bob", json.dumps(texts))

    def test_metadata_of_foreign_records(self):
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("res.partner", "get_metadata", [[self.customer_b.id]]))

    def test_staff_do_not_see_other_agencies_staff(self):
        for login in ("staff_a1", "manager_a"):
            self.login(login, PASSWORD)
            users = self.result(self.call_kw("res.users", "search_read", [[]],
                                             {"fields": ["login", "minicrm_agency_id"]}))
            self.assertNotIn("staff_b1", json.dumps(users))
            partners = self.result(self.call_kw("res.partner", "search_read",
                                                [[("name", "ilike", "Staff B")]], {}))
            self.assertEqual(partners, [])
            self.assert_refused(self.call_kw("res.users", "read", [[self.staff_b1.id], ["login"]]),
                                "staff_b1")

    # -- bad input -------------------------------------------------------------------

    def test_bad_ids_and_patterns_are_user_errors(self):
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("res.partner", "search_read",
                                         [[("name", "=like", "abc\\")]], {}))
        self.assert_refused(self.call_kw("res.partner", "search_read",
                                         [[("email", "=ilike", "\\")]], {}))
        self.result(self.call_kw("res.partner", "name_search", ["\\"], {}))
        self.result(self.call_kw("res.partner", "name_search", ["\\"], {
            "context": {"minicrm_customer_search": True}}))
        self.assert_refused(self.call_kw("res.partner", "read", [["abc"], ["name"]]))
        self.assert_refused(self.call_kw("res.partner", "write", [["abc"], {"phone": "1"}]))
        self.assert_refused(self.call_kw("res.partner", "search", [[("id", "=", "abc")]]))

    def test_booking_agency_cannot_be_chosen_or_changed(self):
        self.login("staff_a1", PASSWORD)
        values = {"customer_id": self.customer_a.id, "rental_company_id": self.company_1.id,
                  "agency_id": self.agency_b.id, "pickup_location": "A",
                  "dropoff_location": "B", "pickup_datetime": "%d-03-01 10:00:00" % NEXT_YEAR}
        self.assert_refused(self.call_kw("minicrm.booking", "create", [values]))
        self.assert_refused(self.call_kw("minicrm.booking", "copy", [[self.booking_a.id]],
                                         {"default": {"agency_id": self.agency_b.id}}))
        self.assert_refused(self.call_kw("minicrm.booking", "write",
                                         [[self.booking_a.id], {"agency_id": self.agency_b.id}]))

    def test_new_booking_times(self):
        self.login("staff_a1", PASSWORD)
        values = {"customer_id": self.customer_a.id, "rental_company_id": self.company_1.id,
                  "pickup_location": "A", "dropoff_location": "B"}
        self.assert_refused(self.call_kw("minicrm.booking", "create", [dict(
            values, pickup_datetime="2019-03-01 10:00:00")]))
        pickup = "%d-03-01 10:00:00" % NEXT_YEAR
        self.assert_refused(self.call_kw("minicrm.booking", "create", [dict(
            values, pickup_datetime=pickup, dropoff_datetime=pickup)]))
        self.result(self.call_kw("minicrm.booking", "create", [dict(
            values, pickup_datetime=pickup, dropoff_datetime="%d-03-01 11:00:00" % NEXT_YEAR)]))

    # -- found by an attack through Discuss and superuser-read names ------------------

    def test_discuss_reveals_no_other_agencys_people(self):
        self.login("staff_a1", PASSWORD)
        channel = self.result(self.call_kw("mail.channel", "channel_create", ["probe", "private"]))
        self.assert_refused(self.call_kw("mail.channel", "write", [
            [channel["id"]], {"channel_partner_ids": [(4, self.customer_b.id)]}]))
        self.assert_refused(self.call_kw("mail.channel.partner", "create", [
            {"channel_id": channel["id"], "partner_id": self.staff_b1.partner_id.id}]))
        general = self.in_test_cursor(lambda env: env.ref("mail.channel_all_employees").uuid)
        listeners = self.result(self.call_kw("mail.channel", "channel_fetch_listeners", [general]))
        self.assertTrue(listeners, "colleagues are listed")
        self.assertNotIn("Staff B", json.dumps(listeners))
        found = self.result(self.call_kw("res.partner", "im_search", ["Staff"]))
        self.assertNotIn("Staff B", json.dumps(found))
        members = self.result(self.call_kw("mail.channel.partner", "search_read", [[]],
                                           {"fields": ["partner_id"]}))
        self.assertNotIn("Staff B", json.dumps(members))

    def test_links_to_unreadable_records_are_refused(self):
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("res.partner", "write", [
            [self.customer_a.id], {"user_id": self.staff_b1.id}]), "Staff B")
        self.assert_refused(self.call_kw("minicrm.booking", "write", [
            [self.booking_a.id], {"request_id": self.booking_b.id}]), self.booking_b.name)

    def test_followers_of_foreign_documents_cannot_be_read_by_id(self):
        followers = self.in_test_cursor(lambda env: env["mail.followers"].search([
            ("res_model", "=", "res.partner"), ("res_id", "=", self.customer_b.id)]).ids)
        self.assertTrue(followers)
        for login in ("staff_a1", CUSTOMER_A_LOGIN):
            self.login(login, PASSWORD)
            self.assert_refused(self.call_kw("mail.followers", "read", [followers, ["res_id"]]),
                                "Staff B")

    def test_bad_values_in_core_models_are_user_errors(self):
        self.login("staff_a1", PASSWORD)
        channel = self.result(self.call_kw("mail.channel", "channel_create", ["bad", "private"]))
        self.assert_refused(self.call_kw("mail.channel.partner", "create", [
            {"channel_id": channel["id"], "partner_id": "abc"}]))
        self.assert_refused(self.call_kw("ir.filters", "create", [
            {"name": "x", "model_id": "res.partner", "domain": "[]", "user_id": "abc"}]))
        model_id = self.in_test_cursor(lambda env: env.ref("base.model_res_partner").id)
        self.assert_refused(self.call_kw("mail.activity", "create", [
            {"res_model_id": model_id, "res_id": "abc", "summary": "x"}]))

    def test_portal_customer_lists_their_messages(self):
        self.login(CUSTOMER_A_LOGIN, PASSWORD)
        self.result(self.call_kw("mail.message", "search_read", [[]],
                                 {"fields": ["model", "res_id"], "limit": 5}))
