# The two set-up commands of the README: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install run test test-fast lint fmt bench seed check messages compilemessages clean screenshots

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} PORT=$(PORT) $(BIN)/python manage.py runall

test: install
	$(BIN)/python -m pytest

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fmt: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

seed: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} $(BIN)/python manage.py seed_demo

# docs/screenshots/layout/: the main pages on a laptop (1,366 px) and a phone (390 px), taken with
# Playwright and Chromium from a portal seeded with the demo data (seeded first if empty).
SCREENSHOT_PORT ?= 8765
CHROMIUM ?= /usr/bin/chromium
screenshots: install
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --verbosity 0
	DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo --if-empty
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(SCREENSHOT_PORT) --noreload --insecure & \
	  server=$$!; trap "kill $$server" EXIT; \
	  for i in $$(seq 60); do curl -fs -o /dev/null http://127.0.0.1:$(SCREENSHOT_PORT)/ && break; sleep 1; done; \
	  $(BIN)/python bench/screenshots.py --base-url http://127.0.0.1:$(SCREENSHOT_PORT) --chromium $(CHROMIUM)

bench: install
	$(BIN)/python bench/run.py

check: install
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# Translations: `makemessages` also collects N_() (gettext_noop) marks; the .mo is committed.
I18N_IGNORE := --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=node_modules
messages: install
	DJANGO_DEBUG=true $(BIN)/python manage.py makemessages -l fr -l ar -l zh_Hans -l ru -l es --no-obsolete $(I18N_IGNORE)

compilemessages: install
	DJANGO_DEBUG=true $(BIN)/python manage.py compilemessages $(I18N_IGNORE)

clean:
	rm -rf $(VENV) var/celery-broker var/staticfiles
