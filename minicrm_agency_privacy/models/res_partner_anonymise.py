# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import escape_psql

MANAGER_GROUPS = ("minicrm_agency.group_agency_manager", "minicrm_agency.group_minicrm_admin")
WIZARD_MODEL = "minicrm.anonymise.wizard"
# Personal fields of a customer record, emptied on anonymisation (the name
# is replaced, see _minicrm_anonymised_values).
PARTNER_ERASED_FIELDS = (
    "email", "phone", "mobile", "street", "street2", "zip", "city", "state_id", "country_id",
    "vat", "comment", "website", "function", "title", "ref", "image", "minicrm_portal_warning",
    "minicrm_portal_withheld", "minicrm_portal_user_id")
# A booking's or request's copy of its customer: the contact and invoicing
# snapshots and the staff's notes.
BOOKING_ERASED_FIELDS = (
    "contact_firstname", "contact_lastname", "contact_email", "contact_phone", "contact_mobile",
    "invoice_name", "invoice_vat", "invoice_street", "invoice_zip", "invoice_city",
    "invoice_country_id", "notes")
# Tracked fields whose old and new values name the person.
TRACKED_PERSONAL_FIELDS = (
    "name", "display_name", "firstname", "lastname", "email", "phone", "mobile", "customer_id",
    "street", "street2", "zip", "city", "comment", "contact_firstname", "contact_lastname",
    "contact_email", "contact_phone", "contact_mobile", "invoice_name", "invoice_vat",
    "invoice_street", "invoice_zip", "invoice_city")


class ResPartnerAnonymise(models.Model):
    """"Anonymise" on a customer: every personal value of the customer,
    everywhere the product copied it, replaced for good. Amounts, dates,
    rental companies, states and invoices stay, so the agency's figures and
    books do not change (see the README's "Erasure and retention")."""
    _inherit = "res.partner"

    minicrm_anonymised = fields.Boolean(
        "Anonymised", readonly=True, copy=False, index=True,
        help="The customer's personal data was erased; the bookings' amounts, dates and "
             "rental companies were kept.")

    @api.multi
    def action_minicrm_anonymise(self):
        """The form's "Anonymise" button: a confirmation first."""
        self._minicrm_check_anonymise_allowed()
        return {
            "type": "ir.actions.act_window",
            "name": _("Anonymise customer"),
            "res_model": WIZARD_MODEL,
            "view_mode": "form",
            "target": "new",
            "context": {"default_partner_ids": [(6, 0, self.ids)]},
        }

    @api.multi
    def _minicrm_check_anonymise_allowed(self):
        """Agency managers (and operators) anonymise customers they may edit."""
        user = self.env.user
        if not any(user.has_group(group) for group in MANAGER_GROUPS):
            raise AccessError(_("Only an agency manager can anonymise a customer."))
        self.check_access_rights("write")
        self.check_access_rule("write")
        # The customers as the user's rules show them: another agency's
        # record is refused, not reported as "not a customer".
        visible = self.with_context(active_test=False).search(
            [("id", "in", self.ids), ("customer_state", "!=", False)])
        if len(visible) != len(self):
            raise AccessError(_("You can only anonymise customers of your own agency."))
        if not self:
            raise UserError(_("Only agency customers can be anonymised."))

    @api.multi
    def _minicrm_anonymise(self):
        """Erase the personal data of these customers (the wizard's confirm
        and the retention job). Callers check the user's rights first: this
        runs as superuser, because the copies live in records staff cannot
        write (mails, tracking values, the portal login). Only records of
        these customers are touched."""
        customers = self.with_env(self.env(user=SUPERUSER_ID, context={
            "tracking_disable": True, "mail_notrack": True, "mail_create_nolog": True,
            "active_test": False, "minicrm_no_portal_login": True}))
        customers = customers.filtered(lambda p: p.customer_state and not p.minicrm_anonymised)
        if not customers:
            return self.browse()
        old_values = customers._minicrm_personal_strings()
        # Logins no other customer record uses: erased with the customers.
        logins = customers.mapped("minicrm_portal_user_id").filtered(
            lambda user: user.share and not user.minicrm_customer_ids - customers)
        bookings = customers.env["minicrm.booking"].search([("customer_id", "in", customers.ids)])
        messages = customers._minicrm_messages(bookings, old_values, logins)
        customers._minicrm_erase_mails(messages, old_values)
        customers._minicrm_erase_messages(messages)
        customers._minicrm_erase_attachments(bookings, messages)
        customers._minicrm_erase_bookings(bookings)
        customers._minicrm_erase_unconfirmed_quotes(old_values)
        for customer in customers:
            customer.write(customer._minicrm_anonymised_values())
        customers.env["mail.followers"].search([
            ("partner_id", "in", customers.ids)]).unlink()
        customers._minicrm_erase_logins(logins)
        # Said on the customer's chatter, by whoever asked (the manager, or
        # the cron's user for retention): the history tells why the names went.
        # A note notifies nobody: created directly, as message_post would
        # read every field of every customer of the batch (the job's cost).
        note = customers.env.ref("mail.mt_note")
        for customer in customers:
            customers.env["mail.message"].create({
                "model": "res.partner", "res_id": customer.id, "message_type": "comment",
                "subtype_id": note.id, "author_id": self.env.user.partner_id.id,
                "body": _("Personal data erased (anonymised).")})
        self._minicrm_log_erasure(customers)
        return customers

    # -- the pieces ---------------------------------------------------------

    @api.multi
    def _minicrm_anonymised_values(self):
        self.ensure_one()
        values = {name: False for name in PARTNER_ERASED_FIELDS if name in self._fields}
        values.update(firstname=_("Anonymised"), lastname="#%d" % self.id,
                      minicrm_anonymised=True)
        return values

    @api.multi
    def _minicrm_personal_strings(self):
        """The values that must not be found anywhere afterwards."""
        strings = set()
        for customer in self:
            strings.update((customer.name, customer.firstname, customer.lastname, customer.email,
                            customer.phone, customer.mobile, customer.street, customer.vat))
        return {value for value in strings if value and len(value) > 2}

    @api.multi
    def _minicrm_messages(self, bookings, old_values, logins):
        Message = self.env["mail.message"]
        partners = self | logins.mapped("partner_id")
        domain = ["|", "|", "|", "|",
                  "&", ("model", "=", "res.partner"), ("res_id", "in", partners.ids),
                  "&", ("model", "=", "res.users"), ("res_id", "in", logins.ids or [0]),
                  "&", ("model", "=", "minicrm.booking"), ("res_id", "in", bookings.ids or [0]),
                  ("author_id", "in", partners.ids), ("partner_ids", "in", partners.ids)]
        messages = Message.search(domain)
        emails = self._minicrm_own_emails(old_values)
        if emails:
            mails = self.env["mail.mail"].search(self._minicrm_ilike_domain("email_to", emails))
            messages |= mails.mapped("mail_message_id")
        return messages

    @api.multi
    def _minicrm_own_emails(self, old_values):
        """The addresses among ``old_values`` that only these customers
        hold: mails found by address alone (not by their document) are
        erased for those only. An address another agency's customer (or a
        user) still holds is theirs too: that agency's mails stay."""
        emails = {value.lower() for value in old_values if "@" in value}
        if not emails:
            return []
        # One query per batch (customers' emails are stored lowercased; the
        # agency column lets PostgreSQL use the (agency, lower(email)) index).
        self.env.cr.execute("""
            SELECT lower(email) FROM res_partner
             WHERE minicrm_agency_id IN (SELECT id FROM minicrm_agency)
               AND lower(email) IN %s AND customer_state IS NOT NULL
               AND minicrm_anonymised IS NOT TRUE AND id NOT IN %s
            UNION
            SELECT lower(login) FROM res_users WHERE lower(login) IN %s AND share IS NOT TRUE
        """, (tuple(emails), tuple(self.ids), tuple(emails)))
        return sorted(emails - {row[0] for row in self.env.cr.fetchall()})

    @api.model
    def _minicrm_ilike_domain(self, field, values):
        domain = [(field, "ilike", escape_psql(value)) for value in values]
        return ["|"] * (len(domain) - 1) + domain

    @api.multi
    def _minicrm_erase_mails(self, messages, old_values):
        Mail = self.env["mail.mail"]
        mails = Mail.search([("mail_message_id", "in", messages.ids or [0])])
        emails = self._minicrm_own_emails(old_values)
        if emails:
            mails |= Mail.search(self._minicrm_ilike_domain("email_to", emails))
        mails |= Mail.search([("recipient_ids", "in", self.ids)])
        mails.write({"body_html": _("<p>Erased (personal data)</p>"), "email_to": False,
                     "email_cc": False, "recipient_ids": [(3, p_id) for p_id in self.ids]})

    @api.multi
    def _minicrm_erase_messages(self, messages):
        if not messages:
            return
        messages.mapped("tracking_value_ids").filtered(
            lambda value: value.field in TRACKED_PERSONAL_FIELDS).write({
                "old_value_char": _("Erased"), "new_value_char": _("Erased"),
                "old_value_text": False, "new_value_text": False,
                "old_value_integer": 0, "new_value_integer": 0})
        # SQL: mail.message's write checks each message's document and
        # notifies the followers; these are history rows, only their text
        # changes (record_name holds the customer's name on its own chatter).
        self.env.cr.execute("""
            UPDATE mail_message
               SET body = CASE WHEN coalesce(body, '') = '' THEN body ELSE %s END,
                   subject = NULL, email_from = NULL, reply_to = NULL,
                   record_name = CASE WHEN model = 'minicrm.booking' THEN record_name ELSE %s END,
                   author_id = CASE WHEN author_id IN %s THEN NULL ELSE author_id END
             WHERE id IN %s""", (_("<p>Erased (personal data)</p>"), _("Anonymised"),
                                 tuple(self.ids), tuple(messages.ids)))
        self.env.cr.execute("DELETE FROM mail_message_res_partner_rel WHERE "
                            "mail_message_id IN %s AND res_partner_id IN %s",
                            (tuple(messages.ids), tuple(self.ids)))
        messages.invalidate_cache()

    @api.multi
    def _minicrm_erase_attachments(self, bookings, messages):
        domain = ["|", "|", "&", ("res_model", "=", "res.partner"), ("res_id", "in", self.ids),
                  "&", ("res_model", "=", "minicrm.booking"), ("res_id", "in", bookings.ids or [0]),
                  ("id", "in", messages.mapped("attachment_ids").ids or [0])]
        self.env["ir.attachment"].search(domain).unlink()

    @api.multi
    def _minicrm_erase_bookings(self, bookings):
        if not bookings:
            return
        values = {name: False for name in BOOKING_ERASED_FIELDS}
        erase_places = bookings.mapped("agency_id").filtered("minicrm_anonymise_places")
        # Through the ORM in one write per agency choice: the booking's own
        # checks (value checks, search text) apply; the snapshots are not
        # part of its workflow.
        keep = bookings.filtered(lambda b: b.agency_id not in erase_places)
        keep.write(values)
        (bookings - keep).write(dict(values, pickup_location=_("Erased"),
                                     dropoff_location=_("Erased")))

    @api.multi
    def _minicrm_erase_unconfirmed_quotes(self, old_values):
        """A visitor's quote requests waiting for their email's confirmation,
        in these customers' agencies."""
        if "minicrm.quote.unconfirmed" not in self.env:
            return
        emails = [value for value in old_values if "@" in value]
        if emails:
            self.env["minicrm.quote.unconfirmed"].search(
                [("agency_id", "in", self.mapped("minicrm_agency_id").ids)] +
                self._minicrm_ilike_domain("email", emails)).unlink()

    @api.multi
    def _minicrm_erase_logins(self, logins):
        """A portal login no other customer record uses is archived and its
        contact anonymised; one another agency's record still uses stays:
        it is that agency's customer's too."""
        for login in logins:
            login.write({"active": False, "login": "anonymised-%d" % login.id})
            contact = login.partner_id
            # Off the login contact's portal details path (which checks a
            # person's own edits, required fields included) for this write.
            contact.write({"minicrm_login_partner": False})
            contact.write({"minicrm_login_partner": True, "firstname": _("Anonymised"),
                           "lastname": "#%d" % contact.id, "email": False, "phone": False,
                           "mobile": False, "image": False, "street": False, "city": False,
                           "zip": False, "active": False})

    @api.model
    def _minicrm_log_erasure(self, customers):
        """The register (minicrm.privacy.log), when installed."""
        if "minicrm.privacy.log" in self.env and customers:
            kind = self.env.context.get("minicrm_privacy_kind", "anonymise")
            self.env["minicrm.privacy.log"]._log(kind, customers, _(
                "Personal data erased: customer record, booking snapshots, mails, messages, "
                "attachments, portal login."))
