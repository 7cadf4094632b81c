## The living world: rifts, world bosses, notifications about them, admin commands.

## Time left
time-days = { $h ->
        [0] { $d } d
       *[other] { $d } d { $h } h
    }
time-hours = { $m ->
        [0] { $h } h
       *[other] { $h } h { $m } min
    }
time-minutes = { $m } min
time-seconds = { $s } s

btn-refresh = 🔄 Refresh
btn-rifts = 🌀 Rifts

## Rifts: the list
rifts-title = 🌀 <b>Open rifts</b>
rifts-none = No rift is open right now. The world will tear again soon.
rifts-hint = Rifts open in the wilds: travel to one to step in.
rift-line = 🌀 <b>{ $name }</b> — { $location }
    Tier { $tier } · from level { $min_level } · ⏳ { $left }
rift-here = 📍 <i>here</i>
rift-walked = ✔️ You have walked this one: a rift is walked once.
btn-rift-travel = ➡️ Travel to { $location }
btn-rift-current = 🌀 Back to my rift
btn-rift-back = 🌀 Back to the rift
btn-rift-chest = 🎁 To the rift's chest
btn-rift-outcome = 🌀 How the run ended
rift-elsewhere = 📍 This rift is in { $location }: travel there first.
rift-level-low = 🔒 This rift needs level { $needed }; you are level { $level }.
rift-entered = 🌀 You step through the tear…
rift-stale = ⌛ That step is already behind you: here is where you are now.

## Rifts: a run
rift-progress = 🌀 <b>{ $name }</b> — tier { $tier }, { $location }
    🧭 Floor { $floor }/{ $floors } · step { $step }/{ $steps } · { $done }/{ $total } done
rift-time-left = ⏳ The rift closes in { $left }
rift-treasure-so-far = 💎 The rift's treasures gave you:
rift-treasure-none = 💎 No treasure found.
rift-fighting = ⚔️ A fight waits for you on this step.
rift-status-cleared = 🏆 <b>Rift cleared!</b>
rift-status-left = 🚪 You walked out of the rift, keeping what you looted.
rift-status-collapsed = 💥 The rift collapsed and threw you out. You keep what you looted.
rift-status-fallen = ☠️ You fell inside the rift. The run is over.
rift-chest = 🎁 The rift's chest:
rift-total = 🧾 <b>The whole run earned you</b>
btn-rift-go = ➡️ Go on
btn-rift-leave = 🚪 Leave
btn-rift-fight = ⚔️ To the fight

## Rifts: steps
rift-step = 🧭 Floor { $floor }, step { $step }.
rift-step-monster = A monster bars the way!
rift-step-elite = An elite guardian bars the way!
rift-step-boss = The lord of the rift rises!
rift-step-treasure = 💎 A treasure!
rift-step-trap = 🪤 A trap! You lose { $hp } HP.
rift-step-shrine = ⛩ A shrine restores you: { $hp } HP, { $mana } mana.
rift-step-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }

## World bosses
boss-title = 👹 <b>{ $name }</b> · level { $level }
    📍 { $location }
boss-hp = ❤️ { $bar }
boss-left = ⏳ Escapes in { $left }
boss-my-damage = ⚔️ Your damage so far: { $damage }
boss-my-damage-none = ⚔️ You have not struck it yet.
boss-ready = ✅ You can strike.
boss-cooldown = 🕒 Catching your breath: { $seconds } s
boss-ranking-title = ⚔️ <b>Fighters so far</b> ({ $fighters })
boss-ranking-row = { $rank } { $name } — { $damage }
boss-ranking-empty = Nobody has struck it yet: be the first!
    Its strength is a guess until then: it matches itself to each fighter who joins.
boss-my-rank = Your place: { $rank } of { $fighters }
boss-busy-fight = ⚔️ You are in a fight: finish it, then strike.
boss-busy-rift = 🌀 You are inside a rift: leave it to strike the boss.
boss-none = No world boss roams the land right now.
boss-not-here = No world boss here.
boss-elsewhere-title = Elsewhere:
boss-elsewhere = 👹 { $name } — { $location } (⏳ { $left })
boss-hit = 💥 You strike for { $damage }!
boss-miss = 💨 Your blow glances off.
boss-killed = 🏆 Your blow of { $damage } fells <b>{ $boss }</b>! The spoils are being shared out among everyone who fought: each will get a message with their share once it is in their bag.
boss-gone-defeated = ☠️ This boss has already been defeated.
boss-gone-escaped = 🏃 This boss got away.
boss-gone-unknown = This boss is no longer around.
boss-cooldown-wait = 🕒 Catch your breath: { $seconds } s more.
boss-elsewhere-hit = 📍 This boss is in { $location }: travel there to fight it.
boss-unnamed = The world boss
boss-unnamed-acc = the world boss
btn-boss-attack = ⚔️ Attack
btn-boss-top = 🏆 Boss damage
btn-boss-back = 👹 Bosses
boss-top-live = 👹 <b>{ $name }</b> ({ $location }), now:
boss-top-title = 🏆 <b>Damage dealt to world bosses</b>, all time
boss-top-empty = Nobody has fought a world boss yet.
boss-top-empty-live = No boss has ended yet: damage is counted here once a boss falls or escapes.
boss-top-row = { $rank } { $name } ({ $class_name }, lvl { $level }) — { $damage }

## Notifications
notify-rift-opened = 🌀 A rift tore open: <b>{ $name }</b> in { $location }!
    Tier { $tier } · from level { $min_level } · closes in { $left }
notify-rift-collapsed = 💥 The rift <b>{ $name }</b> collapsed and threw you out. You keep everything you won inside.
notify-rift-collapsed-unnamed = 💥 Your rift collapsed and threw you out. You keep your loot.
notify-boss-spawned = 👹 <b>{ $name }</b> (level { $level }) appeared in { $location }!
    ❤️ { $hp } · escapes in { $left }
notify-boss-killed-by-you = 🏆 Your blow felled <b>{ $name }</b>!
notify-boss-defeated-fought = 🏆 <b>{ $name }</b> has fallen!
notify-boss-share = 🎁 Your share, already in your bag:
notify-boss-share-unlisted = 🎁 Your share of the spoils is in your bag.
notify-boss-defeated = 🏆 <b>{ $name }</b> has fallen.
notify-boss-escaped-fought = 🏃 <b>{ $name }</b> got away. Your damage still counts on the leaderboard.
notify-boss-escaped = 🏃 <b>{ $name }</b> got away.
notify-level-up = 🎉 You reached level { $level }! New points wait on your character sheet.
notify-broadcast = 📢 { $text }
btn-notify-rifts = 🌀 Open rifts
btn-notify-boss = 👹 To the boss

## Settings: notifications
settings-notifications = 🔔 Rift alerts are { $rifts }, world boss alerts are { $bosses }
notify-state-on = on
notify-state-off = off
btn-notify-rifts-on = 🔔 Rift alerts: on
btn-notify-rifts-off = 🔕 Rift alerts: off
btn-notify-bosses-on = 🔔 Boss alerts: on
btn-notify-bosses-off = 🔕 Boss alerts: off

## Admin
admin-rift-opened = 🌀 Rift opened: <b>{ $name }</b> in { $location }, tier { $tier }, closes in { $left }.
    id <code>{ $id }</code>
admin-boss-spawned = 👹 Boss spawned: <b>{ $name }</b> in { $location }, ❤️ { $hp }, escapes in { $left }.
    id <code>{ $id }</code>
admin-unknown-location = No place “{ $location }” can take that.
admin-broadcast-usage = Usage: /broadcast &lt;text&gt;
admin-broadcast-too-long = 📢 Not sent: that is { $length } characters, and one Telegram message holds { $max }. Shorten it, or send it in parts.
admin-broadcast-queued = 📢 Broadcast queued (id <code>{ $id }</code>); it goes out within Telegram's limits.
admin-lookup-usage = Usage: /lookup &lt;name or id&gt;
admin-lookup-none = Nobody goes by “{ $query }”.
admin-lookup = 🔎 <b>{ $name }</b> · id <code>{ $id }</code>
    { $class }, level { $level } ({ $xp } XP) · 💰 { $gold }
    📍 { $location } · ❤️ { $hp }/{ $max_hp }
admin-lookup-fighting = ⚔️ In a fight.
admin-lookup-muted = 🔕 Muted: { $muted }
