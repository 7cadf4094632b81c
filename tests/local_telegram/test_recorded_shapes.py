"""The local Telegram answers Bot API requests the way Telegram answers them (`bot_api_shapes.json`): the
same status, the same keys, the same values (ids, dates and names only by their type)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from local_telegram import BotApi, Limits, LocalTelegram

TOKEN = "42:recorded-shapes"
PLAYER, BLOCKED = 6001, 6002
CASES = json.loads((Path(__file__).parent / "bot_api_shapes.json").read_text(encoding="utf-8"))["cases"]
TYPES = {"<int>": int, "<str>": str, "<bool>": bool}


def matches(expected: Any, actual: Any, path: str = "") -> list[str]:
    """Where `actual` differs from the recorded `expected` (empty: it does not)."""
    if isinstance(expected, str) and expected in TYPES:
        wanted = TYPES[expected]
        ok = isinstance(actual, wanted) and (wanted is bool or not isinstance(actual, bool))
        return [] if ok else [f"{path}: {actual!r} is not {expected}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: {actual!r} is not an object"]
        problems = [f"{path}.{k}: missing" for k in expected.keys() - actual.keys()]
        problems += [f"{path}.{k}: not in Telegram's answer" for k in actual.keys() - expected.keys()]
        for key in expected.keys() & actual.keys():
            problems += matches(expected[key], actual[key], f"{path}.{key}")
        return problems
    if isinstance(expected, list):
        if not isinstance(actual, list) or len(actual) != len(expected):
            return [f"{path}: {actual!r} is not a list of {len(expected)}"]
        return [p for i, (e, a) in enumerate(zip(expected, actual, strict=True)) for p in matches(e, a, f"{path}[{i}]")]
    return [] if expected == actual else [f"{path}: {actual!r} != {expected!r}"]


def fill(params: dict[str, str], last: int | None) -> dict[str, str]:
    values = {"<player>": str(PLAYER), "<blocked>": str(BLOCKED), "<last>": str(last), "<4097 x>": "x" * 4097}
    return {k: values.get(v, v) for k, v in params.items()}


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
async def test_answers_as_telegram_did(case: dict[str, Any]):
    api = BotApi(token=TOKEN, limits=Limits(**case.get("limits", {})), long_poll_cap=0.1)
    api.player(PLAYER, "Ann", "en")
    api.set_blocked(BLOCKED, True)
    async with LocalTelegram(api) as tg, aiohttp.ClientSession() as http:
        last = None
        for step in case.get("setup", []):
            async with http.post(f"{tg.url}/bot{TOKEN}/{step['method']}", data=fill(step["params"], last)) as answer:
                body = await answer.json()
                assert body["ok"], body
                if isinstance(body["result"], dict):
                    last = body["result"].get("message_id")
        request = case["request"]
        url = f"{tg.url}/bot{case.get('token', TOKEN)}/{request['method']}"
        async with http.post(url, data=fill(request["params"], last)) as answer:
            body = await answer.json()
    assert answer.status == case["status"], body
    assert matches(case["response"], body) == []
