## Registration
welcome-new = ⚔️ Добро пожаловать в <b>Riftwalker</b>!
    Разломы рвут мир на части. Кто ты, путник?

    Пришли <b>имя</b> персонажа (3–16 букв, цифр, _ или -).
welcome-back = С возвращением, <b>{ $name }</b>!
ask-class = <b>{ $name }</b>, выбери класс:
class-line = <b>{ $name }</b> — { $description }
    СИЛ { $strength } · ЛОВ { $agility } · ИНТ { $intellect } · ВЫН { $vitality }
registered = 🎉 <b>{ $name }</b> ({ $class }) входит в { $location }.
greeting-event = 📜 Совет для первых шагов, { $name }: исследуй окрестности { $location } и возвращайся в город лечиться.
name-invalid = ❌ Такое имя не подойдёт: 3–16 букв, цифр, _ или -. Попробуй другое:
name-taken = ❌ Имя <b>{ $name }</b> уже занято. Попробуй другое:
already-registered = У тебя уже есть персонаж.
class-unknown = ❌ Нет такого класса. Выбери кнопкой.
registration-expired = Этот выбор устарел: отправь /start, чтобы начать заново.

## Main menu
menu-title = 🏰 <b>{ $name }</b> · { $class }, уровень { $level }
    ❤️ { $hp }/{ $max_hp }  🔷 { $mana }/{ $max_mana }  ⚡ { $stamina }/{ $max_stamina }  💰 { $gold }
    📍 { $location }
btn-character = 🧍 Персонаж
btn-look = 🗺 Осмотреться
btn-settings = ⚙️ Настройки
btn-menu = ⬅️ Меню
btn-back = ⬅️ Назад

## Character sheet
sheet = 🧍 <b>{ $name }</b> — { $class }, уровень { $level }
    ✨ Опыт { $xp }/{ $xp_next }
    💰 Золото { $gold }

    ❤️ Здоровье { $hp }/{ $max_hp }   🔷 Мана { $mana }/{ $max_mana }
    ⚡ Выносливость { $stamina }/{ $max_stamina }

    💪 СИЛ { $strength }   🏹 ЛОВ { $agility }
    🧠 ИНТ { $intellect }   🛡 ВЫН { $vitality }

    ⚔️ Атака { $attack }   🛡 Защита { $defence }
    🎯 Крит { $crit }%   💨 Уклонение { $dodge }%
    Свободно: { $stat_points } очк. характеристик, { $skill_points } очк. умений
    📍 { $location }

## World
location = 📍 <b>{ $name }</b> (уровень { $level })
    <i>{ $description }</i>
location-town = 🏘 Безопасный город.
exits-title = Дороги ведут в:
btn-go = ➡️ { $name } (ур. { $level })
travelled = Ты отправляешься: { $name }.
travel-not-adjacent = 🚫 Отсюда туда не добраться.
travel-stale = ⌛ Эта дорога была на старой карте: вот где ты сейчас.
location-unknown = 🚫 Такого места нет.

## Settings
settings = ⚙️ <b>Настройки</b>
    Язык: { $language }
btn-lang-en = 🇬🇧 English
btn-lang-ru = 🇷🇺 Русский
language-set = ✅ Язык: русский.
language-name = Русский

## Bad input
not-registered = У тебя ещё нет персонажа: отправь /start, чтобы создать.
unknown-command = 🤔 Не знаю такой команды. Пользуйся кнопками или /start для меню.
free-text = 🤔 Я понимаю только кнопки и команды. /start открывает меню.
stale-button = ⌛ Эта кнопка больше не действует.
game-error = ⚠️ Не получилось: { $reason }
slow-down = 🐢 Потише — слишком много действий сразу. Подожди немного.
service-unavailable = 🔧 Мир переводит дух. Попробуй через минуту.
help = <b>Riftwalker</b> — текстовая RPG.
    /start — создать персонажа или открыть меню
    /menu — главное меню
    /me — твой персонаж
    /look — где ты
    /fight — вернуться в бой
    /inventory — сумка
    /skills — умения
    /town — лавка, трактир и кузница (в городе)
    /top — рейтинг
    /rifts — открытые разломы
    /boss — мировой босс рядом с тобой
    /boss_top — рейтинг урона по боссам
    /settings — язык и уведомления
    /help — эта справка
