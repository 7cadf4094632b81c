from __future__ import annotations

import json

import pytest

from game.adapters.snapshot import jsonb_fight, parse_batch


def flat(*accounts: tuple) -> list[bytes | None]:
    return [value for account in accounts for value in account]


FIGHT = json.dumps({"combat": {"id": "f1", "turn": 3, "player": {"crit_chance": 0.05}}, "context": {}})
GOOD = (b"7", b"town", b"55", b"12", b"12.5", b"1795700000.125", b"walking", None)
FIGHTING = (b"8", b"meadows", b"40", b"3", b"2.0", b"1795700000.5", b"combat", FIGHT.encode())


def test_a_clean_batch_converts_column_by_column() -> None:
    assert parse_batch(flat(GOOD, (b"8", *GOOD[1:]))) == [
        (7, "town", 55, 12, 12.5, 1795700000.125, "walking", None),
        (8, "town", 55, 12, 12.5, 1795700000.125, "walking", None),
    ]


def test_the_fight_goes_through_as_redis_holds_it() -> None:
    assert parse_batch(flat(GOOD, FIGHTING))[1] == (8, "meadows", 40, 3, 2.0, 1795700000.5, "combat", FIGHT)
    damaged = (b"9", None, None, None, None, None, None, None)  # sends the batch down the row-by-row path
    assert parse_batch(flat(damaged, FIGHTING)) == [(8, "meadows", 40, 3, 2.0, 1795700000.5, "combat", FIGHT)]


def test_damaged_accounts_are_left_out_and_the_rest_kept() -> None:
    damaged = [
        (b"1", None, None, None, None, None, None, None),  # hash gone
        (b"2", b"town", b"lots", b"1", b"1.0", b"1.0", b"idle", None),
        (b"3", b"", b"1", b"1", b"1.0", b"1.0", b"idle", None),
        (b"4", b"town", b"2147483648", b"1", b"1.0", b"1.0", b"idle", None),
        (b"5", b"town", b"1", b"1", b"inf", b"1.0", b"idle", FIGHT.encode()),
        (b"6", b"to\x00wn", b"1", b"1", b"1.0", b"1.0", b"idle", None),
        (b"9" * 20, b"town", b"1", b"1", b"1.0", b"1.0", b"idle", None),
        (b"10", b"\xff", b"1", b"1", b"1.0", b"1.0", b"idle", None),
        (b"11", None, None, None, None, None, None, FIGHT.encode()),  # a fight alone is not an account
    ]
    assert parse_batch(flat(*damaged, GOOD)) == [(7, "town", 55, 12, 12.5, 1795700000.125, "walking", None)]


# Everything here would make PostgreSQL refuse the COPY (jsonb), or is no fight at all.
# Rows keep them as None, or else as text that `jsonb_fight` (the check once jsonb has refused a batch) refuses.
DAMAGED_FIGHTS = [
    b"",
    b"not json",
    b'{"combat": ',
    b"[1, 2]",
    b'"a string"',
    b"42",
    b"null",
    b"\xff\xfe{}",  # not UTF-8
    b'\xef\xbb\xbf{"a": 1}',  # a byte order mark
    b'{"a": NaN}',
    b'{"a": -Infinity}',
    b'{"a": 1e999}',  # past a double; jsonb would take it, but nothing written here can hold it
    b'{"a": 1e200000}',  # past jsonb's numeric
    b'{"a": 1e-1000000}',  # below jsonb's numeric (Python would read 0.0)
    b'{"a": 1.' + b"0" * 20000 + b"1}",  # past jsonb's numeric scale
    b'{"a": "\\u0000"}',
    b'{"a\\u0000": 1}',
    b'{"a": ["\\ud800"]}',  # a lone high surrogate
    b'{"a": "\\udc00x"}',  # a lone low surrogate
    b'{"a": "\\ud800\\ud800"}',
    b'{"a": "tab\tinside"}',  # a raw control character
    b'{"a": 1} trailing',
    b'{"a": 1,}',
    b"\f{}",
    b"[" * 5000 + b"]" * 5000,
]


@pytest.mark.parametrize("fight", DAMAGED_FIGHTS, ids=range(len(DAMAGED_FIGHTS)))
def test_a_damaged_fight_is_written_as_none_and_its_account_kept(fight: bytes) -> None:
    rows = parse_batch(flat(GOOD, (b"8", *GOOD[1:7], fight)))
    assert rows[1][:7] == (8, "town", 55, 12, 12.5, 1795700000.125, "walking")
    assert rows[1][7] is None or jsonb_fight(rows[1][7]) is None
    assert rows[0][7] is None and len(rows) == 2


def test_the_check_refuses_what_python_cannot_read_back() -> None:
    assert jsonb_fight('{"a": ' + "[" * 5000 + "]" * 5000 + "}") is None  # jsonb would take it


# What jsonb takes and a fight may hold: kept as it is.
ODD_BUT_SOUND = [
    '{"a": "\\ud83d\\ude00"}',  # a surrogate pair: one character
    '{"a": "\\\\u0000"}',  # an escaped backslash, then text
    '{"a": "\\u0001\\u001f\\"\\/"}',
    '{"name": "Тёмный лес 🎣", "x": -0, "y": 1E+5, "z": 4.9e-324}',
    ' \n{"a": [true, false, null, {}, []]}\r\t',
    '{"a": 1, "a": 2}',
    '{"big": ' + "9" * 1000 + "}",
]


@pytest.mark.parametrize("fight", ODD_BUT_SOUND, ids=range(len(ODD_BUT_SOUND)))
def test_sound_fights_are_kept_verbatim(fight: str) -> None:
    assert parse_batch(flat((*GOOD[:7], fight.encode())))[0][7] == fight
    assert jsonb_fight(fight) == fight


def test_a_hash_without_activity_is_idle() -> None:
    assert parse_batch(flat((*GOOD[:6], None, None), (*GOOD[:6], b"", None)))[0][6] == "idle"
    assert len(parse_batch(flat((*GOOD[:6], None, None), (*GOOD[:6], b"", None)))) == 2


def test_empty() -> None:
    assert parse_batch([]) == []
