"""Settings for every package, read from the environment (and `.env`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import BeforeValidator, Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


# Named choices accept any letter case (`LOG_LEVEL=debug`, as `logging` itself does).
def _lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


def _upper(value: object) -> object:
    return value.strip().upper() if isinstance(value, str) else value


_PASSWORD = re.compile(r":[^:@/\s]*@")
# A bearer token as RFC 6750 writes it (what fits in an Authorization header unquoted).
_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]{16,256}")


def _database_url(value: object) -> object:
    """A PostgreSQL URL for SQLAlchemy's asyncpg driver; a plain `postgresql://` (or `postgres://`) URL, as
    PostgreSQL's own tools write it, gets the driver added."""
    if not isinstance(value, str):
        return value
    url = value.strip()
    scheme, sep, rest = url.partition("://")
    if not sep or not rest:
        raise ValueError("not a URL; PostgreSQL's look like postgresql://user:password@host:5432/database")
    if scheme in {"postgresql", "postgres"}:
        return f"postgresql+asyncpg://{rest}"
    if scheme != "postgresql+asyncpg":
        raise ValueError(f"{scheme}:// is not supported; use postgresql:// (the game talks to PostgreSQL via asyncpg)")
    return url


def _redis_url(value: object) -> object:
    if not isinstance(value, str):
        return value
    url = value.strip()
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in {"redis", "rediss", "unix"} or not rest:
        raise ValueError("not a Redis URL; they look like redis://host:6379/0 (or rediss://, unix://)")
    return url


def hide_password(url: str) -> str:
    """The URL with any password (`:secret@`) replaced by ***, fit to print, malformed or not."""
    scheme, sep, rest = url.partition("://")
    credentials, at, place = rest.rpartition("@")
    if sep and at and ":" in credentials:
        return f"{scheme}{sep}{credentials.partition(':')[0]}:***@{place}"
    return _PASSWORD.sub(":***@", url)


EventLoop: TypeAlias = Annotated[Literal["uvloop", "asyncio"], BeforeValidator(_lower)]
EventTransport: TypeAlias = Annotated[Literal["redis", "rabbitmq"], BeforeValidator(_lower)]
GameTransport: TypeAlias = Annotated[Literal["inprocess", "http"], BeforeValidator(_lower)]
Locale: TypeAlias = Annotated[Literal["en", "ru"], BeforeValidator(_lower)]
LogFormat: TypeAlias = Annotated[Literal["text", "json"], BeforeValidator(_lower)]
LogLevel: TypeAlias = Annotated[Literal["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"], BeforeValidator(_upper)]


class InvalidSettings(ValueError):
    """The environment names a setting that cannot be: start-up stops with this message."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = Field(default=None, description="Telegram bot token (for `riftwalker run`).")
    telegram_api_url: str | None = Field(
        default=None, description="A Bot API server of your own (e.g. http://127.0.0.1:8081); Telegram's by default."
    )
    database_url: Annotated[str, BeforeValidator(_database_url)] = Field(
        default="postgresql+asyncpg://postgres@127.0.0.1:5432/riftwalker",
        description="PostgreSQL, SQLAlchemy async URL.",
    )
    redis_url: Annotated[str, BeforeValidator(_redis_url)] = Field(
        default="redis://127.0.0.1:6379/0", description="Redis URL."
    )
    snapshot_interval_minutes: float = Field(
        default=5.0, gt=0, description="How often hot state is copied from Redis to PostgreSQL."
    )
    snapshot_chunk_rows: int = Field(
        default=1000, gt=0, description="Accounts read from Redis per batch (one batch holds Redis a few ms)."
    )
    rift_interval_minutes: float = Field(default=20.0, gt=0, description="How often the world may open a rift.")
    rift_duration_minutes: float = Field(default=30.0, gt=0, description="How long a rift stays open.")
    rift_max_open: int = Field(default=3, ge=0, description="Rifts open at once, at most (the job's cap).")
    boss_interval_minutes: float = Field(default=60.0, gt=0, description="How often a world boss may spawn.")
    boss_duration_minutes: float = Field(default=15.0, gt=0, description="How long a world boss stays.")
    world_sweep_seconds: float = Field(
        default=30.0, gt=0, description="How often expired rifts and bosses are closed and live bosses checkpointed."
    )
    # Players together.
    arena_season_check_minutes: float = Field(
        default=5.0, gt=0, description="How often the worker checks whether the arena's weekly season is over."
    )
    game_transport: GameTransport = Field(default="inprocess", description="How callers reach the game.")
    game_http_url: str = Field(default="http://127.0.0.1:8081", description="Game server URL for transport=http.")
    game_api_secret: SecretStr | None = Field(
        default=None,
        description="Shared secret that signs player calls to `serve-game` (both sides of GAME_TRANSPORT=http).",
    )
    game_operator_secret: SecretStr | None = Field(
        default=None,
        description="Shared secret that signs administration, maintenance and world-job calls to `serve-game`.",
    )
    event_transport: EventTransport = Field(
        default="redis", description="Where events travel: a Redis Stream (`redis`) or RabbitMQ (`rabbitmq`)."
    )
    amqp_url: str = Field(
        default="amqp://guest:guest@127.0.0.1:5672/", description="RabbitMQ, for EVENT_TRANSPORT=rabbitmq."
    )
    event_consumer_name: str | None = Field(
        default=None, description="This process's name among the event consumers (default: host-pid-random)."
    )
    event_claim_idle_seconds: float = Field(
        default=60.0,
        gt=0,
        description="An event taken but not acknowledged this long is taken over by another consumer.",
    )
    event_max_deliveries: int = Field(
        default=5,
        ge=1,
        description="Deliveries of an event whose handler keeps failing before it becomes a dead letter.",
    )
    game_seed: int | None = Field(default=None, description="Fix the game's RNG (tests, replays).")
    admin_ids: list[int] = Field(default_factory=list, description="Telegram ids of admins.")
    default_locale: Locale = Field(default="en", description="Language when the player's is unknown.")
    throttle_rate: float = Field(default=3.0, gt=0, description="Updates a second one player may send.")
    throttle_burst: int = Field(default=6, gt=0, description="Updates one player may send at once.")
    play_data_dir: Path = Field(
        default=Path(".riftwalker"), description="Where `riftwalker play` keeps its PostgreSQL and Redis data."
    )
    content_dir: Path | None = Field(
        default=None, description="Load game content from here instead of the built-in files."
    )
    webhook_url: str | None = Field(
        default=None, description="The public https base address Telegram posts updates to (`run --webhook`)."
    )
    webhook_path: str = Field(default="/telegram", pattern=r"^/[A-Za-z0-9_./-]*$", description="The webhook's path.")
    webhook_host: str = Field(default="127.0.0.1", description="Where `run --webhook` listens.")
    webhook_port: int = Field(default=8080, ge=1, le=65535, description="The port `run --webhook` listens on.")
    webhook_secret: SecretStr | None = Field(
        default=None, description="Telegram sends it with every update (X-Telegram-Bot-Api-Secret-Token)."
    )
    log_level: LogLevel = Field(default="INFO")
    event_loop: EventLoop = Field(
        default="uvloop",
        description="The processes' event loop: `uvloop` (asyncio's own where uvloop is not installed) or `asyncio`.",
    )
    # --- the player economy
    exchange_fee_percent: int = Field(
        default=5, ge=0, le=50, description="The exchange's fee, a percentage of what a seller is paid."
    )
    exchange_max_open_orders: int = Field(default=10, ge=1, description="Open exchange orders a player may have.")
    exchange_order_days: float = Field(default=7.0, gt=0, description="Days until an exchange order expires.")
    exchange_expiry_sweep_seconds: float = Field(
        default=60.0, gt=0, description="How often expired exchange orders are closed and their escrow returned."
    )
    daily_reset_hour: int = Field(default=0, ge=0, le=23, description="UTC hour at which a game day (dailies) starts.")
    log_format: LogFormat = Field(
        default="text", description="`json`: one JSON object a line, with the request, update and player ids."
    )
    ops_host: str = Field(
        default="127.0.0.1", description="Where `run` and `worker` serve /healthz, /readyz, /metrics."
    )
    ops_port: int | None = Field(
        default=None,
        ge=0,
        le=65535,
        description="The port of /healthz, /readyz and /metrics (`run`, `worker`); off if unset.",
    )
    metrics_token: SecretStr | None = Field(
        default=None,
        description="The bearer token a scraper presents to read /metrics (`run`, `worker`, `serve-game`); "
        "/metrics is off without it.",
    )

    @field_validator("metrics_token")
    @classmethod
    def _metrics_token_is_its_own(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if value is None:
            return value
        token = value.get_secret_value()
        if len(token) < 16 or not _TOKEN.fullmatch(token):
            raise ValueError("METRICS_TOKEN must be 16 to 256 characters of A-Z, a-z, 0-9 and -._~+/=")
        secrets = (info.data.get("game_api_secret"), info.data.get("game_operator_secret"))
        if any(isinstance(s, SecretStr) and s.get_secret_value() == token for s in secrets):
            # A scraper's configuration is read by more people than the game's signing secrets should be.
            raise ValueError("METRICS_TOKEN must differ from GAME_API_SECRET and GAME_OPERATOR_SECRET")
        return value


def load_settings(**overrides: Any) -> Settings:
    """Settings from the environment (and `.env`), or InvalidSettings naming each bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        problems = [_problem(e["loc"], e["input"], e["msg"]) for e in error.errors(include_url=False)]
        raise InvalidSettings("invalid settings:\n  " + "\n  ".join(problems)) from None


def _problem(loc: tuple[int | str, ...], value: Any, message: str) -> str:
    name = ".".join(str(part) for part in loc)
    field = Settings.model_fields.get(str(loc[0])) if loc else None
    secret = field is not None and "SecretStr" in str(field.annotation)
    shown = "<hidden>" if secret else repr(hide_password(value) if isinstance(value, str) else value)
    return f"{name.upper() or 'settings'}={shown}: {message.removeprefix('Value error, ')}"
