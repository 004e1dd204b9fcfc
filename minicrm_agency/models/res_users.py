# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.addons.auth_signup.models.res_partner import now
from odoo.exceptions import ValidationError

from .context import clean_context

_logger = logging.getLogger(__name__)

ADMIN_GROUP = "minicrm_agency.group_minicrm_admin"
PORTAL_GROUP = "base.group_portal"


def escape_like(text):
    """``text`` matched literally by (=)ilike: no % or _ wildcards."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class ResUsers(models.Model):
    """Attach staff users to their agency and, optionally, to some of its
    rental companies. Both fields feed the global record rules."""
    _inherit = "res.users"

    minicrm_agency_id = fields.Many2one(
        "minicrm.agency", string="Agency", index=True, ondelete="restrict",
        help="The agency this staff user works for. They see its customers and "
             "bookings only.",
    )
    minicrm_rental_company_ids = fields.Many2many(
        "minicrm.rental.company", "minicrm_rental_company_res_users_rel",
        "user_id", "rental_company_id", string="Accessible rental companies",
        help="Leave empty to give access to all of the agency's rental companies.",
    )
    minicrm_customer_ids = fields.One2many(
        "res.partner", "minicrm_portal_user_id", string="Customer records",
        help="The agency customers this portal login gives access to.")
    minicrm_accessible_rental_company_ids = fields.Many2many(
        "minicrm.rental.company", string="Rental companies in reach",
        compute="_compute_minicrm_accessible_rental_company_ids",
        help="The rental companies whose bookings this user may see.",
    )

    @api.depends("minicrm_agency_id.rental_company_ids", "minicrm_rental_company_ids")
    def _compute_minicrm_accessible_rental_company_ids(self):
        # sudo: evaluated inside record rules; it reads ids of the user's own
        # agency configuration only and returns nothing else.
        for user in self:
            config = user.sudo()
            if user._minicrm_is_operator():
                user.minicrm_accessible_rental_company_ids = \
                    self.env["minicrm.rental.company"].sudo().search([])
            else:
                user.minicrm_accessible_rental_company_ids = (
                    config.minicrm_rental_company_ids
                    or config.minicrm_agency_id.rental_company_ids)

    @api.constrains("minicrm_agency_id", "minicrm_rental_company_ids")
    def _check_minicrm_rental_companies(self):
        for user in self:
            outside = user.minicrm_rental_company_ids - user.minicrm_agency_id.rental_company_ids
            if outside:
                raise ValidationError(_(
                    "%(user)s cannot be given access to %(companies)s: the agency "
                    "does not work with this rental company.") % {
                    "user": user.name, "companies": ", ".join(outside.mapped("name"))})

    def _minicrm_is_operator(self):
        """Superuser or operator admin: sees and configures every agency."""
        self.ensure_one()
        return self._is_superuser() or self.has_group(ADMIN_GROUP)

    @api.model
    def reset_password(self, login):
        """The login page's "Reset password" form. Logins are stored
        lowercased. An unknown login gets the same answer as a known one
        ("An email has been sent"): the page must not tell a visitor which
        email addresses have an account."""
        login = (login or "").strip().lower()
        users = self.search([("login", "=", login)]) or self.search(
            [("email", "=ilike", escape_like(login))])
        if len(users) != 1:
            _logger.info("Password reset asked for an unknown login; answered as for any.")
            return True
        return super(ResUsers, self).reset_password(users.login)

    @api.multi
    def action_reset_password(self):
        """Customers' reset emails go through the mail queue: auth_signup
        sends them inside the request, which fails the page (and the
        transaction) whenever the mail server is slow or down."""
        customers = self.filtered("share")
        customers._minicrm_queue_signup_email(
            invitation=bool(self.env.context.get("create_user")))
        staff = self - customers
        return super(ResUsers, staff).action_reset_password() if staff else None

    # -- customer portal logins -----------------------------------------------

    @api.model
    def _minicrm_portal_user_for(self, customer):
        """The portal login for ``customer``'s email address.

        An existing portal login is reused, so a person who is a customer of
        several agencies has one login. Returns ``(user, created)``; the user
        is empty when the address belongs to a staff account.
        Call as superuser: staff may not search or create users.
        """
        login = customer.email.strip().lower()
        Users = self.with_context(active_test=False)
        if Users.search_count([("share", "=", False), "|", ("login", "=", login),
                               ("email", "=ilike", escape_like(login))]):
            return self.browse(), False
        user = Users.search([("login", "=", login)], limit=1)
        portal = self.env.ref(PORTAL_GROUP)
        if user:
            if not user.active or portal not in user.groups_id:
                user.write({"active": True, "groups_id": [(4, portal.id)]})
            return user, False
        # The login's contact reads like a customer ("Claire Martin").
        identity = self.env["res.partner"].with_context(minicrm_customer_names=True).create({
            "firstname": customer.firstname, "lastname": customer.lastname,
            "email": login, "lang": customer.lang, "minicrm_login_partner": True,
        })
        user = Users.with_context(no_reset_password=True).create({
            "login": login, "partner_id": identity.id,
            "groups_id": [(6, 0, portal.ids)],
        })
        return user, True

    @api.multi
    def _minicrm_queue_signup_email(self, invitation=False):
        """Queue the invitation or password reset email: the mail queue
        sends it after the transaction commits, never inside it.

        As superuser, from the agency: the mail holds the signup token, so
        the staff member who asked for it must not be its author (authors
        read their messages), and a staff user without an email address
        must still be able to save a customer."""
        expiration = False if invitation else now(days=+1)
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        users = self.sudo().with_context(clean_context(self.env.context))
        users.mapped("partner_id").signup_prepare(signup_type="reset", expiration=expiration)
        template = users.env.ref("minicrm_agency.mail_template_portal_invitation"
                                 if invitation else "auth_signup.reset_password_email")
        for user in users:
            sender = user._minicrm_mail_sender()
            template.with_context(lang=user.lang).send_mail(
                user.id, force_send=False, email_values={
                    "email_from": formataddr(sender), "reply_to": formataddr(sender),
                    "author_id": False})

    @api.multi
    def _minicrm_mail_sender(self):
        """(name, email) that mails about a user's bookings come from: the
        agency of a staff user, or of a customer of one agency only, else the
        company; the mail domain's no-reply address when none has an email."""
        self.ensure_one()
        user = self.sudo()
        agencies = user.minicrm_agency_id or user.minicrm_customer_ids.mapped("minicrm_agency_id")
        sender = agencies if len(agencies) == 1 and agencies.email else user.company_id
        if sender.email:
            return sender.name, sender.email
        domain = self.env["ir.config_parameter"].sudo().get_param("mail.catchall.domain")
        return sender.name or user.company_id.name, "noreply@%s" % (domain or "localhost")

    @api.multi
    def _minicrm_release_portal_login(self):
        """Deactivate portal logins no customer record uses any more."""
        unused = self.filtered(lambda user: user.share and not user.minicrm_customer_ids)
        unused.write({"active": False})

    @api.multi
    def write(self, vals):
        result = super(ResUsers, self).write(vals)
        if {"minicrm_agency_id", "minicrm_rental_company_ids"} & set(vals):
            # Rule domains are cached per user: a move to another agency must
            # take effect on the next request, not after a restart.
            self.env["ir.rule"].clear_caches()
        return result
