# Two commands for a new user: `make run` and `make test`. Everything they need is installed here.
PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app api
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# node runs this many test files at once (its default leaves one core idle)
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: run test lint bench weights install install-dev system-deps clean

## run: install, migrate, import the bundles, make the instance secrets and push keys,
## serve on http://$(HOST):$(PORT) with a push worker beside the web server
run: install instance/secret_key
	$(FLASK) db upgrade
	$(FLASK) bundles import
	$(FLASK) push keys
	@echo "Serving on http://$(HOST):$(PORT)/ with a push worker beside it (Ctrl-C stops both)"
	@$(FLASK) push worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/gunicorn --bind $(HOST):$(PORT) --workers 2 --access-logfile - wsgi:app

## test: install what the tests need (Chromium from Debian included) and run every test
test: install-dev system-deps node_modules/.installed
	$(BIN)/pytest -q
	node --test --test-concurrency=$(JOBS) tests/js/

## lint: ruff over the Python code
lint: install-dev
	$(BIN)/ruff check api tests bench shared_rules wsgi.py

## bench: speed figures, each against a reference measured in the same run
bench: install-dev system-deps node_modules/.installed
	node bench/analyser.mjs
	$(BIN)/python bench/pwa.py
	$(BIN)/python bench/push.py

## weights: retrain the analyser's word weights from the labelled drafts in tests/js/corpus/
weights: install-dev
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-train.txt
	$(BIN)/python shared_rules/train_weights.py

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(VENV)/.installed: requirements.txt
	@command -v node >/dev/null || { echo "Node.js is needed to check rule examples: apt-get install nodejs"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

system-deps:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

instance/secret_key:
	@mkdir -p instance
	@umask 077 && $(PYTHON) -c "import secrets; print(secrets.token_hex(32))" > $@
	@echo "Created $@ (keep it secret; it is not in git)."

clean:
	rm -rf $(VENV) node_modules instance/*.db test-artifacts
