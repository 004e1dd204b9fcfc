# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import OrderedDict

from odoo import _, api, models
from odoo.exceptions import ValidationError

from odoo.addons.base_access_hardening.tools import escape_like
from odoo.addons.minicrm_agency.models.email_address import is_valid_email, normalize_email
from odoo.addons.minicrm_agency.models.value_checks import check_values

# What a customer sets on /my/account, in the form's order: no address, as
# transfer customers often have no street, city or country to give.
PORTAL_DETAILS_FIELDS = ["firstname", "lastname", "email", "phone", "mobile", "lang", "tz"]
PORTAL_REQUIRED_FIELDS = ["firstname", "lastname", "email"]


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
        self.ensure_one()
        details = self._minicrm_clean_portal_details(vals)
        current = {name: self[name] for name in PORTAL_DETAILS_FIELDS}
        problems = self._minicrm_portal_details_problems(dict(current, **details))
        if problems:
            raise ValidationError("\n".join(OrderedDict.fromkeys(problems.values())))
        # sudo: the login and the customer records of other agencies are out
        # of the writer's reach (a portal user's included); what is written
        # is exactly this person's details, to this person's own records.
        user = self.sudo().with_context(active_test=False).user_ids[:1]
        if details.get("email") and user and user.login != details["email"]:
            # First: the customers' email change below then finds their
            # login already on the new address and keeps it.
            user.write({"login": details["email"]})
        super(ResPartnerPortalDetails, self).write(dict(vals, **details))
        # Archived customer records included (``user``'s context): they are
        # the person's too, and keep the login's address.
        return user.minicrm_customer_ids.write(details)

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
                check_values(self, {name: details.get(name, False)})
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
            "&", ("share", "=", False), ("email", "=ilike", escape_like(email))])
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
