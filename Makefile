# zwgk: `make run` serves the portal and the workbench with demo data; `make test` runs every test.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
UV_VERSION := 0.9.8

.PHONY: install run serve test lint bench-privacy clean

$(VENV)/.installed: pyproject.toml uv.lock
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --upgrade >/dev/null
	$(PY) -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	VIRTUAL_ENV=$(abspath $(VENV)) $(VENV)/bin/uv sync --frozen --inexact --active --quiet
	touch $@

# Dev-only npm tools (axe-core for the browser tests' WCAG 2.1 AA checks), from package-lock.json.
# npm ci reinstalls only when the lock is newer than what it last installed; no install scripts run.
# Without npm (a production host) the site still installs; the axe tests then say they are skipped.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --ignore-scripts --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: axe-core not installed (only the browser accessibility tests need it)"; fi

install: $(VENV)/.installed node_modules/.package-lock.json

# DEBUG is off (what a county bureau runs): our own 404/500 pages, static files by WhiteNoise.
# Developers: `DEBUG=1 make run`.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "门户网站: http://$(HOST):$(PORT)/   工作台: http://$(HOST):$(PORT)/workbench/"
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

# The production set-up in the foreground: nginx (Debian's nginx-light) serving the static tree
# in front of gunicorn, plus the Celery worker and beat when REDIS_URL is set. Needs
# ZWGK_ENV=production, SECRET_KEY and ALLOWED_HOSTS; honours PORT (see zwgk/publishing/front.py).
serve: install
	PORT=$(PORT) HOST=$(HOST) $(PY) -m zwgk.publishing.front

lint: install
	$(VENV)/bin/ruff check .

test: install
	scripts/test

# Masking recall and precision on the test corpus (issue: masking of private data, Art. 32).
bench-privacy: install
	$(PY) bench/privacy_recall.py

clean:
	rm -rf $(VENV) var node_modules
