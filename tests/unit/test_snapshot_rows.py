from __future__ import annotations

from game.adapters.snapshot import parse_batch


def flat(*accounts: tuple) -> list[bytes | None]:
    return [value for account in accounts for value in account]


GOOD = (b"7", b"town", b"55", b"12", b"12.5", b"1795700000.125", b"walking")


def test_a_clean_batch_converts_column_by_column() -> None:
    assert parse_batch(flat(GOOD, (b"8", *GOOD[1:]))) == [
        (7, "town", 55, 12, 12.5, 1795700000.125, "walking"),
        (8, "town", 55, 12, 12.5, 1795700000.125, "walking"),
    ]


def test_damaged_accounts_are_left_out_and_the_rest_kept() -> None:
    damaged = [
        (b"1", None, None, None, None, None, None),  # hash gone
        (b"2", b"town", b"lots", b"1", b"1.0", b"1.0", b"idle"),
        (b"3", b"", b"1", b"1", b"1.0", b"1.0", b"idle"),
        (b"4", b"town", b"2147483648", b"1", b"1.0", b"1.0", b"idle"),
        (b"5", b"town", b"1", b"1", b"inf", b"1.0", b"idle"),
        (b"6", b"to\x00wn", b"1", b"1", b"1.0", b"1.0", b"idle"),
        (b"9" * 20, b"town", b"1", b"1", b"1.0", b"1.0", b"idle"),
        (b"10", b"\xff", b"1", b"1", b"1.0", b"1.0", b"idle"),
    ]
    assert parse_batch(flat(*damaged, GOOD)) == [(7, "town", 55, 12, 12.5, 1795700000.125, "walking")]


def test_a_hash_without_activity_is_idle() -> None:
    assert parse_batch(flat((*GOOD[:6], None), (*GOOD[:6], b"")))[0][6] == "idle"
    assert len(parse_batch(flat((*GOOD[:6], None), (*GOOD[:6], b"")))) == 2


def test_empty() -> None:
    assert parse_batch([]) == []
