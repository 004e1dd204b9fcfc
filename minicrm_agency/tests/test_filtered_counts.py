# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Where search hides records, counting, grouping and exporting hide them
too: every model whose ``_search`` or ``read`` this product's addons
filter (found in the registry), as agency staff and as a portal customer,
with another agency's customer followed and discussed."""
from odoo.exceptions import AccessError, UserError
from odoo.tests.common import at_install, post_install

from .common import PASSWORD, MinicrmCase

PRODUCT_MODULES = ("base_access_hardening", "minicrm_agency", "minicrm_agency_portal",
                   "minicrm_agency_account")
SECRET = "Bob's discount 7e21"


def filtered_models(env):
    """Models with a ``_search`` or ``read`` defined by this product's addons."""
    names = []
    for name, model in env.items():
        for cls in type(model).__mro__:
            module = cls.__module__.split(".")
            # Not the product's changes to every model (``_inherit = "base"``).
            if len(module) > 2 and module[2] in PRODUCT_MODULES and \
                    vars(cls).get("_inherit") != "base" and (
                        "_search" in vars(cls) or "read" in vars(cls)):
                names.append(name)
                break
    return sorted(names)


def group_field(Model):
    """A stored field every user may group ``Model`` by."""
    for name in ("name", "res_model", "model"):
        field = Model._fields.get(name)
        if field and field.store and field.type in ("char", "selection") and not field.groups:
            return name
    return next(name for name, field in sorted(Model._fields.items())
                if field.store and field.type == "many2one" and not field.groups)


# With every addon loaded, whatever the order they are installed in.
@at_install(False)
@post_install(True)
class TestFilteredCounts(MinicrmCase):

    @classmethod
    def setup_class_fixtures(cls):
        cls.portal_user = cls.link_portal_login(cls.customer_a, PASSWORD)
        for record in (cls.customer_b, cls.booking_b):
            record.sudo(cls.staff_b1).message_subscribe(partner_ids=cls.staff_b1.partner_id.ids)
            record.sudo(cls.staff_b1).message_post(body=SECRET, message_type="comment",
                                                   subtype="mail.mt_comment")

    def assert_counts_agree(self, user, name):
        Model = self.as_user(user, name).with_context(active_test=False)
        try:
            found = Model.search([])
        except AccessError:
            return
        field = group_field(Model)
        groups = Model.read_group([], [field], [field], lazy=False)
        self.assertEqual(sum(group["__count"] for group in groups), len(found),
                         "%s: read_group counts what %s cannot search" % (name, user.login))
        self.assertEqual(Model.search_count([]), len(found), name)
        domain = [("id", "not in", found.ids)]
        if name == "ir.attachment":
            # Binary fields' attachments are left out of every search unless
            # asked for (an "id" domain asks), not hidden: they are read with
            # their record.
            domain.append(("res_field", "=", False))
        hidden = Model.sudo().with_context(active_test=False).search(domain, limit=1)
        if hidden:
            with self.assertRaises((AccessError, UserError), msg=name):
                Model.browse(hidden.id).export_data(["id"])

    def test_filtered_models_count_group_and_export_what_they_search(self):
        names = filtered_models(self.env)
        self.assertIn("mail.followers", names)
        self.assertIn("mail.message", names)
        for user in (self.staff_a1, self.portal_user):
            for name in names:
                if self.env[name]._abstract or self.env[name]._transient:
                    continue
                with self.subTest(user=user.login, model=name):
                    self.assert_counts_agree(user, name)

    def test_staff_cannot_group_followers_or_messages_of_another_agency(self):
        for name, domain in (("mail.followers", [("res_model", "=", "res.partner")]),
                             ("mail.message", [("model", "=", "res.partner")])):
            Model = self.as_user(self.staff_a1, name)
            groups = Model.read_group(domain + [("res_id", "=", self.customer_b.id)],
                                      ["partner_id" if name == "mail.followers" else "author_id"],
                                      ["partner_id" if name == "mail.followers" else "author_id"])
            self.assertEqual(groups, [], name)
