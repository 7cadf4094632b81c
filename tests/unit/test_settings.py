"""Settings with a fixed set of values refuse any other, so a typo stops start-up instead of misbehaving."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.config import InvalidSettings, Settings, load_settings


def test_named_choices_accept_any_case() -> None:
    settings = Settings(
        _env_file=None, game_transport="HTTP", default_locale=" Ru", log_level="debug", event_loop="AsyncIO"
    )
    assert (settings.game_transport, settings.default_locale, settings.log_level) == ("http", "ru", "DEBUG")
    assert settings.event_loop == "asyncio"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("GAME_TRANSPORT", "grpc"),
        ("DEFAULT_LOCALE", "de"),
        ("LOG_LEVEL", "loud"),
        ("LOG_LEVEL", ""),
        ("EVENT_LOOP", "trio"),
    ],
)
def test_a_value_outside_the_choices_is_refused(monkeypatch: pytest.MonkeyPatch, variable: str, value: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValidationError):
        Settings(_env_file=None)
    with pytest.raises(InvalidSettings) as refused:
        load_settings(_env_file=None)
    assert f"{variable}=" in str(refused.value)


def test_the_message_names_every_bad_variable_and_what_would_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GAME_TRANSPORT", "grpc")
    monkeypatch.setenv("SNAPSHOT_INTERVAL_MINUTES", "0")
    with pytest.raises(InvalidSettings) as refused:
        load_settings(_env_file=None)
    message = str(refused.value)
    assert "GAME_TRANSPORT='grpc'" in message and "'inprocess' or 'http'" in message
    assert "SNAPSHOT_INTERVAL_MINUTES" in message


def test_a_secret_is_never_echoed() -> None:
    with pytest.raises(InvalidSettings) as refused:
        load_settings(_env_file=None, bot_token=12345)
    message = str(refused.value)
    assert "BOT_TOKEN=<hidden>" in message and "12345" not in message


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("postgresql://u@h:5432/db", "postgresql+asyncpg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+asyncpg://u@h/db"),
        ("postgresql+asyncpg://u@h/db", "postgresql+asyncpg://u@h/db"),
    ],
)
def test_a_plain_postgresql_url_gets_the_driver(given: str, kept: str) -> None:
    assert Settings(_env_file=None, database_url=given).database_url == kept


def test_a_password_in_a_refused_url_is_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "mysql://root:hunter2@db/riftwalker")
    monkeypatch.setenv("REDIS_URL", "redis:/:hunter3@cache")
    with pytest.raises(InvalidSettings) as refused:
        load_settings(_env_file=None)
    message = str(refused.value)
    assert "DATABASE_URL='mysql://root:***@db/riftwalker'" in message and "REDIS_URL=" in message
    assert "hunter2" not in message and "hunter3" not in message
