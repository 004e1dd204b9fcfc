# Quick start: `make demo` serves the demo database, `make test` runs the suite.
.PHONY: setup demo test test-upstream lint bench-data bench bench-small readme pot check-pot

setup:          ## install what is missing and start PostgreSQL
	bash scripts/setup.sh

demo:           ## set up, create or reuse the demo database, serve it on :8069
	bash scripts/demo.sh

test:           ## set up, install the addon on a throwaway database, run all tests
	bash scripts/test.sh

test-upstream:  ## Odoo's own suites with and without the addon; fails on any regression
	bash scripts/test_upstream.sh

lint:           ## pylint (OCA pylint-odoo plugin) and flake8; fatal on errors
	bash scripts/lint.sh

bench-data:     ## create minicrm_bench with 1M customers and 3M bookings (minutes)
	bash scripts/bench.sh data

bench:          ## time search, list, form and export on minicrm_bench (prints a table)
	bash scripts/bench.sh run

bench-small:    ## bench-data and bench at 20,000 customers on a throwaway database (CI; no timing asserted)
	bash scripts/bench.sh small

pot:            ## regenerate i18n/<addon>.pot of the three addons from the code
	bash scripts/update_pot.sh

check-pot:      ## fail if a committed i18n/<addon>.pot differs from the code's strings
	bash scripts/check_pot.sh

readme:         ## regenerate each addon's README.rst and index.html from readme/*.rst
	.venv/bin/python scripts/gen_readme.py
