# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""A portal customer reads what a customer may see of the Mini-CRM's
records, never what staff wrote for themselves: walked over every model
the portal user may read (from the registry and the access rights) and
every field they may read there, against the list below."""
import odoo
from odoo.exceptions import AccessError
from odoo.tests.common import at_install, get_db_name, post_install

from .common import PASSWORD, MinicrmAttackCase, MinicrmCase

SECRET = "pays late 9c1e"
PRODUCT_MODULES = ("minicrm_agency", "minicrm_agency_portal", "minicrm_agency_account")
TECHNICAL = {"id", "display_name", "__last_update", "create_date", "write_date"}
# What a customer may read of the Mini-CRM's records: the specification.
CUSTOMER_MAY_READ = {
    "res.partner": TECHNICAL | {
        "name", "firstname", "lastname", "email", "email_formatted", "phone", "mobile",
        "lang", "tz", "active", "type", "is_company", "parent_id", "commercial_partner_id",
        "street", "street2", "zip", "city", "state_id", "country_id",
        "image", "image_medium", "image_small", "minicrm_agency_id", "minicrm_portal_user_id"},
    "minicrm.booking": TECHNICAL | {
        "name", "kind", "state", "customer_id", "agency_id", "rental_company_id",
        "request_id", "pickup_datetime", "dropoff_datetime", "pickup_location",
        "dropoff_location", "route", "passenger_count", "currency_id", "amount",
        "invoice_number", "contact_firstname", "contact_lastname", "contact_email",
        "contact_phone", "contact_mobile", "contact_lang", "invoice_name", "invoice_vat",
        "invoice_street", "invoice_zip", "invoice_city", "invoice_country_id", "portal_url"},
    "minicrm.agency": TECHNICAL | {
        "name", "active", "email", "country_id", "quote_slug", "currency_id", "tz"},
    "minicrm.rental.company": TECHNICAL | {"name", "active", "email", "phone"},
}
# Fields the Mini-CRM adds to other models a portal user reads: about the
# user themselves (their own user) or their own invoice.
PRODUCT_FIELDS_A_CUSTOMER_MAY_READ = {
    "res.users": {"minicrm_agency_id", "minicrm_rental_company_ids", "minicrm_customer_ids",
                  "minicrm_is_operator", "minicrm_accessible_rental_company_ids",
                  "minicrm_chosen_rental_company_id"},
    "account.invoice": {"minicrm_customer_id", "minicrm_agency_id"},
    "account.invoice.line": {"minicrm_agency_id"},
    "account.move": {"minicrm_agency_id"},
    "account.move.line": {"minicrm_agency_id"},
}


def skip_without_portal_addon(test):
    """Customers read their bookings with minicrm_agency_portal only."""
    if "minicrm_agency_portal" not in odoo.registry(get_db_name())._init_modules:
        test.skipTest("minicrm_agency_portal gives customers their bookings")


class PortalFixtures(object):
    """A mixin on MinicrmFixtures: the customer's note, a booking's notes
    and the customer's login."""
    # pylint: disable=no-member

    @classmethod
    def setup_portal_fixtures(cls, env):
        customer = cls.customer_a.with_env(env)
        customer.write({"comment": "Internal: %s" % SECRET})
        cls.booking_a.with_env(env).write({"notes": "Driver: %s" % SECRET})
        cls.portal_user = cls.link_portal_login(customer, PASSWORD)


@at_install(False)
@post_install(True)
class TestPortalReadableFields(PortalFixtures, MinicrmCase):
    """After every addon is installed: a portal customer reads bookings once
    minicrm_agency_portal grants it, and the walk covers every addon's fields."""

    def setUp(self):
        # Before the test's own set-up, which a skip would leave undone.
        skip_without_portal_addon(self)
        super(TestPortalReadableFields, self).setUp()

    @classmethod
    def setup_class_fixtures(cls):
        cls.setup_portal_fixtures(cls.env)

    def records_of_the_customer(self):
        """One record of each Mini-CRM model the customer reads."""
        return {"res.partner": self.customer_a, "minicrm.booking": self.booking_a,
                "minicrm.agency": self.agency_a, "minicrm.rental.company": self.company_1}

    def portal_models(self):
        """Every model the portal user may read, from the registry."""
        env = self.env(user=self.portal_user.id)
        return sorted(name for name, model in env.items()
                      if not model._abstract and not model._transient and
                      model.check_access_rights("read", raise_exception=False))

    def test_portal_customer_cannot_read_the_customers_internal_note(self):
        customer = self.as_user(self.portal_user, "res.partner").browse(self.customer_a.id)
        with self.assertRaises(AccessError):
            customer.read(["comment"])
        customer.invalidate_cache()
        self.assertNotIn(SECRET, str(customer.read()))
        self.assertNotIn(SECRET, str(customer.search_read([("id", "=", customer.id)])))
        with self.assertRaises(AccessError):
            customer.export_data(["name", "comment"])
        Partner = self.as_user(self.portal_user, "res.partner")
        self.assertFalse(Partner.search([("comment", "ilike", "9c1e")]))
        self.assertFalse(Partner.search_count([("comment", "ilike", "9c1e")]))
        self.assertNotIn(SECRET, str(Partner.read_group([], ["comment"], ["comment"])))

    def test_portal_customer_cannot_read_a_bookings_notes(self):
        booking = self.as_user(self.portal_user, "minicrm.booking").browse(self.booking_a.id)
        self.assertEqual(booking.search([]),
                         self.customer_a.booking_ids | self.customer_a.request_ids)
        with self.assertRaises(AccessError):
            booking.read(["notes"])
        self.assertNotIn(SECRET, str(booking.read()))
        with self.assertRaises(AccessError):
            booking.export_data(["name", "notes"])
        with self.assertRaises(AccessError):
            booking.search([("notes", "ilike", "9c1e")])

    def test_staff_still_read_the_internal_notes(self):
        customer = self.as_user(self.staff_a1, "res.partner").browse(self.customer_a.id)
        self.assertIn(SECRET, customer.read(["comment"])[0]["comment"])
        booking = self.as_user(self.staff_a1, "minicrm.booking").browse(self.booking_a.id)
        self.assertIn(SECRET, booking.read(["notes"])[0]["notes"])

    def test_portal_user_reads_only_what_a_customer_may_see_on_every_model(self):
        records = self.records_of_the_customer()
        unexpected = []
        for name in self.portal_models():
            Model = self.as_user(self.portal_user, name)
            readable = set(Model.check_field_access_rights("read", None))
            if name in CUSTOMER_MAY_READ:
                record = Model.browse(records[name].id)
                self.assertTrue(record.search([("id", "=", record.id)]), name)
                for field in sorted(readable - CUSTOMER_MAY_READ[name]):
                    record.invalidate_cache()
                    try:
                        record.read([field])
                    except AccessError:
                        continue
                    unexpected.append("%s.%s" % (name, field))
                record.invalidate_cache()
                try:
                    # Without a list: what read() gives the web client.
                    values = record.read()[0]
                except AccessError:
                    values = {}
                unexpected += ["%s.%s by read()" % (name, field) for field in sorted(
                    set(values) - CUSTOMER_MAY_READ[name])]
                continue
            self.assertNotIn(Model._original_module, PRODUCT_MODULES,
                             "%s: say what a customer may read of it" % name)
            allowed = PRODUCT_FIELDS_A_CUSTOMER_MAY_READ.get(name, set())
            unexpected += ["%s.%s" % (name, field) for field in sorted(readable - allowed)
                           if Model._fields[field]._module in PRODUCT_MODULES and
                           Model._fields[field]._module != Model._original_module]
        self.assertEqual(unexpected, [], "fields of the agency a portal user reads")

    def test_other_portal_users_keep_odoos_contacts(self):
        """Core's contacts (not an agency's) keep Odoo's behaviour."""
        login_contact = self.portal_user.partner_id
        login_contact.write({"comment": "own note"})
        contact = self.as_user(self.portal_user, "res.partner").browse(login_contact.id)
        self.assertEqual(contact.read(["comment"])[0]["comment"], "own note")


# HTTP requests need the fully loaded registry: run after installation.
@at_install(False)
@post_install(True)
class TestPortalReadableFieldsHttp(PortalFixtures, MinicrmAttackCase):
    """The same over JSON-RPC, as the customer's browser session would."""

    def setUp(self):
        # Before the test's own set-up, which a skip would leave undone.
        skip_without_portal_addon(self)
        super(TestPortalReadableFieldsHttp, self).setUp()

    def setup_http_fixtures(self):
        self.setup_portal_fixtures(type(self).env)

    def test_portal_customer_cannot_read_internal_notes_over_rpc(self):
        self.login(self.portal_user.login, PASSWORD)
        for model, record_id, field in (("res.partner", self.customer_a.id, "comment"),
                                        ("minicrm.booking", self.booking_a.id, "notes")):
            self.assert_refused(self.call_kw(model, "read", [[record_id], [field]]), SECRET)
            self.assertNotIn(SECRET, str(self.result(self.call_kw(
                model, "search_read", [[("id", "=", record_id)]]))))
            self.assertNotIn(SECRET, str(self.call_kw(
                model, "export_data", [[record_id], ["name", field]])))
