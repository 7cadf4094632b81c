"""Creating a character, reading it, spending stat points, finding players; hot state lost and found again."""

from __future__ import annotations

import pytest

from game.api import (
    AlreadyRegistered,
    GameApi,
    InvalidName,
    NameTaken,
    NotEnoughStatPoints,
    NotRegistered,
    StaleAction,
    UnknownClass,
    UnknownStat,
)
from shared.events import CharacterCreated


async def test_there_are_three_classes_to_choose_from(game):
    assert [c.id for c in await game.characters.list_classes()] == ["warrior", "rogue", "mage"]


async def test_a_new_character_starts_in_town_rested_with_its_class_kit(game):
    sheet = await game.register(1, class_id="warrior", name="Alaric")
    assert (sheet.name, sheet.class_id, sheet.level, sheet.xp, sheet.gold) == ("Alaric", "warrior", 1, 0, 20)
    assert sheet.location_id == "ashford"
    assert (sheet.hp, sheet.mana) == (sheet.derived.max_hp, sheet.derived.max_mana)
    assert sheet.stamina == sheet.max_stamina
    record = await game.record(1)
    assert record.inventory.items == {"minor_healing_potion": 3}
    assert record.equipment.slots == {"weapon": "rusty_sword", "chest": "padded_vest"}
    assert await game.characters.get_character(player_id=1) == sheet
    [created] = game.events.published
    assert created == CharacterCreated(
        player_id=1, name="Alaric", class_id="warrior", location_id="ashford", event_id=created.event_id
    )


@pytest.mark.parametrize("name", ["ab", "x" * 17, "bad name", "semi;colon", "<b>", "", "   "])
async def test_a_bad_name_is_refused_and_nothing_is_created(game, name):
    with pytest.raises(InvalidName):
        await game.characters.check_name(name=name)
    with pytest.raises(InvalidName):
        await game.register(1, name=name)
    with pytest.raises(NotRegistered):
        await game.characters.get_character(player_id=1)
    assert game.events.published == []


async def test_names_are_unique_whatever_the_case(game):
    assert await game.characters.check_name(name="  Shadow ") == "Shadow"
    await game.register(1, name="Shadow")
    with pytest.raises(NameTaken) as taken:
        await game.characters.check_name(name="sHaDoW")
    assert taken.value.details == {"name": "sHaDoW"}
    with pytest.raises(NameTaken):
        await game.register(2, name="SHADOW")
    with pytest.raises(NotRegistered):
        await game.characters.get_character(player_id=2)


async def test_one_character_per_player_and_only_known_classes(game):
    await game.register(1, name="First")
    with pytest.raises(AlreadyRegistered):
        await game.register(1, name="Second")
    with pytest.raises(UnknownClass):
        await game.register(2, class_id="necromancer")
    assert (await game.characters.get_character(player_id=1)).name == "First"
    assert len(game.events.published) == 1


async def test_a_player_without_a_character_is_told_to_create_one(game):
    calls = [
        game.characters.get_character(player_id=9),
        game.exploration.look(player_id=9),
        game.exploration.travel(player_id=9, destination="meadows"),
        game.exploration.explore(player_id=9),
        game.items.inventory(player_id=9),
        game.town.shop(player_id=9),
        game.skills.skill_tree(player_id=9),
        game.notifications.notification_settings(player_id=9),
        game.rifts.rift_progress(player_id=9),
    ]
    for call in calls:
        with pytest.raises(NotRegistered):
            await call


async def test_a_stat_point_goes_where_it_is_spent_once(game):
    sheet = await game.register(1)
    with pytest.raises(NotEnoughStatPoints):
        await game.characters.allocate_stat(player_id=1, stat="strength", version=sheet.version)
    edited = await game.edit(1, stat_points=2)
    after = await game.characters.allocate_stat(player_id=1, stat="strength", version=edited.version)
    assert after.stats.strength == sheet.stats.strength + 1
    assert after.stat_points == 1 and after.version == edited.version + 1
    assert after.derived.attack > sheet.derived.attack
    # The same button again (drawn for the old version) does nothing.
    with pytest.raises(StaleAction):
        await game.characters.allocate_stat(player_id=1, stat="strength", version=edited.version)
    with pytest.raises(UnknownStat):
        await game.characters.allocate_stat(player_id=1, stat="luck", version=after.version)
    assert (await game.characters.get_character(player_id=1)).stat_points == 1


async def test_players_are_found_by_name_or_id(game):
    await game.register(5, name="Ratibor")
    assert (await game.administration.find_player(query="@ratibor")).player_id == 5
    assert (await game.administration.find_player(query="5")).name == "Ratibor"
    with pytest.raises(NotRegistered):
        await game.administration.find_player(query="nobody")


async def test_lost_hot_state_comes_back_as_the_last_snapshot_left_it(game):
    await game.register(1)
    await game.exploration.travel(player_id=1, destination="meadows")
    assert (await game.maintenance.snapshot_hot_state()).accounts_written == 1
    await game.exploration.travel(player_id=1, destination="darkwood")  # not snapshotted yet
    game.lose_redis()
    assert (await game.exploration.look(player_id=1)).id == "meadows"
    assert (await game.hot_state(1)).location_id == "meadows"


async def test_a_fight_saved_by_the_snapshot_survives_lost_hot_state(game):
    await game.register(1)
    await game.empower(1)
    await game.place(1, "meadows")
    combat = None
    while combat is None:
        combat = (await game.exploration.explore(player_id=1)).combat
    await game.maintenance.snapshot_hot_state()
    game.lose_redis()
    resumed = await game.fights.get_combat(player_id=1)
    assert resumed is not None and (resumed.id, resumed.turn) == (combat.id, combat.turn)
    assert (await game.characters.get_character(player_id=1)).in_combat
    played = await game.fights.combat_action(player_id=1, combat_id=combat.id, turn=combat.turn, action="attack")
    assert played.turn == combat.turn + 1 or played.outcome == "won"


async def test_the_port_in_process_serves_the_same_use_cases(game):
    assert isinstance(game.api, GameApi)
    sheet = await game.api.register(player_id=1, name="Porter", class_id="mage")
    assert await game.characters.get_character(player_id=1) == sheet
    assert (await game.api.travel(player_id=1, destination="riverbank")).id == "riverbank"
    assert (await game.exploration.look(player_id=1)).id == "riverbank"
    with pytest.raises(NotRegistered):
        await game.api.look(player_id=2)
