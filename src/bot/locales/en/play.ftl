## Names
stat-strength = STR
stat-agility = AGI
stat-intellect = INT
stat-vitality = VIT
stat-max-hp = Max HP
stat-max-mana = Max mana
stat-attack = Attack
stat-defence = Defence
stat-magic = Magic
stat-crit = Crit
stat-dodge = Dodge
stat-crit-damage = Crit damage
stat-lifesteal = Lifesteal
stat-damage-taken = Damage taken
stat-mana-regen = Mana each turn
effect-bleed = Bleeding
effect-burn = Burning
effect-poison = Poisoned
effect-stun = Stunned
effect-attack-up = Attack up
effect-attack-down = Attack down
effect-defence-up = Defence up
effect-defence-down = Defence down
effect-cleanse = Cleanses ailments
effect-heal = HP
effect-mana = Mana
status-turns = { $effect } ({ $turns })
effect-for-turns = { $effect } for { $turns ->
        [one] { $turns } turn
       *[other] { $turns } turns
    }
slot-weapon = Weapon
slot-head = Head
slot-chest = Chest
slot-legs = Legs
slot-feet = Feet
slot-trinket = Trinket
rarity-common = common
rarity-uncommon = uncommon
rarity-rare = rare
rarity-epic = epic
rarity-legendary = legendary
kind-equipment = Equipment
kind-consumable = Consumable
kind-material = Material

## Rewards, wherever they are paid
reward-xp-gold = ✨ +{ $xp } XP   💰 +{ $gold } gold
reward-xp = ✨ +{ $xp } XP
reward-gold = 💰 +{ $gold } gold
reward-items = 🎁 Loot:
reward-left-behind = 🎒 No room in your bag — left behind:
reward-nothing = Nothing this time.
reward-boss-damage = ⚔️ Your damage: { $damage }
reward-level-up = 🎉 <b>Level up!</b> You are now level { $level }. New stat and skill points await.

## Exploring
explore-where = 🔎 You explore { $location }.
explore-monster = ❗ { $monster_A } blocks your way!
explore-resource = 🌿 You gather:
explore-treasure = 🎁 You find a small treasure:
explore-nothing-1 = 🍃 Only the wind in the grass. Nothing here this time.
explore-nothing-2 = 👣 Old tracks lead nowhere. You find nothing.
explore-nothing-3 = 🌫 You search for a while, but come back empty-handed.
explore-stamina = ⚡ Stamina { $stamina }/{ $max_stamina }
explore-next-in = next exploration in { $wait }
explore-elsewhere = ⌛ That button was for a place you have left: here is where you are now.
btn-explore-more = 🔎 Explore again

## Combat
combat-monster = 👹 <b>{ $name }</b> (level { $level })
combat-you = 🧍 <b>You</b> (level { $level })
combat-turn = — Turn { $turn } —
combat-your-move = Your move:
combat-won = 🏆 <b>Victory!</b>
combat-lost = 💀 <b>You have fallen.</b>
combat-respawn = You wake up in { $location }, wounds tended.
combat-gold-lost = 💰 You lost { $gold } gold. Your items are safe.
combat-xp-lost = ✨ You lost { $xp } XP. Your items are safe.
combat-gold-xp-lost = 💰 You lost { $gold } gold and ✨ { $xp } XP. Your items are safe.
combat-nothing-lost = Your gold and items are safe.
combat-fled = 🏃 You got away.
no-fight = You are not in a fight.
skill-cooling = ⏳ { $name }: ready in { $turns ->
        [one] { $turns } turn
       *[other] { $turns } turns
    }
skill-short-of-mana = 🔷 { $name }: needs { $mana } mana
btn-attack = ⚔️ Attack
btn-skill = ✨ { $name } ({ $mana } 🔷)
btn-skill-cooling = ⏳ { $name } ({ $turns })
btn-skill-no-mana = 🔷 { $name } ({ $mana } 🔷)
btn-flee = 🏃 Flee ({ $chance }%)

## The fight, line by line
log-hit-player = ⚔️ You hit { $monster_the } for <b>{ $amount }</b>.
log-crit-player = 💥 Critical hit! { $monster_The } takes <b>{ $amount }</b>.
log-skill-hit = ✨ { $skill } hits { $monster_the } for <b>{ $amount }</b>.
log-skill-crit = 💥 { $skill } hits critically: <b>{ $amount }</b> to { $monster_the }!
log-hit-monster = 🩸 { $monster_The } hits you for <b>{ $amount }</b>.
log-crit-monster = 💢 { $monster_The } lands a critical blow: <b>{ $amount }</b>!
log-miss-player = 💨 { $monster_The } dodges your attack.
log-skill-miss = 💨 { $monster_The } dodges your { $skill }.
log-miss-monster = 💨 You dodge { $monster_the }'s attack.
log-skill = ✨ You use { $skill }.
log-item = 🧪 You use { $item }.
log-heal = 💚 You recover { $amount } HP.
log-mana = 🔷 You recover { $amount } mana.
log-cleanse = ✨ Your ailments are washed away.
log-status-monster = 🌀 { $monster_The } is affected: { $effect } for { $turns ->
        [one] { $turns } turn
       *[other] { $turns } turns
    }.
log-status-self = 🌟 You gain { $effect } for { $turns ->
        [one] { $turns } turn
       *[other] { $turns } turns
    }.
log-status-player = 🌀 { $monster_The } leaves you { $effect } for { $turns ->
        [one] { $turns } turn
       *[other] { $turns } turns
    }.
log-tick-player = { $icon } { $effect }: you lose { $amount } HP.
log-tick-monster = { $icon } { $effect }: { $monster_the } loses { $amount } HP.
log-expired-player = ⌛ { $effect } wears off.
log-expired-monster = ⌛ { $effect } wears off { $monster_the }.
log-stunned-player = 😵 You are stunned and lose your turn.
log-stunned-monster = 😵 { $monster_The } is stunned and cannot act.
log-flee-failed = 🏃 You try to flee, but { $monster_the } cuts you off.
log-fled = 🏃 You slip away!
log-won = 🏆 { $monster_The } is defeated!
log-lost = 💀 You collapse…

## Inventory
inventory-title = 🎒 <b>Inventory</b> — { $used }/{ $capacity ->
        [one] { $capacity } slot
       *[other] { $capacity } slots
    } · 💰 { $gold }
derived-line = ⚔️ { $attack }  🛡 { $defence }  ❤️ { $max_hp }  🔷 { $max_mana }  🎯 { $crit }%  💨 { $dodge }%
equipped-title = <b>Equipped</b>
bag-title = <b>Bag</b> (page { $page }/{ $pages })
bag-empty = Your bag is empty.
inventory-sell-hint = 💰 You are in town: items can be sold here.
item-slot-level = — { $slot }, lvl { $level }
btn-equip = Equip
btn-use = Use
btn-sell = Sell { $price }💰
btn-unequip = ✖ Take off { $name }
btn-drop-one = 🗑 Drop one
btn-drop-all = 🗑 Drop all ({ $quantity })
btn-drop-confirm = 🗑 Yes, drop { $quantity ->
        [one] it
       *[other] all { $quantity }
    }
btn-drop-cancel = ⬅️ Keep it
drop-confirm = 🗑 Drop <b>{ $name }</b>{ $count }? Whatever you drop is gone for good.
dropped = 🗑 You dropped { $name }{ $count }.
drop-worn = 🚫 You are wearing that: take it off first.
equipped = ✅ Equipped: { $name }.
unequipped = ✅ Taken off and put in the bag.
unequip-bag-full = 🎒 Your bag is full: make room in it to take something off.
item-used = 🧪 You use { $name }: ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }
sold = 💰 Sold { $name }. You now have { $gold } gold.
item-not-in-bag = You don't have that item any more.
item-kind = { $kind } · { $rarity } · level { $level }
item-slot = Slot: { $slot }
item-bonuses = Bonuses: { $bonuses }
item-effects = Effect: { $effects }
item-buy-price = Shop price: { $price } gold
item-sell-price = Sells for: { $price } gold
item-not-sellable = The shop won't buy it.
item-owned = In your bag: { $quantity }
item-worn = Worn right now.
item-equip-level = 🔒 You can wear it from level { $level }.

## Town
town-title = 🏘 <b>Town square</b> — the shop, the inn and the forge are here.
town-purse = 💰 { $gold } gold · ❤️ { $hp }/{ $max_hp }
btn-shop = 🛒 Shop
btn-inn = 🛏 Inn
btn-forge = ⚒ Forge
shop-title = 🛒 <b>Shop</b> · 💰 { $gold } gold
shop-buy-title = For sale:
shop-sell-title = The shopkeeper will buy:
shop-offer = { $mark } <b>{ $name }</b> — { $price }💰 · lvl { $level } · { $what }
shop-sellable = • { $name } ×{ $quantity } — { $price }💰 each
shop-nothing-to-sell = Nothing in your bag the shop would buy.
btn-buy-one = Buy { $name } ({ $price }💰)
btn-buy-many = ×{ $count } ({ $price }💰)
btn-sell-one = Sell { $name } ({ $price }💰)
btn-sell-all = All ({ $total }💰)
btn-buy-too-poor = 💸 { $name } ({ $price }💰)
btn-buy-too-low = ⬆️ { $name } (from lvl { $level })
shop-legend = { $marks } — tap one to see why.
shop-legend-gold = 💸 not enough gold
shop-legend-level = ⬆️ above your level
shop-too-poor = 💸 { $name } costs { $price } gold and you have { $gold }: { $short } short.
shop-too-low = ⬆️ { $name } can be worn from level { $level }, and you are level { $you }. It stays on the shelf for you.
shop-confirm = Buy <b>{ $name }</b> for { $price } gold? You will have { $left } left.
shop-card-level = Wearable from level { $level }.
btn-buy-confirm = ✅ Yes, buy it ({ $price }💰)
btn-buy-cancel = ✖ No, back to the shop
btn-back-to-shop = 🛒 Back to the shop
btn-open-bag = 🎒 Open the bag
shop-receipt-bag = 🎒 It is in your bag: open the bag to put it on.
shop-double-tap = ✋ Done already. Tap again in a moment if you meant to trade twice.
btn-shop-buy = 🛒 Buy
btn-shop-sell = 💰 Sell
bought = ✅ Bought { $name }{ $count }. { $gold } gold left.
sold-many = 💰 Sold { $name }{ $count }. You now have { $gold } gold.
inn-title = 🛏 <b>The Inn</b>
inn-offer = A warm bed and a hot meal restore your HP and mana: { $price } gold.
inn-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  💰 { $gold }
inn-rested = 😊 You are already fully rested.
inn-too-poor = 💰 A night here costs { $price } gold: more than you have.
btn-rest = 🛏 Rest ({ $price }💰)
rested = 😴 You rest and wake up refreshed. Gold left: { $gold }.
forge-title = ⚒ <b>Forge</b> · 💰 { $gold } · your level { $level }
forge-legend = <i>✅ ready to craft · ⬆️ your level is too low · 🪨 materials missing · 💸 not enough gold</i>
forge-gold = 💰 { $gold }
forge-level = lvl { $level }
btn-craft = ⚒ Craft { $name }
crafted = ⚒ Crafted { $name }{ $count }, now in your bag.
missing-materials = 🪨 Missing materials: { $materials }

## Skills
skill-name = { $name }
skills-title = 🌳 <b>{ $class_name } skills</b> · skill points: { $points }
skill-level = lvl { $level }
skill-active = active, { $mana } 🔷, { $every ->
        [1] ready every turn
       *[other] once every { $every } turns
    }
skill-passive = passive
skill-learned = learned
skill-learnable = can be learned now
skill-needs-level = needs level { $level }
skill-needs-skill = needs { $skills } first
skill-needs-points = needs a skill point
btn-learn = 📖 Learn { $name }
skill-learned-now = 📖 Learned: { $name }.

## Leaderboard
top-title = 🏆 <b>Leaderboard</b> — by level
top-row = { $rank } { $name } — { $class_name }, level { $level }
top-empty = No heroes yet.

## Refusals
stale-screen = ⌛ This button is from an older screen: here is the current one.
err-rule = 🚫 The rules don't allow that right now.
err-unknown-entry = 🚫 There is no such thing (an old or broken button).
err-inventory-full = 🎒 Your bag is full ({ $capacity ->
        [one] { $capacity } slot
       *[other] { $capacity } slots
    }). Sell or drop something first.
err-not-owned = 🚫 You don't have that item.
err-not-enough-items = 🚫 Not enough of that: you need { $needed }, you have { $have }.
err-not-enough-gold = 💰 Not enough gold: you need { $needed }, you have { $have }.
err-level-too-low = 🔒 Your level is too low: level { $required } needed, you are { $level }.
err-wrong-slot = 🚫 That can't be worn.
err-slot-empty = 🚫 Nothing is worn there.
err-not-usable = 🚫 That can't be used here.
err-nothing-to-restore = 🧪 Your HP and mana are already full: keep it for later.
err-explore-in-town = 🏘 There is nothing to explore in town: take a road out first.
err-not-sellable = 🚫 The shop doesn't buy that.
err-no-stat-points = 🚫 No stat points left to spend.
err-unknown-stat = 🚫 No such stat.
err-no-skill-points = 🚫 Not enough skill points: { $needed } needed.
err-skill-known = ✅ You already know that skill.
err-skill-other-class = 🚫 That skill belongs to another class.
err-skill-level = 🔒 That skill needs level { $level }.
err-skill-prerequisite = 🔒 Learn the skills it builds on first.
err-skill-not-learnable = 🔒 That skill can't be learned now.
err-skill-cooldown = ⏳ Not ready yet: { $turns ->
        [one] { $turns } more turn
       *[other] { $turns } more turns
    }.
err-skill-mana = 🔷 Not enough mana: { $needed } needed.
err-skill-unknown = 🚫 You don't know that skill.
err-no-stamina = ⚡ Not enough stamina: { $needed } needed, you have { $have }. Rest a while, it comes back with time.
err-no-stamina-wait = ⚡ Not enough stamina: { $needed } needed, you have { $have }. You can explore again in { $wait }.
err-combat-over = ⌛ That fight is over.
err-in-combat = ⚔️ Not in the middle of a fight! Finish it first.
err-not-in-combat = You are not in a fight.
err-not-in-town = 🏘 That is in town: go back to town first.
err-already-rested = 😊 You are already fully rested.
err-busy = ⏳ One moment — still on your last action.
err-rift-closed = 🌀 That rift has closed.
err-in-rift = 🌀 Not while you are inside a rift.
err-not-in-rift = You are not in a rift.
err-wrong-location = 📍 That is somewhere else: travel there first.
err-boss-alive = A boss is already there.
