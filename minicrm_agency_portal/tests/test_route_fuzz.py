# Copyright 2026 minicrm_agency developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Every route and every public method the product adds or inherits, fed
what an attacker would send: NUL bytes, lone surrogates, ids past
PostgreSQL's integers, wrong types, missing and foreign ids, as an anonymous
visitor, a portal customer and another agency's staff. Nothing may answer
500, and the server log may hold no ERROR (MinicrmAttackCase).

The routes and methods are enumerated from the routing map and the
registry, not listed by hand: a route or a method added later is fuzzed
too."""
import inspect
import re

from odoo.tests.common import PORT, at_install, post_install

from odoo.addons.minicrm_agency.tests.common import PASSWORD, MinicrmAttackCase

PRODUCT_MODULES = ("odoo.addons.minicrm_agency", "odoo.addons.base_access_hardening")
# Routes that end the session or manage databases: fuzzing them proves
# nothing about the product and would log the client out mid-walk.
SKIPPED_PATHS = re.compile(r"/web/session/(logout|destroy)|/web/database/|/longpolling/")
CSRF_RE = re.compile(r'name="csrf_token" value="([^"]+)"')
PLACEHOLDER = re.compile(r"<(?:[^:>]+:)?[^>]+>")
# URL segments: a NUL, a lone surrogate (UTF-8 of U+D800), ids PostgreSQL
# cannot hold, a missing id and a word where a number is due.
URL_VALUES = ("%00", "x%00y", "%ED%A0%80", "2147483648", "99999999999999999999", "0", "abc")
# Query and JSON values: the same, with wrong types.
PARAM_VALUES = ("\x00", "x\x00y", "\ud800", 2 ** 31, 10 ** 30, -1, "abc", [], {"a": 1}, None)
JSON_PARAM_VALUES = ("x\x00y", "\ud800", 2 ** 63, "abc", [1, "\x00"], {"a": 1}, None)


def as_sent(value):
    """A parameter as a client puts it on the wire: a lone surrogate is
    sent as its (invalid) UTF-8 bytes."""
    return str(value).encode("utf-8", "surrogatepass")


def is_product_class(cls):
    return cls.__module__.startswith(PRODUCT_MODULES)


def defining_class(cls, name):
    return next((klass for klass in cls.__mro__ if name in vars(klass)), cls)


def product_routes(env):
    """(path pattern, routing, parameter names) of every route whose
    handler the product defines or overrides."""
    routes = []
    for rule in env["ir.http"].routing_map().iter_rules():
        endpoint = rule.endpoint
        controller = getattr(endpoint.method, "__self__", None)
        if controller is None or SKIPPED_PATHS.search(rule.rule) or not is_product_class(
                defining_class(type(controller), endpoint.method.__name__)):
            continue
        try:
            names = [name for name, parameter in
                     inspect.signature(endpoint.method).parameters.items()
                     if parameter.kind in (parameter.POSITIONAL_OR_KEYWORD,
                                           parameter.KEYWORD_ONLY)]
        except (TypeError, ValueError):
            names = []
        routes.append((rule.rule, endpoint.routing, names))
    return sorted(routes, key=lambda route: route[0])


def product_methods(env):
    """(model, method) of every public method the product's classes of
    that model define (not those the hardening adds to every model)."""
    methods = set()
    for model_name in env.registry:
        for klass in type(env[model_name]).__mro__:
            inherits = getattr(klass, "_inherit", None) or []
            inherits = [inherits] if isinstance(inherits, str) else inherits
            if not klass.__module__.startswith(PRODUCT_MODULES) or (
                    getattr(klass, "_name", None) != model_name and model_name not in inherits):
                continue
            for name, value in vars(klass).items():
                if not name.startswith("_") and callable(value) and \
                        not isinstance(value, type):
                    methods.add((model_name, name))
    return sorted(methods)


@at_install(False)
@post_install(True)
class TestRouteFuzz(MinicrmAttackCase):

    def setup_http_fixtures(self):
        self.link_portal_login(self.customer_a.with_env(type(self).env), PASSWORD)

    def request(self, failures, label, method, url, **kwargs):
        errors_before = len(self.errors.records)
        try:
            answer = getattr(self.opener, method)(url, timeout=60, allow_redirects=False,
                                                  **kwargs)
        except Exception as error:  # a dropped connection is a failure too
            failures.append("%s: %s" % (label, error))
            return
        if answer.status_code >= 500:
            failures.append("%s: HTTP %s" % (label, answer.status_code))
        if len(self.errors.records) > errors_before:
            failures.append("%s: logged %s" % (label, self.errors.records[-1][:200]))

    def fuzz_routes(self, who):
        base = "http://127.0.0.1:%s" % PORT
        failures = []
        login_page = self.opener.get(base + "/web/login", timeout=60)
        match = CSRF_RE.search(login_page.text)
        csrf = match.group(1) if match else ""
        routes = self.in_test_cursor(product_routes)
        self.assertTrue(any(path.startswith("/my") for path, _, _ in routes), routes)
        for path, routing, names in routes:
            kind = routing.get("type", "http")
            for value in URL_VALUES if PLACEHOLDER.search(path) else ("",):
                url = base + PLACEHOLDER.sub(value, path)
                if kind == "json":
                    for param in JSON_PARAM_VALUES:
                        self.request(failures, "%s %s %r" % (who, url, param), "post", url, json={
                            "jsonrpc": "2.0", "method": "call", "id": 1,
                            "params": {name: param for name in names}})
                elif "POST" in (routing.get("methods") or ["GET"]):
                    for param in PARAM_VALUES:
                        data = {name: as_sent(param) for name in names}
                        data["csrf_token"] = csrf
                        self.request(failures, "%s POST %s %r" % (who, url, param), "post", url,
                                     data=data)
                else:
                    self.request(failures, "%s GET %s" % (who, url), "get", url)
                    for param in PARAM_VALUES:
                        self.request(failures, "%s GET %s %r" % (who, url, param), "get", url,
                                     params={name: as_sent(param) for name in names})
        return failures

    def test_routes_answer_cleanly_to_anyone(self):
        failures = self.fuzz_routes("anonymous")
        self.login(self.customer_a.email, PASSWORD)
        failures += self.fuzz_routes("portal customer")
        self.login("staff_b1", PASSWORD)
        failures += self.fuzz_routes("agency B staff")
        self.errors.records[:] = []
        self.assertEqual(failures, [], "\n".join(failures))

    def test_public_methods_answer_cleanly_to_another_agency(self):
        self.login("staff_b1", PASSWORD)
        foreign = {"res.partner": self.customer_a.id, "minicrm.booking": self.booking_a.id}
        failures = []
        for model, method in self.in_test_cursor(product_methods):
            foreign_args = [[[foreign[model]]]] if model in foreign else []
            for args in [[[2 ** 31]], [[10 ** 30]], [["\x00"]], [["\ud800"]], [[0]],
                         [{"a": "\x00"}]] + foreign_args:
                errors_before = len(self.errors.records)
                answer = self.call_kw(model, method, args)
                if len(self.errors.records) > errors_before:
                    failures.append("%s.%s%r: logged %s" % (
                        model, method, args, self.errors.records[-1][:200]))
                elif "result" in answer and args in foreign_args and \
                        method.startswith("action_") and answer["result"]:
                    failures.append("%s.%s on another agency's ids returned %r" % (
                        model, method, answer["result"]))
        self.errors.records[:] = []
        self.assertEqual(failures, [], "\n".join(failures))
