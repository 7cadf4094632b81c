"""The durable schema (SQLAlchemy Core). Alembic migrations create it; this is their source of truth."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Integer,
    MetaData,
    Table,
    Text,
    func,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

characters = Table(
    "characters",
    metadata,
    Column("player_id", BigInteger, primary_key=True, autoincrement=False),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False, unique=True),
    Column("class_id", Text, nullable=False),
    Column("level", Integer, nullable=False),
    Column("xp", BigInteger, nullable=False),
    Column("gold", BigInteger, nullable=False),
    Column("strength", Integer, nullable=False),
    Column("agility", Integer, nullable=False),
    Column("intellect", Integer, nullable=False),
    Column("vitality", Integer, nullable=False),
    Column("stat_points", Integer, nullable=False),
    Column("skill_points", Integer, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

# Hot state as of the last snapshot. Rewritten every few minutes, so it lives apart from `characters`
# and leaves half of each page free: updates stay on their page (HOT) and skip index maintenance.
accounts = Table(
    "accounts",
    metadata,
    Column(
        "player_id",
        BigInteger,
        ForeignKey("characters.player_id", ondelete="CASCADE"),
        primary_key=True,
        autoincrement=False,
    ),
    Column("location_id", Text, nullable=False),
    Column("hp", Integer, nullable=False),
    Column("mana", Integer, nullable=False),
    Column("stamina", Double, nullable=False),
    Column("stamina_at", Double, nullable=False),
    Column("activity", Text, nullable=False, server_default="idle"),
    Column("saved_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    postgresql_with={"fillfactor": 50},
)
