# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from email.utils import formataddr

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from odoo.addons.minicrm_agency.models.context import clean_context
from odoo.addons.minicrm_agency.models.minicrm_agency_lang import SOURCE_LANG

# Context key of imports that create customers without portal logins.
NO_PORTAL_LOGIN_KEY = "minicrm_no_portal_login"


class ResPartner(models.Model):
    """An agency customer's portal login: end users with an email get one
    (their email is the login), shared by the person's customer records in
    every agency; staff grant, revoke and reset it from the customer form."""
    _inherit = "res.partner"

    minicrm_has_portal_login = fields.Boolean(
        "Portal access", compute="_compute_minicrm_has_portal_login",
        help="The customer logs in to the portal with their email address.")
    minicrm_portal_warning = fields.Char(
        "Portal access problem", readonly=True, copy=False,
        help="Why this end user did not get a portal login.")
    # Staff must not learn which addresses are staff logins (another
    # agency's staff, administrators): a customer whose email is one gets
    # no login and no token, and looks to staff like any customer with
    # portal access. Operators see the truth.
    minicrm_portal_withheld = fields.Boolean(
        "Portal login withheld", readonly=True, copy=False,
        groups="minicrm_agency.group_minicrm_admin",
        help="The customer's email belongs to a staff account: no portal login was made, "
             "and the agency's staff see the customer as having portal access.")

    @api.depends("minicrm_portal_user_id", "minicrm_portal_withheld")
    def _compute_minicrm_has_portal_login(self):
        # sudo: the login and the withheld flag are hidden from staff; only
        # whether the customer looks to have portal access leaves here.
        for partner in self:
            customer = partner.sudo()
            partner.minicrm_has_portal_login = bool(
                customer.minicrm_portal_user_id or customer.minicrm_portal_withheld)

    @api.model
    def create(self, vals):
        partner = super(ResPartner, self).create(vals)
        if partner.customer_state:
            partner._minicrm_sync_portal_access()
        return partner

    @api.multi
    def write(self, vals):
        result = super(ResPartner, self).write(vals)
        if {"customer_state", "email"} & set(vals):
            self.filtered("customer_state")._minicrm_sync_portal_access()
        return result

    @api.model
    def _minicrm_link_fields(self):
        return super(ResPartner, self)._minicrm_link_fields() | {
            "minicrm_portal_warning", "minicrm_portal_withheld"}

    @api.multi
    def _minicrm_sync_portal_access(self):
        """End users with an email get a portal login whose login is that
        email; a changed email moves the customer to the login of the new one.
        An import may ask for none (context ``minicrm_no_portal_login``), and
        an agency that does not invite its customers gives none on its own:
        staff grant access with the form's button. A customer who has access
        keeps it when their email changes."""
        if self.env.context.get(NO_PORTAL_LOGIN_KEY):
            return
        for partner in self.filtered(lambda p: p.customer_state == "end"):
            # sudo: the login is hidden from staff; it is compared, not shown.
            current = partner.sudo().minicrm_portal_user_id
            if current and current.login == partner.email:
                continue
            if not current and not partner.minicrm_agency_id.sudo().send_portal_invitation:
                continue
            if current or partner.sudo().minicrm_portal_withheld:
                partner._minicrm_unlink_portal_user()
            if partner.email:
                partner._minicrm_link_portal_user()

    @api.multi
    def _minicrm_link_portal_user(self):
        self.ensure_one()
        # sudo: staff may neither search nor create users. Only the link to
        # the login is written here; the login's contact and tokens stay
        # invisible to staff (see the res.partner and res.users rules).
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        Users = self.env["res.users"].sudo().with_context(clean_context(self.env.context))
        user, created = Users._minicrm_portal_user_for(self)
        if not user:
            # A staff account's address: no login, no token, and, for the
            # staff user, the same outcome as any other address (the same
            # chatter line below).
            self.sudo().write({"minicrm_portal_withheld": True, "minicrm_portal_warning": False})
        else:
            self.sudo().write({"minicrm_portal_user_id": user.id, "minicrm_portal_warning": False,
                               "minicrm_portal_withheld": False})
            if created:
                user._minicrm_queue_signup_email(invitation=True)
        self._minicrm_for_staff()._minicrm_note_portal_access()
        return True

    @api.multi
    def _minicrm_for_staff(self):
        """This customer in its agency's language: the notes written with
        it are for the agency's staff, whoever acts (the customer, on the
        portal, changing their email, included)."""
        self.ensure_one()
        agency = self.sudo().minicrm_agency_id
        return self.with_context(lang=agency._minicrm_note_lang() if agency else SOURCE_LANG)

    @api.multi
    def _minicrm_note_portal_access(self):
        """Said on the customer's chatter, which the form shows after the
        save: staff know that the customer was given access and what they
        receive. The same words whether the login is new or the person's
        existing one: staff must not learn that an address has a login with
        another agency."""
        self.message_post(body=_(
            "Portal access given to %s: an invitation to choose a password is queued "
            "for a new portal login; a customer who already has one logs in with it "
            "as before.") % html_escape(self.email))

    @api.multi
    def _minicrm_unlink_portal_user(self):
        # Replaced, not merged: the screen's keys must go.
        # pylint: disable=context-overridden
        customers = self.sudo().with_context(clean_context(self.env.context))
        users = customers.mapped("minicrm_portal_user_id")
        customers.write({"minicrm_portal_user_id": False, "minicrm_portal_withheld": False})
        users._minicrm_release_portal_login()

    @api.multi
    def action_minicrm_grant_portal(self):
        """Give portal access now, with a clear reason when it cannot be."""
        for partner in self:
            if partner.customer_state != "end":
                raise UserError(_("%s is a request user: use Create Customer first.")
                                % partner.name)
            if not partner.email:
                raise UserError(_("%s has no email address: add one first.") % partner.name)
            if not partner.minicrm_has_portal_login and not partner._minicrm_link_portal_user():
                raise UserError(partner.minicrm_portal_warning)
        return True

    @api.multi
    def action_minicrm_revoke_portal(self):
        """Remove this customer record from its portal login. The login
        stays active while another agency's record of the person uses it."""
        self.check_access_rule("write")
        self._minicrm_unlink_portal_user()
        return True

    @api.multi
    def action_minicrm_reset_password(self):
        """Queue a password reset email to the customer's portal login."""
        self.check_access_rule("write")
        for partner in self:
            # sudo: the reset is made as superuser so that staff never read
            # the token; it only ever targets a portal (share) login.
            user = partner.sudo().minicrm_portal_user_id
            if partner.sudo().minicrm_portal_withheld:
                # A staff account's address: a notice without any link goes
                # there, and the staff user sees what any reset shows.
                partner._minicrm_queue_withheld_notice()
                partner._minicrm_for_staff()._minicrm_note_reset_sent(partner.email)
                continue
            if not user.active or not user.share:
                raise UserError(_("%s has no portal access yet: grant it first.")
                                % partner.name)
            user._minicrm_queue_signup_email()
            partner._minicrm_for_staff()._minicrm_note_reset_sent(user.email)
        return True

    @api.multi
    def _minicrm_note_reset_sent(self, email):
        """Said on the customer's chatter: a password reset went to ``email``."""
        self.message_post(body=_("Password reset email sent to %s.") % email)

    @api.multi
    def _minicrm_queue_withheld_notice(self):
        """Tell the owner of a staff account's address that a customer
        portal password was asked for it: no token, no link. Created as
        superuser with no author and no document: staff do not read it."""
        self.ensure_one()
        # sudo: staff may not create mails; this one goes to the address
        # typed on the customer and carries nothing but this notice.
        customer = self.sudo()
        sender = formataddr(customer.minicrm_agency_id._minicrm_mail_sender(
            self.env.user.company_id))
        body = _("<p>A password reset for a customer portal login was asked for this email "
                 "address at %s. This address belongs to a staff account, which has no "
                 "customer portal login: nothing was changed. If you are also a customer of "
                 "this agency, give them another address.</p>") % html_escape(
                     customer.minicrm_agency_id.name)
        self.env["mail.mail"].sudo().create({
            "email_to": customer.email, "email_from": sender, "reply_to": sender,
            "subject": _("Password reset for a customer portal login"),
            "body_html": body, "author_id": False, "auto_delete": True})
