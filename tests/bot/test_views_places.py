"""Views drawn from DTOs, no game behind them: the menu, the sheet, the place and its roads, the bag,
refusals, and Russian that reads as Russian."""

from __future__ import annotations

import re

from fluent.syntax.ast import TextElement
from fluent.syntax.visitor import Visitor

from bot.callbacks import ExploreCb
from bot.i18n import Translator, bundle
from bot.views import character, inventory, menu, world
from bot.views.common import CASES
from bot.views.refusals import explain
from game.api import NotEnoughStamina, NothingToRestore
from tests.bot import dtos

EN, RU = Translator("en"), Translator("ru")


def labels(screen) -> list[str]:
    return [b.text for row in screen.markup.inline_keyboard for b in row]


def data(screen) -> list[str]:
    return [b.callback_data or "" for row in screen.markup.inline_keyboard for b in row]


# --- menu and sheet --------------------------------------------------------------------------------


def test_unspent_points_are_marked_on_the_buttons():
    sheet = dtos.sheet(stat_points=2, skill_points=1)
    shown = menu.main(EN, sheet, dtos.place())
    assert "🧍 Character •2" in labels(shown) and "🌳 Skills •1" in labels(shown)
    sheet_screen = character.screen(EN, sheet)
    assert "🌳 Skills •1" in labels(sheet_screen) and "+STR" in labels(sheet_screen)
    assert "Unspent: 2 stat points, 1 skill point" in sheet_screen.text
    spent = menu.main(EN, dtos.sheet(), dtos.place())
    assert "🧍 Character" in labels(spent) and "🌳 Skills" in labels(spent)


def test_the_first_free_skill_point_is_pointed_out():
    sheet = dtos.sheet(skill_points=1)
    assert "learn your first skill" in menu.main(EN, sheet, dtos.place(), hint_skills=True).text
    assert "learn your first skill" not in menu.main(EN, sheet, dtos.place()).text
    assert "выучи первое умение" in character.screen(RU, sheet, hint_skills=True).text


def test_the_sheet_shows_magic_and_when_everything_is_back():
    sheet = dtos.sheet(hp=30, mana=40, stamina=3, hp_full_in=900, stamina_full_in=3600, explore_in=120)
    shown = character.screen(EN, sheet)
    assert "✨ Magic 9" in shown.text
    assert "❤️ full in 15 min · ⚡ next exploration in 2 min" in shown.text
    full = character.screen(EN, dtos.sheet())
    assert "full in" not in full.text and "next exploration" not in full.text
    # The sheet says when stamina is full even when an exploration is possible already.
    topping = character.screen(EN, dtos.sheet(stamina=80, stamina_full_in=600))
    assert "⚡ full in 10 min" in topping.text
    # The menu only says what is low.
    assert "❤️ full in 15 min" in menu.main(EN, sheet, dtos.place()).text
    scratched = dtos.sheet(hp=90, hp_full_in=60)
    assert "full in" not in menu.main(EN, scratched, dtos.place()).text


def test_exploring_is_offered_where_and_when_it_can_be_done():
    wild, town = dtos.place(), dtos.place(id="ashford", is_town=True)
    ready = menu.main(EN, dtos.sheet(), wild)
    [explore] = [ExploreCb.unpack(d) for d in data(ready) if d.startswith("ex:")]
    assert explore.loc is None and "nav:town" not in data(ready)  # wherever the player is
    # Each drawn button carries its own once-only token; one drawn before tokens still reads.
    [again] = [ExploreCb.unpack(d) for d in data(menu.main(EN, dtos.sheet(), wild)) if d.startswith("ex:")]
    assert explore.t and again.t and explore.t != again.t
    assert ExploreCb.unpack("ex:meadows") == ExploreCb(loc="meadows")
    in_town = menu.main(EN, dtos.sheet(), town)
    assert not [d for d in data(in_town) if d.startswith("ex:")] and "nav:town" in data(in_town)
    tired = menu.main(EN, dtos.sheet(explore_in=300), wild)
    assert "⏳ Explore in 5 min" in labels(tired) and "🔎 Explore" not in labels(tired)
    fighting = menu.main(EN, dtos.sheet(in_combat=True), wild)
    assert data(fighting)[0] == "nav:fight" and not [d for d in data(fighting) if d.startswith("ex:")]
    busy = world.location(EN, wild, fighting=True)
    assert data(busy) == ["nav:fight", "nav:menu"] and "the roads wait" in busy.text
    place = world.location(EN, wild, explore_in=300)
    assert "⏳ Explore in 5 min" in labels(place) and "🔎 Explore" not in labels(place)


# --- the place -------------------------------------------------------------------------------------


def test_a_risky_road_is_marked_and_warns_before_it_is_taken():
    here = dtos.place(player_level=3)
    shown = world.location(EN, here)
    assert "⚠️ ➡️ Sunken Ruins (lvl 7)" in labels(shown) and "➡️ Darkwood Forest (lvl 3)" in labels(shown)
    ruins = here.exits[2]
    warning = world.travel_warning(EN, here, ruins)
    assert "Its monsters are level 7, and you are level 3" in warning.text
    assert data(warning)[0] == "gox:meadows:ruins" and "nav:look" in data(warning)
    hurt_in_town = dtos.place(id="ashford", is_town=True, hp=20, max_hp=100)
    leaving = world.travel_warning(EN, hurt_in_town, here.exits[1])
    assert "You have only 20 of 100 HP" in leaving.text and "nav:inn" in data(leaving)
    # Hurt, a road towards easier ground (and town) is no risk; an unknown level warns of nothing.
    assert not world.risky(dtos.place(level=3, hp=10), here.exits[0])
    assert not world.risky(dtos.place(player_level=0), ruins)


def test_the_place_shows_its_rift_and_boss_with_the_way_to_them():
    here = dtos.place(rifts=(dtos.rift_here(),), boss=dtos.boss_here())
    shown = world.location(EN, here)
    assert "👹 <b>Old Tusk</b> is here!" in shown.text and "5,000/6,920" in shown.text
    assert "🌀 A rift is open here: <b>Fractured Hollow</b>" in shown.text
    assert "bs:show:b1" in data(shown) and "rf:enter:r1:-1" in data(shown)
    assert "👹 Fight Old Tusk" in labels(shown) and "🌀 Enter Fractured Hollow" in labels(shown)
    mine = world.location(EN, here, run=dtos.run("active"))
    assert "rf:show::-1" in data(mine) and "rf:enter:r1:-1" not in data(mine)
    walked = world.location(EN, here, run=dtos.run("left"))
    assert "You have walked this one" in walked.text and not [d for d in data(walked) if d.startswith("rf:")]
    locked = world.location(EN, dtos.place(player_level=1, rifts=(dtos.rift_here(min_level=5),)))
    assert "You need level 5 to enter." in locked.text and not [d for d in data(locked) if d.startswith("rf:")]
    # No boss here: no boss button that could only refuse.
    assert not [d for d in data(world.location(EN, dtos.place())) if d.startswith("bs:") or d == "nav:boss"]


# --- the bag ---------------------------------------------------------------------------------------


def test_items_can_be_dropped_gear_and_rare_things_after_a_confirmation():
    bag = dtos.bag((dtos.item(), 3), (dtos.SWORD, 1), (dtos.GEM, 2), (dtos.ORE, 1))
    potion = inventory.detail(EN, bag, "minor_healing_potion")
    assert "drop:minor_healing_potion:1:7:1:0" in data(potion) and "drop:minor_healing_potion:3:7:1:0" in data(potion)
    assert "🗑 Drop all (3)" in labels(potion)
    sword = inventory.detail(EN, bag, "iron_sword")
    assert data(sword).count("drop:iron_sword:1:7:0:0") == 1 and "🗑 Drop all" not in " ".join(labels(sword))
    gem = inventory.detail(EN, bag, "star_shard")
    assert "drop:star_shard:2:7:0:0" in data(gem)
    asked = inventory.confirm_drop(EN, bag.items[2], 2, bag.version, 0)
    assert "Drop <b>Star Shard</b> ×2? Whatever you drop is gone for good." in asked.text
    assert data(asked) == ["drop:star_shard:2:7:1:0", "inv:item:star_shard:0:0"]
    assert EN("dropped", name="Iron Ore", count="") == "🗑 You dropped Iron Ore."
    # Worn gear is taken off, not dropped.
    worn = inventory.detail(EN, dtos.bag(worn={"weapon": dtos.SWORD}), "iron_sword")
    assert not [d for d in data(worn) if d.startswith("drop:")]


def test_a_potion_keeps_its_use_button_beside_sell_in_town():
    bag = dtos.bag((dtos.item(), 3))
    for in_town in (False, True):
        row = inventory.screen(EN, bag, in_town=in_town).markup.inline_keyboard[0]
        assert [b.text for b in row[1:]] == (["Use", "Sell 3💰"] if in_town else ["Use"])
        detail = inventory.detail(EN, bag, "minor_healing_potion", in_town=in_town)
        assert "Use" in labels(detail) and ("Sell 3💰" in labels(detail)) == in_town


# --- refusals --------------------------------------------------------------------------------------


def test_new_refusals_are_worded():
    assert explain(EN, NothingToRestore()) == "🧪 Your HP and mana are already full: keep it for later."
    assert "прибереги зелье" in explain(RU, NothingToRestore())
    short = NotEnoughStamina(needed=5, available=1)
    assert explain(EN, short).endswith("it comes back with time.")
    timed = NotEnoughStamina(needed=5, available=1, seconds=240)
    assert explain(EN, timed) == "⚡ Not enough stamina: 5 needed, you have 1. You can explore again in 4 min."
    assert explain(RU, timed).endswith("Исследовать снова можно будет через 4 мин.")


# --- Russian ---------------------------------------------------------------------------------------


def test_vitality_and_stamina_are_different_words_in_russian():
    vitality = RU("stat-vitality")
    stamina = RU("explore-stamina", stamina=1, max_stamina=2)
    assert vitality == "ВЫН" and "Энергия" in stamina and "Выносливость" not in stamina
    sheet = character.screen(RU, dtos.sheet()).text
    assert "⚡ Энергия 100/100" in sheet and "🛡 ВЫН 6" in sheet and "Выносливость" not in sheet


def test_russian_has_no_colon_shortcuts_where_a_sentence_belongs():
    """A verb or a "your …" followed by a colon and a name ("Ты отправляешься: …", "Твой удар: …") is the
    shortcut of a sentence that did not want to decline the name: none is left."""
    shortcut = re.compile(r"(Ты \w+|Твой удар|Твоя \w+|Использовано|Куплено|Продано|Надето|Выброшено): $")
    found = [key for key, pieces in texts("ru").items() if any(shortcut.search(piece) for piece in pieces)]
    assert texts("ru")["travelled"], "the scan reads no text: it is stale"
    assert not found, found


def texts(locale: str) -> dict[str, list[str]]:
    """The literal text of each message, piece by piece (a placeable ends a piece)."""

    class Texts(Visitor):
        def __init__(self) -> None:
            self.pieces: list[str] = []

        def visit_TextElement(self, node: TextElement) -> None:
            self.pieces.append(node.value)

    found = {}
    for key, message in bundle(locale)._messages.items():
        visitor = Texts()
        visitor.visit(message)
        found[key] = visitor.pieces
    return found


def test_russian_sentences_about_a_name_without_forms_still_read_as_russian():
    """A name that comes without its forms (newer content than this bot) falls back to the word itself
    and the masculine: the sentence is still whole, with no variable left unfilled."""
    monster = {"monster": "Гиена", "monster_gender": "other"} | {f"monster_{c}": "Гиена" for c in ("nom", *CASES)}
    for key in ("log-won", "log-stunned-monster", "log-hit-player", "explore-monster", "log-miss-monster"):
        said = RU(key, **monster, amount=5, effect="Оглушение", turns=2)
        assert "Гиена" in said and "{" not in said, said
