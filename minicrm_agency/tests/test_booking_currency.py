# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests.common import at_install, post_install
from odoo.tools import mute_logger

from .common import BOOKINGS_ACTION, PASSWORD, MinicrmAttackCase, MinicrmCase

OPTIONS = {"headers": True, "quoting": '"', "separator": ",", "encoding": "utf-8"}


class TestBookingCurrency(MinicrmCase):
    """A booking's currency is its agency's, whatever the way of writing it:
    a customer's "Total spent" never adds two currencies."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.booking_a.sudo(cls.staff_a1).write({"amount": 120.0})
        # An active currency: the import finds currencies by name among those.
        cls.other = cls.env.ref("base.EUR" if cls.agency_a.currency_id.name != "EUR"
                                else "base.USD")
        cls.other.active = True

    def bookings_as(self, user):
        return self.env["minicrm.booking"].sudo(user).with_context(
            **self.screen_context(user, BOOKINGS_ACTION))

    def assert_unchanged(self):
        self.booking_a.invalidate_cache()
        self.assertEqual(self.booking_a.currency_id, self.agency_a.currency_id)
        self.customer_a.invalidate_cache()
        self.assertEqual(self.customer_a.total_spent, 120.0)
        self.assertEqual(self.customer_a.minicrm_currency_id, self.agency_a.currency_id)

    def test_a_plain_write_of_another_currency_is_refused(self):
        booking = self.bookings_as(self.staff_a1).browse(self.booking_a.id)
        with self.assertRaisesRegex(ValidationError, "agency's currency"):
            booking.write({"currency_id": self.other.id, "amount": 200.0})
        self.assert_unchanged()
        # The agency's own currency (an export re-imported) is accepted.
        booking.write({"currency_id": self.agency_a.currency_id.id, "amount": 130.0})
        self.assertEqual(self.booking_a.amount, 130.0)

    def test_a_new_booking_in_another_currency_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "agency's currency"):
            self.bookings_as(self.staff_a1).create({
                "customer_id": self.customer_a.id, "rental_company_id": self.company_1.id,
                "pickup_datetime": self.booking_a.pickup_datetime, "pickup_location": "Nice",
                "dropoff_location": "Cannes", "currency_id": self.other.id})

    def test_an_import_updating_bookings_cannot_change_their_currency(self):
        Bookings = self.bookings_as(self.staff_a1)
        # The id column as an export gives it, then the import dialog's do().
        external_id = Bookings.browse(self.booking_a.id).export_data(["id"])["datas"][0][0]
        content = "id,currency_id,amount\n%s,%s,200\n" % (external_id, self.other.name)
        wizard = self.env["base_import.import"].sudo(self.staff_a1).with_context(
            **self.screen_context(self.staff_a1, BOOKINGS_ACTION)).create({
                "res_model": "minicrm.booking", "file": content.encode("utf-8"),
                "file_type": "text/csv", "file_name": "bookings.csv"})
        with mute_logger("odoo.sql_db"):
            messages = wizard.do(["id", "currency_id", "amount"], OPTIONS)
        self.assertTrue(messages, "the import must be refused")
        self.assertIn("agency's currency", " ".join(message["message"] for message in messages))
        self.assert_unchanged()

    def test_the_operator_changing_an_agencys_currency_moves_its_bookings(self):
        self.as_user(self.operator, "minicrm.agency").browse(self.agency_a.id).write(
            {"currency_id": self.other.id})
        self.assertEqual(self.booking_a.currency_id, self.other)
        self.assertEqual(self.customer_a.minicrm_currency_id, self.other)


@at_install(False)
@post_install(True)
class TestBookingCurrencyRpc(MinicrmAttackCase):
    """The same write, as the web client sends it (JSON-RPC): a clean
    refusal, no ERROR in the log."""

    def test_staff_cannot_change_a_bookings_currency_over_json_rpc(self):
        def currencies(env):
            agency_currency = env["minicrm.agency"].browse(self.agency_a.id).currency_id
            booking_currency = env["minicrm.booking"].browse(self.booking_a.id).currency_id
            other = env["res.currency"].with_context(active_test=False).search(
                [("id", "!=", agency_currency.id)], limit=1)
            return agency_currency.id, booking_currency.id, other.id
        agency_currency, _booking_currency, other = self.in_test_cursor(currencies)
        self.login("staff_a1", PASSWORD)
        self.assert_refused(self.call_kw("minicrm.booking", "write",
                                         [[self.booking_a.id], {"currency_id": other}]))
        self.assertEqual(self.in_test_cursor(currencies)[1], agency_currency)
