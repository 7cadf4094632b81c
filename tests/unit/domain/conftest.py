from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from game.domain.content import Content, build_content


def _shipped_files() -> dict[str, Any]:
    root = Path(str(resources.files("game.content")))
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted(root.glob("*.json"))}


_FILES = _shipped_files()
_CONTENT = build_content(_FILES)


@pytest.fixture
def raw_files() -> dict[str, Any]:
    """The shipped files as parsed JSON, a fresh copy to break at will."""
    return copy.deepcopy(_FILES)


@pytest.fixture(scope="session")
def content() -> Content:
    return _CONTENT
