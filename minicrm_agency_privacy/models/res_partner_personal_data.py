# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

# What the file holds of a customer record and of its bookings and requests:
# every personal value the Mini-CRM keeps, and what gives it its context.
CUSTOMER_FIELDS = ("firstname", "lastname", "email", "phone", "mobile", "lang", "street",
                   "street2", "zip", "city", "country_id", "create_date")
# Staff's notes about the customer: in the staff's file (the person may ask
# for them), not on the portal, where the customer never sees them.
STAFF_ONLY_CUSTOMER_FIELDS = ("comment", "customer_state")
BOOKING_FIELDS = ("name", "kind", "state", "rental_company_id", "pickup_datetime",
                  "dropoff_datetime", "pickup_location", "dropoff_location",
                  "passenger_count", "currency_id", "amount", "invoice_number",
                  "contact_firstname", "contact_lastname", "contact_email", "contact_phone",
                  "contact_mobile", "contact_lang", "invoice_name", "invoice_vat",
                  "invoice_street", "invoice_zip", "invoice_city", "invoice_country_id")


def plain(values):
    """A record's values as the file gives them: a many2one as its name."""
    return {name: value[1] if isinstance(value, tuple) else value
            for name, value in values.items() if name != "id"}


class ResPartner(models.Model):
    """A customer's copy of their personal data (issue 24): one JSON file
    of everything the Mini-CRM holds about them, read as the user who asks,
    so their record rules decide what it holds: staff get their agency's
    customer record, a portal customer their records in every agency."""
    _inherit = "res.partner"

    @api.multi
    def action_minicrm_export_personal_data(self):
        """Staff's "Export personal data": downloads the customer's file
        from a route that checks the user's access again."""
        self.ensure_one()
        self.check_access_rights("read")
        self.check_access_rule("read")
        if not self.customer_state:
            raise UserError(_("Only an agency's customers have a personal data file here."))
        return {"type": "ir.actions.act_url", "target": "self",
                "url": "/minicrm/personal-data/%d" % self.id}

    @api.multi
    def _minicrm_personal_data(self):
        """The file's content for these customer records, read as the
        current user."""
        staff = not self.env.user.share
        customer_fields = CUSTOMER_FIELDS + (STAFF_ONLY_CUSTOMER_FIELDS if staff else ())
        Booking = self.env["minicrm.booking"]
        records = []
        for customer in self:
            bookings = Booking.search([("customer_id", "=", customer.id)],
                                      order="pickup_datetime, id")
            records.append({
                "agency": customer.minicrm_agency_id.name,
                "customer": plain(customer.read(list(customer_fields))[0]),
                # A customer downloading their file is logged in.
                "portal_login": customer.minicrm_has_portal_login if staff else True,
                "bookings": [plain(values) for values in bookings.filtered(
                    lambda booking: booking.kind == "booking").read(list(BOOKING_FIELDS))],
                "requests": [plain(values) for values in bookings.filtered(
                    lambda booking: booking.kind == "request").read(list(BOOKING_FIELDS))],
                "messages": customer._minicrm_personal_messages(bookings),
            })
        return {"created": fields.Datetime.now(), "customer_records": records}

    @api.multi
    def _minicrm_personal_messages(self, bookings):
        """The chatter of the customer record and of their bookings, as the
        user may read it (a customer: what their portal pages show)."""
        domain = ["|", "&", ("model", "=", "res.partner"), ("res_id", "=", self.id),
                  "&", ("model", "=", "minicrm.booking"), ("res_id", "in", bookings.ids)]
        if self.env.user.share:
            domain += [("message_type", "in", ("comment", "email")),
                       ("subtype_id.internal", "=", False)]
        messages = self.env["mail.message"].search(domain, order="date, id")
        # read() names the author as the chatter does, whoever it is.
        return [{"date": values["date"], "document": values["record_name"],
                 "subject": values["subject"] or "",
                 "author": values["author_id"][1] if values["author_id"] else "",
                 "body": html2plaintext(values["body"] or "")}
                for values in messages.read(["date", "record_name", "subject", "author_id",
                                             "body"])]
