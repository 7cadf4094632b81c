# Riftwalker — `make play` to play locally, `make test` to check everything.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install play run migrate test lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## The whole game in this terminal: embedded PostgreSQL and Redis, no token.
play: $(STAMP)
	$(BIN)/riftwalker play

## The bot on Telegram (needs BOT_TOKEN, DATABASE_URL, REDIS_URL).
run: $(STAMP)
	$(BIN)/riftwalker run

migrate: $(STAMP)
	$(BIN)/riftwalker migrate

lint: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## Contracts, lint and every test, against real PostgreSQL and Redis (found on this machine, or embedded).
test: lint
	@eval "$$($(BIN)/python scripts/test_services.py)"; $(BIN)/pytest $(PYTEST_ARGS)

## Benchmarks (servers: BENCH_DATABASE_URL / BENCH_REDIS_URL, else TEST_…, else embedded; the Redis db is FLUSHED).
## broadcast.py's default (10,000 messages at 30 msg/s, two rows) takes over 11 minutes;
## `make bench BROADCAST_ARGS="--rate 300"` is a quick, scaled run of it (same players, ten times the limit: ~2 minutes).
BROADCAST_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/snapshot.py
	$(BIN)/python benchmarks/actions.py
	$(BIN)/python benchmarks/split.py
	$(BIN)/python benchmarks/boss.py
	$(BIN)/python benchmarks/broadcast.py $(BROADCAST_ARGS)
	$(BIN)/python benchmarks/balance.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .import_linter_cache
