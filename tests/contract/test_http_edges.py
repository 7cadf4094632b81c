"""The HTTP entry point: only signed calls are served, operator calls only with the operator secret, and
a malformed call gets 400 with the reason — never a 500, never a change half made."""

from __future__ import annotations

import asyncio
import collections.abc
import json
import math
import time
import typing

import aiohttp
import pytest
from aiohttp import web
from redis.asyncio import Redis

from game.api import BadRequest, GameApi, ServiceUnavailable
from game.api.signing import NONCE_HEADER, signed_headers
from game.api.wire import INT64_MAX, operator_methods, port_methods
from game.client.http import HttpGameClient
from shared.adapters.redis_nonce_store import RedisNonceStore
from tests.support import seam
from tests.support.seam import OPERATOR_SECRET, SECRET, post


@pytest.fixture
async def served(container):
    game = await container.game()
    async with seam.served(game, await container.nonce_store()) as url, aiohttp.ClientSession() as http:
        yield game, url, http


async def test_calls_without_a_valid_signature_are_refused(served):
    game, url, http = served
    await game.register(player_id=5, name="Victim", class_id="rogue")
    cases = {
        "unsigned": dict(secret=None),
        "a wrong secret": dict(secret="not-the-secret-at-all"),
        "a stale timestamp": dict(now=time.time() - 120),
        "a future timestamp": dict(now=time.time() + 120),
    }
    for case, options in cases.items():
        status, answer = await post(http, url, "get_character", {"player_id": 5}, **options)
        assert status == 401, case
        assert answer["error"]["code"] == "unauthorized" and "gold" not in json.dumps(answer), case
    # A signed body changed on the way no longer matches.
    headers = signed_headers(SECRET, method="get_character", body=b'{"player_id": 6}', now=time.time())
    status, _ = await post(http, url, "get_character", {"player_id": 5}, secret=None, headers=headers)
    assert status == 401
    # …nor does a signature made for another method.
    headers = signed_headers(SECRET, method="look", body=b'{"player_id": 5}', now=time.time())
    status, _ = await post(http, url, "get_character", b'{"player_id": 5}', secret=None, headers=headers)
    assert status == 401
    status, answer = await post(http, url, "get_character", {"player_id": 5})
    assert status == 200 and answer["result"]["name"] == "Victim"


async def test_operator_calls_need_the_operator_secret(served):
    game, url, http = served
    assert {"admin_open_rift", "admin_spawn_boss", "find_player", "snapshot_hot_state", "open_rifts_tick"} <= (
        operator_methods()
    )
    for method in sorted(operator_methods()):
        status, answer = await post(http, url, method, {}, secret=SECRET)
        assert status == 401, method
        assert "operator" in answer["error"]["message"]
    assert await game.list_rifts() == []
    # …and the operator secret opens no player call.
    status, _ = await post(http, url, "list_rifts", {}, secret=OPERATOR_SECRET)
    assert status == 401
    status, answer = await post(http, url, "admin_open_rift", {}, secret=OPERATOR_SECRET)
    assert status == 200 and len(await game.list_rifts()) == 1


async def test_a_client_without_the_operator_secret_cannot_make_operator_calls(served):
    _, url, _ = served
    player_only = HttpGameClient(url, secret=SECRET)
    try:
        with pytest.raises(ServiceUnavailable):
            await player_only.admin_open_rift()
        assert await player_only.list_rifts() == []
        wrong = HttpGameClient(url, secret="a-secret-the-server-does-not-know")
        with pytest.raises(ServiceUnavailable, match="refused"):
            await wrong.list_rifts()
        await wrong.close()
    finally:
        await player_only.close()


async def test_a_signed_call_sent_again_is_refused_and_runs_once(served):
    game, url, http = served
    body = b'{"duration_minutes": 5}'
    headers = signed_headers(OPERATOR_SECRET, method="admin_open_rift", body=body, now=time.time())
    status, _ = await post(http, url, "admin_open_rift", body, secret=None, headers=headers)
    assert status == 200
    # The same request again (captured and replayed within its 30 s), and twice more at once.
    again = [post(http, url, "admin_open_rift", body, secret=None, headers=headers) for _ in range(3)]
    for status, answer in await asyncio.gather(*again):
        assert status == 401 and answer["error"]["code"] == "replayed"
        assert "already received" in answer["error"]["message"]
    assert len(await game.list_rifts()) == 1
    # A call sent twice at once for the first time runs once too.
    body = b'{"duration_minutes": 6}'
    headers = signed_headers(OPERATOR_SECRET, method="admin_open_rift", body=body, now=time.time())
    both = await asyncio.gather(*(post(http, url, "admin_open_rift", body, secret=None, headers=headers) for _ in "ab"))
    assert sorted(status for status, _ in both) == [200, 401]
    assert len(await game.list_rifts()) == 2
    # A nonce is part of the signature: a replay under a nonce of its own no longer matches.
    forged = {**headers, NONCE_HEADER: "another-nonce-of-24-chars"}
    status, answer = await post(http, url, "admin_open_rift", body, secret=None, headers=forged)
    assert status == 401 and answer["error"]["message"].startswith("the signature does not match")
    no_nonce = {k: v for k, v in headers.items() if k != NONCE_HEADER}
    status, answer = await post(http, url, "admin_open_rift", body, secret=None, headers=no_nonce)
    assert status == 401 and NONCE_HEADER in answer["error"]["message"]
    # Each call the client makes carries a nonce of its own: the same call made twice runs twice.
    client = seam.client(url)
    await client.admin_open_rift(duration_minutes=7)
    await client.admin_open_rift(duration_minutes=7)
    await client.close()
    assert len(await game.list_rifts()) == 4


async def test_replicas_of_the_game_server_share_the_nonces(container, redis_url):
    game = await container.game()
    stores = [RedisNonceStore(Redis.from_url(redis_url)) for _ in range(2)]  # one connection each, as processes
    async with (
        seam.served(game, stores[0]) as first,
        seam.served(game, stores[1]) as second,
        aiohttp.ClientSession() as http,
    ):
        body = b'{"duration_minutes": 5}'
        headers = signed_headers(OPERATOR_SECRET, method="admin_open_rift", body=body, now=time.time())
        status, _ = await post(http, first, "admin_open_rift", body, secret=None, headers=headers)
        assert status == 200
        status, answer = await post(http, second, "admin_open_rift", body, secret=None, headers=headers)
        assert status == 401 and answer["error"]["code"] == "replayed"
        assert len(await game.list_rifts()) == 1
    for store in stores:
        await store._redis.aclose()


async def test_a_call_the_balancer_sends_again_is_made_once_more_under_a_new_nonce(served):
    """A balancer re-sends a call whose server died before answering; the next server refuses it as
    received. The client then makes the call again, as a new one, and the player gets the answer."""
    game, url, http = served
    await game.register(player_id=8, name="Again", class_id="mage")
    nonces: list[str] = []

    async def balancer(request: web.Request) -> web.Response:
        body = await request.read()
        nonces.append(request.headers[NONCE_HEADER])
        sends = 2 if len(nonces) == 1 else 1  # the first call: its first server "dies" after receiving it
        for _ in range(sends):
            async with http.post(f"{url}{request.path}", data=body, headers=request.headers) as r:
                status, answer = r.status, await r.read()
        return web.Response(status=status, body=answer, content_type="application/json")

    app = web.Application()
    app.router.add_post("/v1/{method}", balancer)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    client = seam.client(f"http://{host}:{port}")
    try:
        assert (await client.get_character(player_id=8)).name == "Again"
    finally:
        await client.close()
        await runner.cleanup()
    assert len(nonces) == 2 and nonces[0] != nonces[1]


async def test_malformed_calls_get_400_with_the_reason(served):
    _, url, http = served
    cases: dict[str, tuple[str, bytes | str | object]] = {
        "no body": ("look", b""),
        "an empty object": ("look", {}),
        "a string id": ("look", {"player_id": "not a number"}),
        "an id beyond 64 bits": ("look", {"player_id": 2**63}),
        "an id below 64 bits": ("look", {"player_id": -(2**63) - 1}),
        "a 5000-digit id": ("look", '{"player_id": ' + "9" * 5000 + "}"),
        "an unknown argument": ("look", {"player_id": 1, "extra": 1}),
        "an array": ("look", [1, 2]),
        "not JSON": ("look", "{player_id: 1"),
        "not UTF-8": ("look", b'{"player_id": "\xff\xfe"}'),
        "deep nesting": ("look", '{"player_id": ' + "[" * 100_000 + "]" * 100_000 + "}"),
        "moderate nesting": ("look", {"player_id": [[[[[[[[[[1]]]]]]]]]]}),
        "a huge body": ("check_name", {"name": "x" * 200_000}),
        "a long text": ("check_name", {"name": "x" * 5000}),
        "a missing required argument": ("travel", {"player_id": 1}),
        "a null required argument": ("travel", {"player_id": 1, "destination": None}),
        "a fractional turn": ("combat_action", {"player_id": 1, "combat_id": "c", "turn": 1.5, "action": "attack"}),
    }
    for case, (method, body) in cases.items():
        status, answer = await post(http, url, method, body)
        assert status == 400, (case, status, answer)
        assert answer["error"]["code"] == "bad_request" and answer["error"]["message"], case
    status, answer = await post(http, url, "drop_tables", {})
    assert status == 404 and answer["error"]["code"] == "unknown_method"
    status, answer = await post(http, url, "look", {"player_id": 1})
    assert status == 409 and answer["error"]["code"] == "not_registered"
    status, answer = await post(http, url, "look", {"player_id": INT64_MAX})
    assert status == 409 and answer["error"]["code"] == "not_registered"


@pytest.mark.parametrize("duration", ["NaN", "Infinity", "-Infinity", "0", "-5", "1e300"])
@pytest.mark.parametrize("method", ["admin_open_rift", "admin_spawn_boss", "open_rifts_tick", "spawn_boss_tick"])
async def test_a_rift_or_boss_with_a_broken_duration_is_refused_and_nothing_opens(served, method, duration):
    game, url, http = served
    status, answer = await post(http, url, method, f'{{"duration_minutes": {duration}}}', secret=OPERATOR_SECRET)
    assert status == 400 and "duration_minutes" in answer["error"]["message"]
    # Nothing was committed: the world reads as before, and the sweep runs.
    assert await game.list_rifts() == [] and await game.list_bosses() == []
    await game.close_expired_rifts()
    await game.end_expired_bosses()


async def test_the_in_process_port_refuses_the_same_calls(game: GameApi):
    for duration in (math.inf, -math.inf, math.nan, 0.0, -1.0, 1e300):
        with pytest.raises(BadRequest):
            await game.admin_open_rift(duration_minutes=duration)
        with pytest.raises(BadRequest):
            await game.admin_spawn_boss(duration_minutes=duration)
    with pytest.raises(BadRequest):
        await game.look(player_id=2**64)
    assert await game.list_rifts() == [] and await game.list_bosses() == []
    rift = await game.admin_open_rift(duration_minutes=1.5)
    assert [r.id for r in await game.list_rifts()] == [rift.id]


def _extreme_values(annotation: object) -> list[object]:
    """Values of the kind each argument takes, past its bounds."""
    text = str(annotation)
    if "int" in text:
        return [2**64, -(2**64), "1" * 30]
    if "float" in text:
        return [float("inf"), float("nan"), -1e308]
    if "str" in text:
        return ["x" * 10_000, 17]
    return [{"nested": [[[]]]}]


def _fine_value(annotation: object) -> object:
    text = str(annotation)
    if annotation is bool:
        return False
    if typing.get_origin(annotation) is typing.Literal:  # a closed set: its first value
        return typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (dict, collections.abc.Mapping):
        return {}
    if typing.get_origin(annotation) in (list, tuple, collections.abc.Sequence):
        return []
    if "int" in text:
        return 1
    if "float" in text:
        return 1.0
    return "x"


async def test_no_port_method_answers_500_to_values_past_its_bounds(served):
    """Every method of the port (a new one too, without a line here) refuses out-of-range arguments."""
    _, url, http = served
    hints_of = {name: typing.get_type_hints(getattr(GameApi, name)) for name in port_methods()}
    for method, hints in sorted(hints_of.items()):
        secret = OPERATOR_SECRET if method in operator_methods() else SECRET
        for argument, annotation in hints.items():
            if argument == "return" or annotation is bool:
                continue
            for value in _extreme_values(annotation):
                # Every other argument is fine, so the refusal is this value's.
                fine = {name: _fine_value(tp) for name, tp in hints.items() if name not in ("return", argument)}
                body = json.dumps({**fine, argument: value})
                status, answer = await post(http, url, method, body, secret=secret)
                assert status == 400, (method, argument, value, status, answer)
                assert argument in answer["error"]["message"], (method, argument, answer)
