## Арена: бои с призраками других игроков, рейтинг, таблица сезона, весть для защитника.

btn-arena = ⚔️ Арена
btn-arena-fight = ⚔️ Сразиться с { $name }
btn-arena-revenge = 🔥 Отомстить игроку { $name }
btn-arena-find = 🔎 Найти соперника
btn-arena-top = 🏆 Таблица арены
btn-notify-arena-on = 🔔 Итоги арены: вкл
btn-notify-arena-off = 🔕 Итоги арены: выкл
settings-arena = ⚔️ Вести об итогах арены { $state }

arena-title = ⚔️ <b>Арена</b>
    Ты сражаешься с призраком другого игрока. У призрака его нынешние характеристики, снаряжение и умения, а ведёт бой искусственный противник.
arena-rating = 📈 Рейтинг { $rating }
arena-rating-provisional = 📈 Рейтинг { $rating } (предварительный, первые бои двигают его сильнее)
arena-rank = 🏅 { $rank }-е место в таблице сезона
arena-unranked = 🏅 В таблице сезона тебя пока нет. Хватит одного боя, чтобы туда попасть.
arena-season = 🗓 В этом сезоне { $wins } { $wins ->
        [one] победа
        [few] победы
       *[other] побед
    } и { $losses } { $losses ->
        [one] поражение
        [few] поражения
       *[other] поражений
    }, до конца сезона { $left }
arena-fights-left = 🎟 Сегодня осталось боёв { $left } из { $cap }
arena-rules = <i>📜 Правила арены: у каждого бойца вдвое больше здоровья, лечение (умения и вампиризм) вдвое слабее, кто бьёт первым, решает жребий, а атака и сила магии каждого класса выровнены по уровням, чтобы равные по силе герои любых двух классов побеждали примерно в половине боёв.</i>
arena-offer = 🎯 <b>Твой соперник</b>
arena-opponent = { $name } ({ $class_name }, { $level }-й уровень), рейтинг { $rating }
arena-revenge = 🔥 <b>Они победили твоего призрака</b>
arena-recent = 📜 <b>Последние бои</b>
arena-line-won = ✅ Победа над игроком { $name } ({ $change })
arena-line-lost = ❌ Поражение от игрока { $name } ({ $change })
arena-line-defended = 🛡 Твой призрак отбился от игрока { $name } ({ $change })
arena-line-fell = 💔 Игрок { $name } одолел твоего призрака ({ $change })
arena-won = 🏆 Призрак игрока { $name } повержен { $rounds ->
        [one] за { $rounds } раунд
        [few] за { $rounds } раунда
       *[other] за { $rounds } раундов
    }! Рейтинг { $change }.
arena-lost = 💔 Призрак игрока { $name } берёт верх { $rounds ->
        [one] за { $rounds } раунд
        [few] за { $rounds } раунда
       *[other] за { $rounds } раундов
    }. Рейтинг { $change }.
arena-ladder-title = 🏆 <b>Таблица арены этого сезона</b>
arena-ladder-empty = В этом сезоне ещё никто не сражался.
arena-ladder-row = { $rank } { $name } ({ $class_name }), { $rating } ({ $wins }–{ $losses })
arena-ladder-me = 🏅 Твоё место { $rank }-е
arena-notice-defended = 🛡 Игрок { $name } бросил вызов твоему призраку и проиграл. Рейтинг { $change }, теперь он { $rating }.
arena-notice-fell = ⚔️ Игрок { $name } бросил вызов твоему призраку и победил. Рейтинг { $change }, теперь он { $rating }.

err-arena-daily-cap = 🎟 На сегодня бои на арене закончились (их не больше { $cap } в день). Возвращайся завтра!
err-arena-no-opponent = 🔎 Сразиться пока не с кем. Попробуй чуть позже.
err-arena-not-offered = 🚫 Это не твой соперник. Сначала найди соперника.
err-arena-self = 🚫 Со своим же призраком сразиться нельзя.
err-arena-refused = 🚫 Правила арены этого не позволяют.
