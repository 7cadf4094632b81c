## Живой мир: разломы, мировые боссы, оповещения о них, команды администратора.

## Сколько осталось
time-days = { $h ->
        [0] { $d } дн.
       *[other] { $d } дн. { $h } ч
    }
time-hours = { $m ->
        [0] { $h } ч
       *[other] { $h } ч { $m } мин
    }
time-minutes = { $m } мин
time-seconds = { $s } с

btn-refresh = 🔄 Обновить
btn-rifts = 🌀 Разломы

## Разломы: список
rifts-title = 🌀 <b>Открытые разломы</b>
rifts-none = Сейчас ни один разлом не открыт. Скоро мир снова треснет.
rifts-hint = Разломы открываются в диких землях. Чтобы войти, доберись до разлома.
rift-line = 🌀 <b>{ $name }</b> — { $location }
    Ранг { $tier } · вход с { $min_level }-го уровня · ⏳ { $left }
rift-here = 📍 <i>здесь</i>
rift-walked = ✔️ Твой поход в этот разлом уже окончен, а дважды в один разлом не войти.
btn-rift-travel = ➡️ Отправиться { $location_to }
btn-rift-current = 🌀 Вернуться в разлом
btn-rift-back = 🌀 Назад в разлом
btn-rift-chest = 🎁 К сундуку разлома
btn-rift-outcome = 🌀 Чем закончился поход
rift-elsewhere = 📍 Этот разлом не здесь, а { $location_at }. Сначала доберись туда.
rift-level-low = 🔒 Для этого разлома нужен { $needed }-й уровень, а у тебя { $level }-й.
rift-entered = 🌀 Ты шагаешь сквозь разрыв…
rift-stale = ⌛ Этот шаг уже позади. Вот где ты сейчас.

## Разломы: поход
rift-progress = 🌀 <b>{ $name }</b> — ранг { $tier }, { $location }
    🧭 Этаж { $floor } из { $floors } · шаг { $step } из { $steps } · пройдено { $done } из { $total }
rift-time-left = ⏳ Разлом закроется через { $left }
rift-treasure-so-far = 💎 Сокровища разлома принесли тебе:
rift-treasure-none = 💎 Сокровищ не попадалось.
rift-fighting = ⚔️ На этом шаге тебя ждёт бой.
rift-status-cleared = 🏆 <b>Разлом пройден!</b>
rift-status-left = 🚪 Ты выходишь из разлома, и вся добыча остаётся при тебе.
rift-status-collapsed = 💥 Разлом схлопывается и выбрасывает тебя наружу. Добыча остаётся при тебе.
rift-status-fallen = ☠️ Разлом оказывается сильнее тебя. Поход окончен.
rift-chest = 🎁 В сундуке разлома:
rift-total = 🧾 <b>Всего за поход</b>
btn-rift-go = ➡️ Дальше
btn-rift-leave = 🚪 Выйти
btn-rift-fight = ⚔️ К бою

## Разломы: шаги
rift-step = 🧭 Этаж { $floor }, шаг { $step }.
rift-step-monster = Путь преграждает чудовище!
rift-step-elite = Путь преграждает элитный страж!
rift-step-boss = Пробуждается владыка разлома!
rift-step-treasure = 💎 Сокровище!
rift-step-trap = 🪤 Ловушка! Ты теряешь { $hp } ОЗ.
rift-step-shrine = ⛩ Святилище придаёт сил ({ $hp } ОЗ, { $mana } ед. маны).
rift-step-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }

## Мировые боссы
boss-title = 👹 <b>{ $name }</b> · уровень { $level }
    📍 { $location }
boss-hp = ❤️ { $bar }
boss-left = ⏳ Уйдёт через { $left }
boss-my-damage = ⚔️ На твоём счету { $damage } урона.
boss-my-damage-none = ⚔️ Твоих ударов по боссу ещё не было.
boss-ready = ✅ Можно бить.
boss-cooldown = 🕒 Переводишь дух, ещё { $seconds } с
boss-ranking-title = ⚔️ <b>Лучшие бойцы</b> · в бою { $fighters } { $fighters ->
        [one] герой
        [few] героя
       *[many] героев
    }
boss-ranking-row = { $rank } { $name } — { $damage }
boss-ranking-empty = Никто ещё не нанёс ни одного удара. Будь первым!
    Пока его сила лишь прикидка: он подстраивается под каждого, кто вступает в бой.
boss-my-rank = Ты на { $rank }-м месте из { $fighters }.
boss-busy-fight = ⚔️ Сейчас ты в бою. Закончи его, а потом бей босса.
boss-busy-rift = 🌀 Ты внутри разлома. Выйди из него, чтобы сразиться с боссом.
boss-none = Сейчас по земле не бродит ни один мировой босс.
boss-not-here = Здесь мирового босса нет.
boss-elsewhere-title = В других местах:
boss-elsewhere = 👹 { $name } — { $location } (⏳ { $left })
boss-hit = 💥 Удар отнимает у босса { $damage } ОЗ!
boss-miss = 💨 Удар соскальзывает.
boss-killed = 🏆 Твой удар отнимает последние { $damage } ОЗ, и <b>{ $boss }</b> { $boss_gender ->
        [f] повержена
        [n] повержено
        [pl] повержены
       *[m] повержен
    }! Добыча уже делится между всеми, кто сражался: каждый получит сообщение со своей долей, как только она окажется в сумке.
boss-gone-defeated = ☠️ С этим боссом уже покончено.
boss-gone-escaped = 🏃 Этот босс уже ушёл.
boss-gone-unknown = Этого босса здесь больше нет.
boss-cooldown-wait = 🕒 Переведи дух, осталось { $seconds } с.
boss-elsewhere-hit = 📍 Этот босс не здесь, а { $location_at }. Доберись туда, чтобы сразиться.
boss-unnamed = Мировой босс
boss-unnamed-acc = мирового босса
btn-boss-attack = ⚔️ Атаковать
btn-boss-top = 🏆 Урон по боссам
btn-boss-back = 👹 Боссы
boss-top-live = 👹 <b>{ $name }</b> ({ $location }), бой идёт сейчас
boss-top-title = 🏆 <b>Урон по мировым боссам</b> за всё время
boss-top-empty = С мировыми боссами ещё никто не сражался.
boss-top-empty-live = Ни один бой с боссом ещё не закончился. Урон попадает сюда, когда босс падает или уходит.
boss-top-row = { $rank } { $name } ({ $class_name }, ур. { $level }) — { $damage }

## Оповещения
notify-rift-opened = 🌀 Мир треснул, и открылся разлом <b>«{ $name }»</b>!
    📍 { $location } · ранг { $tier } · вход с { $min_level }-го уровня · закроется через { $left }
notify-rift-collapsed = 💥 Разлом <b>«{ $name }»</b> схлопывается и выбрасывает тебя наружу. Всё добытое внутри остаётся при тебе.
notify-rift-collapsed-unnamed = 💥 Твой разлом схлопывается и выбрасывает тебя наружу. Добыча остаётся при тебе.
notify-boss-spawned = 👹 Появляется мировой босс <b>{ $name }</b> ({ $level }-й уровень)!
    📍 { $location } · ❤️ { $hp } · уйдёт через { $left }
notify-boss-killed-by-you = 🏆 Твой удар добивает <b>{ $name_acc }</b>!
notify-boss-defeated-fought = 🏆 <b>{ $name }</b> { $name_gender ->
        [f] повержена
        [n] повержено
        [pl] повержены
       *[m] повержен
    }!
notify-boss-share = 🎁 Твоя доля уже в сумке:
notify-boss-share-unlisted = 🎁 Твоя доля добычи уже в сумке.
notify-boss-defeated = 🏆 Мировой босс <b>{ $name }</b> { $name_gender ->
        [f] повержена
        [n] повержено
        [pl] повержены
       *[m] повержен
    }.
notify-boss-escaped-fought = 🏃 <b>{ $name }</b> { $name_gender ->
        [f] уходит
        [n] уходит
        [pl] уходят
       *[m] уходит
    }. Твой урон всё равно идёт в зачёт.
notify-boss-escaped = 🏃 Мировой босс <b>{ $name }</b> { $name_gender ->
        [f] уходит
        [n] уходит
        [pl] уходят
       *[m] уходит
    }.
notify-level-up = 🎉 Теперь у тебя { $level }-й уровень! Новые очки ждут в листе персонажа и в умениях.
notify-broadcast = 📢 { $text }
btn-notify-rifts = 🌀 Открытые разломы
btn-notify-boss = 👹 К боссу

## Настройки: оповещения
settings-notifications = 🔔 Оповещения о разломах { $rifts }, о мировых боссах { $bosses }
notify-state-on = включены
notify-state-off = выключены
btn-notify-rifts-on = 🔔 Разломы: вкл
btn-notify-rifts-off = 🔕 Разломы: выкл
btn-notify-bosses-on = 🔔 Боссы: вкл
btn-notify-bosses-off = 🔕 Боссы: выкл

## Администратор
admin-rift-opened = 🌀 Открыт разлом <b>{ $name }</b> ({ $location }, ранг { $tier }), закроется через { $left }.
    id <code>{ $id }</code>
admin-boss-spawned = 👹 Призван босс <b>{ $name }</b> ({ $location }, ❤️ { $hp }), уйдёт через { $left }.
    id <code>{ $id }</code>
admin-unknown-location = Место «{ $location }» для этого не годится.
admin-broadcast-usage = Как пользоваться: /broadcast &lt;текст&gt;
admin-broadcast-too-long = 📢 Не отправлено: в тексте { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, а в одно сообщение Telegram помещается не больше { $max }. Сократи его или отправь по частям.
admin-broadcast-queued = 📢 Рассылка поставлена в очередь (id <code>{ $id }</code>) и уйдёт в пределах лимитов Telegram.
admin-lookup-usage = Как пользоваться: /lookup &lt;имя или id&gt;
admin-lookup-none = По запросу «{ $query }» никого не нашлось.
admin-lookup = 🔎 <b>{ $name }</b> · id <code>{ $id }</code>
    { $class }, уровень { $level } (опыт { $xp }) · 💰 { $gold }
    📍 { $location } · ❤️ { $hp }/{ $max_hp }
admin-lookup-fighting = ⚔️ Сейчас в бою.
admin-lookup-muted = 🔕 Выключено: { $muted }
