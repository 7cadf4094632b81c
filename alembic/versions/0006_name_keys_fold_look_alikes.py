"""name keys fold letters that only look alike across alphabets ("Аlaric" with a Cyrillic А is "alaric")

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

Data only: each existing key is folded as new names are. Where two existing names fold to one key, the
older keeps it and the newer keeps its old key (it stays findable; nobody is renamed).
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The fold as it was when this migration was written (migrations do not follow later code).
_LOOK_ALIKES = str.maketrans("аеорсухкмтвнізјѕԁɡοαβεικνρτυχ", "aeopcyxkmtbhi3jsdgoabeikvptux")


def _key(name: str) -> str:
    return unicodedata.normalize("NFKC", name).strip().casefold().translate(_LOOK_ALIKES)


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT player_id, name, name_key FROM characters ORDER BY created_at, player_id"))
    taken = {key for _, _, key in rows}
    rows = conn.execute(sa.text("SELECT player_id, name, name_key FROM characters ORDER BY created_at, player_id"))
    for player_id, name, key in rows.all():
        folded = _key(name)
        if folded == key or folded in taken:
            continue
        conn.execute(sa.text("UPDATE characters SET name_key = :k WHERE player_id = :p"), {"k": folded, "p": player_id})
        taken.discard(key)
        taken.add(folded)


def downgrade() -> None:
    conn = op.get_bind()
    conn.execute(sa.text("UPDATE characters SET name_key = lower(name)"))
