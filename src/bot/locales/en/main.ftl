## Registration
welcome-new = ⚔️ Welcome to <b>Riftwalker</b>!
    Rifts are tearing the world open. Who are you, traveller?

    Send me your character's <b>name</b> (3–16 letters, digits, _ or -).
welcome-back = Welcome back, <b>{ $name }</b>!
ask-class = <b>{ $name }</b>, choose your class:
class-line = <b>{ $name }</b> — { $description }
    STR { $strength } · AGI { $agility } · INT { $intellect } · VIT { $vitality }
registered = 🎉 <b>{ $name }</b> the { $class } steps into { $location }.
greeting-event = 📜 A tip for your first steps, { $name }: explore the wilds around { $location }, and come back to town to heal.
name-invalid = ❌ That name won't do: use 3–16 letters, digits, _ or -. Try another:
name-taken = ❌ The name <b>{ $name }</b> is already taken. Try another:
already-registered = You already have a character.
class-unknown = ❌ No such class. Choose one of the buttons.
registration-expired = This choice has expired: send /start to begin again.
registration-resumed = 👋 Welcome back! Your name <b>{ $name }</b> is kept: only the class is left to choose. To take another name, just send it.

## Main menu
menu-title = 🏰 <b>{ $name }</b> · level { $level } { $class }
    ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  ⚡ { $stamina }/{ $max_stamina }  💰 { $gold }
    📍 { $location }
hint-skill-point = 💡 You have a free skill point: open 🌳 <b>Skills</b> to learn your first skill.
btn-character = 🧍 Character
btn-look = 🗺 Look around
btn-settings = ⚙️ Settings
btn-menu = ⬅️ Menu
btn-back = ⬅️ Back

## When HP, mana and stamina are back
refill-hp = ❤️ full in { $wait }
refill-mana = 🔷 full in { $wait }
refill-stamina = ⚡ full in { $wait }
refill-explore = ⚡ next exploration in { $wait }

## Character sheet
sheet = 🧍 <b>{ $name }</b> — { $class }, level { $level }
    ✨ XP { $xp }/{ $xp_next }
    💰 Gold { $gold }

    ❤️ HP { $hp }/{ $max_hp }   🔷 Mana { $mana }/{ $max_mana }
    ⚡ Stamina { $stamina }/{ $max_stamina }
sheet-stats = 💪 STR { $strength }   🏹 AGI { $agility }
    🧠 INT { $intellect }   🛡 VIT { $vitality }

    ⚔️ Attack { $attack }   🛡 Defence { $defence }   ✨ Magic { $magic }
    🎯 Crit { $crit }%   💨 Dodge { $dodge }%
sheet-unspent = Unspent: { $stat_points ->
        [one] { $stat_points } stat point
       *[other] { $stat_points } stat points
    }, { $skill_points ->
        [one] { $skill_points } skill point
       *[other] { $skill_points } skill points
    }
sheet-unspent-stat = Unspent: { $stat_points ->
        [one] { $stat_points } stat point
       *[other] { $stat_points } stat points
    }
sheet-unspent-skill = Unspent: { $skill_points ->
        [one] { $skill_points } skill point
       *[other] { $skill_points } skill points
    }
sheet-location = 📍 { $location }

## World
location = 📍 <b>{ $name }</b> (level { $level })
    <i>{ $description }</i>
location-town = 🏘 A safe town.
location-fighting = ⚔️ A fight is on: the roads wait until it is over.
location-boss = 👹 <b>{ $boss }</b> is here! It escapes in { $left }.
location-rift = 🌀 A rift is open here: <b>{ $name }</b>, tier { $tier }, from level { $min_level }. It closes in { $left }.
location-rift-locked = 🔒 You need level { $min_level } to enter.
btn-boss-here = 👹 Fight { $name }
btn-rift-enter-here = 🌀 Enter { $name }
exits-title = Roads lead to:
btn-go = ➡️ { $name } (lvl { $level })
travelled = You travel to { $location }.
travel-not-adjacent = 🚫 You can't get there from here.
travel-stale = ⌛ That road was on an old map: here is where you are now.
location-unknown = 🚫 No such place.
travel-warning-title = ⚠️ <b>The road to { $location }</b>
travel-warning-level = Its monsters are level { $zone_level }, and you are level { $level }: they will be much stronger than you.
travel-warning-hp = You have only { $hp } of { $max_hp } HP. Heal before you set out.
btn-go-anyway = ➡️ Go anyway
btn-rest-first = 🛏 Rest at the inn first
btn-stay = ⬅️ Stay here

## Settings
settings = ⚙️ <b>Settings</b>
    🌐 Language: { $language }
btn-lang-en = 🇬🇧 English
btn-lang-ru = 🇷🇺 Русский
language-name = English
language-chosen = 🌐 The bot now speaks English.

## Bad input
not-registered = You have no character yet: send /start to create one.
err-no-such-player = 🔎 No player goes by the name “{ $name }”. Check the spelling: names are as players chose them.
unknown-command = 🤔 I don't know that command. Use the buttons, or /start for the menu.
free-text = 🤔 I only understand buttons and commands. /start opens the menu.
stale-button = ⌛ This button is no longer valid.
game-error = ⚠️ That didn't work: { $reason }
slow-down = 🐢 Easy there — too many actions at once. Wait a moment.
service-unavailable = 🔧 The world is catching its breath. Try again in a moment.
err-bad-request = ⚠️ That request makes no sense to the game (a number out of range, or something missing). Nothing was changed.
help = <b>Riftwalker</b> — a text RPG.
    /start — create a character or open the menu
    /menu — main menu
    /me — your character
    /look — where you are
    /fight — back to your fight
    /inventory — your bag
    /skills — your skill tree
    /town — shop, inn and forge (in town)
    /top — the leaderboard
    /rifts — open rifts
    /boss — the world boss where you are
    /boss_top — boss damage leaderboard
    /guild — your guild (/g text writes to it)
    /arena — fights against other players' ghosts, and the ladder
    /market — the players' market
    /trades — your trades with other players
    /daily — the daily reward and bounties
    /invite — invite friends
    /settings — language and notifications
    /help — this help
## Main menu entries
btn-explore = 🔎 Explore
btn-explore-wait = ⏳ Explore in { $wait }
btn-inventory = 🎒 Inventory
btn-skills = 🌳 Skills
btn-town = 🏘 Town
btn-leaderboard = 🏆 Leaderboard
btn-back-to-fight = ⚔️ Back to the fight

## Character sheet
sheet-points-hint = ⬇️ Spend your stat points with the buttons below.
btn-stat-strength = +STR
btn-stat-agility = +AGI
btn-stat-intellect = +INT
btn-stat-vitality = +VIT
stat-raised = ✅ { $stat } +1.
