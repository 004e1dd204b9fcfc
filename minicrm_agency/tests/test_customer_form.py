# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from lxml import etree

from odoo.exceptions import AccessError

from .common import MinicrmCase


class TestCustomerForm(MinicrmCase):
    """The "Choose rental company" selector and the last-contact tabs."""

    @classmethod
    def setup_class_fixtures(cls):
        # A trip that took place with the first company (a year ago), while
        # booking_a with it is still to come.
        cls.trip_a = cls.move_to_past(cls.create_booking(
            cls.staff_a1, cls.customer_a, cls.company_1, state="confirmed",
            contact_email="ann.riviera@example.com", invoice_vat="FR123"), days=365)
        cls.create_booking(cls.staff_a1, cls.customer_a, cls.company_2, kind="request",
                           contact_email="ann.citylink@example.com")

    def form(self, user):
        return self.as_user(user, "res.partner").browse(self.customer_a.id)

    def test_selector_offers_companies_booked_with(self):
        form = self.form(self.staff_a1)
        self.assertEqual(form.minicrm_rental_company_ids, self.company_1 | self.company_2)
        self.assertFalse(form.minicrm_rental_company_fixed)

    def test_selector_is_fixed_for_user_with_one_company(self):
        form = self.form(self.staff_a2)
        self.assertEqual(form.minicrm_rental_company_ids, self.company_1)
        self.assertTrue(form.minicrm_rental_company_fixed)
        self.assertEqual(form.minicrm_rental_company_id, self.company_1)

    def choose_company(self, user, company):
        """What the web client does when the user picks a company: an onchange
        with the form's values and the view's onchange spec."""
        Partner = self.as_user(user, "res.partner")
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        spec = Partner._onchange_spec(Partner.fields_view_get(view.id, "form"))
        self.assertEqual(spec.get("minicrm_rental_company_id"), "1")
        form = Partner.browse(self.customer_a.id)
        values = {name: False for name in spec
                  if name in Partner._fields and Partner._fields[name].type not in (
                      "one2many", "many2many")}
        values["minicrm_rental_company_id"] = company.id
        return form.onchange(values, "minicrm_rental_company_id", spec)["value"]

    def test_last_booking_contact_follows_chosen_company(self):
        changes = self.choose_company(self.staff_a1, self.company_1)
        self.assertEqual(changes["minicrm_last_booking_contact_email"], "ann.riviera@example.com")
        self.assertEqual(changes["minicrm_last_booking_invoice_vat"], "FR123")
        self.assertFalse(changes.get("minicrm_last_request_id"))
        self.assertFalse(changes.get("minicrm_last_request_contact_email"))

    def test_last_request_contact_follows_chosen_company(self):
        changes = self.choose_company(self.staff_a1, self.company_2)
        self.assertEqual(changes["minicrm_last_request_contact_email"], "ann.citylink@example.com")
        # The only booking with that company is still to come: no last
        # booking, and the form hides the tab.
        self.assertFalse(changes.get("minicrm_last_booking_id"))

    def test_last_booking_is_the_last_trip_as_in_the_list(self):
        """One meaning of "last booking": the tab shows the booking whose
        pickup is the list's "Last booking" (the latest trip that took
        place), not a newer draft, a trip to come or a cancelled one."""
        cancelled = self.move_to_past(self.create_booking(
            self.staff_a1, self.customer_a, self.company_1, contact_email="cancelled@example.com"),
            days=2)
        cancelled.sudo(self.staff_a1).action_cancel()
        self.create_booking(self.staff_a1, self.customer_a, self.company_1,
                            contact_email="to.come@example.com")
        form = self.form(self.staff_a1)
        self.assertEqual(form.minicrm_rental_company_id, self.company_1)
        self.assertEqual(form.minicrm_last_booking_id, self.trip_a)
        self.assertEqual(form.minicrm_last_booking_pickup_datetime, form.last_booking_date)
        self.assertEqual(form.minicrm_last_booking_contact_email, "ann.riviera@example.com")

    def test_tabs_with_nothing_to_show_are_hidden(self):
        """A last-contact tab with no booking (or no request) with the
        chosen company is hidden, not an empty page with a message."""
        Partner = self.as_user(self.staff_a1, "res.partner")
        arch = etree.fromstring(Partner.fields_view_get(
            self.env.ref("minicrm_agency.view_minicrm_customer_form").id, "form")["arch"])
        for kind in ("booking", "request"):
            page = arch.xpath("//page[@name='last_%s_contact']" % kind)[0]
            self.assertEqual(json.loads(page.get("modifiers"))["invisible"],
                             [["minicrm_last_%s_id" % kind, "=", False]])
            self.assertFalse(page.xpath(".//div[contains(@class, 'text-muted')]"))

    def test_last_contact_shows_the_language_by_its_name(self):
        """The language is a selection of the installed languages: the form
        shows its name ("English"), not its code."""
        self.move_to_past(self.create_booking(
            self.staff_a1, self.customer_a, self.company_1, contact_lang="en_US"))
        form = self.form(self.staff_a1)
        form.minicrm_rental_company_id = self.company_1
        self.assertEqual(form.minicrm_last_booking_contact_lang, "en_US")
        field = form._fields["minicrm_last_booking_contact_lang"]
        labels = dict(field._description_selection(form.env))
        self.assertEqual(labels["en_US"], "English")

    def test_last_contact_tabs_are_plain_fields(self):
        """The tabs are ordinary fields, shown as escaped text by the web
        client: no HTML is built on the server."""
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        Partner = self.as_user(self.staff_a1, "res.partner")
        arch = Partner.fields_view_get(view.id, "form")
        for name, description in arch["fields"].items():
            if name.startswith("minicrm_last_"):
                self.assertNotEqual(description["type"], "html", name)
        self.move_to_past(self.create_booking(
            self.staff_a1, self.customer_a, self.company_1,
            contact_firstname="<script>alert(1)</script>"))
        changes = self.choose_company(self.staff_a1, self.company_1)
        self.assertEqual(changes["minicrm_last_booking_contact_firstname"],
                         "<script>alert(1)</script>")

    def test_last_contact_never_shows_a_company_the_user_cannot_access(self):
        """Leo's colleague may only see the first company: choosing the
        second one (an id sent by a client) shows nothing of its bookings."""
        changes = self.choose_company(self.staff_a2, self.company_2)
        self.assertFalse(changes.get("minicrm_last_request_id"))
        self.assertFalse(changes.get("minicrm_last_request_contact_email"))

    def test_onchange_with_a_booking_of_another_agency_reveals_nothing(self):
        """A client may send any booking id in the last-contact many2one of
        an onchange: its details are read as the user, so the booking rules
        refuse another agency's booking (for staff, portal users and
        employees of no agency alike)."""
        Partner = self.as_user(self.staff_b1, "res.partner")
        view = self.env.ref("minicrm_agency.view_minicrm_customer_form")
        spec = Partner._onchange_spec(Partner.fields_view_get(view.id, "form"))
        names = [name for name in spec if name.startswith("minicrm_last_booking_")]
        values = dict.fromkeys(names, False)
        values["minicrm_last_booking_id"] = self.booking_a.id
        try:
            result = Partner.onchange(values, "minicrm_last_booking_id", spec)
        except AccessError:
            return
        self.assertNotIn("ann.smith@example.com", str(result))
        self.assertNotIn("Nice Airport", str(result))

    def test_employees_of_other_apps_read_and_write_contacts_as_before(self):
        """An employee without Mini-CRM rights (accounting, sales) reads
        every field of a contact and saves it: the selector and the tabs are
        empty for them, not an access error on bookings."""
        groups = self.env.ref("base.group_user") | self.env.ref("base.group_partner_manager")
        # With accounting installed, a contact's every field includes its
        # invoices: an accounting employee has Billing rights.
        groups |= self.env.ref("account.group_account_invoice", raise_if_not_found=False) or \
            groups.browse()
        employee = self.env["res.users"].with_context(no_reset_password=True).create({
            "name": "Other App", "login": "other_app_employee",
            "email": "other.app@example.com", "groups_id": [(6, 0, groups.ids)]})
        contact = self.env["res.partner"].create({"name": "Supplier Ltd"})
        as_employee = contact.sudo(employee)
        values = as_employee.read()[0]
        self.assertFalse(values["minicrm_last_booking_id"])
        self.assertFalse(values["minicrm_rental_company_ids"])
        as_employee.write({"phone": "+33 1 00 00 00 00"})
        self.assertEqual(contact.phone, "+33 1 00 00 00 00")
