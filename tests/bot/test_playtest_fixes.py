"""What a playtest found: a shop whose buttons moved with the purse, a bag without Use in town, Russian
names capitalised mid-sentence, bounty buttons alike, raw decimals for stat bonuses, the forge's one lock
for three reasons, and a half-registered newcomer starting over."""

from __future__ import annotations

from bot.callbacks import ShopCb
from bot.i18n import Translator
from bot.views import town
from game.api import ShopView
from tests.bot.conftest import register
from tests.bot.test_play_flow import labels, no_errors_logged, sql  # noqa: F401 — the autouse fixture applies here too
from tests.fakes.game import build_game

EN, RU = Translator("en"), Translator("ru")


# --- the shop ----------------------------------------------------------------------------------------


def rows_of(screen) -> list[list[str]]:
    """Each keyboard row as the items its buttons act on (or the button's kind for the others)."""
    rows = []
    for row in screen.markup.inline_keyboard:
        rows.append(
            [b.callback_data.split(":")[2] if b.callback_data.startswith("shop:b:") else b.callback_data for b in row]
        )
    return rows


async def test_every_offer_keeps_its_row_whatever_the_purse_holds():
    game = build_game()
    await game.api.register(player_id=1, name="Shopper", class_id="warrior")
    layouts = []
    for gold in (0, 25, 10_000):
        await game.edit(1, gold=gold)
        view = await game.api.shop(player_id=1)
        pages = range(-(-len(view.offers) // town.SHOP_PAGE))
        layouts.append([rows_of(town.shop(EN, view, page=p)) for p in pages])
    poor, some, rich = layouts
    # Versions differ (gold was changed); what each row acts on does not.
    assert poor == some == rich
    # The poor player's buttons are there, marked; the rich one's say Buy.
    broke = town.shop(EN, (await game.api.shop(player_id=1)).model_copy(update={"gold": 0}), page=0)
    first = broke.markup.inline_keyboard[0]
    assert first[0].text == "💸 Bread (4💰)" and first[1].text == "💸 ×5 (20💰)"
    assert "💸 not enough gold — tap one to see why." in broke.text  # no gear on this page: no ⬆️


async def test_gear_is_bought_once_confirmed_and_a_double_tap_buys_nothing_more(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.send("/town")
    await chat.press_button("Shop")
    for _ in range(3):  # the page with the Rusty Sword
        if any("Rusty Sword" in label for label in labels(chat.last)):
            break
        await chat.press_button("▶️")
    # 20 gold: the sword (30) shows, marked, and says why when pressed; nothing is bought.
    await chat.press_button("💸 Rusty Sword")
    assert chat.last_alert == "💸 Rusty Sword costs 30 gold and you have 20: 10 short."
    assert (await game.get_character(player_id=pid)).gold == 20

    await sql(db, "UPDATE characters SET gold = 100 WHERE player_id = :p", p=pid)
    shop = (await chat.press(ShopCb(act="buy", p=1).pack()))[-1]  # the same page, as it is now
    row = next(i for i, r in enumerate(shop.buttons()) if "Rusty Sword" in r[0])
    asked = (await chat.press_button("Buy Rusty Sword"))[-1]
    assert "Buy <b>Rusty Sword</b> for 30 gold? You will have 70 left." in asked.text
    assert (await game.get_character(player_id=pid)).gold == 100  # asking bought nothing
    yes_row = next(i for i, (label, _) in enumerate(asked.buttons()) if label.startswith("✅"))
    assert yes_row != row, "a double tap on the Buy button must not land on Yes"
    yes = asked.buttons()[yes_row][1]
    receipt = (await chat.press(yes, message=asked))[-1]
    assert "Bought Rusty Sword. 70 gold left." in receipt.text
    assert not [d for _, d in receipt.buttons() if d.startswith("shop:b:")], "nothing to buy on the receipt"
    # The same Yes again (a double tap that reached the old screen): nothing more is bought.
    await chat.press(yes, message=asked)
    assert (await game.get_character(player_id=pid)).gold == 70
    assert (await game.inventory(player_id=pid)).items[0].quantity == 1


async def test_a_second_tap_on_the_redrawn_shop_is_taken_for_a_double_tap(new_chat, game, db):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.send("/town")
    await chat.press_button("Shop")
    await chat.press_button("Buy Bread")
    assert (await game.get_character(player_id=pid)).gold == 16
    await chat.press_button("Buy Bread")  # at once, on the screen the first tap redrew
    assert chat.last_alert == "✋ Done already. Tap again in a moment if you meant to trade twice."
    assert (await game.get_character(player_id=pid)).gold == 16
    # Another screen chosen in between: a press on it is meant.
    await chat.press_button("Sell")
    await chat.press_button("Sell Bread")
    assert (await game.get_character(player_id=pid)).gold == 17


async def test_selling_the_last_of_a_stack_from_the_bag_never_sells_the_next_row_on_a_double_tap(new_chat, game):
    chat = new_chat()
    await register(chat)
    pid = chat.user_id
    await chat.send("/town")
    await chat.press_button("Shop")
    await chat.press_button("Buy Bread")
    bag = (await chat.send("/bag"))[-1]
    sells = [(label, data) for label, data in bag.buttons() if label.startswith("Sell")]
    assert [label for label, _ in sells] == ["Sell 1💰", "Sell 3💰"]  # the bread, then the potions
    sold = (await chat.press(sells[0][1], message=bag))[-1]
    assert "Sold Bread." in sold.text and "Bread" not in sold.text.split("(page 1/1)")[1]
    # At once, the same place on the redrawn bag: now the potions' row. Taken for a double tap.
    moved = [data for label, data in sold.buttons() if label.startswith("Sell")]
    await chat.press(moved[0], message=sold)
    assert chat.last_alert == "✋ Done already. Tap again in a moment if you meant to trade twice."
    assert (await game.inventory(player_id=pid)).items[0].quantity == 3


# --- Russian names inside a sentence -----------------------------------------------------------------


def test_russian_common_names_are_lower_case_inside_a_sentence_and_proper_names_keep_their_capital():
    from game.application.presenters.items import item_info
    from tests.bot import dtos
    from tests.bot.test_russian import CONTENT, monster_fight

    sword, widowmaker = (item_info(CONTENT.items[i]) for i in ("rusty_sword", "widowmaker"))
    view = ShopView(version=1, gold=70, offers=(sword, widowmaker), sellable=(), player_level=1)
    assert town.bought(RU, view, "rusty_sword", 1) == "✅ Ты покупаешь ржавый меч. Золота осталось 70."
    assert town.bought(RU, view, "widowmaker", 1) == "✅ Ты покупаешь Вдоводел. Золота осталось 70."
    assert town.bought(EN, view, "rusty_sword", 1) == "✅ Bought Rusty Sword. 70 gold left."
    assert town.offer_label(RU, view, sword, 1) == "Купить ржавый меч (30💰)"
    # A monster met: lower case inside the sentence, a capital where it starts one; a king keeps his.
    met = explore_monster(monster_fight("giant_rat"))
    assert "❗ На тебя напала гигантская крыса!" in met
    won = monster_fight("giant_rat", outcome="won", log=(dtos.log("won"),))
    from bot.views import combat

    assert "🏆 Гигантская крыса повержена!" in combat.text(RU, won)
    assert "❗ На тебя напал Полый король!" in explore_monster(monster_fight("hollow_king"))


def explore_monster(fight) -> str:
    from bot.views import explore
    from game.api import ExploreResult
    from tests.bot import dtos

    found = ExploreResult(
        kind="monster",
        location_id="meadows",
        location_name=dtos.text("Meadows"),
        stamina=50,
        max_stamina=100,
        combat=fight,
    )
    return explore.screen(RU, found, dtos.sheet()).text


# --- bounties ----------------------------------------------------------------------------------------


def test_each_bounty_button_says_which_bounty_it_pays():
    from bot.views import economy
    from game.api.economy import BountyView, DailyView

    def done(bounty_id, kind, target, gold, period="day"):
        return BountyView(
            id=bounty_id,
            kind=kind,
            period=period,
            target=target,
            progress=target,
            gold=gold,
            paid=False,
            seconds_left=3600,
        )

    bounties = [
        done("win_fights", "fights_won", 5, 30),
        done("craft", "crafted", 1, 30),
        done("trade", "traded", 1, 30),
        done("weekly_fights", "fights_won", 60, 250, "week"),
    ]
    view = DailyView(
        streak=1,
        max_streak=7,
        claimable=False,
        seconds_to_next=60,
        seconds_to_lapse=None,
        gold=20,
        rewards=[20],
        bounties=bounties,
    )
    shown = labels_of(economy.daily(EN, view))
    claims = [label for label in shown if label.startswith("🎯")]
    assert claims == [
        "🎯 Win 5 fights — take 30 💰",
        "🎯 Craft something at the forge — take 30 💰",
        "🎯 Make a trade on the market — take 30 💰",
        "🎯 Win 60 fights — take 250 💰",
    ]
    ru = [label for label in labels_of(economy.daily(RU, view)) if label.startswith("🎯")]
    assert ru[0] == "🎯 Победить в 5 боях — забрать 30 💰" and len(set(ru)) == 4
    assert economy.bounty_paid(EN, bounties[1], 30) == "✅ Bounty done (Craft something at the forge): 30 💰 are yours."


def labels_of(screen) -> list[str]:
    return [b.text for row in screen.markup.inline_keyboard for b in row]


# --- stat bonuses --------------------------------------------------------------------------------------


def test_shares_among_an_items_bonuses_read_as_percentages_everywhere_it_is_listed():
    from bot.views import inventory
    from bot.views.common import bonuses_line
    from game.application.presenters.items import item_info
    from tests.bot.test_russian import CONTENT

    buckler = item_info(CONTENT.items["sword_and_buckler"])
    assert buckler.bonuses["damage_reduction"] == 0.02
    view = ShopView(version=1, gold=0, offers=(buckler,), sellable=(), player_level=1)
    for said in (town.offer_line(EN, buckler), "\n".join(inventory.item_text(EN, buckler)), town.shop(EN, view).text):
        assert "Damage taken −2%" in said and "0.02" not in said and "damage reduction" not in said
    assert "Урон по тебе −2%" in "\n".join(inventory.item_text(RU, buckler))
    every = {
        "crit_chance": 0.03,
        "dodge_chance": 0.05,
        "crit_damage": 0.25,
        "lifesteal": 0.06,
        "damage_reduction": 0.15,
        "mana_regen": 4,
    }
    assert bonuses_line(EN, every) == (
        "Crit +3%, Dodge +5%, Crit damage +25%, Lifesteal +6%, Damage taken −15%, Mana each turn +4"
    )
    assert bonuses_line(RU, every) == (
        "Крит +3%, Уклонение +5%, Урон крита +25%, Вампиризм +6%, Урон по тебе −15%, Мана за ход +4"
    )


# --- the forge -------------------------------------------------------------------------------------------


def test_the_forge_marks_why_a_recipe_cannot_be_made_with_a_legend():
    from game.api import ForgeView, MaterialNeed, RecipeView
    from tests.bot import dtos

    ore = dtos.item("iron_ore", name=dtos.text("Iron Ore", "Железная руда"), kind="material", effects={})

    def recipe(recipe_id, *, level=1, gold=10, have=2, craftable=False):
        result = dtos.item(recipe_id, name=dtos.text(recipe_id.title(), recipe_id.title()))
        need = MaterialNeed(item=ore, needed=2, have=have)
        return RecipeView(
            id=recipe_id, result=result, quantity=1, gold=gold, level=level, materials=(need,), craftable=craftable
        )

    forge = ForgeView(
        version=1,
        gold=50,
        level=3,
        recipes=(
            recipe("ready", craftable=True),
            recipe("high", level=5),
            recipe("short", have=1),
            recipe("dear", gold=80),
        ),
    )
    shown = town.forge(EN, forge).text
    assert "✅ ready to craft · ⬆️ your level is too low · 🪨 materials missing · 💸 not enough gold" in shown
    heads = [line.split(" <b>")[0] for line in shown.splitlines() if "<b>" in line and "Forge" not in line]
    assert heads == ["✅", "⬆️", "🪨", "💸"]
    assert "lvl 5 ❌" in shown and "Iron Ore 1/2 ❌" in shown and "💰 80 ❌" in shown
    assert "🔒" not in shown
    assert "⬆️ мал уровень" in town.forge(RU, forge).text


# --- registration ----------------------------------------------------------------------------------------


async def test_a_newcomer_back_after_choosing_a_name_goes_on_from_the_class(new_chat, game, dispatcher, bot):
    from bot.local_chat import LocalChat

    chat = new_chat(user_id=777)
    await chat.send("/start")
    await chat.send("Halfway")
    # Gone; back later (another device: a chat of its own), with /start.
    back = LocalChat(dispatcher, bot, user_id=777, language_code="en")
    resumed = (await back.send("/start"))[-1]
    assert "Welcome back! Your name <b>Halfway</b> is kept: only the class is left to choose." in resumed.text
    assert labels(resumed) == ["Warrior", "Rogue", "Mage"]
    done = (await back.press_button("Mage", message=resumed))[-1]
    assert "<b>Halfway</b> the Mage steps into Ashford." in done.text
    assert (await game.get_character(player_id=777)).name == "Halfway"


async def test_a_name_sent_while_the_class_is_chosen_replaces_the_first(new_chat, game):
    chat = new_chat(user_id=778, language_code="ru")
    await chat.send("/start")
    await chat.send("Первое")
    again = (await chat.send("/start"))[-1]
    assert "Имя <b>Первое</b> сохранено, осталось выбрать класс." in again.text
    asked = (await chat.send("Второе"))[-1]
    assert "<b>Второе</b>, выбери класс." in asked.text
    await chat.press_button("Воин", message=asked)
    assert (await game.get_character(player_id=778)).name == "Второе"


# --- the fight's buttons ---------------------------------------------------------------------------------


async def test_a_skill_cooling_down_keeps_its_button_and_says_when_it_is_ready(new_chat, game, db, redis):
    from tests.bot.test_play_flow import empower, go_to, meet_a_monster

    chat = new_chat(user_id=779)
    await register(chat, class_label="Rogue")
    await chat.press_button("Skills")
    await chat.press_button("Learn Backstab")
    await empower(db, chat.user_id)
    await sql(db, "UPDATE characters SET strength = 5 WHERE player_id = :p", p=chat.user_id)  # a long fight
    await go_to(chat, "Whispering Meadows")
    fight = await meet_a_monster(chat, redis)
    first = [label for label, _ in fight.buttons()]
    after = (await chat.press_button("Backstab", message=fight))[-1]
    if not any(label.startswith("⏳ Backstab") for label, _ in after.buttons()):
        return  # the monster fell at the first blow: nothing cools down
    assert [label for label, _ in after.buttons()][:2] == first[:2]
    assert [label for label, _ in after.buttons()].index("⏳ Backstab (1)") == first.index("✨ Backstab (5 🔷)")
    turn = (await game.get_combat(player_id=chat.user_id)).turn
    await chat.press_button("⏳ Backstab", message=after)
    assert chat.last_alert == "⏳ Not ready yet: 1 more turn."
    assert (await game.get_combat(player_id=chat.user_id)).turn == turn  # nothing was played
