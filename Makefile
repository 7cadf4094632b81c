# Riftwalker — `make play` to play locally, `make test` to check everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: install play run migrate test lint bench browser clean

## The game's runtime only (what `make play` needs).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(STAMP)

## The runtime with the test and lint tools.
$(DEV_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(DEV_STAMP)

install: $(DEV_STAMP)

## The whole game in the browser, a Telegram-like chat (`riftwalker play --terminal`: in this terminal);
## embedded PostgreSQL and Redis, no token.
PLAY_ARGS ?=
play: $(STAMP)
	$(BIN)/riftwalker play $(PLAY_ARGS)

## The bot on Telegram (needs BOT_TOKEN, DATABASE_URL, REDIS_URL).
run: $(STAMP)
	$(BIN)/riftwalker run

migrate: $(STAMP)
	$(BIN)/riftwalker migrate

lint: $(DEV_STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Contracts, lint and every test, against real PostgreSQL and Redis (found on this machine, or embedded).
## Chromium from the system's packages for the browser tests, where it is missing and can be installed.
browser:
	@scripts/browser_deps.sh

test: lint browser
	@eval "$$($(BIN)/python scripts/test_services.py)"; $(BIN)/pytest $(PYTEST_ARGS)

## Benchmarks (servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_…, else embedded; the Redis db is FLUSHED).
## broadcast.py's default (10,000 messages at 30 msg/s, two rows) takes over 11 minutes;
## `make bench BROADCAST_ARGS="--rate 300"` is a quick, scaled run of it (same players, ten times the limit: ~2 minutes).
BROADCAST_ARGS ?=
bench: $(DEV_STAMP)
	$(BIN)/python benchmarks/snapshot.py
	$(BIN)/python benchmarks/actions.py
	$(BIN)/python benchmarks/split.py
	$(BIN)/python benchmarks/boss.py
	$(BIN)/python benchmarks/exchange.py
	$(BIN)/python benchmarks/broadcast.py $(BROADCAST_ARGS)
	$(BIN)/python benchmarks/arena.py
	$(BIN)/python benchmarks/balance.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache
