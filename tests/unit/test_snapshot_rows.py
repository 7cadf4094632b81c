"""The COPY text the snapshot streams: Redis's replies joined into lines, and the checks on them (see `copy_text`)."""

from __future__ import annotations

import json

import pytest

from game.adapters.snapshot import checked_fights, copy_text, jsonb_fight, sound_text, unescape

ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def escape(field: bytes) -> bytes:
    """As COPY text escapes a field."""
    return b"".join(
        ESCAPES.get(chr(byte), chr(byte)).encode("latin-1") if byte < 128 else bytes([byte]) for byte in field
    )


def line(player_id: int, fight: bytes | None, location: bytes = b"town") -> bytes:
    return b"\t".join([str(player_id).encode(), escape(location), b"55", b"12", b"12.5", b"1.5", b"idle",
                       b"\\N" if fight is None else escape(fight)]) + b"\n"  # fmt: skip


FIGHT = json.dumps({"combat": {"id": "f1", "turn": 3, "player": {"crit_chance": 0.05}}, "context": {}})


def flat(*accounts: tuple) -> list[bytes | None]:
    return [value for account in accounts for value in account]


GOOD = (b"7", b"town", b"55", b"12", b"12.5", b"1795700000.125", b"walking", None)
FIGHTING = (b"8", b"meadows", b"40", b"3", b"2.0", b"1795700000.5", b"combat", FIGHT.encode())
GOOD_LINE = b"7\ttown\t55\t12\t12.5\t1795700000.125\twalking\t\\N\n"
FIGHTING_LINE = b"8\tmeadows\t40\t3\t2.0\t1795700000.5\tcombat\t" + FIGHT.encode() + b"\n"


def test_a_sound_batch_goes_through_as_redis_holds_it() -> None:
    assert copy_text(flat(GOOD, FIGHTING)) == GOOD_LINE + FIGHTING_LINE
    assert copy_text(flat((b"-9", *GOOD[1:4], b"1e-05", b"-1.5e+16", *GOOD[6:]))) == (
        b"-9\ttown\t55\t12\t1e-05\t-1.5e+16\twalking\t\\N\n"
    )


def test_a_damaged_account_sends_the_batch_row_by_row_to_the_same_lines() -> None:
    damaged = (b"9", None, None, None, None, None, None, None)
    assert copy_text(flat(damaged, GOOD, FIGHTING)) == GOOD_LINE + FIGHTING_LINE


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
        (b"12", b"town", b"1", None, b"1.0", b"1.0", b"idle", None),  # a field missing
        (b"13", b"town", b"1", b"1", b"1e400", b"1.0", b"idle", None),  # past a double
        # A number holding a tab of its own (it would have added a column)
        (b"14", b"town", b"10\t7", b"1", b"1.0", b"1.0", b"idle", None),
        (b"15", b"town", b"1", b"1", b"1.5\t9", b"1.0", b"idle", None),
        (b"4\t5", b"town", b"1", b"1", b"1.0", b"1.0", b"idle", None),
    ]
    assert copy_text(flat(*damaged, GOOD)) == GOOD_LINE


@pytest.mark.parametrize(
    "account",
    [
        (b"14", b"town", b"10\t7", b"1", b"1.0", b"1.0", b"idle", None),
        (b"15", b"town", b"1", b"1", b"1.5\t9", b"1.0", b"idle", None),
        (b"4\t5", b"town", b"1", b"1", b"1.0", b"1.0", b"idle", None),
    ],
)
def test_a_number_holding_a_tab_leaves_its_account_out_and_the_batch_whole(account: tuple) -> None:
    assert copy_text(flat(GOOD, account, FIGHTING)) == GOOD_LINE + FIGHTING_LINE


def test_odd_but_sound_numbers_are_written_as_python_reads_them() -> None:
    odd = (b"0007", b"town", b" 5", b"+6", b"1e-400", b"1_000.5", b"idle", None)
    assert copy_text(flat(odd)) == b"7\ttown\t5\t6\t0.0\t1000.5\tidle\t\\N\n"


def test_text_is_escaped_for_copy() -> None:
    fight = json.dumps(
        {"name": 'a "quoted" back\\slash', "tab": "\t", "line": "\n", "where": "Тёмный 🎣"}, ensure_ascii=False
    )
    fight_with_raw_space = '{\t"a":\r\n1}'
    location = "Тёмный\tлес\\\n"
    text = copy_text(
        flat(
            (b"1", location.encode(), *GOOD[2:7], fight.encode()),
            (b"2", *GOOD[1:7], fight.encode()),
            (b"3", *GOOD[1:7], fight_with_raw_space.encode()),
        )
    )
    lines = text.decode().split("\n")
    assert lines[-1] == "" and all(len(line.split("\t")) == 8 for line in lines[:-1])
    assert [unescape(line.split("\t")[1]) for line in lines[:-1]] == [location, "town", "town"]
    assert [unescape(line.split("\t")[7]) for line in lines[:-1]] == [fight, fight, fight_with_raw_space]
    assert r'"a \\"quoted\\" back\\\\slash"' in lines[1]  # the backslashes of JSON's escapes are escaped once more


def test_a_hash_without_activity_is_idle() -> None:
    assert (
        copy_text(flat((*GOOD[:6], None, None), (*GOOD[:6], b"", None))) == GOOD_LINE.replace(b"walking", b"idle") * 2
    )


# Everything here would make PostgreSQL refuse the COPY (jsonb), or is no fight at all.
# Redis writes them NULL, or else as text that `jsonb_fight` (the check once jsonb has refused a batch) refuses.
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
def test_a_damaged_fight_becomes_null_and_its_account_is_kept(fight: bytes) -> None:
    checked = checked_fights(copy_text(flat(FIGHTING, (*GOOD[:7], fight))))
    assert checked == FIGHTING_LINE + GOOD_LINE


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
    text = copy_text(flat((*GOOD[:7], fight.encode())))
    assert checked_fights(text) == text
    assert unescape(text.decode().rstrip("\n").split("\t")[7]) == fight
    assert jsonb_fight(fight) == fight


def test_text_that_is_not_utf8_is_a_null_fight_or_a_left_out_account() -> None:
    sound = line(1, FIGHT.encode(), location="Тёмный лес".encode())
    text = sound + line(2, b'{"a": "\xff"}') + line(3, FIGHT.encode(), location=b"\xfftown") + line(4, None)
    assert sound_text(text) == sound + line(2, None) + line(4, None)
    assert sound_text(sound) is sound  # a sound batch goes through as it is


def test_escapes_are_undone_exactly() -> None:
    fight = '{"a": "back\\\\slash \\"quote\\" \\t tab"}\t\r\n'
    assert unescape(escape(fight.encode()).decode()) == fight
    assert unescape("\\\\t") == "\\t"  # an escaped backslash, then a t: not a tab


def test_empty() -> None:
    assert sound_text(b"") == checked_fights(b"") == b""
