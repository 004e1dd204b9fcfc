# Quick start: `make demo` serves the demo database, `make test` runs the suite.
.PHONY: setup demo test lint

setup:          ## install what is missing and start PostgreSQL
	bash scripts/setup.sh

demo:           ## set up, create or reuse the demo database, serve it on :8069
	bash scripts/demo.sh

test:           ## set up, install the addon on a throwaway database, run all tests
	bash scripts/test.sh

lint:           ## pylint (OCA pylint-odoo plugin) and flake8; fatal on errors
	bash scripts/lint.sh
