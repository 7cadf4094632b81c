## Main menu entries
btn-explore = 🔎 Исследовать
btn-inventory = 🎒 Инвентарь
btn-skills = 🌳 Умения
btn-town = 🏘 Город
btn-leaderboard = 🏆 Рейтинг
btn-back-to-fight = ⚔️ Вернуться в бой

## Character sheet
sheet-points-hint = ⬇️ Распредели очки характеристик кнопками ниже.
btn-stat-strength = +СИЛ
btn-stat-agility = +ЛОВ
btn-stat-intellect = +ИНТ
btn-stat-vitality = +ВЫН
stat-raised = ✅ { $stat } +1.

## Names
stat-strength = СИЛ
stat-agility = ЛОВ
stat-intellect = ИНТ
stat-vitality = ВЫН
stat-max-hp = Макс. здоровье
stat-max-mana = Макс. мана
stat-attack = Атака
stat-defence = Защита
stat-magic = Магия
stat-crit = Крит
stat-dodge = Уклонение
effect-bleed = Кровотечение
effect-burn = Горение
effect-poison = Отравление
effect-stun = Оглушение
effect-attack-up = Атака ↑
effect-attack-down = Атака ↓
effect-defence-up = Защита ↑
effect-defence-down = Защита ↓
effect-cleanse = Снимает недуги
effect-heal = Здоровье
effect-mana = Мана
status-turns = { $effect } ({ $turns })
slot-weapon = Оружие
slot-head = Голова
slot-chest = Торс
slot-legs = Ноги
slot-feet = Ступни
slot-trinket = Амулет
rarity-common = обычный
rarity-uncommon = необычный
rarity-rare = редкий
rarity-epic = эпический
rarity-legendary = легендарный
kind-equipment = Снаряжение
kind-consumable = Расходник
kind-material = Материал

## Exploring
explore-where = 🔎 Ты исследуешь: { $location }.
explore-monster = ❗ На пути противник: { $monster }!
explore-resource = 🌿 Ты собираешь:
explore-treasure = 🎁 Ты находишь небольшой клад:
explore-gold = 💰 +{ $gold } золота
explore-nothing-1 = 🍃 Лишь ветер в траве. На этот раз ничего.
explore-nothing-2 = 👣 Старые следы ведут в никуда. Ничего не найдено.
explore-nothing-3 = 🌫 Ты долго ищешь, но возвращаешься с пустыми руками.
explore-stamina = ⚡ Выносливость { $stamina }/{ $max_stamina }
explore-elsewhere = ⌛ Эта кнопка была для места, которое ты покинул: вот где ты сейчас.
btn-explore-more = 🔎 Исследовать ещё
loot-lost = 🎒 В сумке нет места — осталось лежать:

## Combat
combat-monster = 👹 <b>{ $name }</b> (уровень { $level })
combat-you = 🧍 <b>Ты</b> (уровень { $level })
combat-turn = — Ход { $turn } —
combat-your-move = Твой ход:
combat-won = 🏆 <b>Победа!</b>
combat-rewards = ✨ +{ $xp } опыта   💰 +{ $gold } золота
combat-loot = 🎁 Добыча:
level-up = 🎉 <b>Новый уровень!</b> Теперь у тебя { $level } уровень. Тебя ждут новые очки характеристик и умений.
combat-lost = 💀 <b>Ты пал в бою.</b>
combat-respawn = Ты приходишь в себя: { $location }, раны перевязаны.
combat-gold-lost = 💰 Потеряно золота: { $gold }. Вещи целы.
combat-fled = 🏃 Тебе удалось уйти.
no-fight = Ты сейчас не в бою.
btn-attack = ⚔️ Атаковать
btn-skill = ✨ { $name } ({ $mana } 🔷)
btn-skill-cooling = ⏳ { $name } ({ $turns })
btn-skill-no-mana = 🔷 { $name } (нужно { $mana })
btn-flee = 🏃 Бежать ({ $chance }%)

## The fight, line by line
log-hit-player = ⚔️ Твой удар: <b>{ $amount }</b> урона ({ $monster }).
log-crit-player = 💥 Критический удар! { $monster } получает <b>{ $amount }</b> урона.
log-skill-hit = ✨ { $skill }: <b>{ $amount }</b> урона ({ $monster }).
log-skill-crit = 💥 { $skill } — критический удар: <b>{ $amount }</b> урона ({ $monster })!
log-hit-monster = 🩸 { $monster } бьёт тебя: <b>{ $amount }</b> урона.
log-crit-monster = 💢 { $monster } наносит критический удар: <b>{ $amount }</b>!
log-miss-player = 💨 { $monster } уклоняется от твоей атаки.
log-skill-miss = 💨 { $monster } уклоняется: { $skill } мимо.
log-miss-monster = 💨 Ты уклоняешься от атаки ({ $monster }).
log-skill = ✨ Ты применяешь: { $skill }.
log-item = 🧪 Ты используешь: { $item }.
log-heal = 💚 Восстановлено здоровья: { $amount }.
log-mana = 🔷 Восстановлено маны: { $amount }.
log-cleanse = ✨ Недуги сняты.
log-status-monster = 🌀 { $monster }: { $effect } на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-status-self = 🌟 На тебе: { $effect } на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-status-player = 🌀 { $monster } накладывает на тебя: { $effect } на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-tick-player = 🔥 { $effect }: ты теряешь { $amount } здоровья.
log-tick-monster = 🔥 { $effect }: { $monster } теряет { $amount } здоровья.
log-expired-player = ⌛ Эффект закончился: { $effect }.
log-expired-monster = ⌛ { $monster }: эффект закончился ({ $effect }).
log-stunned-player = 😵 Ты оглушён и пропускаешь ход.
log-stunned-monster = 😵 { $monster } оглушён и не может действовать.
log-flee-failed = 🏃 Ты пытаешься бежать, но { $monster } преграждает путь.
log-fled = 🏃 Ты ускользаешь!
log-won = 🏆 { $monster } повержен!
log-lost = 💀 Ты падаешь без сил...

## Inventory
inventory-title = 🎒 <b>Инвентарь</b> — { $used }/{ $capacity } ячеек · 💰 { $gold }
derived-line = ⚔️ { $attack }  🛡 { $defence }  ❤️ { $max_hp }  🔷 { $max_mana }  🎯 { $crit }%  💨 { $dodge }%
equipped-title = <b>Надето</b>
bag-title = <b>Сумка</b> (страница { $page }/{ $pages })
bag-empty = Сумка пуста.
inventory-sell-hint = 💰 Ты в городе: здесь можно продавать вещи.
item-slot-level = — { $slot }, ур. { $level }
btn-equip = Надеть
btn-use = Использовать
btn-sell = Продать { $price }💰
btn-unequip = ✖ { $name }
equipped = ✅ Надето: { $name }.
unequipped = ✅ Снято и убрано в сумку.
item-used = 🧪 Использовано: { $name }. ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }
sold = 💰 Продано: { $name }. Золото: { $gold }.
item-not-in-bag = Этого предмета у тебя больше нет.
item-kind = { $kind } · { $rarity } · уровень { $level }
item-slot = Слот: { $slot }
item-bonuses = Бонусы: { $bonuses }
item-effects = Действие: { $effects }
item-buy-price = Цена в лавке: { $price } золота
item-sell-price = Продаётся за: { $price } золота
item-not-sellable = Лавка это не купит.
item-owned = В сумке: { $quantity }
item-worn = Сейчас надето.

## Town
town-title = 🏘 <b>Городская площадь</b> — здесь лавка, трактир и кузница.
town-purse = 💰 { $gold } золота · ❤️ { $hp }/{ $max_hp }
btn-shop = 🛒 Лавка
btn-inn = 🛏 Трактир
btn-forge = ⚒ Кузница
shop-title = 🛒 <b>Лавка</b> · 💰 { $gold } золота
shop-buy-title = В продаже:
shop-sell-title = Торговец купит:
shop-offer = { $mark } <b>{ $name }</b> — { $price }💰 · ур. { $level } · { $what }
shop-sellable = • { $name } ×{ $quantity } — { $price }💰 за штуку
shop-nothing-to-sell = В сумке нет ничего, что купила бы лавка.
btn-buy-one = Купить: { $name } ({ $price }💰)
btn-buy-many = ×{ $count } ({ $price }💰)
btn-sell-one = Продать: { $name } ({ $price }💰)
btn-sell-all = Все ({ $total }💰)
btn-shop-buy = 🛒 Купить
btn-shop-sell = 💰 Продать
bought = ✅ Куплено: { $name } ×{ $quantity }. Осталось золота: { $gold }.
sold-many = 💰 Продано: { $name } ×{ $quantity }. Золото: { $gold }.
inn-title = 🛏 <b>Трактир</b>
inn-offer = Тёплая постель и горячий ужин восстановят здоровье и ману: { $price } золота.
inn-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  💰 { $gold }
btn-rest = 🛏 Отдохнуть ({ $price }💰)
rested = 😴 Ты отдыхаешь и просыпаешься полным сил. Осталось золота: { $gold }.
forge-title = ⚒ <b>Кузница</b> · 💰 { $gold } · твой уровень { $level }
forge-gold = 💰 { $gold }
forge-level = ур. { $level }
btn-craft = ⚒ Создать: { $name }
btn-craft-locked = 🔒 { $name }
crafted = ⚒ Создано: { $name } ×{ $quantity }.
missing-materials = 🪨 Не хватает материалов: { $materials }

## Skills
skills-title = 🌳 <b>Умения: { $class_name }</b> · очки умений: { $points }
skill-level = ур. { $level }
skill-active = активное, { $mana } 🔷, перезарядка { $cooldown }
skill-passive = пассивное
skill-learned = изучено
skill-learnable = можно изучить сейчас
skill-needs-level = нужен уровень { $level }
skill-needs-skill = сначала нужно: { $skills }
skill-needs-points = нужно очко умений
btn-learn = 📖 Изучить: { $name }
skill-learned-now = 📖 Изучено: { $name }.

## Leaderboard
top-title = 🏆 <b>Рейтинг</b> — по уровню
top-row = { $rank } { $name } — { $class_name }, уровень { $level }
top-empty = Героев пока нет.

## Refusals
stale-screen = ⌛ Эта кнопка со старого экрана: вот текущий.
err-rule = 🚫 Правила сейчас этого не позволяют.
err-unknown-entry = 🚫 Такого нет (старая или испорченная кнопка).
err-inventory-full = 🎒 Сумка полна ({ $capacity } ячеек). Сначала продай или выброси что-нибудь.
err-not-owned = 🚫 У тебя нет этого предмета.
err-not-enough-items = 🚫 Не хватает: нужно { $needed }, есть { $have }.
err-not-enough-gold = 💰 Не хватает золота: нужно { $needed }, есть { $have }.
err-level-too-low = 🔒 Слишком низкий уровень: нужен { $required }, у тебя { $level }.
err-wrong-slot = 🚫 Это нельзя надеть.
err-slot-empty = 🚫 Там ничего не надето.
err-not-usable = 🚫 Это здесь не использовать.
err-nothing-to-restore = 🧪 Здоровье и мана и так полны — прибереги зелье на потом.
err-explore-in-town = 🏘 В городе нечего исследовать: сначала выйди за ворота.
err-not-sellable = 🚫 Лавка это не покупает.
err-no-stat-points = 🚫 Свободных очков характеристик нет.
err-unknown-stat = 🚫 Нет такой характеристики.
err-no-skill-points = 🚫 Не хватает очков умений: нужно { $needed }.
err-skill-known = ✅ Это умение уже изучено.
err-skill-other-class = 🚫 Это умение другого класса.
err-skill-level = 🔒 Для этого умения нужен уровень { $level }.
err-skill-prerequisite = 🔒 Сначала изучи умения, на которых оно основано.
err-skill-not-learnable = 🔒 Это умение сейчас не изучить.
err-skill-cooldown = ⏳ Ещё не готово: осталось ходов — { $turns }.
err-skill-mana = 🔷 Не хватает маны: нужно { $needed }.
err-skill-unknown = 🚫 Ты не знаешь этого умения.
err-no-stamina = ⚡ Не хватает выносливости: нужно { $needed }, есть { $have }. Она восстанавливается со временем.
err-combat-over = ⌛ Этот бой уже окончен.
err-in-combat = ⚔️ Не посреди боя! Сначала закончи его.
err-not-in-combat = Ты сейчас не в бою.
err-not-in-town = 🏘 Это в городе: сначала вернись в город.
err-already-rested = 😊 Ты и так полностью отдохнул.
err-busy = ⏳ Секунду — ещё выполняется прошлое действие.
err-rift-closed = 🌀 Этот разлом закрылся.
err-in-rift = 🌀 Только не внутри разлома.
err-not-in-rift = Ты не в разломе.
err-wrong-location = 📍 Это в другом месте: сначала доберись туда.
err-boss-alive = Там уже есть босс.
