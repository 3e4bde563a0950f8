# Kinerja: `make run` serves the demo, `make test` runs every test. Both start with `make install`.
SHELL := /bin/bash
PY_VERSION := $(shell cat .python-version)
PYTHON ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(PY_VERSION)/bin/python3) $(shell command -v python3.12) python3)
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
UV_VERSION := 0.13.9
PORT ?= 8000
PG_URL ?= postgres://postgres@localhost:5432/kinerja_test
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: install run test test-sqlite test-postgres test-browser-deps postgres-up lint bench messages clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml uv.lock .python-version
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 12), "Kinerja needs Python 3.12+ (pyenv: $(PY_VERSION))"'
	@[ -x $(BIN)/python ] || $(PYTHON) -m venv $(VENV)
	@[ -x $(UV) ] || $(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(UV) sync --frozen --python $(BIN)/python
	@[ -f .env ] || { printf '%s\n' "# Local development (written by make install; production: see .env.example)" \
	  "DJANGO_DEBUG=True" > .env; echo "Wrote .env for local development (DJANGO_DEBUG=True)"; }
	@touch $@

run: install
	@mkdir -p var
	DJANGO_DEBUG=True $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=True $(BIN)/python manage.py seed_demo
	@echo "Kinerja: http://127.0.0.1:$(PORT)/"
	DJANGO_DEBUG=True $(BIN)/python manage.py db_worker & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  DJANGO_DEBUG=True $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Debian packages: chromium (browser tests), poppler-utils (pdftotext in PDF tests), Pango and a font
# (WeasyPrint renders the SKP PDFs with them).
DEB_PACKAGES := chromium poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core libharfbuzz-subset0

test-browser-deps:
	@if ! command -v chromium >/dev/null || ! command -v pdftotext >/dev/null \
	    || ! ldconfig -p | grep -q libpangoft2-1.0 || ! ldconfig -p | grep -q libharfbuzz-subset; then \
	  echo "Installing Debian packages for the browser and PDF tests: $(DEB_PACKAGES)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null) \
	  || (sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null); \
	fi

postgres-up:
	@if ! pg_isready -h localhost -p 5432 -q 2>/dev/null; then \
	  if command -v pg_ctlcluster >/dev/null && ls /etc/postgresql/*/main >/dev/null 2>&1; then \
	    v=$$(ls /etc/postgresql | sort -V | tail -1); echo "Starting PostgreSQL $$v cluster"; \
	    pg_ctlcluster $$v main start || sudo pg_ctlcluster $$v main start || true; sleep 2; \
	  fi; \
	fi

test: install test-browser-deps postgres-up
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

test-sqlite:
	@echo "== kinerja.aturan: its own tests must cover 100% of its branches =="
	DJANGO_DEBUG=True $(BIN)/python -m pytest -q -p no:cacheprovider kinerja/aturan \
	  --cov=kinerja/aturan --cov-branch --cov-report=term:skip-covered --cov-fail-under=100
	@echo "== tests on SQLite =="
	DJANGO_DEBUG=True $(BIN)/python -m pytest -q -p no:cacheprovider

test-postgres:
	@if pg_isready -h localhost -p 5432 -q 2>/dev/null; then \
	  echo "== tests on PostgreSQL =="; \
	  DJANGO_DEBUG=True DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -q -p no:cacheprovider -m "not browser"; \
	elif [ "$$CI" = "true" ]; then \
	  echo "PostgreSQL on localhost:5432 is required in CI but is not reachable." >&2; exit 1; \
	else \
	  echo "PostgreSQL tests SKIPPED: no server on localhost:5432 (start one, or set PG_URL)."; \
	fi

lint: install
	$(BIN)/ruff check .
	DJANGO_DEBUG=True $(BIN)/python manage.py makemigrations --check --dry-run

# Translations: the .mo files are committed (a fresh machine needs no gettext); after editing the
# English catalogue, run `make messages` (needs gettext) and commit both files.
messages: install
	DJANGO_DEBUG=True $(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=var --ignore=bench --no-obsolete
	DJANGO_DEBUG=True $(BIN)/python manage.py compilemessages -l en --ignore=.venv

bench: install
	DJANGO_DEBUG=True $(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var/static
