## Рынок
btn-market = ⚖️ Рынок
btn-daily = 🎁 Награда дня
market-index = ⚖️ <b>Рынок</b>
    Здесь игроки торгуют друг с другом. Золото или предметы по заявке откладываются сразу, а с каждой продажи продавец платит сбор { $fee }%.
market-index-empty = На рынке пока пусто, а в твоей сумке нет ничего, что можно здесь продать. Принеси добычу и материалы из диких земель.
market-index-line = • { $item } — покупают за { $bid }, продают за { $ask }
market-index-line-quiet = • { $item } — заявок пока нет
market-none = —
market-title = ⚖️ <b>{ $item }</b> на рынке
market-asks-head = 📕 Продают
market-bids-head = 📗 Покупают
market-level = { $price } 💰 × { $quantity }
market-no-asks = Никто не продаёт.
market-no-bids = Никто не покупает.
market-last = Последняя сделка по { $price } 💰 · за сутки { $volume ->
        [one] продана { $volume } штука
        [few] продано { $volume } штуки
       *[many] продано { $volume } штук
    }
market-no-trades = Сделок ещё не было.
market-you = 🎒 В сумке у тебя { $held }, в кошельке { $gold } 💰 · заявок { $open } из { $max }
market-bound = 🔒 Этот предмет привязан к тому, кто его добыл, и не продаётся.
market-history = 📈 Цены за последние дни, от старых к новым: { $prices }
btn-market-buy = 🛒 Купить
btn-market-sell = 💰 Продать
btn-market-quick-buy = 🛒 1 за { $price } 💰
btn-market-quick-sell = 💰 1 за { $price } 💰
btn-market-chart = 📈 График цен
btn-market-back = ⚖️ Рынок
btn-my-orders = 📋 Мои заявки
btn-my-trades = 🧾 Мои сделки
order-ask-buy = 🛒 Сколько штук <b>{ $item_gen }</b> ты хочешь купить и сколько готов заплатить за штуку? Пришли два числа, например <code>3 25</code>.
order-ask-sell = 💰 Сколько штук <b>{ $item_gen }</b> ты продаёшь (у тебя { $held }) и сколько хочешь за штуку? Пришли два числа, например <code>3 25</code>.
order-ask-best = Лучшая цена сейчас — { $price } 💰.
order-input-bad = ❌ Пришли два целых числа: сколько штук и цену за штуку, например <code>3 25</code>.
order-placed-buy = ✅ Заявка на покупку <b>{ $item_gen }</b> выставлена — { $quantity } шт., не дороже { $price } 💰 за штуку.
order-placed-sell = ✅ Заявка на продажу <b>{ $item_gen }</b> выставлена — { $quantity } шт., не дешевле { $price } 💰 за штуку.
order-traded = 🤝 Сразу нашлась сделка: { $quantity } × { $price } 💰.
order-resting = Ещё { $remaining } ждут встречной заявки.
order-filled = Заявка исполнена целиком.
my-orders-title = 📋 <b>Твои заявки</b> ({ $open } из { $max })
my-orders-empty = Открытых заявок нет.
my-order-buy = 🛒 { $item } — покупка, осталось { $remaining } из { $quantity } по { $price } 💰, истекает через { $left }
my-order-sell = 💰 { $item } — продажа, осталось { $remaining } из { $quantity } по { $price } 💰, истекает через { $left }
counter-waiting = 🎁 На рынке тебя ждут { $gold } 💰
counter-items = 🎁 На рынке тебя ждут предметы:
btn-collect = 🎁 Забрать
btn-cancel-order = ❌ { $item } по { $price }
order-cancelled = ✅ Заявка снята, отложенное вернулось к тебе.
collected = ✅ Забрано { $gold } 💰
collected-items = В сумку легли:
collected-left = 🎒 Сумка полна, остальное ждёт тебя на рынке.
collected-nothing = На рынке тебя ничего не ждёт.
my-trades-title = 🧾 <b>Твои последние сделки</b>
my-trades-empty = Сделок у тебя ещё не было.
my-trade-bought = 🛒 Куплено { $quantity } шт. { $item_gen } по { $price } 💰
my-trade-sold = 💰 Продано { $quantity } шт. { $item_gen } по { $price } 💰 (сбор { $fee } 💰)
notify-order-filled-buy = 🤝 Твоя заявка сработала: куплено { $quantity } шт. <b>{ $item_gen }</b> по { $price } 💰. Покупка ждёт тебя на рынке.
notify-order-filled-sell = 🤝 Твоя заявка сработала: продано { $quantity } шт. <b>{ $item_gen }</b> по { $price } 💰. За вычетом сбора на рынке тебя ждут { $gold } 💰.
notify-order-rest = Ещё { $remaining } в продаже.
settings-notifications-exchange = 🤝 Оповещения о сделках на рынке { $state }
btn-notify-exchange-on = 🔔 Рынок: вкл
btn-notify-exchange-off = 🔕 Рынок: выкл
chart-caption = 📈 <b>{ $item }</b>: за 7 дней { $trades ->
        [one] { $trades } сделка
        [few] { $trades } сделки
       *[many] { $trades } сделок
    }, цены от { $low } до { $high } 💰, последняя { $last } 💰
chart-empty = 📈 За последние 7 дней этот предмет никто не продавал, рисовать пока нечего.

## Награда дня
daily-title = 🎁 <b>Награда дня</b>
daily-streak = 🔥 { $day }-й день подряд (серия растёт до { $max } дней)
daily-ready = Сегодня тебя ждут { $gold } 💰.
daily-wait = Сегодняшняя награда уже получена. Следующая, { $gold } 💰, через { $wait }.
daily-lapse = Загляни в ближайшие { $wait }, чтобы не прервать серию.
daily-days = Награды по дням: { $rewards }
btn-daily-claim = 🎁 Забрать { $gold } 💰
daily-claimed = ✅ Получено { $gold } 💰, { $day }-й день серии.

## Экономика (админ)
economy-report = 💰 <b>Экономика</b>
    Денежная масса { $supply } 💰: в кошельках { $purses }, отложено в заявках на покупку { $escrow }, ждёт на рынке { $counters }.
    За сутки сборов взято { $fees } 💰 (сток), наград дня выдано { $daily } 💰 (источник).
economy-traded = Чаще всего за сутки покупали:
economy-traded-line = • { $item } — { $quantity } шт. на { $gold } 💰
economy-traded-none = За сутки сделок не было.

## Отказы рынка и награды дня
err-order-price = ❌ Цена должна быть целым числом золотых от 1 до { $limit }.
err-order-quantity = ❌ Количество должно быть целым числом от 1 до { $limit }.
err-order-own = ❌ Эта заявка сошлась бы с твоей же заявкой. Сначала сними ту.
err-order-bad = ❌ Заявка может быть только на покупку или на продажу.
err-not-tradable = 🔒 Этот предмет привязан к тебе, продать его нельзя.
err-too-many-orders = ❌ У тебя уже { $limit } открытых заявок. Сними одну или дождись, пока какая-нибудь исполнится.
err-not-your-order = ❌ Такой заявки у тебя нет.
err-order-closed = Эта заявка уже закрыта: исполнена, снята или истекла.
err-already-claimed = Сегодняшняя награда уже у тебя. Возвращайся завтра!

## Поручения
bounties-title = 📜 <b>Поручения</b>
bounty-line = { $mark } { $task } — { $progress }/{ $target } · { $gold } 💰
bounty-fights = Победить { $target ->
        [1] в бою
        [one] в { $target } бою
       *[other] в { $target } боях
    }
bounty-craft = Изготовить в кузнице { $target ->
        [1] что-нибудь
        [one] { $target } вещь
        [few] { $target } вещи
       *[many] { $target } вещей
    }
bounty-trade = Заключить на рынке { $target ->
        [1] сделку
        [one] { $target } сделку
        [few] { $target } сделки
       *[many] { $target } сделок
    }
bounties-reset = Поручения дня обновятся через { $wait }.
bounties-week-reset = Поручение недели обновится через { $wait }.
btn-bounty-claim = 🎯 { $task } — забрать { $gold } 💰
bounty-paid = ✅ Поручение «{ $task }» выполнено, { $gold } 💰 твои.
err-bounty-not-done = Это поручение ещё не выполнено или награда за него уже получена.

## Обмен между игроками
btn-trades = 🤝 Обмен
trades-title = 🤝 <b>Обмен</b>
    Предложи другому игроку золото и предметы. Вы оба видите предложение, оба подтверждаете его, и обмен происходит сразу.
trades-none = Открытых обменов нет. Чтобы предложить обмен, пришли <code>/trade Имя</code>.
trades-line = • С игроком { $name }, осталось { $left }
btn-trade-open = 🤝 { $name }
trade-title = 🤝 <b>Обмен с игроком { $name }</b>
trade-yours = Ты отдаёшь:
trade-theirs = Игрок { $name } отдаёт:
trade-gold = • { $gold } 💰
trade-nothing = • пока ничего
trade-you-ok = ✅ Твоё подтверждение принято.
trade-you-not = ⏳ Твоего подтверждения пока нет.
trade-they-ok = ✅ Игрок { $name } подтверждает это предложение.
trade-they-not = ⏳ Подтверждения от игрока { $name } пока нет.
trade-left = Предложение пропадёт через { $left }. Любое изменение снимает оба подтверждения.
trade-done = 🎉 Обмен состоялся, всё перешло из рук в руки.
trade-cancelled = ❌ Обмен отменён.
trade-expired = ⌛ Срок предложения истёк.
btn-trade-gold = +{ $gold } 💰
btn-trade-item = + { $item }
btn-trade-clear = 🧹 Забрать всё своё
btn-trade-confirm = ✅ Подтвердить
btn-trade-cancel = ❌ Отменить обмен
btn-trade-refresh = 🔄 Обновить
trade-usage = Пришли <code>/trade Имя</code>, чтобы предложить этому игроку обмен.
notify-trade-open = 🤝 Игрок { $name } меняет условия обмена. Посмотри их, прежде чем подтверждать.
notify-trade-done = 🎉 Обмен с игроком { $name } состоялся.
notify-trade-cancelled = ❌ Игрок { $name } отменяет обмен.
notify-trade-expired = ⌛ Срок обмена с игроком { $name } истёк.
btn-trade-show = 🤝 Открыть обмен
err-trade-self = ❌ С самим собой меняться нельзя.
err-trade-item = 🔒 Этот предмет нельзя передать.
err-trade-empty = ❌ Ни одна сторона пока ничего не предлагает.
err-trade-number = ❌ Столько предложить нельзя.
err-trade-stale = ⌛ Предложение изменилось. Взгляни на него ещё раз, прежде чем подтверждать.
err-trade-closed = Этот обмен уже закрыт.

## Приглашения
btn-invite = 📨 Позвать друзей
invite-title = 📨 <b>Позвать друзей</b>
invite-how = Поделись своей ссылкой. Когда друг, пришедший по ней, дорастёт до { $level }-го уровня, ты получишь { $gold } 💰.
invite-counts = 👥 Друзей пришло по твоей ссылке: { $joined } · из них доросли до { $level }-го уровня: { $rewarded }
notify-invite-rewarded = 🎉 Игрок { $name }, пришедший по твоей ссылке, набрался сил, и { $gold } 💰 теперь твои.
err-invitation = Этим приглашением воспользоваться нельзя.
economy-flows = Сегодня (по UTC) в игру пришло { $sources } 💰, а ушло { $sinks } 💰:
economy-flow-line = • { $source } { $amount } 💰
flow-fights = бои
flow-treasure = находки в вылазках
flow-rifts = разломы
flow-bosses = мировые боссы
flow-daily = награды дня
flow-bounties = поручения
flow-invitations = приглашения
flow-shop-sales = продажи в лавку
flow-shop-buys = покупки в лавке
flow-inn = трактир
flow-forge = кузница
flow-fees = сборы рынка
flow-deaths = гибели
