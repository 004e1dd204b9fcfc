# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import api, models
from odoo.tools import escape_psql
from odoo.addons.auth_signup.models.res_partner import now
from odoo.addons.base_access_hardening.models.argument_types import check_text

from odoo.addons.minicrm_agency.models.context import clean_context
from odoo.addons.minicrm_agency.models.email_address import normalize_email

PORTAL_GROUP = "base.group_portal"
INVITATION_TEMPLATE = "minicrm_agency_portal.mail_template_portal_invitation"
RESET_TEMPLATE = "minicrm_agency_portal.mail_template_portal_reset"


class ResUsers(models.Model):
    """Customers' portal logins: one per email address, shared by the
    person's customer records in every agency; invitations and resets go
    through the mail queue."""
    _inherit = "res.users"

    @api.model
    def reset_password(self, login):
        """Customers' logins are their email, stored lowercased: the login
        page finds them however they type it (base_access_hardening answers
        unknown logins as known ones)."""
        check_text(login)
        return super(ResUsers, self).reset_password(normalize_email(login) or "")

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
        login = normalize_email(customer.email)
        Users = self.with_context(active_test=False)
        if Users.search_count([("share", "=", False), "|", ("login", "=", login),
                               ("email", "=ilike", escape_psql(login))]):
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
            # The agency's time zone, never the creating staff member's
            # (res.partner's default is the context's).
            "tz": customer.minicrm_agency_id.tz or False,
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
        template = users.env.ref(INVITATION_TEMPLATE if invitation else RESET_TEMPLATE)
        for user in users:
            sender = user._minicrm_mail_sender()
            # The mail names the agencies the person books with (the
            # company's name for a login of no customer).
            agencies = user.minicrm_customer_ids.mapped("minicrm_agency_id").sorted("name")
            template.with_context(
                lang=user.lang, minicrm_agency_names=", ".join(agencies.mapped("name"))
            ).send_mail(
                user.id, force_send=False, email_values={
                    "email_from": formataddr(sender), "reply_to": formataddr(sender),
                    "author_id": False})

    @api.multi
    def _minicrm_release_portal_login(self):
        """Deactivate portal logins no customer record uses any more."""
        unused = self.filtered(lambda user: user.share and not user.minicrm_customer_ids)
        unused.write({"active": False})
