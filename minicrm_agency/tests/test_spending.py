# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime

from odoo.exceptions import AccessError, ValidationError

from .common import BOOKINGS_ACTION, NEXT_YEAR, MinicrmCase

THIS_YEAR = datetime.datetime.utcnow().year


class TestSpending(MinicrmCase):
    """Booking amounts, and the customer's stored spending figures."""

    @classmethod
    def setup_class_fixtures(cls):
        cls.booking_a.sudo(cls.staff_a1).write({"amount": 120.0})
        cls.booking_a_company_2.sudo(cls.staff_a1).write({"amount": 80.0})  # draft
        cls.booking_b.sudo(cls.staff_b1).write({"amount": 500.0})

    def import_history(self, customer, amount, pickup, state="done"):
        """A past booking, recorded by agency A's manager as a history import."""
        context = dict(self.screen_context(self.manager_a, BOOKINGS_ACTION),
                       minicrm_import_history=True)
        booking = self.env["minicrm.booking"].sudo(self.manager_a).with_context(**context).create({
            "customer_id": customer.id, "rental_company_id": self.company_1.id,
            "pickup_datetime": pickup, "pickup_location": "Nice", "dropoff_location": "Cannes",
            "amount": amount})
        booking.action_confirm()
        if state == "done":
            booking.action_done()
        return booking

    def test_booking_amount_is_in_its_agencys_currency(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        self.assertEqual(booking.amount, 120.0)
        self.assertEqual(booking.currency_id, self.agency_a.currency_id)
        self.assertEqual(self.agency_a.currency_id, self.env.user.company_id.currency_id)

    def test_spent_counts_confirmed_and_done_bookings_only(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        # The draft booking's 80 does not count.
        self.assertEqual(customer.total_spent, 120.0)
        self.booking_a_company_2.action_confirm()
        self.assertEqual(customer.total_spent, 200.0)
        self.booking_a.action_cancel()
        self.assertEqual(customer.total_spent, 80.0)
        request = self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                                      kind="request", amount=999.0)
        request.action_send_quote()
        self.assertEqual(customer.total_spent, 80.0)
        self.assertEqual(customer.minicrm_currency_id, self.agency_a.currency_id)

    def test_spent_follows_amount_changes(self):
        self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id).write(
            {"amount": 150.5})
        self.assertEqual(self.customer_a.total_spent, 150.5)

    def test_spent_this_year_is_by_pickup_in_the_current_year(self):
        self.import_history(self.customer_a, 40.0, "%d-01-02 10:00:00" % THIS_YEAR)
        self.import_history(self.customer_a, 7.0, "%d-12-31 10:00:00" % (THIS_YEAR - 1))
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        self.assertEqual(customer.spent_this_year, 40.0)
        self.assertEqual(customer.total_spent, 167.0)
        values = customer.read(["spent_this_year", "total_spent"])[0]
        self.assertEqual((values["spent_this_year"], values["total_spent"]), (40.0, 167.0))

    def test_daily_cron_moves_spent_this_year_on_at_new_year(self):
        self.import_history(self.customer_a, 40.0, "%d-01-02 10:00:00" % THIS_YEAR)
        self.assertEqual(self.customer_a.spent_this_year, 40.0)
        Partner = self.env["res.partner"]
        # On 1 January next year: this year's 40 is history, next year's 120 counts.
        changed = Partner._minicrm_refresh_spent_this_year(datetime.date(NEXT_YEAR, 1, 1))
        self.assertGreaterEqual(changed, 2)
        self.assertEqual(self.customer_a.spent_this_year, 120.0)
        self.assertEqual(self.customer_b.spent_this_year, 500.0)
        self.assertEqual(self.customer_a.total_spent, 160.0)
        # Run again: nothing to write.
        self.assertEqual(Partner._minicrm_refresh_spent_this_year(
            datetime.date(NEXT_YEAR, 1, 2)), 0)
        # Today's figures again, as the compute gives them.
        Partner._minicrm_refresh_spent_this_year()
        self.assertEqual(self.customer_a.spent_this_year, 40.0)
        cron = self.env.ref("minicrm_agency.ir_cron_refresh_spent_this_year")
        self.assertEqual((cron.interval_type, cron.numbercall, cron.active), ("days", -1, True))
        cron.method_direct_trigger()

    def test_negative_or_huge_amounts_are_refused(self):
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        for amount in (-1.0, 10.0 ** 12, "12"):
            with self.assertRaises(ValidationError):
                booking.write({"amount": amount})
        self.assertEqual(booking.amount, 120.0)

    def test_only_the_operator_changes_an_agencys_currency(self):
        other = self.env["res.currency"].search(
            [("id", "!=", self.agency_a.currency_id.id)], limit=1)
        agency = self.as_user(self.manager_a, "minicrm.agency").browse(self.agency_a.id)
        with self.assertRaises(AccessError):
            agency.write({"currency_id": other.id})
        self.as_user(self.operator, "minicrm.agency").browse(self.agency_a.id).write(
            {"currency_id": other.id})
        self.assertEqual(self.booking_a.currency_id, other)

    def test_graph_and_pivot_show_own_agency_figures_only(self):
        Booking = self.as_user(self.staff_a1, "minicrm.booking")
        domain = [("kind", "=", "booking")]  # the Bookings action's
        for view in ("graph", "pivot"):
            self.assertTrue(Booking.fields_view_get(view_type=view)["arch"])
        by_company = Booking.read_group(domain, ["amount", "rental_company_id"],
                                        ["rental_company_id"])
        # company_1 is shared with agency B, whose 500 never shows.
        self.assertEqual({group["rental_company_id"][0]: group["amount"] for group in by_company},
                         {self.company_1.id: 120.0, self.company_2.id: 80.0})
        by_month = Booking.read_group(domain, ["amount", "pickup_datetime", "state"],
                                      ["pickup_datetime:month", "state"], lazy=False)
        self.assertEqual(sum(group["amount"] for group in by_month), 200.0)
        by_state = Booking.read_group(domain, ["amount", "state"], ["state"])
        self.assertEqual({group["state"]: group["amount"] for group in by_state},
                         {"confirmed": 120.0, "draft": 80.0})
        action = self.env.ref(BOOKINGS_ACTION)
        self.assertTrue({"graph", "pivot"} <= set(action.view_mode.split(",")))

    def test_customer_list_and_form_show_spending(self):
        Partner = self.as_user(self.staff_a1, "res.partner")
        for view, fields in (("minicrm_agency.view_minicrm_customer_tree", ["total_spent"]),
                             ("minicrm_agency.view_minicrm_customer_form",
                              ["total_spent", "spent_this_year"])):
            arch = Partner.fields_view_get(view_id=self.env.ref(view).id)["fields"]
            for name in fields:
                self.assertIn(name, arch)
        rows = Partner.search_read([("id", "in", (self.customer_a | self.customer_b).ids)],
                                   ["total_spent"])
        self.assertEqual(rows, [{"id": self.customer_a.id, "total_spent": 120.0}])
