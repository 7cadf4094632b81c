## Названия
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
stat-crit-damage = Урон крита
stat-lifesteal = Вампиризм
stat-damage-taken = Урон по тебе
stat-mana-regen = Мана за ход
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
effect-for-turns = { $effect } на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }
slot-weapon = Оружие
slot-head = Голова
slot-chest = Торс
slot-legs = Ноги
slot-feet = Обувь
slot-trinket = Украшение
rarity-common = обычное
rarity-uncommon = необычное
rarity-rare = редкое
rarity-epic = эпическое
rarity-legendary = легендарное
kind-equipment = Снаряжение
kind-consumable = Расходный предмет
kind-material = Материал

## Награды, где бы они ни выплачивались
reward-xp-gold = ✨ +{ $xp } { $xp ->
        [one] очко
        [few] очка
       *[many] очков
    } опыта   💰 +{ $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }
reward-xp = ✨ +{ $xp } { $xp ->
        [one] очко
        [few] очка
       *[many] очков
    } опыта
reward-gold = 💰 +{ $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }
reward-items = 🎁 Добыча:
reward-left-behind = 🎒 В сумке не хватило места, и вот что осталось лежать:
reward-nothing = На этот раз ничего.
reward-boss-damage = ⚔️ На твоём счету { $damage } урона.
reward-level-up = 🎉 <b>Новый уровень!</b> Теперь у тебя { $level }-й уровень, а с ним новые очки характеристик и умений.

## Исследование
explore-where = 🔎 Ты исследуешь { $location_acc }.
explore-monster = ❗ На тебя { $monster_gender ->
        [f] напала
        [n] напало
        [pl] напали
       *[m] напал
    } { $monster_nom }!
explore-resource = 🌿 Удаётся кое-что собрать:
explore-treasure = 🎁 Ты находишь небольшой клад:
explore-nothing-1 = 🍃 Лишь ветер в траве. На этот раз ничего.
explore-nothing-2 = 👣 Старые следы никуда не ведут. Ничего не нашлось.
explore-nothing-3 = 🌫 Ты долго ищешь, но возвращаешься с пустыми руками.
explore-stamina = ⚡ Энергия { $stamina }/{ $max_stamina }
explore-next-in = исследовать снова можно через { $wait }
explore-elsewhere = ⌛ Эта кнопка осталась от места, где тебя уже нет. Вот где ты сейчас.
btn-explore-more = 🔎 Исследовать ещё

## Бой
combat-monster = 👹 <b>{ $name }</b> (уровень { $level })
combat-you = 🧍 <b>Ты</b> (уровень { $level })
combat-turn = — Ход { $turn } —
combat-your-move = Твой ход.
combat-won = 🏆 <b>Победа!</b>
combat-lost = 💀 <b>Поражение.</b>
combat-respawn = Ты приходишь в себя { $location_at } с перевязанными ранами.
combat-gold-lost = 💰 Ты теряешь { $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }. Вещи целы.
combat-xp-lost = ✨ Ты теряешь { $xp } { $xp ->
        [one] очко
        [few] очка
       *[many] очков
    } опыта. Вещи целы.
combat-gold-xp-lost = 💰 Ты теряешь { $gold } { $gold ->
        [one] золотой
       *[other] золотых
    } и ✨ { $xp } { $xp ->
        [one] очко
        [few] очка
       *[many] очков
    } опыта. Вещи целы.
combat-nothing-lost = Золото и вещи целы.
combat-fled = 🏃 Тебе удаётся уйти.
no-fight = Сейчас ты не в бою.
skill-cooling = ⏳ Умение «{ $name }» будет готово через { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }
skill-short-of-mana = 🔷 Умению «{ $name }» нужно { $mana } ед. маны
btn-attack = ⚔️ Атаковать
btn-skill = ✨ { $name } ({ $mana } 🔷)
btn-skill-cooling = ⏳ { $name } ({ $turns })
btn-skill-no-mana = 🔷 { $name } ({ $mana } 🔷)
btn-flee = 🏃 Бежать ({ $chance }%)

## Бой, строка за строкой
log-hit-player = ⚔️ Твой удар отнимает у { $monster_gen } <b>{ $amount }</b> ОЗ.
log-crit-player = 💥 Критический удар! Ты отнимаешь у { $monster_gen } <b>{ $amount }</b> ОЗ.
log-skill-hit = ✨ Умение «{ $skill }» отнимает у { $monster_gen } <b>{ $amount }</b> ОЗ.
log-skill-crit = 💥 Умение «{ $skill }» бьёт критически и отнимает у { $monster_gen } <b>{ $amount }</b> ОЗ!
log-hit-monster = 🩸 { $monster } { $monster_gender ->
        [pl] бьют
       *[other] бьёт
    } тебя, и ты теряешь <b>{ $amount }</b> ОЗ.
log-crit-monster = 💢 { $monster } { $monster_gender ->
        [pl] наносят
       *[other] наносит
    } критический удар! Ты теряешь <b>{ $amount }</b> ОЗ.
log-miss-player = 💨 { $monster } { $monster_gender ->
        [pl] уклоняются
       *[other] уклоняется
    } от твоей атаки.
log-skill-miss = 💨 { $monster } { $monster_gender ->
        [pl] уклоняются
       *[other] уклоняется
    } от умения «{ $skill }».
log-miss-monster = 💨 Ты уклоняешься от удара { $monster_gen }.
log-skill = ✨ Ты применяешь умение «{ $skill }».
log-item = 🧪 Ты используешь { $item_acc }.
log-heal = 💚 Ты восстанавливаешь { $amount } ОЗ.
log-mana = 🔷 Ты восстанавливаешь { $amount } ед. маны.
log-cleanse = ✨ Недуги отступают.
log-status-monster = 🌀 { $monster } { $monster_gender ->
        [pl] получают
       *[other] получает
    } эффект «{ $effect }» на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-status-self = 🌟 Ты получаешь эффект «{ $effect }» на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-status-player = 🌀 { $monster } { $monster_gender ->
        [pl] накладывают
       *[other] накладывает
    } на тебя эффект «{ $effect }» на { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
log-tick-player = { $icon } «{ $effect }» отнимает у тебя { $amount } ОЗ.
log-tick-monster = { $icon } «{ $effect }» отнимает у { $monster_gen } { $amount } ОЗ.
log-expired-player = ⌛ «{ $effect }» проходит.
log-expired-monster = ⌛ «{ $effect }» у { $monster_gen } проходит.
log-stunned-player = 😵 Оглушение! Ты пропускаешь ход.
log-stunned-monster = 😵 { $monster } { $monster_gender ->
        [pl] пропускают
       *[other] пропускает
    } ход из-за оглушения.
log-flee-failed = 🏃 Ты пытаешься сбежать, но { $monster_nom } { $monster_gender ->
        [pl] преграждают
       *[other] преграждает
    } тебе путь.
log-fled = 🏃 Тебе удаётся сбежать!
log-won = 🏆 { $monster } { $monster_gender ->
        [f] повержена
        [n] повержено
        [pl] повержены
       *[m] повержен
    }!
log-lost = 💀 Силы покидают тебя…

## Инвентарь
inventory-title = 🎒 <b>Инвентарь</b> — занято { $used } из { $capacity } { $capacity ->
        [one] ячейки
       *[other] ячеек
    } · 💰 { $gold }
derived-line = ⚔️ { $attack }  🛡 { $defence }  ❤️ { $max_hp }  🔷 { $max_mana }  🎯 { $crit }%  💨 { $dodge }%
equipped-title = <b>Надето</b>
bag-title = <b>Сумка</b> (страница { $page } из { $pages })
bag-empty = Сумка пуста.
inventory-sell-hint = 💰 Ты в городе, и вещи можно продать.
item-slot-level = — { $slot }, ур. { $level }
btn-equip = Надеть
btn-use = Использовать
btn-sell = Продать за { $price }💰
btn-unequip = ✖ Снять: { $name }
btn-drop-one = 🗑 Выбросить одну штуку
btn-drop-all = 🗑 Выбросить все ({ $quantity })
btn-drop-confirm = 🗑 Да, выбросить
btn-drop-cancel = ⬅️ Оставить
drop-confirm = 🗑 Точно выбросить <b>{ $name_acc }</b>{ $count }? Выброшенное пропадёт навсегда.
dropped = 🗑 Ты выбрасываешь { $name_acc }{ $count }.
drop-worn = 🚫 Это сейчас надето. Сначала сними.
equipped = ✅ { $slot ->
        [weapon] Ты берёшь в руки { $name_acc }.
       *[other] Ты надеваешь { $name_acc }.
    }
unequipped = ✅ Снято и убрано в сумку.
unequip-bag-full = 🎒 Сумка полна, и снятую вещь некуда убрать. Освободи место, чтобы что-нибудь снять.
item-used = 🧪 Ты используешь { $name_acc }. ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }
sold = 💰 Ты продаёшь { $name_acc }. Золота теперь { $gold }.
item-not-in-bag = Этого предмета у тебя больше нет.
item-kind = { $kind } · { $kind_code ->
        [equipment] { $rarity_code ->
            [common] обычное
            [uncommon] необычное
            [rare] редкое
            [epic] эпическое
           *[legendary] легендарное
        }
       *[other] { $rarity_code ->
            [common] обычный
            [uncommon] необычный
            [rare] редкий
            [epic] эпический
           *[legendary] легендарный
        }
    } · уровень { $level }
item-slot = Слот: { $slot }
item-bonuses = Бонусы: { $bonuses }
item-effects = Действие: { $effects }
item-buy-price = В лавке стоит { $price } { $price ->
        [one] золотой
       *[other] золотых
    }
item-sell-price = Лавка купит за { $price } { $price ->
        [one] золотой
       *[other] золотых
    }
item-not-sellable = Лавка это не купит.
item-owned = В сумке { $quantity } шт.
item-worn = Сейчас надето.
item-equip-level = 🔒 Надеть можно с { $level }-го уровня.

## Город
town-title = 🏘 <b>Городская площадь</b>. Здесь лавка, трактир и кузница.
town-purse = 💰 { $gold } · ❤️ { $hp }/{ $max_hp }
btn-shop = 🛒 Лавка
btn-inn = 🛏 Трактир
btn-forge = ⚒ Кузница
shop-title = 🛒 <b>Лавка</b> · 💰 { $gold }
shop-buy-title = В продаже:
shop-sell-title = Торговец купит:
shop-offer = { $mark } <b>{ $name }</b> — { $price }💰 · ур. { $level } · { $what }
shop-sellable = • { $name } ×{ $quantity } — по { $price }💰 за штуку
shop-nothing-to-sell = В сумке нет ничего, что купила бы лавка.
btn-buy-one = Купить { $name_acc } ({ $price }💰)
btn-buy-many = ×{ $count } ({ $price }💰)
btn-sell-one = Продать { $name_acc } ({ $price }💰)
btn-sell-all = Все ({ $total }💰)
btn-buy-too-poor = 💸 { $name } ({ $price }💰)
btn-buy-too-low = ⬆️ { $name } (с { $level }-го ур.)
shop-legend = { $marks }. Нажми, чтобы узнать подробнее.
shop-legend-gold = 💸 не хватает золота
shop-legend-level = ⬆️ выше твоего уровня
shop-too-poor = 💸 { $name } стоит { $price } 💰, а у тебя { $gold } 💰: не хватает { $short } 💰.
shop-too-low = ⬆️ { $name } можно надеть с { $level }-го уровня, а у тебя { $you }-й. Товар подождёт тебя на полке.
shop-confirm = Купить <b>{ $name_acc }</b> за { $price } 💰? Останется { $left } 💰.
shop-card-level = Можно надеть с { $level }-го уровня.
btn-buy-confirm = ✅ Да, купить ({ $price }💰)
btn-buy-cancel = ✖ Нет, назад в лавку
btn-back-to-shop = 🛒 Назад в лавку
btn-open-bag = 🎒 Открыть сумку
shop-receipt-bag = 🎒 Покупка уже в сумке, там её можно надеть.
shop-double-tap = ✋ Уже сделано. Нужно ещё раз? Нажми через секунду.
btn-shop-buy = 🛒 Купить
btn-shop-sell = 💰 Продать
bought = ✅ Ты покупаешь { $name_acc }{ $count }. Золота осталось { $gold }.
sold-many = 💰 Ты продаёшь { $name_acc }{ $count }. Золота теперь { $gold }.
inn-title = 🛏 <b>Трактир</b>
inn-offer = Тёплая постель и горячий ужин вернут здоровье и ману. Ночлег стоит { $price } { $price ->
        [one] золотой
       *[other] золотых
    }.
inn-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  💰 { $gold }
inn-rested = 😊 Здоровье и мана и так полны, отдых не нужен.
inn-too-poor = 💰 Ночлег стоит { $price } { $price ->
        [one] золотой
       *[other] золотых
    }, а у тебя столько нет.
btn-rest = 🛏 Отдохнуть ({ $price }💰)
rested = 😴 Ночь в тепле, и силы возвращаются. Золота осталось { $gold }.
forge-title = ⚒ <b>Кузница</b> · 💰 { $gold } · твой уровень { $level }
forge-legend = <i>✅ можно изготовить · ⬆️ мал уровень · 🪨 не хватает материалов · 💸 не хватает золота</i>
forge-gold = 💰 { $gold }
forge-level = ур. { $level }
btn-craft = ⚒ Изготовить: { $name }
crafted = ⚒ Готово! { $name }{ $count } уже в сумке.
missing-materials = 🪨 Не хватает материалов ({ $materials }).

## Умения
skill-name = «{ $name }»
skills-title = 🌳 <b>Умения класса «{ $class_name }»</b> · { $points } { $points ->
        [one] очко
        [few] очка
       *[many] очков
    } умений
skill-level = ур. { $level }
skill-active = активное, { $mana } 🔷, { $every ->
        [1] можно каждый ход
        [one] раз в { $every } ход
        [few] раз в { $every } хода
       *[many] раз в { $every } ходов
    }
skill-passive = пассивное
skill-learned = изучено
skill-learnable = можно изучить сейчас
skill-needs-level = нужен { $level }-й уровень
skill-needs-skill = откроется после { $count ->
        [one] умения
       *[other] умений
    } { $skills }
skill-needs-points = нужно очко умений
btn-learn = 📖 Изучить «{ $name }»
skill-learned-now = 📖 Умение «{ $name }» изучено.

## Рейтинг
top-title = 🏆 <b>Рейтинг</b> по уровню
top-row = { $rank } { $name } — { $class_name }, уровень { $level }
top-empty = Героев пока нет.

## Отказы
stale-screen = ⌛ Эта кнопка со старого экрана. Вот как всё выглядит сейчас.
err-rule = 🚫 Сейчас правила этого не позволяют.
err-unknown-entry = 🚫 Такого нет. Похоже, кнопка старая или испорченная.
err-inventory-full = 🎒 Сумка полна, все { $capacity } { $capacity ->
        [one] ячейка заняты
        [few] ячейки заняты
       *[many] ячеек заняты
    }. Сначала продай или выброси что-нибудь.
err-not-owned = 🚫 У тебя нет этого предмета.
err-not-enough-items = 🚫 Нужно { $needed } шт., а у тебя только { $have }.
err-not-enough-gold = 💰 Не хватает золота. Нужно { $needed }, а у тебя { $have }.
err-level-too-low = 🔒 Нужен { $required }-й уровень, а у тебя { $level }-й.
err-wrong-slot = 🚫 Это нельзя надеть.
err-slot-empty = 🚫 Там ничего не надето.
err-not-usable = 🚫 Сейчас это использовать нельзя.
err-nothing-to-restore = 🧪 Здоровье и мана и так полны, прибереги зелье на потом.
err-explore-in-town = 🏘 В городе нечего исследовать. Сначала выйди за ворота.
err-not-sellable = 🚫 Лавка это не покупает.
err-no-stat-points = 🚫 Свободных очков характеристик нет.
err-unknown-stat = 🚫 Такой характеристики нет.
err-no-skill-points = 🚫 Не хватает очков умений, нужно { $needed }.
err-skill-known = ✅ Это умение уже изучено.
err-skill-other-class = 🚫 Это умение другого класса.
err-skill-level = 🔒 Для этого умения нужен { $level }-й уровень.
err-skill-prerequisite = 🔒 Сначала изучи умения, на которых оно держится.
err-skill-not-learnable = 🔒 Это умение сейчас не изучить.
err-skill-cooldown = ⏳ Умение ещё не готово, подожди { $turns } { $turns ->
        [one] ход
        [few] хода
       *[many] ходов
    }.
err-skill-mana = 🔷 Не хватает маны, нужно { $needed } ед.
err-skill-unknown = 🚫 Ты не знаешь этого умения.
err-no-stamina = ⚡ Не хватает энергии. Нужно { $needed }, а у тебя { $have }. Она восстанавливается со временем.
err-no-stamina-wait = ⚡ Не хватает энергии. Нужно { $needed }, а у тебя { $have }. Исследовать снова можно будет через { $wait }.
err-combat-over = ⌛ Этот бой уже окончен.
err-in-combat = ⚔️ Не посреди боя! Сначала закончи его.
err-not-in-combat = Сейчас ты не в бою.
err-not-in-town = 🏘 Это есть только в городе. Сначала вернись туда.
err-already-rested = 😊 Здоровье и мана и так полны.
err-busy = ⏳ Секунду, ещё выполняется прошлое действие.
err-rift-closed = 🌀 Этот разлом уже закрылся.
err-in-rift = 🌀 Только не внутри разлома.
err-not-in-rift = Ты сейчас не в разломе.
err-wrong-location = 📍 Это в другом месте. Сначала доберись туда.
err-boss-alive = Там уже есть босс.
