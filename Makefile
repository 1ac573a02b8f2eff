# The two set-up commands of the README: `make run` and `make test`. Only Python 3.11+ is needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000

.PHONY: install run test test-fast lint typecheck fmt bench seed check messages compilemessages check-messages screenshots screenshots-admin screenshots-i18n clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is required"'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $(STAMP)

install: $(STAMP)

run: install
	DJANGO_DEBUG=$${DJANGO_DEBUG:-true} PORT=$(PORT) $(BIN)/python manage.py runall

# Two pytest-xdist workers; a worker that runs out of tests takes half of the other's remaining
# ones (worksteal), so the long browser files at the end do not leave one worker idle. Each
# worker has its own test database and Redis databases (wsis_portal/test_settings.py).
# PYTEST_WORKERS=0 runs the suite in one process.
PYTEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist worksteal

test-fast: install
	$(BIN)/python -m pytest -m "not browser"

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# Types (mypy with django-stubs, config in pyproject.toml) and the dependency rule between apps
# (import-linter contracts in pyproject.toml); docs/architecture.md explains both.
typecheck: install
	$(BIN)/mypy
	$(BIN)/lint-imports

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

# docs/screenshots/admin/: the Secretariat's admin for docs/processes.md, signed in with the local
# admin account (ensure_admin); actions are taken as far as their confirmation page only.
screenshots-admin: install
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --verbosity 0
	DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo --if-empty
	DJANGO_DEBUG=true $(BIN)/python manage.py ensure_admin
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(SCREENSHOT_PORT) --noreload --insecure & \
	  server=$$!; trap "kill $$server" EXIT; \
	  for i in $$(seq 60); do curl -fs -o /dev/null http://127.0.0.1:$(SCREENSHOT_PORT)/ && break; sleep 1; done; \
	  $(BIN)/python bench/admin_screenshots.py --base-url http://127.0.0.1:$(SCREENSHOT_PORT) --chromium $(CHROMIUM)

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

# Every catalogue: placeholders intact, then the counts (no untranslated, no fuzzy wanted).
check-messages:
	for po in locale/*/LC_MESSAGES/django.po; do msgfmt --check-format --statistics -o /dev/null $$po || exit 1; done

# Screenshots of the main pages in the six languages (tests/browser/test_languages.py; needs
# PostgreSQL, Redis and Chromium like `make test`), into docs/screenshots/languages/<language>/.
screenshots-i18n: install
	WSIS_SCREENSHOTS_DIR=$(CURDIR)/docs/screenshots/languages $(BIN)/python -m pytest tests/browser/test_languages.py -k read_entirely -p no:cacheprovider -q || true
	ls docs/screenshots/languages/*/

clean:
	rm -rf $(VENV) var/celery-broker var/staticfiles
