## Живой мир: разломы, мировые боссы, оповещения о них, команды администратора.

## Сколько осталось
time-hours = { $h } ч { $m } мин
time-minutes = { $m } мин
time-seconds = { $s } с

btn-refresh = 🔄 Обновить
btn-rifts = 🌀 Разломы
btn-boss = 👹 Мировой босс

## Разломы: список
rifts-title = 🌀 <b>Открытые разломы</b>
rifts-none = Сейчас ни один разлом не открыт. Скоро мир снова треснет.
rifts-hint = Разломы открываются в диких землях: доберитесь до разлома, чтобы войти.
rift-line = 🌀 <b>{ $name }</b> — { $location }
    Ранг { $tier } · с { $min_level } уровня · ⏳ { $left }
rift-here = 📍 <i>здесь</i>
btn-rift-enter = 🌀 Войти: { $name } ({ $location })
btn-rift-current = 🌀 Вернуться в разлом
btn-rift-last = 🌀 Мой забег: { $name }
btn-rift-back = 🌀 Назад в разлом
rift-elsewhere = 📍 Этот разлом в локации «{ $location }»: сначала доберитесь туда.
rift-level-low = 🔒 Для этого разлома нужен { $needed } уровень, у вас { $level }.
rift-entered = 🌀 Вы шагаете сквозь разрыв…
rift-stale = ⌛ Этот шаг уже позади: вот где вы сейчас.

## Разломы: забег
rift-progress = 🌀 <b>{ $name }</b> — ранг { $tier }, { $location }
    🧭 Этаж { $floor }/{ $floors } · шаг { $step }/{ $steps } · пройдено { $done }/{ $total }
rift-time-left = ⏳ Разлом закроется через { $left }
rift-looted = 💰 Добыто: { $gold } золота
rift-looted-items = 🎒 Найдено:
rift-fighting = ⚔️ На этом шаге вас ждёт бой.
rift-status-cleared = 🏆 <b>Разлом пройден!</b>
rift-status-left = 🚪 Вы вышли из разлома, добыча осталась при вас.
rift-status-collapsed = 💥 Разлом схлопнулся и вышвырнул вас. Добыча осталась при вас.
rift-status-fallen = ☠️ Вы пали в разломе. Забег окончен.
rift-chest = 🎁 Сундук разлома:
rift-reward = ✨ { $xp } опыта · 💰 { $gold } золота
rift-bag-full = 🎒 Не поместилось в сумку:
rift-level-up = 🎉 Уровень { $level }!
btn-rift-go = ➡️ Дальше
btn-rift-leave = 🚪 Выйти
btn-rift-fight = ⚔️ К бою

## Разломы: шаги
rift-step = 🧭 Этаж { $floor }, шаг { $step }.
rift-step-monster = Путь преграждает чудовище!
rift-step-elite = Путь преграждает элитный страж!
rift-step-boss = Властелин разлома пробуждается!
rift-step-treasure = 💎 Сокровище!
rift-step-gold = 💰 +{ $gold } золота
rift-step-trap = 🪤 Ловушка! Вы теряете { $hp } ОЗ.
rift-step-shrine = ⛩ Святилище: +{ $hp } ОЗ, +{ $mana } маны.
rift-step-vitals = ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }

## Мировые боссы
boss-title = 👹 <b>{ $name }</b> · { $level } уровень
    📍 { $location }
boss-hp = ❤️ { $bar }
boss-left = ⏳ Уйдёт через { $left }
boss-my-damage = ⚔️ Ваш урон: { $damage }
boss-ready = ✅ Можно бить.
boss-cooldown = 🕒 Переводите дух: { $seconds } с
boss-none = Сейчас по земле не бродит ни один мировой босс.
boss-not-here = Здесь мирового босса нет.
boss-elsewhere-title = В других местах:
boss-elsewhere = 👹 { $name } — { $location } (⏳ { $left })
boss-hit = 💥 Вы наносите { $damage } урона!
boss-miss = 💨 Удар соскальзывает.
boss-killed = 🏆 Ваш удар в { $damage } сражает <b>{ $name }</b>! Добычу разделят все, кто сражался.
boss-gone-defeated = ☠️ Этот босс уже повержен.
boss-gone-escaped = 🏃 Этот босс ушёл.
boss-gone-unknown = Этого босса здесь больше нет.
boss-cooldown-wait = 🕒 Переведите дух: ещё { $seconds } с.
boss-elsewhere-hit = 📍 Этот босс в локации «{ $location }»: доберитесь туда, чтобы сразиться.
boss-unnamed = Мировой босс
btn-boss-attack = ⚔️ Атаковать
btn-boss-top = 🏆 Урон по боссам
btn-boss-back = 👹 Боссы
boss-top-title = 🏆 <b>Урон по мировым боссам</b>
boss-top-empty = С мировыми боссами ещё никто не сражался.
boss-top-row = { $rank } { $name } ({ $class_name }, ур. { $level }) — { $damage }

## Оповещения
notify-rift-opened = 🌀 Открылся разлом: <b>{ $name }</b>, { $location }!
    Ранг { $tier } · с { $min_level } уровня · закроется через { $left }
notify-rift-collapsed = 💥 Разлом <b>{ $name }</b> схлопнулся и вышвырнул вас.
    Добыча при вас: 💰 { $gold } золота, 🎒 предметов: { $items }.
notify-rift-collapsed-unnamed = 💥 Ваш разлом схлопнулся и вышвырнул вас. Добыча при вас.
notify-boss-spawned = 👹 <b>{ $name }</b> ({ $level } уровень) появился: { $location }!
    ❤️ { $hp } · уйдёт через { $left }
notify-boss-killed-by-you = 🏆 Ваш удар сразил <b>{ $name }</b>! Ваша доля добычи уже в сумке.
notify-boss-defeated-fought = 🏆 <b>{ $name }</b> повержен! Ваша доля добычи уже в сумке.
notify-boss-defeated = 🏆 <b>{ $name }</b> повержен.
notify-boss-escaped-fought = 🏃 <b>{ $name }</b> ушёл. Ваш урон всё равно засчитан в таблице.
notify-boss-escaped = 🏃 <b>{ $name }</b> ушёл.
notify-level-up = 🎉 Вы достигли { $level } уровня! Новые очки ждут в листе персонажа.
notify-broadcast = 📢 { $text }
btn-notify-rifts = 🌀 Открытые разломы
btn-notify-boss = 👹 К боссу

## Настройки: оповещения
settings-notifications = 🔔 Оповещения: разломы — { $rifts }, мировые боссы — { $bosses }
notify-state-on = вкл
notify-state-off = выкл
btn-notify-rifts-on = 🔔 Разломы: вкл
btn-notify-rifts-off = 🔕 Разломы: выкл
btn-notify-bosses-on = 🔔 Боссы: вкл
btn-notify-bosses-off = 🔕 Боссы: выкл
notify-rifts-enabled = 🔔 Вы будете слышать о разломах.
notify-rifts-muted = 🔕 Оповещения о разломах выключены.
notify-bosses-enabled = 🔔 Вы будете слышать о мировых боссах.
notify-bosses-muted = 🔕 Оповещения о боссах выключены.

## Администратор
admin-rift-opened = 🌀 Разлом открыт: <b>{ $name }</b>, { $location }, ранг { $tier }, закроется через { $left }.
    id <code>{ $id }</code>
admin-boss-spawned = 👹 Босс призван: <b>{ $name }</b>, { $location }, ❤️ { $hp }, уйдёт через { $left }.
    id <code>{ $id }</code>
admin-unknown-location = Место «{ $location }» для этого не годится.
admin-broadcast-usage = Как: /broadcast &lt;текст&gt;
admin-broadcast-queued = 📢 Рассылка поставлена в очередь (id <code>{ $id }</code>); она уйдёт в пределах лимитов Telegram.
admin-lookup-usage = Как: /lookup &lt;имя или id&gt;
admin-lookup-none = Никого по запросу «{ $query }».
admin-lookup = 🔎 <b>{ $name }</b> · id <code>{ $id }</code>
    { $class }, { $level } уровень ({ $xp } опыта) · 💰 { $gold }
    📍 { $location } · ❤️ { $hp }/{ $max_hp }
admin-lookup-fighting = ⚔️ В бою.
admin-lookup-muted = 🔕 Выключено: { $muted }
