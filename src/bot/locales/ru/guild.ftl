## Гильдии: главный экран, состав и звания, казна и её книга, рейтинг, вести для участников.

btn-guild = 🛡 Гильдия
btn-guild-home = 🛡 К гильдии
btn-guild-members = 👥 Состав
btn-guild-bank = 💰 Казна
btn-guild-ledger = 📜 Книга казны
btn-guild-chat = 💬 Написать гильдии
btn-guild-invite = ✉️ Пригласить по имени
btn-guild-link = 🔗 Ссылка-приглашение
btn-guild-requests = 📥 Заявки ({ $count })
btn-guild-board = 🏆 Рейтинг гильдий
btn-guild-disband = 💥 Распустить гильдию
btn-guild-leave = 🚪 Выйти из гильдии
btn-guild-accept = ✅ Вступить в [{ $tag }]
btn-guild-decline = ❌ Отказать [{ $tag }]
btn-guild-found = 🏰 Основать гильдию ({ $cost } зол.)
btn-guild-promote = ⭐ Сделать офицером
btn-guild-demote = ⬇️ Вернуть в рядовые
btn-guild-hand-over = 👑 Передать главенство
btn-guild-kick = 🚪 Исключить
btn-guild-yes = ✅ { $name }
btn-guild-no = ❌ { $name }
btn-guild-deposit = ➕ Внести золото
btn-guild-give = 🎒 Сдать предмет
btn-guild-withdraw = ➖ Взять золото
btn-guild-take = ⬅️ Взять { $item_acc }
btn-guild-ask = 📨 Попроситься в [{ $tag }]
btn-guild-reply = 💬 Ответить гильдии
btn-notify-guild-chat-on = 🔔 Чат гильдии: вкл
btn-notify-guild-chat-off = 🔕 Чат гильдии: выкл
settings-guild-chat = 💬 Сообщения чата гильдии { $state }

guild-rank-leader = глава
guild-rank-officer = офицер
guild-rank-member = рядовой участник
guild-title = 🛡 <b>[{ $tag }] { $name }</b>, { $level }-й уровень
guild-xp = ✨ До следующего уровня набрано { $xp } из { $next } очков опыта гильдии
guild-xp-top = ✨ У гильдии { $xp } очков опыта и наивысший уровень
guild-members-count = 👥 { $count ->
        [one] Занято { $count } место из { $max }
        [few] Занято { $count } места из { $max }
       *[other] Занято { $count } мест из { $max }
    }
guild-bank-gold = 💰 В казне { $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }
guild-perks = 🎁 За победы в боях участники получают на { $xp }% больше опыта и на { $gold }% больше золота
guild-my-rank = 🎖 Твоё звание в гильдии — { $rank }
guild-none = 🛡 Ты пока не состоишь в гильдии.
guild-none-hint = Вступить можно по приглашению, по ссылке друга или подав заявку из рейтинга гильдий. А можно основать свою за { $cost } золотых.
guild-invitations = ✉️ <b>Приглашения</b>
guild-invitation-line = • [{ $tag }] { $name }
guild-my-requests = 📨 <b>Твои заявки ждут ответа</b>
guild-member-line = { $mark } { $name }, { $level }-й уровень, { $rank }
guild-member-gone = С этим участником ты больше ничего сделать не можешь.
guild-requests-title = 📥 <b>Заявки на вступление</b>
guild-requests-none = Сейчас никто не просится в гильдию.
guild-request-line = • { $name }
guild-link = 🔗 Кто откроет эту ссылку, тот вступит в [{ $tag }]:
    { $url }
guild-bank-slots = 📦 Занято { $used } из { $slots } ячеек для предметов
guild-bank-empty = Предметов в казне нет.
guild-bank-take-hint = Каждая кнопка ⬅️ перекладывает в сумку один предмет.
guild-give = 🎒 Что сдать в казну? Каждое нажатие сдаёт один предмет.
guild-give-empty = 🎒 Сумка пуста, сдавать нечего.
guild-ledger-title = 📜 <b>Книга казны</b>, страница { $page } из { $pages }
guild-ledger-empty = В казне пока ничего не двигалось.
guild-ledger-deposit-gold = ➕ { $name } вносит { $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }
guild-ledger-withdraw-gold = ➖ { $name } забирает { $gold } { $gold ->
        [one] золотой
       *[other] золотых
    }
guild-ledger-deposit-item = ➕ { $name } сдаёт { $item_acc } ×{ $count }
guild-ledger-withdraw-item = ➖ { $name } забирает { $item_acc } ×{ $count }
guild-ledger-founded = 🏰 { $name } основывает гильдию
guild-board-title = 🏆 <b>Сильнейшие гильдии</b>
guild-board-empty = Ни одной гильдии ещё не основано. Первая может стать твоей!
guild-board-row = { $rank } [{ $tag }] { $name }, { $level }-й уровень, { $members } { $members ->
        [one] участник
        [few] участника
       *[other] участников
    }
guild-ask-name = 🏰 Как будет называться гильдия? Пришли название (от 3 до 24 букв, цифр или пробелов).
guild-ask-tag = 🏷 А её знак? Пришли от 2 до 4 букв, они будут стоять рядом с именами участников.
guild-ask-invite = ✉️ Пришли имя игрока, которого хочешь пригласить.
guild-ask-deposit = ➕ Сколько золота внести в казну? Пришли число.
guild-ask-withdraw = ➖ Сколько золота взять из казны? Пришли число.
guild-ask-chat = 💬 Пришли сообщение для гильдии.
guild-not-a-number = 🔢 Это не количество золота, так что ничего не сдвинулось.
guild-invited = ✉️ Приглашение для { $name } отправлено.
guild-founded = 🏰 Гильдия основана!
guild-joined = 🎉 Добро пожаловать в гильдию!
guild-asked = 📨 Заявка отправлена, её рассмотрит офицер.
guild-left = 🚪 Гильдия осталась позади.
guild-sent = 💬 { $count ->
        [0] Отправлено, но сейчас в гильдии никто, кроме тебя, не слушает.
        [one] Сообщение получит { $count } участник.
        [few] Сообщение получат { $count } участника.
       *[other] Сообщение получат { $count } участников.
    }
guild-deposited = ➕ Сдано в казну. Спасибо!
guild-notice-joined = 🛡 [{ $tag }] К гильдии присоединяется { $name }.
guild-notice-left = 🛡 [{ $tag }] { $name } покидает гильдию.
guild-notice-kicked = 🛡 [{ $tag }] { $name } исключается из гильдии «{ $guild }».
guild-notice-promoted = 🛡 [{ $tag }] { $name } теперь офицер.
guild-notice-demoted = 🛡 [{ $tag }] { $name } снова рядовой участник.
guild-notice-new-leader = 👑 [{ $tag }] Гильдию теперь возглавляет { $name }.
guild-notice-level-up = 🎉 [{ $tag }] Гильдия «{ $guild }» достигла { $level }-го уровня!
guild-notice-disbanded = 💥 [{ $tag }] Гильдия «{ $guild }» распущена. Твоя доля её золота уже в кошельке.
guild-message = 💬 [{ $tag }] <b>{ $name }</b>
    { $text }

err-guild-kick-leader = 🚫 Главу гильдии исключить нельзя.
err-guild-leader-leaves = 🚫 Прежде чем уйти, глава передаёт главенство или распускает гильдию.
err-guild-bank-short = 🚫 В казне столько нет.
err-guild-bank-full = 🚫 В казне нет свободной ячейки (всего их { $slots }).
err-guild-bank-has-items = 🚫 Сначала заберите предметы из казны. Золото разделят между участниками поровну.
err-guild-full = 🚫 В гильдии нет мест (их { $max }).
err-guild-leader-active = 🚫 Главы нет не так долго, чтобы передать главенство другому.
err-guild-not-successor = 🚫 Возглавить гильдию может только старший из офицеров.
err-guild-already-leader = 🚫 Ты и так глава этой гильдии.
err-guild-empty-message = 🚫 Сообщение пустое.
err-guild-refused = 🚫 Правила гильдии этого не позволяют.
err-guild-not-permitted = 🚫 Твоё звание в гильдии этого не позволяет.
err-not-in-guild = 🚫 Ты не состоишь в гильдии.
err-already-in-guild = 🚫 Уже в гильдии, а состоять можно только в одной.
err-guild-not-found = 🚫 Такой гильдии, приглашения или заявки нет (или уже нет).
err-guild-name-taken = 🚫 Такое название или знак уже занят.
err-guild-tag-invalid = 🚫 Знак гильдии — это от 2 до 4 букв.
err-guild-name-invalid = 🚫 Название гильдии — от 3 до 24 букв, цифр или пробелов.

admin-guild-usage = /guild_lookup номер, название или знак · /guild_dissolve номер
admin-guild = 🛡 Гильдия { $id } [{ $tag }] { $name }, { $level }-й уровень
admin-guild-dissolved = 💥 Гильдия { $id } распущена. Её { $members } { $members ->
        [one] участник получил
       *[other] участников получили
    } свою долю золота.
guild-leader-away = 💤 Главы гильдии давно не видно, так что главенство может взять старший из офицеров.
btn-guild-claim = 👑 Возглавить гильдию
guild-notice-invited = ✉️ [{ $tag }] Гильдия «{ $guild }» приглашает тебя вступить.
guild-notice-requested = 📨 [{ $tag }] { $name } просится в гильдию.
btn-guild-requests-open = 📥 К заявкам
