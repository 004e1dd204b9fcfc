# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict
from email.utils import formataddr

from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import ValidationError
from odoo.tools import escape_psql

from odoo.addons.minicrm_agency.models.email_address import is_valid_email, normalize_email
from odoo.addons.minicrm_agency.models.value_checks import validate_values

# What a customer sets on /my/account, in the form's order: no address, as
# transfer customers often have no street, city or country to give.
PORTAL_DETAILS_FIELDS = ["firstname", "lastname", "email", "phone", "mobile", "lang", "tz"]
PORTAL_REQUIRED_FIELDS = ["firstname", "lastname", "email"]
# Numbers the agencies hold: the page shows theirs while the login's contact
# has none of its own (it is made with names, email and language only).
AGENCY_HELD_FIELDS = ["phone", "mobile"]
# Context key: the login contact whose change is being written to the
# person's customer records (the tracking message's author).
PORTAL_AUTHOR_KEY = "minicrm_portal_author_id"


class ResPartnerPortalDetails(models.Model):
    """The contact details of a customer's portal login: the person sets
    them on /my/account, and they hold for the login (whose login is the
    email) and for the person's customer record in every agency."""
    _inherit = "res.partner"

    @api.multi
    def write(self, vals):
        """A login contact's details are checked (for every caller: the
        portal saves them as superuser) and go to its login and to every
        customer record of the person, in one savepoint: all or nothing."""
        logins = self.browse()
        if set(PORTAL_DETAILS_FIELDS) & set(vals):
            logins = self.filtered("minicrm_login_partner")
        if not logins:
            return super(ResPartnerPortalDetails, self).write(vals)
        try:
            with self.env.cr.savepoint():
                if self - logins:
                    super(ResPartnerPortalDetails, self - logins).write(vals)
                for partner in logins:
                    partner._minicrm_write_portal_details(vals)
        except Exception:
            # The savepoint undid the database; the cache must follow.
            self.invalidate_cache()
            raise
        return True

    @api.multi
    def _minicrm_write_portal_details(self, vals):
        """Only what the person changed (against what /my/account shows them,
        see _minicrm_portal_details_shown) is written: to the login's contact,
        and, unless it is now empty, to every customer record of the person.
        An empty field never erases what an agency holds. Each agency's record
        logs the change as the person's, in English field names that the
        chatter translates for its reader (mail_message.py of minicrm_agency).
        A changed name reaches the agencies too: it is the person's own name
        (README, "Customer portal")."""
        self.ensure_one()
        details = self._minicrm_clean_portal_details(vals)
        shown = self._minicrm_portal_details_shown()
        problems = self._minicrm_portal_details_problems(dict(shown, **details))
        if problems:
            raise ValidationError("\n".join(OrderedDict.fromkeys(problems.values())))
        changed = {name: value for name, value in details.items()
                   if value != (shown[name] or False)}
        # sudo: the login and the customer records of other agencies are out
        # of the writer's reach (a portal user's included); what is written
        # is exactly this person's details, to this person's own records.
        user = self.sudo().with_context(active_test=False).user_ids[:1]
        if changed.get("email") and user and user.login != changed["email"]:
            # First: the customers' email change below then finds their
            # login already on the new address and keeps it.
            user.write({"login": changed["email"]})
        others = {name: value for name, value in vals.items() if name not in details}
        super(ResPartnerPortalDetails, self).write(dict(others, **changed))
        for_agencies = {name: value for name, value in changed.items() if value}
        if not for_agencies:
            return True
        # Archived customer records included (``user``'s context): they are
        # the person's too, and keep the login's address. No language: the
        # tracking stores field names untranslated (the writer's language is
        # the customer's, not the reader's).
        customers = user.minicrm_customer_ids.with_context(
            lang=None, **{PORTAL_AUTHOR_KEY: self.id})
        return customers.write(for_agencies)

    @api.multi
    def _minicrm_portal_details_shown(self):
        """What /my/account shows a login's contact: its own details, and
        for the phone and mobile it has none of, the number its customer
        records hold; when they differ, the one of the record changed last.
        The time zone it has none of is its agencies' (the first by name)."""
        self.ensure_one()
        shown = {name: self[name] for name in PORTAL_DETAILS_FIELDS}
        # sudo: the person's own customer records, read for this person only.
        user = self.sudo().with_context(active_test=False).user_ids[:1]
        customers = user.minicrm_customer_ids.sorted(
            lambda customer: (customer.write_date or "", customer.id), reverse=True)
        for name in AGENCY_HELD_FIELDS:
            if not shown[name]:
                shown[name] = next((value for value in customers.mapped(name) if value), False)
        if not shown["tz"]:
            agencies = customers.mapped("minicrm_agency_id").sorted("name")
            shown["tz"] = next((agency.tz for agency in agencies if agency.tz), False)
        return shown

    @api.multi
    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, *args, **kwargs):
        """The tracking of a customer record written from its person's
        /my/account is theirs (the save runs as superuser, which would
        otherwise sign it). Honoured for superuser writes only, and for the
        login contact of the record's own person."""
        author_id = self.env.context.get(PORTAL_AUTHOR_KEY)
        if author_id and kwargs.get("tracking_value_ids") and self.env.uid == SUPERUSER_ID:
            author = self.browse(author_id)
            if author.minicrm_login_partner and all(
                    partner.minicrm_portal_user_id.partner_id == author for partner in self):
                kwargs = dict(kwargs, author_id=author.id,
                              email_from=formataddr((author.name, author.email)))
        return super(ResPartnerPortalDetails, self).message_post(*args, **kwargs)

    @api.model
    def _minicrm_clean_portal_details(self, values):
        """The details among ``values`` as they are stored: texts without
        surrounding spaces, blanks empty, the email lowercased (it is the
        login)."""
        details = {}
        for name in PORTAL_DETAILS_FIELDS:
            if name not in values:
                continue
            value = values[name]
            if isinstance(value, str):
                value = value.strip() or False
            details[name] = normalize_email(value) if name == "email" and value else value
        return details

    @api.multi
    def _minicrm_portal_details_problems(self, values):
        """What is wrong with the details a login contact is given.

        ``values`` is the whole form (a required field absent is missing);
        returns ``{field: message}``, in the form's order, empty when the
        details may be saved. The model's own checks (sizes, control
        characters, languages, email), whoever asks, superuser included;
        ``write`` refuses the same details with the same messages.
        """
        self.ensure_one()
        problems = OrderedDict()
        unknown = sorted(set(values) - set(PORTAL_DETAILS_FIELDS))
        if unknown:
            problems["common"] = _("Unknown field: %s") % ", ".join(unknown)
        details = self._minicrm_clean_portal_details(values)
        for name in PORTAL_DETAILS_FIELDS:
            if name in PORTAL_REQUIRED_FIELDS and not details.get(name):
                problems[name] = _("Some required fields are empty.")
                continue
            try:
                validate_values(self, {name: details.get(name, False)})
            except ValidationError as error:
                problems[name] = error.name
        if "email" not in problems:
            problem = self._minicrm_portal_email_problem(details["email"])
            if problem:
                problems["email"] = problem
        return problems

    @api.multi
    def _minicrm_portal_email_problem(self, email):
        if not is_valid_email(email):
            return _("Invalid email address: please enter a valid one.")
        # sudo: other accounts and other agencies' customers are out of the
        # asker's reach; only whether the address is free leaves this method.
        user = self.sudo().with_context(active_test=False).user_ids[:1]
        Users = self.env["res.users"].sudo().with_context(active_test=False)
        taken = Users.search_count([
            ("id", "!=", user.id), "|", ("login", "=", email),
            "&", ("share", "=", False), ("email", "=ilike", escape_psql(email))])
        for customer in user.minicrm_customer_ids if not taken else ():
            try:
                customer._minicrm_check_email_free(customer.minicrm_agency_id.id, email,
                                                   customer.id)
            except ValidationError:
                taken = True
                break
        if taken:
            return _("This email address is already used by another account.")
        return None
