# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
# A mixin on the Mini-CRM's fixtures: `env` comes from the test case.
# pylint: disable=no-member
from odoo.addons.minicrm_agency.tests.common import CUSTOMERS_ACTION, QUIET_CONTEXT

# What the fixtures' customer Ann Smith gave the agency: none of it may be
# found after her anonymisation.
ANN_SECRETS = ("Ann Smith", "Smith Ann", "Smith, Ann", "ann.smith", "57 13 24 6", "065713246",
               "65713246", "11 22 33 44", "Rue du Port")


class AnonymiseFixtures(object):
    """Agency B's manager, and Ann's personal data copied where the product
    copies it: her record, her bookings' snapshots, a tracked change of her
    phone, a message, a queued mail and attachments."""

    @classmethod
    def setup_anonymise_fixtures(cls):
        env = cls.env(context=dict(cls.env.context, **QUIET_CONTEXT))
        cls.manager_b = cls.create_user(env, "manager_b", cls.agency_b,
                                        group="minicrm_agency.group_agency_manager")
        customer = cls.customer_a.sudo(cls.staff_a1).with_context(
            **cls.screen_context(cls.staff_a1, CUSTOMERS_ACTION))
        # Tracked: the chatter keeps the old and the new phone.
        customer.write({"phone": "+33 6 57 13 24 62", "street": "3 Rue du Port",
                        "comment": "Ann Smith prefers window seats"})
        customer.write({"phone": "+33 6 57 13 24 61"})
        customer.message_post(body="Called Ann Smith at ann.smith@example.com",
                              message_type="comment", subtype="mail.mt_note")
        cls.booking_a.sudo(cls.staff_a1).write({"amount": 120.0, "notes": "Ann Smith's dog"})
        # A mail queued to her, as the confirmation and quote mails are.
        env["mail.mail"].create({
            "email_to": "ann.smith@example.com", "subject": "Your trip, Ann Smith",
            "body_html": "<p>Dear Ann Smith</p>", "model": "minicrm.booking",
            "res_id": cls.booking_a.id})
        Attachment = env["ir.attachment"]
        cls.attachments = Attachment.create({
            "name": "passport-smith.txt", "datas_fname": "passport-smith.txt",
            "datas": "QW5uIFNtaXRo", "res_model": "res.partner", "res_id": cls.customer_a.id,
        }) | Attachment.create({
            "name": "ticket-smith.txt", "datas_fname": "ticket-smith.txt",
            "datas": "QW5uIFNtaXRo", "res_model": "minicrm.booking",
            "res_id": cls.booking_a.id})

    def anonymise_as(self, user, customer):
        """"Anonymise" on the customer form, then the wizard's "Anonymise",
        as ``user`` in the Customers screen."""
        context = self.screen_context(user, CUSTOMERS_ACTION)
        Partner = self.env["res.partner"].sudo(user).with_context(**context)
        action = Partner.browse(customer.id).action_minicrm_anonymise()
        wizard = self.env[action["res_model"]].sudo(user).with_context(
            **dict(context, **action["context"])).create({})
        return wizard.action_confirm()
