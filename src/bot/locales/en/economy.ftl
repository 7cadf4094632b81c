## The exchange
btn-market = ⚖️ Market
btn-daily = 🎁 Daily reward
market-index = ⚖️ <b>Market</b>
    Players buy and sell to each other here. An order sets its gold or items aside at once; the seller pays a fee of { $fee }% of each sale.
market-index-empty = Nothing is on the market yet, and nothing in your bag can be sold here. Bring loot and materials back from the wilds.
market-index-line = • { $item } — buyers offer { $bid }, sellers ask { $ask }
market-index-line-quiet = • { $item } — no orders yet
market-none = —
market-title = ⚖️ <b>{ $item }</b> on the market
market-asks-head = 📕 Sellers ask
market-bids-head = 📗 Buyers offer
market-level = { $price } 💰 × { $quantity }
market-no-asks = No one is selling.
market-no-bids = No one is buying.
market-last = Last trade at { $price } 💰 · { $volume } sold in 24 hours
market-no-trades = No trades yet.
market-you = 🎒 You have { $held } in your bag and { $gold } 💰 · orders { $open } of { $max }
market-bound = 🔒 This item is bound to whoever earned it and cannot be traded.
market-history = 📈 Prices over the last days, oldest first: { $prices }
btn-market-buy = 🛒 Buy
btn-market-sell = 💰 Sell
btn-market-quick-buy = 🛒 1 for { $price } 💰
btn-market-quick-sell = 💰 1 for { $price } 💰
btn-market-chart = 📈 Price chart
btn-market-back = ⚖️ Market
btn-my-orders = 📋 My orders
btn-my-trades = 🧾 My trades
order-ask-buy = 🛒 Buying <b>{ $item }</b>: how many do you want, and the most you will pay for each? Send two numbers, for example <code>3 25</code>.
order-ask-sell = 💰 Selling <b>{ $item }</b> (you have { $held }): how many, and the least you take for each? Send two numbers, for example <code>3 25</code>.
order-ask-best = The best price on offer now is { $price } 💰.
order-input-bad = ❌ Send two whole numbers: how many, then the price for each, for example <code>3 25</code>.
order-placed-buy = ✅ You offer to buy { $quantity } × <b>{ $item }</b> at up to { $price } 💰 each.
order-placed-sell = ✅ You offer { $quantity } × <b>{ $item }</b> at { $price } 💰 each or more.
order-traded = 🤝 Traded at once: { $quantity } × { $price } 💰.
order-resting = { $remaining } still wait for a match on the book.
order-filled = The whole order is filled.
my-orders-title = 📋 <b>Your orders</b> ({ $open } of { $max })
my-orders-empty = You have no open orders.
my-order-buy = 🛒 { $item } — buying { $remaining } of { $quantity } at { $price } 💰, expires in { $left }
my-order-sell = 💰 { $item } — selling { $remaining } of { $quantity } at { $price } 💰, expires in { $left }
counter-waiting = 🎁 Waiting for you at the market: { $gold } 💰
counter-items = 🎁 Items waiting for you at the market:
btn-collect = 🎁 Collect
btn-cancel-order = ❌ { $item } at { $price }
order-cancelled = ✅ Order cancelled: what it held is back with you.
collected = ✅ Collected: { $gold } 💰
collected-items = Into your bag:
collected-left = 🎒 Your bag is full: the rest still waits at the market.
collected-nothing = Nothing is waiting for you at the market.
my-trades-title = 🧾 <b>Your recent trades</b>
my-trades-empty = You have not traded yet.
my-trade-bought = 🛒 Bought { $quantity } × { $item } at { $price } 💰
my-trade-sold = 💰 Sold { $quantity } × { $item } at { $price } 💰 (fee { $fee } 💰)
notify-order-filled-buy = 🤝 Your order traded: you bought { $quantity } × <b>{ $item }</b> at { $price } 💰. They wait for you at the market.
notify-order-filled-sell = 🤝 Your order traded: you sold { $quantity } × <b>{ $item }</b> at { $price } 💰; after the fee, { $gold } 💰 wait for you at the market.
notify-order-rest = { $remaining } still on offer.
settings-notifications-exchange = 🤝 Market trade alerts are { $state }
btn-notify-exchange-on = 🔔 Market: on
btn-notify-exchange-off = 🔕 Market: off
chart-caption = 📈 <b>{ $item }</b>: { $trades ->
        [one] { $trades } trade
       *[other] { $trades } trades
    } in 7 days, from { $low } to { $high } 💰, last { $last } 💰
chart-empty = 📈 No trades of this item in the last 7 days: nothing to draw yet.

## The daily reward
daily-title = 🎁 <b>Daily reward</b>
daily-streak = 🔥 Day { $day } of { $max } in a row
daily-ready = Today's reward is { $gold } 💰.
daily-wait = Claimed today. The next one, { $gold } 💰, in { $wait }.
daily-lapse = Come back within { $wait } to keep the streak.
daily-days = Rewards by day: { $rewards }
btn-daily-claim = 🎁 Claim { $gold } 💰
daily-claimed = ✅ { $gold } 💰 claimed, day { $day } of your streak.

## Economy (admin)
economy-report = 💰 <b>The economy</b>
    Money supply { $supply } 💰: purses { $purses }, set aside in buy orders { $escrow }, waiting at the market { $counters }.
    Last 24 hours: fees taken { $fees } 💰 (sink), daily rewards paid { $daily } 💰 (source).
economy-traded = Most traded in 24 hours:
economy-traded-line = • { $item } — { $quantity } for { $gold } 💰
economy-traded-none = Nothing traded in 24 hours.

## Refusals of the market and the daily reward
err-order-price = ❌ The price must be a whole number of gold from 1 to { $limit }.
err-order-quantity = ❌ The quantity must be a whole number from 1 to { $limit }.
err-order-own = ❌ That order would trade with one of your own orders: cancel that one first.
err-order-bad = ❌ An order either buys or sells.
err-not-tradable = 🔒 That item is bound to you and cannot be traded.
err-too-many-orders = ❌ You already have { $limit } open orders. Cancel one or wait for one to fill.
err-not-your-order = ❌ You have no such order.
err-order-closed = That order is already closed: filled, cancelled or expired.
err-already-claimed = You have already claimed today's reward. Come back tomorrow!

## Bounties
bounties-title = 📜 <b>Bounties</b>
bounty-line = { $mark } { $task } — { $progress }/{ $target } · { $gold } 💰
bounty-fights = Win { $target ->
        [1] a fight
       *[other] { $target } fights
    }
bounty-craft = Craft { $target ->
        [1] something
       *[other] { $target } things
    } at the forge
bounty-trade = Make { $target ->
        [1] a trade
       *[other] { $target } trades
    } on the market
bounties-reset = The day's bounties start again in { $wait }.
bounties-week-reset = The week's bounty starts again in { $wait }.
btn-bounty-claim = 🎯 { $task } — take { $gold } 💰
bounty-paid = ✅ Bounty done ({ $task }): { $gold } 💰 are yours.
err-bounty-not-done = That bounty is not done yet, or it has been paid already.

## Direct trades
btn-trades = 🤝 Trades
trades-title = 🤝 <b>Trades</b>
    Offer gold and items to another player; you both see the offer, both confirm, and the swap is made at once.
trades-none = You have no open trades. To offer one, send <code>/trade Name</code>.
trades-line = • With { $name }, { $left } left
btn-trade-open = 🤝 { $name }
trade-title = 🤝 <b>Trade with { $name }</b>
trade-yours = You give:
trade-theirs = { $name } gives:
trade-gold = • { $gold } 💰
trade-nothing = • nothing yet
trade-you-ok = ✅ You confirmed this offer.
trade-you-not = ⏳ You have not confirmed yet.
trade-they-ok = ✅ { $name } confirmed this offer.
trade-they-not = ⏳ { $name } has not confirmed yet.
trade-left = The offer lapses in { $left }. Any change withdraws both confirmations.
trade-done = 🎉 The trade is done: everything has changed hands.
trade-cancelled = ❌ The trade was cancelled.
trade-expired = ⌛ The offer lapsed.
btn-trade-gold = +{ $gold } 💰
btn-trade-item = + { $item }
btn-trade-clear = 🧹 Take back all of mine
btn-trade-confirm = ✅ Confirm
btn-trade-cancel = ❌ Cancel the trade
btn-trade-refresh = 🔄 Refresh
trade-usage = Send <code>/trade Name</code> to offer a trade to that player.
notify-trade-open = 🤝 { $name } changed your trade offer. Look it over before you confirm.
notify-trade-done = 🎉 Your trade with { $name } is done.
notify-trade-cancelled = ❌ { $name } cancelled your trade.
notify-trade-expired = ⌛ Your trade with { $name } lapsed.
btn-trade-show = 🤝 Open the trade
err-trade-self = ❌ You cannot trade with yourself.
err-trade-item = 🔒 That item cannot be traded.
err-trade-empty = ❌ Nothing is offered on either side yet.
err-trade-number = ❌ That amount cannot be offered.
err-trade-stale = ⌛ The offer changed since you saw it. Look at it again before confirming.
err-trade-closed = This trade is already closed.

## Invitations
btn-invite = 📨 Invite friends
invite-title = 📨 <b>Invite friends</b>
invite-how = Share your link. When a friend who joins by it reaches level { $level }, you get { $gold } 💰.
invite-counts = 👥 Friends who joined by your link: { $joined } · of them reached level { $level }: { $rewarded }
notify-invite-rewarded = 🎉 { $name }, who joined by your link, has grown strong: { $gold } 💰 are yours.
err-invitation = That invitation cannot be used.
economy-flows = Today (UTC) { $sources } 💰 came into the game and { $sinks } 💰 left it:
economy-flow-line = • { $source } { $amount } 💰
flow-fights = fights
flow-treasure = treasure found exploring
flow-rifts = rifts
flow-bosses = world bosses
flow-daily = daily rewards
flow-bounties = bounties
flow-invitations = invitations
flow-shop-sales = sold to the shop
flow-shop-buys = bought at the shop
flow-inn = the inn
flow-forge = the forge
flow-fees = market fees
flow-deaths = deaths
