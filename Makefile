# Monia: `make run` starts Monia with demo data, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run serve test install lint format messages bench

$(STAMP): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	touch $(STAMP)

install: $(STAMP)

# The demo as a new user meets it: DEBUG off, so a missing page or an error shows Monia's own
# pages; plain HTTP on this machine (no Secure cookies, no HTTPS redirect) with the
# development key, plain log lines, static files from the apps (rundemo), e-mails printed.
# `DEBUG=true make run`: Django's debug pages, for development.
run: $(STAMP)
	DEBUG=$${DEBUG:-false} MONIA_ALLOW_DEV_KEY=true \
	SESSION_COOKIE_SECURE=$${SESSION_COOKIE_SECURE:-false} MONIA_LOG_FORMAT=$${MONIA_LOG_FORMAT:-plain} \
	MONIA_DEMO_DATABASE=true MONIA_DEMO_IDENTIFICATION=$${MONIA_DEMO_IDENTIFICATION:-true} \
	$(BIN)/python manage.py rundemo

# Production on one machine: gunicorn's workers and the task worker (docs/deployment.md).
serve: $(STAMP)
	bash scripts/serve.sh

test: $(STAMP)
	bash scripts/test.sh

# Every figure of docs/performance.md's issue-15 table again, then the table (long).
bench: $(STAMP)
	bash scripts/bench.sh

lint: $(STAMP)
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

# Refresh the .po files after changing visible strings (needs GNU gettext).
messages: $(STAMP)
	$(BIN)/python manage.py makemessages -l fi -l sv -l en --no-obsolete --ignore=.venv --ignore=.data
