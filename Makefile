# The commands a person types. `make run` and `make test` work on a fresh machine with Python 3.11.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PY := $(BIN)/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/ippo
REDIS_URL ?= redis://127.0.0.1:6379

.PHONY: install run test test-sqlite test-distributed lint messages bench clean

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

# Compiled catalogues are built, not committed.
messages: install
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq gettext)
	DEBUG=True $(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=frontend --ignore=var

# The embedded default: SQLite, filesystem broker, file email, all under var/.
run: install messages
	DEBUG=True $(PY) manage.py migrate --noinput
	@echo ""
	@echo "  Ippo is starting: open http://127.0.0.1:8000/ (emails land in var/mail/)"
	@echo ""
	DEBUG=True PATH="$(BIN):$$PATH" WORKER_ARGS="--beat --without-mingle --without-gossip" \
		$(BIN)/honcho start web worker

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install messages lint test-sqlite test-distributed

test-sqlite:
	$(BIN)/pytest -q

# Again on PostgreSQL with Celery on Redis where they answer; under CI=true they must.
test-distributed:
	@if $(PY) -m tests.services "$(PG_URL)" "$(REDIS_URL)"; then \
		DATABASE_URL="$(PG_URL)" CELERY_BROKER_URL="$(REDIS_URL)/15" CACHE_URL="$(REDIS_URL)/14" \
			$(BIN)/pytest -q; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true: PostgreSQL and Redis are required for the distributed run" >&2; exit 1; \
	else \
		echo "PostgreSQL or Redis not reachable: skipping the distributed run"; \
	fi

bench: install
	@echo "No benchmarks yet."

clean:
	rm -rf var/test $(VENV)
