# The commands a person types. `make run` and `make test` work on a fresh machine with
# Python 3.11 and Node.js >= 20.19 (for the PWA build); `make test` adds Debian's chromium.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
PY := $(BIN)/python
PG_URL ?= postgres://postgres@127.0.0.1:5432/ippo
REDIS_URL ?= redis://127.0.0.1:6379

FRONTEND := frontend
# The PWA build lands in server/web/static/app/ (gitignored); its Vite manifest is the stamp.
APP_BUILT := server/web/static/app/.vite/manifest.json
# The guide's chapters and self-check in content/ are bundled into the app too.
FRONTEND_SOURCES := $(shell find $(FRONTEND)/src content -type f 2>/dev/null) \
	$(wildcard $(FRONTEND)/*.ts) $(FRONTEND)/tsconfig.json $(FRONTEND)/package.json
CHROMIUM := /usr/bin/chromium

.PHONY: install run test test-sqlite test-distributed test-frontend lint messages bench clean \
	chromium fuzz bench-smoke

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

# Installed again only when the lock file changed (npm keeps its own copy in node_modules/).
# `npm install` with the committed lock, not `npm ci`: the registry this project builds from
# carries only this platform's builds of rollup's optional binaries, so the lock cannot list
# the others and `npm ci` refuses it as out of sync; `npm install` installs the locked
# versions all the same and leaves the lock unchanged.
$(FRONTEND)/node_modules/.package-lock.json: $(FRONTEND)/package-lock.json
	@command -v npm >/dev/null || { echo "Node.js >= 20.19 with npm is needed to build the PWA" >&2; exit 1; }
	cd $(FRONTEND) && npm install --no-audit --no-fund --loglevel=error
	touch $@

# Rebuilt only when a source file, the config or the dependencies changed.
$(APP_BUILT): $(FRONTEND)/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd $(FRONTEND) && npm run build --silent
	touch $@

install: $(VENV)/.installed $(APP_BUILT)

# The browser the end-to-end tests drive: Debian's package, never a Playwright download.
chromium:
	@test -x $(CHROMIUM) || { \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq chromium; fi; }

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

test: install messages lint test-frontend chromium test-sqlite test-distributed bench-smoke

# Type check and unit tests of the PWA (store, sync client) in Node.
test-frontend: install
	cd $(FRONTEND) && npx tsc --noEmit && npx vitest run

# Everything, including tests/e2e/ (real Chromium against a live server), on SQLite.
test-sqlite:
	$(BIN)/pytest -q

# Again on PostgreSQL with Celery on Redis where they answer; under CI=true they must.
test-distributed:
	@if $(PY) -m tests.services "$(PG_URL)" "$(REDIS_URL)"; then \
		DATABASE_URL="$(PG_URL)" CELERY_BROKER_URL="$(REDIS_URL)/15" CACHE_URL="$(REDIS_URL)/14" \
			$(BIN)/pytest -q -m "not e2e"; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true: PostgreSQL and Redis are required for the distributed run" >&2; exit 1; \
	else \
		echo "PostgreSQL or Redis not reachable: skipping the distributed run"; \
	fi

# schemathesis against /api/schema/ with a bigger budget than `make test` gives it (which runs
# the same tests with 20 examples per operation); FUZZ_EXAMPLES=2000 make fuzz for more.
fuzz: install
	FUZZ_EXAMPLES=$(or $(FUZZ_EXAMPLES),500) $(BIN)/pytest -q -m fuzz

# Every benchmark once with tiny sizes (2–3 minutes in all), so that a benchmark that no
# longer runs fails the build; a missed target does not (at these sizes ratios are noise).
# The PostgreSQL and Redis ones run where those answer; under CI=true they must. Their
# databases (..._smoke) and Redis db 13 are not the full runs' ones.
bench-smoke: install chromium
	$(PY) bench/sync.py --smoke --db sqlite
	$(PY) bench/frontend.py --smoke
	@if $(PY) -m tests.services "$(PG_URL)" "$(REDIS_URL)"; then \
		$(PY) bench/sync.py --smoke --db postgres --pg-url "$(PG_URL)" && \
		$(PY) bench/load.py --smoke --pg-url "$(PG_URL)" && \
		$(PY) bench/summaries.py --smoke --pg-url "$(PG_URL)" --redis-url "$(REDIS_URL)/13"; \
	elif [ "$$CI" = "true" ]; then \
		echo "CI=true: PostgreSQL and Redis are required for the benchmarks' smoke run" >&2; exit 1; \
	else \
		echo "PostgreSQL or Redis not reachable: skipping the PostgreSQL benchmarks' smoke run"; \
	fi

bench: install
	$(PY) bench/sync.py --db sqlite
	$(PY) bench/sync.py --db postgres --pg-url "$(PG_URL)"
	$(PY) bench/load.py --pg-url "$(PG_URL)" --duration $(or $(BENCH_DURATION),60)
	$(PY) bench/summaries.py --pg-url "$(PG_URL)" --redis-url "$(REDIS_URL)/11"
	$(PY) bench/frontend.py

clean:
	rm -rf var/test $(VENV)
