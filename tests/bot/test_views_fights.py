"""Views drawn from DTOs, no game behind them: fights, rifts, world bosses and rewards, in both languages.

Each test pins one thing a player saw wrong (or must keep seeing right)."""

from __future__ import annotations

from bot.i18n import Translator
from bot.views import bosses, combat, notifications, rewards, rifts
from bot.views.common import bar, num
from game.api import BossAttackResult, ClassInfo, LeaderboardRow, Stats
from shared.events import BossPayout
from tests.bot import dtos

EN, RU = Translator("en"), Translator("ru")
NBSP = "\xa0"


def labels(screen) -> list[str]:
    return [b.text for row in screen.markup.inline_keyboard for b in row]


def data(screen) -> list[str]:
    return [b.callback_data or "" for row in screen.markup.inline_keyboard for b in row]


# --- numbers ---------------------------------------------------------------------------------------


def test_a_number_reads_one_way_per_language_whoever_formats_it():
    assert num(EN, 6920) == "6,920" and num(RU, 6920) == f"6{NBSP}920"
    # What a view puts together and what Fluent formats agree.
    assert bar(EN, 2001, 6920).endswith("2,001/6,920") and bar(RU, 2001, 6920).endswith(f"2{NBSP}001/6{NBSP}920")
    assert EN("reward-gold", gold=6920) == "💰 +6,920 gold"
    assert RU("reward-gold", gold=6920) == f"💰 +6{NBSP}920 золотых"
    screen = bosses.screen(RU, [dtos.boss()], here="meadows")
    assert f"5{NBSP}000/6{NBSP}920" in screen.text and "6920" not in screen.text and "6,920" not in screen.text


# --- the fight -------------------------------------------------------------------------------------


def test_plurals_follow_each_languages_categories():
    assert EN("err-skill-cooldown", turns=1) == "⏳ Not ready yet: 1 more turn."
    assert EN("err-skill-cooldown", turns=2) == "⏳ Not ready yet: 2 more turns."
    said = {n: RU("err-skill-cooldown", turns=n) for n in (1, 2, 5, 11, 21, 22)}
    assert said[1].endswith("1 ход.") and said[21].endswith("21 ход.")
    assert said[2].endswith("2 хода.") and said[22].endswith("22 хода.")
    assert said[5].endswith("5 ходов.") and said[11].endswith("11 ходов.")
    assert RU("reward-gold", gold=1) == "💰 +1 золотой" and RU("reward-gold", gold=21) == "💰 +21 золотой"
    assert RU("reward-xp", xp=3) == "✨ +3 очка опыта" and RU("reward-xp", xp=25) == "✨ +25 очков опыта"


def test_a_cooldown_says_how_often_the_skill_can_be_used():
    from bot.views.skills import skill_line
    from game.api import SkillTreeView, SkillView

    def line(t: Translator, cooldown: int) -> str:
        skill = SkillView(
            id="s",
            name=dtos.text("Strike"),
            description=dtos.text("Hits."),
            kind="active",
            level=1,
            requires=(),
            mana=5,
            cooldown=cooldown,
            learned=True,
            learnable=False,
        )
        tree = SkillTreeView(version=1, class_id="warrior", level=1, skill_points=0, skills=(skill,))
        return skill_line(t, tree, skill)[0]

    assert "ready every turn" in line(EN, 1) and "ready every turn" in line(EN, 0)
    assert "once every 2 turns" in line(EN, 2)
    assert "можно каждый ход" in line(RU, 1) and "раз в 2 хода" in line(RU, 2) and "раз в 5 ходов" in line(RU, 5)
    assert "Cooldown" not in line(EN, 1) and "cooldown" not in line(EN, 1)


def test_a_getaway_is_said_once():
    fled = dtos.combat(outcome="fled", log=(dtos.log("fled"),))
    assert combat.fled(EN, fled) == "🏃 You slip away!"
    assert combat.text(EN, fled).count("slip away") == 1 and "You got away" not in combat.text(EN, fled)
    # A log without the getaway line still says it.
    assert combat.fled(EN, dtos.combat(outcome="fled")) == "🏃 You got away."


def test_the_fight_buttons_keep_their_places_turn_after_turn():
    view = dtos.combat(
        skills=(
            dtos.skill("ready"),
            dtos.skill("cooling", ready=False, cooldown_left=1),
            dtos.skill("poor", ready=False, mana=99),
        ),
        items=(dtos.stack(dtos.item(), 3),),
    )
    shown = combat.screen(EN, view)
    # Attack and Flee first, then every skill: one not ready is marked (the game says why when pressed).
    rows = [[b.text for b in row] for row in shown.markup.inline_keyboard]
    assert rows[:3] == [
        ["⚔️ Attack", "🏃 Flee (50%)"],
        ["✨ Power Strike (5 🔷)", "⏳ Power Strike (1)"],
        ["🔷 Power Strike (99 🔷)"],
    ]
    assert "⏳ Power Strike: ready in 1 turn" in shown.text and "🔷 Power Strike: needs 99 mana" in shown.text
    # At full HP a healing potion would restore nothing: not offered; once hurt, it is, after the rest.
    assert not [d for d in data(shown) if ":item:" in d]
    hurt = combat.screen(EN, view.model_copy(update={"player": dtos.fighter(hp=40)}))
    assert [d for d in data(hurt) if ":item:" in d] == ["f:c1:3:item:minor_healing_potion"]
    assert [[b.text for b in row] for row in hurt.markup.inline_keyboard][:3] == rows


def test_a_won_fight_lists_every_reward_and_a_level_up_shows_where_to_spend_it():
    won = dtos.combat(
        outcome="won",
        rewards=dtos.rewards(
            xp=1200,
            gold=35,
            items=(dtos.stack(dtos.ORE, 2),),
            items_lost=(dtos.stack(dtos.GEM, 1),),
            level=4,
            levels_gained=1,
        ),
    )
    shown = combat.screen(EN, won, explore_in=180)
    assert "✨ +1,200 XP   💰 +35 gold" in shown.text and "Iron Ore ×2" in shown.text
    assert "left behind" in shown.text and "Star Shard ×1" in shown.text and "level 4" in shown.text
    assert "nav:sheet" in data(shown) and "nav:skills" in data(shown)
    # No stamina for another exploration: the button says how long until there is.
    assert "⏳ Explore in 3 min" in labels(shown) and "🔎 Explore again" not in labels(shown)
    assert rewards.lines(EN, dtos.rewards(xp=0, gold=0)) == ["Nothing this time."]


def test_a_level_up_notice_leads_to_where_the_points_are_spent():
    told = notifications.level_up(RU, 5)
    assert told.text.startswith("🎉 Теперь у тебя 5-й уровень!")
    assert data(told) == ["nav:sheet", "nav:skills"]


def test_a_fall_lists_what_it_cost():
    def fell(t: Translator, gold: int, xp: int) -> str:
        return combat.text(t, dtos.combat(outcome="lost", gold_lost=gold, xp_lost=xp))

    assert "💰 You lost 20 gold. Your items are safe." in fell(EN, 20, 0)
    assert "💰 You lost 4 gold and ✨ 30 XP. Your items are safe." in fell(EN, 4, 30)
    assert "✨ You lost 30 XP. Your items are safe." in fell(EN, 0, 30)
    assert "Your gold and items are safe." in fell(EN, 0, 0)
    assert "Ты теряешь 1 золотой и ✨ 22 очка опыта. Вещи целы." in fell(RU, 1, 22)


# --- rifts -----------------------------------------------------------------------------------------


def test_a_rift_fight_leads_back_to_the_rift_however_it_ended():
    won = combat.screen(EN, dtos.combat(outcome="won", part_of="rift", rewards=dtos.rewards()))
    back = rifts.with_way_back(EN, won, dtos.run("active"))
    assert labels(back)[0] == "🌀 Back to the rift" and data(back)[0] == "rf:show::-1"
    assert not [d for d in data(back) if d.startswith("ex:")]  # exploring would lead out of it
    chest = rifts.with_way_back(EN, won, dtos.run("cleared"))
    assert labels(chest)[0] == "🎁 To the rift's chest"
    lost = combat.screen(EN, dtos.combat(outcome="lost", part_of="rift", gold_lost=3))
    ended = rifts.with_way_back(EN, lost, dtos.run("fallen"))
    assert labels(ended)[0] == "🌀 How the run ended" and "🌀 Back to the rift" not in labels(ended)


def test_a_run_that_ended_is_not_offered_as_yours():
    here = dtos.place()
    for status in ("fallen", "left", "collapsed", "cleared"):
        shown = rifts.listing(EN, [dtos.rift()], here, run=dtos.run(status))
        assert "You have walked this one" in shown.text, status
        assert not [d for d in data(shown) if d.startswith("rf:show") or d.startswith("rf:enter")], status
        assert "Back to" not in " ".join(labels(shown)) and "My run" not in " ".join(labels(shown))
    going = rifts.listing(EN, [dtos.rift()], here, run=dtos.run("active"))
    assert labels(going)[0] == "🌀 Back to my rift"
    # A finished run's own screen leads to the list, never back in.
    assert "rf:show::-1" not in data(rifts.progress(EN, dtos.run("fallen")))


def test_the_list_offers_the_way_in_or_the_road_or_nothing():
    here = dtos.place(id="ashford", is_town=True, exits=(dtos.place().exits[0].model_copy(update={"id": "meadows"}),))
    near = dtos.rift(id="near", location_id="meadows")
    far = dtos.rift(id="far", location_id="caves", location_name=dtos.text("Echoing Caves"))
    locked = dtos.rift(id="locked", location_id="meadows", min_level=9)
    shown = rifts.listing(EN, [near, far, locked], here)
    assert data(shown).count("go:ashford:meadows") == 1 and "➡️ Travel to Whispering Meadows" in labels(shown)
    assert not [d for d in data(shown) if d.startswith("rf:enter")]
    standing = rifts.listing(EN, [near, locked], dtos.place(player_level=3))
    assert [d for d in data(standing) if d.startswith("rf:enter")] == ["rf:enter:near:-1"]


def test_the_treasure_so_far_is_named_for_what_it_is():
    empty = rifts.progress(EN, dtos.run())
    assert "💎 No treasure found." in empty.text and "Looted so far" not in empty.text
    run = dtos.run(looted_gold=40, looted_items=(dtos.stack(dtos.ORE, 1),))
    found = rifts.progress(EN, run)
    assert "💎 The rift's treasures gave you:\n💰 +40 gold\n  • ⚪ Iron Ore ×1" in found.text
    # Thrown out by a collapse: the same list, where the player reads it.
    told = notifications.rift_collapsed(EN, run.model_copy(update={"status": "collapsed"}))
    assert told.text.startswith("💥 The rift <b>Fractured Hollow</b> collapsed and threw you out.")
    assert "💰 +40 gold" in told.text and "Iron Ore ×1" in told.text


# --- world bosses ----------------------------------------------------------------------------------


def test_the_live_ranking_shows_the_top_and_my_place():
    up = dtos.boss(ranking=dtos.ranking(3000, 1500, 40), my_rank=2, fighters=12)
    shown = bosses.screen(EN, [up], here="meadows", me=102)
    assert "Fighters so far</b> (12)" in shown.text
    assert "🥇 Hunter1 — 3,000" in shown.text and "<b>🥈 Hunter2 — 1,500</b>" in shown.text
    assert "Your place: 2 of 12" in shown.text
    fresh = bosses.screen(EN, [dtos.boss()], here="meadows")
    assert "Nobody has struck it yet" in fresh.text
    assert "it matches itself to each fighter who joins" in fresh.text  # why its HP changes at the first blow
    classes = [ClassInfo(id="warrior", name=dtos.text("Warrior"), description=dtos.text("-"), stats=_stats())]
    board = bosses.boss_top(EN, [], classes, alive=[up], me=102)
    assert "Old Tusk</b> (Whispering Meadows), now:" in board.text and "Hunter1 — 3,000" in board.text
    assert "Nobody has fought a world boss yet." not in board.text
    alltime = [LeaderboardRow(rank=1, player_id=5, name="Old", class_id="warrior", level=9, value=12345)]
    assert "🥇 Old (Warrior, lvl 9) — 12,345" in bosses.boss_top(EN, alltime, classes).text


def test_a_player_who_cannot_strike_is_shown_the_way_back_instead():
    up = [dtos.boss()]
    fighting = bosses.screen(EN, up, here="meadows", busy="fight")
    assert "nav:fight" in data(fighting) and not [d for d in data(fighting) if d.startswith("bs:hit")]
    inside = bosses.screen(EN, up, here="meadows", busy="rift")
    assert "rf:show::-1" in data(inside) and "leave it to strike" in inside.text
    free = bosses.screen(EN, up, here="meadows")
    assert "bs:hit:b1" in data(free)


def test_a_killing_blow_and_the_announcement_list_the_share():
    felled = BossAttackResult(damage=700, killed=True, boss=dtos.boss(hp=0, status="defeated"))
    assert "Your blow of 700 fells <b>Old Tusk</b>!" in bosses.after_attack(EN, felled, [], me=1).text
    payout = BossPayout(player_id=1, damage=2500, xp=300, gold=1200, items={"iron_ore": 2, "gone_item": 1})
    told = notifications.boss_ended(
        EN, dtos.boss(), defeated=True, fought=True, killed=False, payout=payout, known={"iron_ore": dtos.ORE}
    )
    assert told.text.startswith("🏆 <b>Old Tusk</b> has fallen!\n\n🎁 Your share, already in your bag:")
    for part in ("⚔️ Your damage: 2,500", "✨ +300 XP   💰 +1,200 gold", "Iron Ore ×2", "gone item ×1"):
        assert part in told.text, part
    ru = notifications.boss_ended(RU, dtos.boss(), defeated=False, fought=True, killed=False, payout=payout)
    assert "Старый Клык</b> уходит" in ru.text and f"+1{NBSP}200 золотых" in ru.text and "+300 очков опыта" in ru.text
    follower = notifications.boss_ended(EN, dtos.boss(), defeated=True, fought=False, killed=False)
    assert follower.text == "🏆 <b>Old Tusk</b> has fallen."


def _stats() -> Stats:
    return Stats(strength=1, agility=1, intellect=1, vitality=1)
