# Dialoog: `make run` starts the app with demo data, `make test` runs everything CI runs.
# Steps that install things are stamped, so a second run skips them and starts in seconds.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint types audit pytest migrate demo catalogs extract-messages lock clean help bench-pdf bench-search bench

help:
	@echo "make run    - set up and serve on http://$(HOST):$(PORT) with demo data (SQLite in var/)"
	@echo "make test   - lint, types and the whole test suite (TEST_DATABASE_URL selects PostgreSQL)"
	@echo "make lock   - re-resolve requirements*.lock from pyproject.toml"

# --- setup ---------------------------------------------------------------------------

# pip 23 (what Python 3.11's venv brings) refuses a hash-pinned lock when a dependency asks
# for a package with extras (weasyprint -> fonttools[woff]) and PyPI has a newer release than
# the pin; pip 25 resolves the pin. So the venv's pip is replaced by a pinned one first.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip==25.3

$(VENV)/.installed: requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	touch $@

$(VENV)/.installed-dev: requirements-dev.lock | $(BIN)/python
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(VENV)/.installed $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.copied: node_modules/.installed scripts/copy_vendor.mjs
	node scripts/copy_vendor.mjs
	touch $@

PO_FILES := $(wildcard app/locales/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

app/locales/%/LC_MESSAGES/messages.mo: app/locales/%/LC_MESSAGES/messages.po $(VENV)/.installed
	$(BIN)/pybabel compile -l $* -d app/locales --statistics

catalogs: $(MO_FILES)

# Browser tests use Debian's Chromium (Playwright cannot download browsers here).
/usr/bin/chromium:
	@if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi

# --- run -----------------------------------------------------------------------------

migrate: $(VENV)/.installed
	$(BIN)/alembic upgrade head

demo: migrate
	$(BIN)/python -m app.demo

run: $(VENV)/.installed static/vendor/.copied catalogs demo
	$(BIN)/uvicorn app.main:create_app --factory --host $(HOST) --port $(PORT)

# --- test ----------------------------------------------------------------------------

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check app tests migrations scripts
	$(BIN)/ruff format --check app tests migrations scripts

types: $(VENV)/.installed-dev
	$(BIN)/mypy

# pytest-xdist runs the suite in one worker a core, at most four (CI's machine has two).
# Each worker has its own databases, mail server and live server; a browser journey's tests
# stay together on one worker (--dist loadgroup). PYTEST_WORKERS=0 runs it in one process.
PYTEST_WORKERS ?= $(shell n=$$(nproc 2>/dev/null || echo 2); [ "$$n" -gt 4 ] && n=4; echo $$n)

pytest: $(VENV)/.installed-dev static/vendor/.copied catalogs /usr/bin/chromium
	$(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

# The locked dependencies against known vulnerabilities (pip-audit). Where no vulnerability
# service answers (this build machine: PyPI's per-version API is not mirrored, api.osv.dev
# does not resolve) it says "skipped" and passes; where one answers, a finding fails.
audit: $(VENV)/.installed-dev
	$(BIN)/python scripts/audit_dependencies.py

test: lint types audit pytest

# --- maintenance ---------------------------------------------------------------------

# Extract translatable texts and merge them into the catalogs (then translate nl).
extract-messages: $(VENV)/.installed
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output \
		--project=Dialoog -o app/locales/messages.pot .
	$(BIN)/pybabel update -i app/locales/messages.pot -d app/locales --width 100 --ignore-obsolete \
		--no-fuzzy-matching

lock:
	$(PYTHON) -m venv var/lock-tools && var/lock-tools/bin/pip install --quiet pip-tools==7.6.2
	var/lock-tools/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	var/lock-tools/bin/pip-compile --quiet --strip-extras --generate-hashes --allow-unsafe \
		--no-emit-index-url --no-emit-find-links --extra dev -c requirements.lock \
		-o requirements-dev.lock pyproject.toml

# Times the central white paper's PDF for 250 proposals with product sheets (issue #8 aims
# for under 30 s here). BENCH_DATABASE_URL=postgresql+psycopg://... to seed PostgreSQL instead.
bench-pdf: $(VENV)/.installed
	$(BIN)/python scripts/bench_edition_pdf.py

# The load benchmark: ten times Zeist on PostgreSQL, the app as deployed, wrk at 32 connections.
bench: $(VENV)/.installed /usr/bin/wrk
	$(BIN)/python scripts/bench_load.py $(if $(BENCH_DATABASE_URL),--postgres $(BENCH_DATABASE_URL))

/usr/bin/wrk:
	@if [ "$$(id -u)" = "0" ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; \
	else sudo apt-get update -qq && sudo apt-get install -y -qq wrk >/dev/null; fi

# Times the search on the demo data (issue #11); BENCH_DATABASE_URL adds PostgreSQL.
bench-search: $(VENV)/.installed-dev
	$(BIN)/python scripts/bench_search.py $(if $(BENCH_DATABASE_URL),--postgres $(BENCH_DATABASE_URL))

clean:
	rm -rf $(VENV) node_modules static/vendor var/*.sqlite3* $(MO_FILES)
