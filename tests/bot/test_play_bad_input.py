"""Tampered, foreign, stale or ill-timed presses during play: each gets a clear answer, nothing changes,
and nothing escapes as an error (the `no_errors_logged` fixture checks the log after every test).

A refusal that redraws the screen says why at its top; one that leaves the screen as it was says it in
an alert. Never both."""

from __future__ import annotations

import asyncio
import time

from bot.callbacks import FightCb, ForgeCb, InvCb, ShopCb, SkillCb, StatCb, TravelCb
from tests.bot.conftest import register
from tests.bot.test_play_flow import (
    empower,
    go_to,
    has_button,
    meet_a_monster,
    no_errors_logged,  # noqa: F401 — the autouse fixture applies here too
    sql,
)


async def fighting(new_chat, db, redis, user_id: int = 501, name: str = "Alaric", *, strong: bool = True):
    """A player in a fight in the meadows; a strong one wins at once, a fresh one needs a few turns."""
    chat = new_chat(user_id=user_id)
    await register(chat, name=name)
    if strong:
        await empower(db, chat.user_id)
    await go_to(chat, "Whispering Meadows")
    await meet_a_monster(chat, redis)
    return chat


async def test_a_double_tap_on_a_combat_button_plays_once(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis, strong=False)
    combat = await game.get_combat(player_id=chat.user_id)
    attack = FightCb(cid=combat.id, turn=combat.turn, act="attack").pack()
    screen = chat.last
    first = (await chat.press(attack, message=screen))[-1]
    after_first = await game.get_combat(player_id=chat.user_id)
    second = (await chat.press(attack, message=screen))[-1]
    assert "older screen" in second.text and chat.last_alert == ""
    now = await game.get_combat(player_id=chat.user_id)
    if after_first is None:  # the first blow won: the second shows the menu
        assert now is None and "not in a fight" in second.text and "Victory" in first.text
    else:
        assert now.turn == after_first.turn == combat.turn + 1 and now.monster.hp == after_first.monster.hp
        assert "older screen" in second.text and has_button(second, "Attack")
        # The re-drawn fight's buttons are current again.
        assert any(f":{now.turn}:attack" in data for _, data in second.buttons())


async def test_two_taps_at_once_play_one_turn(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis, strong=False)
    combat = await game.get_combat(player_id=chat.user_id)
    attack = FightCb(cid=combat.id, turn=combat.turn, act="attack").pack()
    screen = chat.last
    alerts_before, shown_before = len(chat.session.alerts), len(chat.session.timeline)
    await asyncio.gather(chat.press(attack, message=screen), chat.press(attack, message=screen))
    # The late tap is told: a toast while the first is being played, or the fight redrawn saying so.
    alerts = [a.text for a in chat.session.alerts[alerts_before:]]
    redrawn = [m.text for m in chat.session.timeline[shown_before:]]
    assert any("One moment" in a for a in alerts) or any("older screen" in m for m in redrawn), (alerts, redrawn)
    now = await game.get_combat(player_id=chat.user_id)
    assert now is None or now.turn == combat.turn + 1


async def test_a_double_tap_on_the_winning_blow_pays_once(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis)  # strong enough to end it in a blow or few
    screen = chat.last
    while True:
        combat = await game.get_combat(player_id=chat.user_id)
        attack = FightCb(cid=combat.id, turn=combat.turn, act="attack").pack()
        screen = (await chat.press(attack, message=screen))[-1]
        if "Victory" in screen.text:
            break
    paid = await game.get_character(player_id=chat.user_id)
    again = (await chat.press(attack, message=screen))[-1]
    assert "older screen" in again.text and "not in a fight" in again.text
    now = await game.get_character(player_id=chat.user_id)
    assert (now.gold, now.xp, now.level) == (paid.gold, paid.xp, paid.level)


async def test_an_old_turn_or_a_foreign_combat_changes_nothing(new_chat, game, db, redis):
    mine = await fighting(new_chat, db, redis, user_id=501, name="Alaric")
    await fighting(new_chat, db, redis, user_id=502, name="Bronwyn")
    my_fight = await game.get_combat(player_id=501)
    their_fight = await game.get_combat(player_id=502)

    await mine.press(FightCb(cid=their_fight.id, turn=their_fight.turn, act="attack").pack())
    assert "older screen" in mine.last.text
    await mine.press(FightCb(cid=my_fight.id, turn=my_fight.turn + 7, act="attack").pack())
    assert "older screen" in mine.last.text
    await mine.press(FightCb(cid=my_fight.id, turn=-1, act="flee").pack())
    assert "older screen" in mine.last.text

    assert (await game.get_combat(player_id=502)) == their_fight
    still = await game.get_combat(player_id=501)
    assert still.turn == my_fight.turn and still.monster.hp == my_fight.monster.hp


async def test_forged_fight_actions_are_refused(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis)
    combat = await game.get_combat(player_id=chat.user_id)

    def press(act: str, arg: str | None = None):
        return chat.press(FightCb(cid=combat.id, turn=combat.turn, act=act, arg=arg).pack())

    await press("item", "greater_healing_potion")
    assert "don't have that item" in chat.last_alert
    await press("summon_dragon")
    assert "no such thing" in chat.last_alert
    await press("skill", "fireball")  # a mage's skill, unknown to this warrior
    assert "don't know that skill" in chat.last_alert
    await press("item", "iron_ore")
    assert "don't have that item" in chat.last_alert or "can't be used" in chat.last_alert
    await chat.press(f"f:{combat.id}:notanumber:attack")
    assert "no longer valid" in chat.last_alert
    after = await game.get_combat(player_id=chat.user_id)
    assert after.turn == combat.turn and after.monster.hp == combat.monster.hp


async def test_travel_explore_and_trade_are_refused_during_a_fight(new_chat, game, db, redis):
    chat = await fighting(new_chat, db, redis)
    combat = await game.get_combat(player_id=chat.user_id)
    await chat.press(TravelCb(origin="meadows", dest="ashford").pack())
    assert chat.last.text.startswith("⚔️ Not in the middle of a fight")
    assert has_button(chat.last, "Attack"), "the fight is shown again"
    await chat.press("ex:meadows")
    assert chat.last.text.startswith("⚔️ Not in the middle of a fight")
    await chat.press("ex:")
    assert chat.last.text.startswith("⚔️ Not in the middle of a fight")
    bag = await game.inventory(player_id=chat.user_id)
    potions = {e.item.id: e.quantity for e in bag.items}["minor_healing_potion"]  # exploring may have found more
    await chat.press(InvCb(act="use", id="minor_healing_potion", v=bag.version).pack())
    assert chat.last.text.startswith("⚔️ Not in the middle of a fight")
    assert (await game.look(player_id=chat.user_id)).id == "meadows"
    assert (await game.get_combat(player_id=chat.user_id)).turn == combat.turn
    after = await game.inventory(player_id=chat.user_id)
    assert {e.item.id: e.quantity for e in after.items}["minor_healing_potion"] == potions
    # The menu offers the way back.
    menu = (await chat.send("/menu"))[-1]
    assert has_button(menu, "Back to the fight")


async def test_items_one_does_not_own_and_stale_inventory_buttons(new_chat, game):
    chat = new_chat()
    await register(chat)
    bag = await game.inventory(player_id=chat.user_id)
    await chat.send("/inventory")
    await chat.press(InvCb(act="equip", id="iron_sword", v=bag.version).pack())
    assert "don't have that item" in chat.last_alert
    await chat.press(InvCb(act="equip", id="no_such_thing", v=bag.version).pack())
    assert "no such thing" in chat.last_alert
    await chat.press(InvCb(act="unequip", id="crown", v=bag.version).pack())
    assert "can't be worn" in chat.last_alert
    await chat.press(InvCb(act="use", id="rusty_sword", v=bag.version).pack())
    assert "can't be used" in chat.last_alert
    await chat.press(InvCb(act="item", id="dragon_egg").pack())
    assert chat.last.text.startswith("You don't have that item any more.")
    await chat.press(InvCb(act="teleport", id="rusty_sword", v=bag.version).pack())
    assert "no longer valid" in chat.last_alert
    assert await game.inventory(player_id=chat.user_id) == bag

    screen = chat.last
    unequip = next(
        data for label, data in screen.buttons() if "Rusty Sword" in label and data.startswith("inv:unequip")
    )
    await chat.press(unequip, message=screen)
    changed = await game.inventory(player_id=chat.user_id)
    assert "weapon" not in changed.equipment
    again = (await chat.press(unequip, message=screen))[-1]  # the same button again
    assert "older screen" in again.text
    assert await game.inventory(player_id=chat.user_id) == changed


async def test_not_enough_gold_a_full_bag_and_trading_outside_town(new_chat, game, db, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    shop = await game.shop(player_id=pid)
    await chat.send("/town")
    await chat.press_button("Shop")
    await chat.press(ShopCb(act="b", id="greater_healing_potion", q=1, v=shop.version).pack())
    assert "Greater Healing Potion costs 90 gold and you have 20: 70 short." in chat.last_alert
    await chat.press(ShopCb(act="b", id="bread", q=0, v=shop.version).pack())
    assert "no longer valid" in chat.last_alert
    await chat.press(ShopCb(act="b", id="dragon_crown", q=1, v=shop.version).pack())
    assert "no such thing" in chat.last_alert
    await chat.press(ShopCb(act="s", id="healing_potion", q=1, v=shop.version).pack())
    assert "don't have that item" in chat.last_alert
    await chat.press(ShopCb(act="s", id="minor_healing_potion", q=99, v=shop.version).pack())
    assert "Not enough of that" in chat.last_alert
    assert (await game.shop(player_id=pid)) == shop

    # A bag filled to its 30 slots with gear that does not stack.
    gear = ["leather_cap", "cloth_hood", "padded_vest", "apprentice_robe", "cloth_trousers", "sandals", "copper_ring"]
    await sql(db, "UPDATE characters SET gold = 100000 WHERE player_id = :p", p=pid)
    for n in range(40):
        shop = await game.shop(player_id=pid)
        if shop.sellable and (await game.inventory(player_id=pid)).slots_used >= 30:
            break
        await game.buy(player_id=pid, item_id=gear[n % len(gear)], quantity=1, version=shop.version)
    full = await game.inventory(player_id=pid)
    assert full.slots_used == full.capacity
    await chat.press(ShopCb(act="b", id="bread", q=1, v=shop.version).pack())
    assert "bag is full (30 slots)" in chat.last_alert
    await chat.press(InvCb(act="unequip", id="weapon", v=full.version).pack())
    assert "bag is full" in chat.last_alert
    assert await game.inventory(player_id=pid) == full

    # Outside town the shop, inn and forge say where they are.
    await go_to(chat, "Whispering Meadows")
    await chat.send("/town")
    assert "That is in town" in chat.last.text
    await chat.press(ShopCb(act="buy").pack())
    assert "That is in town" in chat.last_alert
    await chat.press(ForgeCb(act="page").pack())
    assert "That is in town" in chat.last_alert
    await redis.hset(f"account:{pid}", "hp", 3)  # the game says "already rested" first when there is no need
    await chat.press("inn:rest")
    assert "That is in town" in chat.last_alert
    await chat.press("nav:inn")
    assert "That is in town" in chat.last_alert


async def test_forge_refusals_name_what_is_missing(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.send("/town")
    await chat.press_button("Forge")
    forge = await game.forge(player_id=pid)
    await chat.press(ForgeCb(act="craft", id="forge_iron_sword", v=forge.version).pack())
    assert "level is too low: level 3 needed, you are 1" in chat.last_alert
    await sql(db, "UPDATE characters SET level = 3 WHERE player_id = :p", p=pid)
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'iron_ore', 1)", p=pid)
    forge = await game.forge(player_id=pid)
    await chat.press(ForgeCb(act="craft", id="forge_iron_sword", v=forge.version).pack())
    assert "Missing materials: Iron Ore 1/4, Oak Wood 0/1" in chat.last_alert
    await chat.press(ForgeCb(act="craft", id="forge_excalibur", v=forge.version).pack())
    assert "no such thing" in chat.last_alert
    await chat.press("fg:craft:" + "x" * 60 + ":1:0")  # longer than any button could carry
    assert chat.last_alert
    await sql(db, "INSERT INTO inventory_items VALUES (:p, 'healing_herb', 2)", p=pid)
    await sql(db, "UPDATE characters SET gold = 1 WHERE player_id = :p", p=pid)
    forge = await game.forge(player_id=pid)
    await chat.press(ForgeCb(act="craft", id="forge_minor_healing_potion", v=forge.version).pack())
    assert "Not enough gold: you need 3, you have 1" in chat.last_alert
    assert await game.forge(player_id=pid) == forge
    # A craft button from before the bag changed.
    await chat.press(ForgeCb(act="craft", id="forge_minor_healing_potion", v=forge.version - 1).pack())
    assert "older screen" in chat.last.text


async def test_skill_and_stat_refusals(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    tree = await game.skill_tree(player_id=pid)
    await chat.send("/skills")
    await chat.press(SkillCb(id="fireball", v=tree.version).pack())
    assert "another class" in chat.last_alert
    await chat.press(SkillCb(id="execute", v=tree.version).pack())
    assert "needs level 10" in chat.last_alert
    await chat.press(SkillCb(id="no_such_skill", v=tree.version).pack())
    assert "no such thing" in chat.last_alert
    assert await game.skill_tree(player_id=pid) == tree
    learned = (await chat.press_button("Learn Power Strike"))[-1]
    await chat.press(SkillCb(id="power_strike", v=tree.version).pack(), message=learned)
    assert "older screen" in chat.last.text
    tree = await game.skill_tree(player_id=pid)
    await chat.press(SkillCb(id="power_strike", v=tree.version).pack())
    assert "already know" in chat.last_alert
    await chat.press(SkillCb(id="toughness", v=tree.version).pack())
    assert "Not enough skill points" in chat.last_alert or "needs level" in chat.last_alert

    sheet = await game.get_character(player_id=pid)
    await chat.press(StatCb(stat="strength", v=sheet.version).pack())
    assert "No stat points" in chat.last_alert
    await sql(db, "UPDATE characters SET stat_points = 1 WHERE player_id = :p", p=pid)
    sheet = await game.get_character(player_id=pid)
    await chat.press(StatCb(stat="luck", v=sheet.version).pack())
    assert "No such stat" in chat.last_alert
    await chat.press(StatCb(stat="strength", v=sheet.version - 1).pack())
    assert "older screen" in chat.last.text and "Spend your stat points" in chat.last.text
    now = await game.get_character(player_id=pid)
    assert (now.stats, now.stat_points, now.version) == (sheet.stats, sheet.stat_points, sheet.version)


async def test_exploring_where_it_cannot_be_done(new_chat, game, redis):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.press("ex:")
    assert "nothing to explore in town" in chat.last_alert
    await go_to(chat, "Whispering Meadows")
    await redis.hset(f"account:{pid}", mapping={"stamina": "0.0", "stamina_at": repr(time.time())})
    await chat.press_button("Explore")
    cost = (await game.get_character(player_id=pid)).explore_cost
    assert f"Not enough stamina: {cost} needed, you have 0" in chat.last_alert
    assert await game.get_combat(player_id=pid) is None
    # An explore button from a place left behind explores nothing.
    await chat.press("ex:darkwood")
    assert "place you have left" in chat.last.text and "Whispering Meadows" in chat.last.text


async def test_fight_command_without_a_fight(new_chat):
    chat = new_chat()
    await register(chat)
    answer = await chat.send("/fight")
    assert "not in a fight" in answer[-1].text and has_button(answer[-1], "Look around")
