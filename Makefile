# The two commands of the quick start:
#   make run    set up, migrate, seed the demo and serve on http://127.0.0.1:8000
#   make test   set up and run every test (lint, migrations check, unit, browser)
# Everything else here is a step of those two.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
DEV := DJANGO_DEBUG=1
PYTEST_ARGS ?=

.PHONY: run test setup setup-test system system-test messages migrate seed serve \
        lint check-migrations unit e2e test-postgres bench clean

run: setup migrate seed serve

test: setup-test lint check-migrations unit e2e

# --- setup -------------------------------------------------------------------

system:
	bin/install-system-packages run

system-test:
	bin/install-system-packages test

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

setup: system $(VENV)/.installed messages

setup-test: system-test $(VENV)/.installed-dev node_modules/.installed messages

messages: $(VENV)/.installed
	$(DEV) $(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

# --- run ---------------------------------------------------------------------

migrate:
	$(DEV) $(MANAGE) migrate --noinput -v 0

seed:
	$(DEV) $(MANAGE) seed_demo
	$(DEV) $(MANAGE) rebuild_index --noinput -v 0

serve:
	bin/dev-server

# --- tests -------------------------------------------------------------------

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

check-migrations:
	$(DEV) $(MANAGE) makemigrations --check --dry-run

unit:
	$(BIN)/pytest -m "not e2e" -n 2 $(PYTEST_ARGS)

e2e:
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

# The suite again on a real PostgreSQL server and Redis, started for the run.
test-postgres: setup-test
	bin/with-services $(BIN)/pytest -m "not e2e" -n 2 $(PYTEST_ARGS)

bench:
	@echo "Benchmarks: see bench/README.md (e.g. $(BIN)/python bench/pages.py)"

clean:
	rm -rf var test-artifacts .pytest_cache
