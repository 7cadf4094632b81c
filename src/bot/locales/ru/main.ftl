## Регистрация
welcome-new = ⚔️ Добро пожаловать в <b>Riftwalker</b>!
    Разломы рвут мир на части. Кто ты, путник?

    Пришли <b>имя</b> персонажа: от 3 до 16 букв, цифр, знаков _ или -.
welcome-back = С возвращением, <b>{ $name }</b>!
ask-class = <b>{ $name }</b>, выбери класс.
class-line = <b>{ $name }</b> — { $description }
    СИЛ { $strength } · ЛОВ { $agility } · ИНТ { $intellect } · ВЫН { $vitality }
registered = 🎉 <b>{ $name }</b> ({ $class }) начинает свой путь.
greeting-event = 📜 Совет для первых шагов, { $name }. Исследуй окрестности { $location_gen }, а лечиться возвращайся в город.
name-invalid = ❌ Такое имя не подойдёт. Нужно от 3 до 16 букв, цифр, знаков _ или -. Попробуй другое.
name-taken = ❌ Имя <b>{ $name }</b> уже занято. Попробуй другое.
already-registered = У тебя уже есть персонаж.
class-unknown = ❌ Такого класса нет. Выбери класс кнопкой.
registration-expired = Этот выбор устарел. Отправь /start, чтобы начать заново.
registration-resumed = 👋 С возвращением! Имя <b>{ $name }</b> сохранено, осталось выбрать класс. Чтобы взять другое имя, просто пришли его.

## Главное меню
menu-title = 🏰 <b>{ $name }</b> · { $class }, уровень { $level }
    ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  ⚡ { $stamina }/{ $max_stamina }  💰 { $gold }
    📍 { $location }
hint-skill-point = 💡 У тебя есть свободное очко умений. Загляни в 🌳 <b>Умения</b> и выучи первое умение.
btn-character = 🧍 Персонаж
btn-look = 🗺 Осмотреться
btn-settings = ⚙️ Настройки
btn-menu = ⬅️ Меню
btn-back = ⬅️ Назад

## Когда вернутся здоровье, мана и энергия
refill-hp = ❤️ восстановится через { $wait }
refill-mana = 🔷 восстановится через { $wait }
refill-stamina = ⚡ восстановится через { $wait }
refill-explore = ⚡ исследовать можно будет через { $wait }

## Лист персонажа
sheet = 🧍 <b>{ $name }</b> — { $class }, уровень { $level }
    ✨ Опыт { $xp }/{ $xp_next }
    💰 Золото { $gold }

    ❤️ Здоровье { $hp }/{ $max_hp }   🔷 Мана { $mana }/{ $max_mana }
    ⚡ Энергия { $stamina }/{ $max_stamina }
sheet-stats = 💪 СИЛ { $strength }   🏹 ЛОВ { $agility }
    🧠 ИНТ { $intellect }   🛡 ВЫН { $vitality }

    ⚔️ Атака { $attack }   🛡 Защита { $defence }   ✨ Магия { $magic }
    🎯 Крит { $crit }%   💨 Уклонение { $dodge }%
sheet-unspent = Не потрачено { $stat_points } { $stat_points ->
        [one] очко
        [few] очка
       *[many] очков
    } характеристик и { $skill_points } { $skill_points ->
        [one] очко
        [few] очка
       *[many] очков
    } умений.
sheet-unspent-stat = Не потрачено { $stat_points } { $stat_points ->
        [one] очко
        [few] очка
       *[many] очков
    } характеристик.
sheet-unspent-skill = Не потрачено { $skill_points } { $skill_points ->
        [one] очко
        [few] очка
       *[many] очков
    } умений.
sheet-location = 📍 { $location }

## Мир
location = 📍 <b>{ $name }</b> (уровень { $level })
    <i>{ $description }</i>
location-town = 🏘 Безопасный город.
location-fighting = ⚔️ Идёт бой, и дороги подождут, пока он не кончится.
location-boss = 👹 Здесь { $boss_gender ->
        [pl] бродят
       *[other] бродит
    } <b>{ $boss }</b>! Уйдёт отсюда через { $left }.
location-rift = 🌀 Здесь открыт разлом <b>«{ $name }»</b> { $tier }-го ранга. Войти можно с { $min_level }-го уровня, а закроется он через { $left }.
location-rift-locked = 🔒 Чтобы войти, нужен { $min_level }-й уровень.
btn-boss-here = 👹 К боссу «{ $name }»
btn-rift-enter-here = 🌀 Войти в разлом «{ $name }»
exits-title = Куда ведут дороги:
btn-go = ➡️ { $name } (ур. { $level })
travelled = 🚶 Дорога позади. Ты { $location_at }.
travel-not-adjacent = 🚫 Отсюда туда не добраться.
travel-stale = ⌛ Эта дорога была на старой карте. Вот где ты сейчас.
location-unknown = 🚫 Такого места нет.
travel-warning-title = ⚠️ <b>Подумай, прежде чем идти { $location_to }</b>
travel-warning-level = Там водятся чудовища { $zone_level }-го уровня, а у тебя только { $level }-й. Они намного сильнее тебя.
travel-warning-hp = У тебя всего { $hp } из { $max_hp } ОЗ. Подлечись, прежде чем выходить.
btn-go-anyway = ➡️ Всё равно идти
btn-rest-first = 🛏 Сначала отдохнуть в трактире
btn-stay = ⬅️ Остаться

## Настройки
settings = ⚙️ <b>Настройки</b>
    🌐 Язык бота — { $language }
btn-lang-en = 🇬🇧 English
btn-lang-ru = 🇷🇺 Русский
language-name = русский
language-chosen = 🌐 Теперь бот говорит по-русски.

## Непонятный ввод
not-registered = У тебя ещё нет персонажа. Отправь /start, чтобы его создать.
err-no-such-player = 🔎 Игрока с именем «{ $name }» нет. Проверь, как оно пишется: имена такие, какими их выбрали сами игроки.
unknown-command = 🤔 Такой команды я не знаю. Пользуйся кнопками или отправь /start, чтобы открыть меню.
free-text = 🤔 Я понимаю только кнопки и команды. Команда /start открывает меню.
stale-button = ⌛ Эта кнопка больше не действует.
game-error = ⚠️ Не получилось ({ $reason }).
slow-down = 🐢 Потише, слишком много действий сразу. Подожди немного.
service-unavailable = 🔧 Мир переводит дух. Попробуй ещё раз через минуту.
err-bad-request = ⚠️ Игра не поняла этот запрос: число вне допустимого или чего-то не хватает. Ничего не изменилось.
help = <b>Riftwalker</b> — текстовая RPG.
    /start — создать персонажа или открыть меню
    /menu — главное меню
    /me — твой персонаж
    /look — где ты сейчас
    /fight — вернуться в бой
    /inventory — сумка
    /skills — умения
    /town — лавка, трактир и кузница (в городе)
    /top — рейтинг
    /rifts — открытые разломы
    /boss — мировой босс там, где ты стоишь
    /boss_top — рейтинг урона по боссам
    /guild — твоя гильдия (/g текст — написать ей)
    /arena — арена: бои с призраками других игроков и рейтинг
    /market — рынок игроков
    /trades — обмен с другими игроками
    /daily — награда дня и поручения
    /invite — позвать друзей
    /settings — язык и оповещения
    /help — эта справка
## Пункты меню
btn-explore = 🔎 Исследовать
btn-explore-wait = ⏳ Исследовать через { $wait }
btn-inventory = 🎒 Инвентарь
btn-skills = 🌳 Умения
btn-town = 🏘 Город
btn-leaderboard = 🏆 Рейтинг
btn-back-to-fight = ⚔️ Вернуться в бой

## Лист персонажа: очки
sheet-points-hint = ⬇️ Распредели очки характеристик кнопками ниже.
btn-stat-strength = +СИЛ
btn-stat-agility = +ЛОВ
btn-stat-intellect = +ИНТ
btn-stat-vitality = +ВЫН
stat-raised = ✅ { $stat } +1.
