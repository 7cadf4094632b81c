"""Reads the content files shipped in `game/content/` (or another folder) and validates them."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from game.domain.content import Content, build_content
from game.domain.errors import ContentError


def load_content(folder: Path | None = None) -> Content:
    root = Path(folder) if folder else Path(str(resources.files("game.content")))
    files = {}
    for path in sorted(root.glob("*.json")):
        try:
            files[path.name] = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise ContentError(path.name, "*", f"not valid JSON (line {exc.lineno}): {exc.msg}") from None
    return build_content(files)
