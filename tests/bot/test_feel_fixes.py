"""Small things a player notices: a level-up told once, a full bag that cannot take worn gear back, and
the time until HP and stamina are back wherever they are low."""

from __future__ import annotations

from bot.i18n import Translator
from bot.views import combat, explore, inventory, rifts, town
from game.api import ExploreResult, InnView
from shared.events import PlayerLeveledUp
from tests.bot import dtos
from tests.bot.conftest import register
from tests.bot.test_play_flow import no_errors_logged, sql  # noqa: F401 — the autouse fixture applies here too
from tests.bot.test_views_fights import data, labels
from tests.bot.world_helpers import button_data, is_fight, move_to, win_fight

EN, RU = Translator("en"), Translator("ru")


async def test_a_level_gained_in_a_fight_is_announced_once(new_chat, game, container, db):
    chat = new_chat(user_id=640)
    await register(chat)
    pid = chat.user_id
    notifier = await container.notifier()
    bus = await container.event_bus()
    await bus.consume_pending_once(notifier.handle)  # the greeting
    await sql(db, "UPDATE characters SET strength = 300, vitality = 300 WHERE player_id = :p", p=pid)
    sheet = await game.get_character(player_id=pid)
    await sql(db, "UPDATE characters SET xp = :x WHERE player_id = :p", p=pid, x=sheet.xp_to_next - 1)
    await move_to(container, pid, "meadows")
    for _ in range(10):
        menu = (await chat.send("/menu"))[-1]
        shown = (await chat.press(button_data(menu, "ex:")[0], message=menu))[-1]
        if is_fight(shown):
            break
    won = await win_fight(chat)
    assert "Level up!" in won.text
    published: list[PlayerLeveledUp] = []

    async def handle(event):
        if isinstance(event, PlayerLeveledUp):
            published.append(event)
        return await notifier.handle(event)

    before = len(chat.session.timeline)
    await bus.consume_pending_once(handle)
    assert published and all(e.shown for e in published), "the game still tells of the level"
    told = [m.text for m in chat.session.timeline[before:] if m.text and "level" in m.text.casefold()]
    assert not told, told
    # A level gained elsewhere (a boss's share, a rift's chest) is still announced.
    report = await notifier.handle(PlayerLeveledUp(player_id=pid, level=sheet.level + 2))
    assert report is not None and report.sent == 1


def test_with_a_full_bag_worn_gear_offers_no_unequip_and_says_why():
    roomy = dtos.bag((dtos.ORE, 3), worn={"weapon": dtos.SWORD})
    assert any(label.startswith("✖") for label in labels(inventory.screen(EN, roomy)))
    full = roomy.model_copy(update={"slots_used": 30})
    shown = inventory.screen(EN, full)
    assert not any(label.startswith("✖") for label in labels(shown))
    assert "Your bag is full: make room in it to take something off." in shown.text
    worn = inventory.detail(EN, full, "iron_sword")
    assert worn is not None and not [d for d in data(worn) if "unequip" in d]
    assert "bag is full" in worn.text
    assert "Сумка полна" in inventory.screen(RU, full).text
    empty_handed = full.model_copy(update={"equipment": {}})
    assert "bag is full" not in inventory.screen(EN, empty_handed).text  # nothing worn: nothing to say


def test_the_inn_says_when_hp_is_back_without_paying():
    view = InnView(price=20, gold=5, hp=30, max_hp=100, mana=40, max_mana=40)
    sheet = dtos.sheet(hp=30, hp_full_in=1500, stamina=20, stamina_full_in=600)
    shown = town.inn(EN, view, sheet=sheet)
    assert "❤️ full in 25 min" in shown.text and "⚡ full in 10 min" in shown.text
    assert "❤️ восстановится через 25 мин" in town.inn(RU, view, sheet=sheet).text
    rested = town.inn(EN, view.model_copy(update={"hp": 100}), sheet=dtos.sheet())
    assert "full in" not in rested.text


def test_an_exploration_or_a_won_fight_says_when_low_hp_is_back():
    sheet = dtos.sheet(hp=20, hp_full_in=1800, explore_in=0)
    found = ExploreResult(
        kind="nothing", location_id="meadows", location_name=dtos.text("Meadows"), stamina=50, max_stamina=100
    )
    assert "❤️ full in 30 min" in explore.screen(EN, found, sheet).text
    assert "full in" not in explore.screen(EN, found, dtos.sheet()).text  # at full HP: nothing to wait for
    won = dtos.combat(outcome="won", rewards=dtos.rewards())
    assert "❤️ full in 30 min" in combat.screen(EN, won, sheet=sheet).text
    tired = dtos.sheet(hp=20, hp_full_in=1800, explore_in=120)
    after = combat.screen(EN, won, sheet=tired)
    assert "⏳ Explore in 2 min" in labels(after) and after.text.count("next exploration") == 0


def test_a_finished_run_tells_its_whole_earnings_fights_treasures_and_chest():
    chest = dtos.rewards(xp=100, gold=50, items=(dtos.stack(dtos.ORE, 1),))
    cleared = dtos.run(
        "cleared",
        looted_gold=30,
        looted_items=(dtos.stack(dtos.ORE, 2),),
        fights_xp=60,
        fights_gold=20,
        fights_items=(dtos.stack(dtos.GEM, 1),),
        reward=chest,
    )
    shown = rifts.progress(EN, cleared).text
    total = shown[shown.index("The whole run earned you") :]
    assert "✨ +160 XP   💰 +100 gold" in total and "Iron Ore ×3" in total and "Star Shard ×1" in total
    left = rifts.progress(RU, dtos.run("left", fights_xp=5, fights_gold=2)).text
    assert "Всего за поход" in left and "+5 очков опыта" in left and "+2 золотых" in left
    going = rifts.progress(EN, dtos.run("active", fights_xp=5)).text
    assert "whole run" not in going  # told once it is over
    fell = rifts.progress(EN, dtos.run("fallen")).text
    assert "The whole run earned you</b>\nNothing this time." in fell


def test_gear_above_the_players_level_says_from_which_level_it_can_be_worn():
    ring = dtos.item("copper_ring", kind="equipment", slot="trinket", level=4, effects={})
    bag = dtos.bag((ring, 1))
    locked = bag.model_copy(update={"items": (bag.items[0].model_copy(update={"can_equip": False}),)})
    shown = inventory.detail(EN, locked, "copper_ring")
    assert shown is not None and "You can wear it from level 4." in shown.text and "Equip" not in labels(shown)
    assert "Надеть можно с 4-го уровня." in inventory.detail(RU, locked, "copper_ring").text
    wearable = inventory.detail(EN, bag, "copper_ring")
    assert "Equip" in labels(wearable) and "wear it from" not in wearable.text


def test_low_stamina_after_an_exploration_says_when_it_is_full():
    found = ExploreResult(
        kind="nothing", location_id="meadows", location_name=dtos.text("Meadows"), stamina=30, max_stamina=150
    )
    low = dtos.sheet(stamina=30, max_stamina=150, stamina_full_in=7200)
    assert "⚡ Stamina 30/150 · ⚡ full in 2 h" in explore.screen(EN, found, low).text
    plenty = found.model_copy(update={"stamina": 120})
    assert "full in" not in explore.screen(EN, plenty, dtos.sheet(stamina=120, stamina_full_in=1800)).text


async def test_the_shop_marks_gear_above_the_players_level_and_says_why():
    """Gear a player cannot wear yet is listed (what to save for) with a marked button that says why."""
    from bot.views import town
    from tests.fakes.game import build_game

    game = build_game()
    await game.api.register(player_id=1, name="Shopper", class_id="warrior")
    await game.edit(1, gold=10_000)
    view = await game.api.shop(player_id=1)
    assert view.player_level == 1
    above = [o for o in view.offers if o.kind == "equipment" and o.level > 1]
    wearable = [o for o in view.offers if o.kind == "equipment" and o.level <= 1]
    assert above and wearable
    labels_of: dict[str, str] = {}
    for page in range(len(view.offers) // town.SHOP_PAGE + 1):
        screen = town.shop(EN, view, page=page)
        for row in screen.markup.inline_keyboard:
            for b in row:
                if b.callback_data and b.callback_data.startswith("shop:b:"):
                    labels_of.setdefault(b.callback_data.split(":")[2], b.text)
    assert all(labels_of[o.id].startswith("⬆️") for o in above)
    assert all(labels_of[o.id].startswith("Buy ") for o in wearable)
    assert town.why_not(EN, view, above[0]) == (
        f"⬆️ {above[0].name['en']} can be worn from level {above[0].level}, and you are level 1. "
        "It stays on the shelf for you."
    )
    assert town.why_not(EN, view, wearable[0]) is None
