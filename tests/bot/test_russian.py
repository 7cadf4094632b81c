"""Russian that reads as Russian: names decline in the sentences they stand in and the words around
them agree with their gender; and no text in either language is left with a variable unfilled."""

from __future__ import annotations

import re
import time

import pytest
from fluent.syntax.ast import VariableReference
from fluent.syntax.visitor import Visitor

from bot.i18n import LOCALES, Translator, bundle
from bot.views import combat, economy, explore, guild, notifications, world
from bot.views.common import CASES, lower_first
from game.adapters.content_files import load_content
from game.api import ExploreResult
from game.api.economy import FillView
from game.api.guilds import LedgerEntry, LedgerPage
from game.application.presenters.names import grammar
from shared.events import BossPayout
from tests.bot import dtos
from tests.bot.conftest import register
from tests.bot.test_play_flow import go_to, no_errors_logged  # noqa: F401 — the autouse fixture applies here too
from tests.bot.world_helpers import button_data, empower, is_fight, move_to, win_fight

RU, EN = Translator("ru"), Translator("en")
CONTENT = load_content()

# Which names each role of a sentence stands for: a role a Russian text declines must be listed here.
ROLES = {
    "monster": ("monsters",),
    "boss": ("monsters", "bosses"),
    "location": ("locations",),
    "item": ("items",),
    "name": ("items", "bosses", "monsters"),
}
PLACE_CASES = {"at", "to"}


def names_of(collection: str):
    entries = getattr(CONTENT, collection).values()
    if collection == "bosses":
        return [(e.id, e.ru) for e in entries if e.name is not None]  # a boss without a title is its monster
    return [(e.id, e.ru) for e in entries]


def declined_in_russian() -> dict[str, set[str]]:
    """Role → the forms (`gender`, `gen`, `acc`, …) Russian texts ask of it."""

    class Variables(Visitor):
        def __init__(self) -> None:
            self.names: set[str] = set()

        def visit_VariableReference(self, node: VariableReference) -> None:
            self.names.add(node.id.name)

    found = Variables()
    for message in bundle("ru")._messages.values():
        found.visit(message)
    asked: dict[str, set[str]] = {}
    for name in found.names:
        role, _, form = name.rpartition("_")
        if role and form in (*CASES, "gender"):
            asked.setdefault(role, set()).add(form)
    return asked


def test_every_name_in_a_gendered_phrase_has_its_gender_and_the_forms_the_phrases_use():
    asked = declined_in_russian()
    assert {"monster", "location", "name"} <= set(asked), "the texts decline names"
    assert set(asked) <= set(ROLES), f"a role no test knows the names of: {set(asked) - set(ROLES)}"
    for role, forms in asked.items():
        for collection in ROLES[role]:
            needed = forms - PLACE_CASES if collection != "locations" else forms
            for entry_id, ru in names_of(collection):
                assert ru is not None, f"{collection}.json {entry_id}: no Russian forms, and {role} is declined"
                have = {"gender", *grammar(ru)["ru"].cases}
                assert needed <= have, f"{collection}.json {entry_id}: {sorted(needed - have)} missing"


def monster_fight(monster_id: str, **changes):
    monster = CONTENT.monsters[monster_id]
    return dtos.combat(
        monster_id=monster_id,
        monster_name=monster.name.as_dict(),
        monster_forms=grammar(monster.ru),
        **changes,
    )


@pytest.mark.parametrize(
    ("monster_id", "fallen"),
    [("giant_rat", "Гигантская крыса повержена!"), ("wild_boar", "Дикий кабан повержен!")],
)
def test_a_defeated_monster_agrees_with_its_gender(monster_id, fallen):
    won = monster_fight(monster_id, outcome="won", log=(dtos.log("hit", amount=9), dtos.log("won")))
    said = combat.text(RU, won)
    assert fallen in said
    assert f"Твой удар отнимает у {lower_first(CONTENT.monsters[monster_id].ru.gen)} <b>9</b> ОЗ." in said


def test_places_are_named_where_and_whither_with_their_preposition():
    meadows = CONTENT.locations["meadows"]
    here = dtos.place(id="meadows", name=meadows.name.as_dict(), name_forms=grammar(meadows.ru))
    assert world.travelled(RU, here).text.startswith("🚶 Дорога позади. Ты на Шепчущих лугах.")
    assert world.travelled(EN, here).text.startswith("You travel to Whispering Meadows.")
    road = here.exits[0].model_copy(update={"name": meadows.name.as_dict(), "name_forms": grammar(meadows.ru)})
    warned = world.travel_warning(RU, here.model_copy(update={"player_level": 1}), road)
    assert "прежде чем идти на Шепчущие луга" in warned.text
    ashford = CONTENT.locations["ashford"]
    lost = monster_fight(
        "giant_rat", outcome="lost", respawn_location=ashford.name.as_dict(), respawn_forms=grammar(ashford.ru)
    )
    assert "Ты приходишь в себя в Эшфорде с перевязанными ранами." in combat.text(RU, lost)


def test_the_first_tip_sends_a_newcomer_around_the_town_by_its_name():
    ashford = CONTENT.locations["ashford"]
    town = dtos.place(id="ashford", name=ashford.name.as_dict(), name_forms=grammar(ashford.ru), is_town=True)
    assert "Исследуй окрестности Эшфорда" in notifications.greeting(RU, "Алиса", town).text
    assert "explore the wilds around Ashford" in notifications.greeting(EN, "Alice", town).text


def test_a_boss_notice_agrees_with_the_boss_and_names_the_rewards_in_the_players_language():
    tusk = CONTENT.bosses["old_tusk"]
    boss = dtos.boss(name=tusk.name.as_dict(), name_forms=grammar(tusk.ru))
    bog = CONTENT.bosses["mother_of_the_bog"]
    mother = dtos.boss(name=bog.name.as_dict(), name_forms=grammar(bog.ru))
    payout = BossPayout(
        player_id=1,
        damage=10,
        xp=5,
        gold=7,
        items={"iron_ore": 2},
        item_names={"iron_ore": CONTENT.items["iron_ore"].name.as_dict()},
    )
    assert (
        "<b>Старый Клык</b> повержен!"
        in notifications.boss_ended(RU, boss, defeated=True, fought=True, killed=False).text
    )
    assert (
        "<b>Мать трясины</b> повержена!"
        in notifications.boss_ended(RU, mother, defeated=True, fought=True, killed=False).text
    )
    assert (
        "Твой удар добивает <b>Старого Клыка</b>!"
        in notifications.boss_ended(RU, boss, defeated=True, fought=True, killed=True).text
    )
    gone = notifications.boss_ended(RU, None, defeated=True, fought=True, killed=True).text
    assert "Твой удар добивает <b>мирового босса</b>!" in gone
    # The item left the bag since (sold, dropped): the payout still names it, in each language.
    for t, name in ((RU, CONTENT.items["iron_ore"].name.ru), (EN, CONTENT.items["iron_ore"].name.en)):
        told = notifications.boss_ended(t, boss, defeated=True, fought=True, killed=False, payout=payout, known={})
        assert f"{name} ×2" in told.text and "iron_ore" not in told.text


def test_an_item_is_named_in_the_case_its_sentence_needs():
    item = next(i for i in CONTENT.items.values() if i.ru is not None and i.ru.acc != i.name.ru)
    used = dtos.log("item", item=item.name.as_dict(), item_forms=grammar(item.ru))
    assert f"Ты используешь {lower_first(item.ru.acc)}." in combat.text(RU, monster_fight("giant_rat", log=(used,)))


def test_the_stamina_stat_and_vitality_are_different_words():
    for t in (RU, EN):
        vitality, stamina = t("stat-vitality"), t("explore-stamina", stamina=1, max_stamina=2)
        assert vitality.casefold()[:3] not in stamina.casefold(), (vitality, stamina)


# What Fluent leaves of a variable it was not given: `{$name}`, `{???}`, or the bare name (`monster_gen`).
UNFILLED = re.compile(
    r"\{\s*\$|\{\?\?\?\}|\{[a-z-]+\}|\$[a-z_]+"
    r"|\b[a-z]+_(?:[a-z]+_)*(?:gen|dat|acc|ins|pre|at|to|gender|the|The|a|A)\b"
)


def unfilled(chat) -> list[str]:
    bad = []
    for shown in chat.session.timeline:
        for piece in [shown.text or "", *(label for label, _ in shown.buttons())]:
            if UNFILLED.search(piece):
                bad.append(piece)
    return bad


def test_an_unfilled_variable_is_seen():
    for left in ("{$monster}", "{???}", "у monster_gen", "name_acc", "$gold"):
        assert UNFILLED.search(left), left
    assert not UNFILLED.search("🏆 Гигантская крыса повержена! You hit the Giant Rat.")


@pytest.mark.parametrize("locale", LOCALES)
async def test_no_text_on_the_main_screens_has_a_variable_left_unfilled(new_chat, game, container, db, redis, locale):
    chat = new_chat(user_id=700 + LOCALES.index(locale), language_code=locale)
    await register(chat, class_label="Воин" if locale == "ru" else "Warrior")
    pid = chat.user_id
    for command in ("/menu", "/me", "/look", "/inventory", "/skills", "/top", "/rifts", "/boss", "/settings", "/help"):
        await chat.send(command)
    await chat.send("/town")
    for label in ("🛒", "🛏", "⚒"):
        await chat.send("/town")
        await chat.press_button(label)
    await game.admin_open_rift(location_id="meadows")
    await game.admin_spawn_boss(location_id="meadows")
    await empower(db, pid, level=3)
    await move_to(container, pid, "meadows")
    await chat.send("/look")
    await chat.send("/rifts")
    await chat.send("/boss")
    for _ in range(6):
        menu = (await chat.send("/menu"))[-1]
        explore_data = button_data(menu, "ex:")
        if not explore_data:
            break
        shown = (await chat.press(explore_data[0], message=menu))[-1]
        if is_fight(shown):
            await win_fight(chat)
    await chat.send("/inventory")
    bag = chat.last
    for data in button_data(bag, "inv:")[:3]:
        await chat.press(data, message=bag)
    await redis.hset(f"account:{pid}", mapping={"stamina": "0.0", "stamina_at": repr(time.time()), "hp": 5})
    await chat.send("/menu")
    await chat.send("/me")
    await chat.send("/look")
    assert len(chat.session.timeline) > 30
    assert not unfilled(chat), unfilled(chat)


def test_english_names_take_the_article_they_need():
    def said(monster_id: str, *lines) -> str:
        return combat.text(EN, monster_fight(monster_id, outcome="won", log=lines))

    elemental, king = said("ice_elemental", dtos.log("won")), said("hollow_king", dtos.log("won"))
    assert "🏆 The Ice Elemental is defeated!" in elemental and "🏆 The Hollow King is defeated!" in king
    rat = said("giant_rat", dtos.log("hit", amount=3))
    assert "You hit the Giant Rat for <b>3</b>." in rat
    met = monster_fight("ice_elemental")
    assert explore.headline(EN, dtos_explore(met)) == "❗ An Ice Elemental blocks your way!"
    assert explore.headline(EN, dtos_explore(monster_fight("hollow_king"))) == "❗ The Hollow King blocks your way!"


def dtos_explore(fight):
    return ExploreResult(
        kind="monster", location_id="x", location_name=dtos.text("X"), stamina=1, max_stamina=2, combat=fight
    )


def test_the_guild_ledger_names_items_in_the_accusative():
    ore = CONTENT.items["iron_ore"]
    info = dtos.ORE.model_copy(update={"name": ore.name.as_dict(), "name_forms": grammar(ore.ru)})
    entry = LedgerEntry(
        id=1, at=0.0, player_id=1, player_name="Алиса", kind="deposit_item", item_id="iron_ore", quantity=2
    )
    shown = guild.ledger(RU, LedgerPage(entries=[entry], page=1, pages=1), {"iron_ore": info}).text
    assert f"Алиса сдаёт {lower_first(ore.ru.acc)} ×2" in shown


def test_the_market_names_items_in_the_genitive():
    ore = CONTENT.items["iron_ore"]
    assert ore.ru is not None and ore.ru.gen != ore.name.ru
    info = dtos.ORE.model_copy(update={"name": ore.name.as_dict(), "name_forms": grammar(ore.ru)})
    filled = economy.order_filled(
        RU, item_name=info.name, item_forms=info.name_forms, side="sell", quantity=3, price=10, fee=1, remaining=0
    ).text
    assert f"продано 3 шт. <b>{lower_first(ore.ru.gen)}</b> по 10 💰" in filled
    fill = FillView(item=info, side="buy", price=7, quantity=2, fee=0, at=0.0)
    assert f"Куплено 2 шт. {lower_first(ore.ru.gen)} по 7 💰" in economy.my_trades(RU, [fill]).text
    # English reads the name as it is.
    assert "Iron Ore" in economy.my_trades(EN, [fill]).text
