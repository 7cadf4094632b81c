## Guilds: the home screen, members and ranks, the bank and its ledger, the board, what members are told.

btn-guild = 🛡 Guild
btn-guild-home = 🛡 Back to the guild
btn-guild-members = 👥 Members
btn-guild-bank = 💰 Bank
btn-guild-ledger = 📜 Ledger
btn-guild-chat = 💬 Write to the guild
btn-guild-invite = ✉️ Invite by name
btn-guild-link = 🔗 Invite link
btn-guild-requests = 📥 Requests ({ $count })
btn-guild-board = 🏆 Guild board
btn-guild-disband = 💥 Disband the guild
btn-guild-leave = 🚪 Leave the guild
btn-guild-accept = ✅ Join [{ $tag }]
btn-guild-decline = ❌ Decline [{ $tag }]
btn-guild-found = 🏰 Found a guild ({ $cost } gold)
btn-guild-promote = ⭐ Make an officer
btn-guild-demote = ⬇️ Make a member again
btn-guild-hand-over = 👑 Hand over the lead
btn-guild-kick = 🚪 Kick out
btn-guild-yes = ✅ { $name }
btn-guild-no = ❌ { $name }
btn-guild-deposit = ➕ Deposit gold
btn-guild-give = 🎒 Deposit an item
btn-guild-withdraw = ➖ Withdraw gold
btn-guild-take = ⬅️ Take { $item }
btn-guild-ask = 📨 Ask to join [{ $tag }]
btn-guild-reply = 💬 Reply to the guild
btn-notify-guild-chat-on = 🔔 Guild chat: on
btn-notify-guild-chat-off = 🔕 Guild chat: off
settings-guild-chat = 💬 Guild chat messages are { $state }

guild-rank-leader = leader
guild-rank-officer = officer
guild-rank-member = member
guild-title = 🛡 <b>[{ $tag }] { $name }</b>, level { $level }
guild-xp = ✨ { $xp } of { $next } guild XP to the next level
guild-xp-top = ✨ { $xp } guild XP, the highest level
guild-members-count = 👥 { $count } of { $max } places taken
guild-bank-gold = 💰 The bank holds { $gold } gold
guild-perks = 🎁 Members win { $xp }% more XP and { $gold }% more gold in fights
guild-my-rank = 🎖 You are its { $rank }
guild-none = 🛡 You are not in a guild.
guild-none-hint = Join one through an invitation, a friend's invite link, or a request from the guild board, or found your own for { $cost } gold.
guild-invitations = ✉️ <b>Invitations</b>
guild-invitation-line = • [{ $tag }] { $name }
guild-my-requests = 📨 <b>Your requests, waiting for an answer</b>
guild-member-line = { $mark } { $name }, level { $level }, { $rank }
guild-member-gone = That member is no longer someone you can act on.
guild-requests-title = 📥 <b>Requests to join</b>
guild-requests-none = Nobody is asking to join right now.
guild-request-line = • { $name }
guild-link = 🔗 Anyone who opens this link joins [{ $tag }]:
    { $url }
guild-bank-slots = 📦 { $used } of { $slots } item slots used
guild-bank-empty = No items in the bank.
guild-bank-take-hint = Each ⬅️ button takes one item into your bag.
guild-give = 🎒 Which item goes into the bank? Each press deposits one.
guild-give-empty = 🎒 Your bag is empty: there is nothing to deposit.
guild-ledger-title = 📜 <b>The bank's ledger</b>, page { $page } of { $pages }
guild-ledger-empty = Nothing has moved yet.
guild-ledger-deposit-gold = ➕ { $name } deposited { $gold } gold
guild-ledger-withdraw-gold = ➖ { $name } withdrew { $gold } gold
guild-ledger-deposit-item = ➕ { $name } deposited { $item } ×{ $count }
guild-ledger-withdraw-item = ➖ { $name } took { $item } ×{ $count }
guild-ledger-founded = 🏰 { $name } founded the guild
guild-board-title = 🏆 <b>The strongest guilds</b>
guild-board-empty = No guild has been founded yet. Be the first!
guild-board-row = { $rank } [{ $tag }] { $name }, level { $level }, { $members ->
        [one] { $members } member
       *[other] { $members } members
    }
guild-ask-name = 🏰 What will your guild be called? Send its name (3–24 letters, digits or spaces).
guild-ask-tag = 🏷 And its tag? Send 2–4 letters; it will stand next to members' names.
guild-ask-invite = ✉️ Send the name of the player to invite.
guild-ask-deposit = ➕ How much gold goes into the bank? Send a number.
guild-ask-withdraw = ➖ How much gold do you take out? Send a number.
guild-ask-chat = 💬 Send your message to the guild.
guild-not-a-number = 🔢 That is not an amount of gold, so nothing moved.
guild-invited = ✉️ { $name } is invited.
guild-founded = 🏰 Your guild is founded!
guild-joined = 🎉 Welcome to the guild!
guild-asked = 📨 Your request is sent; an officer will answer it.
guild-left = 🚪 You left the guild.
guild-sent = 💬 { $count ->
        [0] Sent, but no one else in the guild is listening right now.
        [one] Sent to { $count } member.
       *[other] Sent to { $count } members.
    }
guild-deposited = ➕ Deposited. Thank you!
guild-notice-joined = 🛡 [{ $tag }] { $name } joined the guild.
guild-notice-left = 🛡 [{ $tag }] { $name } left the guild.
guild-notice-kicked = 🛡 [{ $tag }] { $name } was kicked out of { $guild }.
guild-notice-promoted = 🛡 [{ $tag }] { $name } is now an officer.
guild-notice-demoted = 🛡 [{ $tag }] { $name } is a member again.
guild-notice-new-leader = 👑 [{ $tag }] { $name } now leads the guild.
guild-notice-level-up = 🎉 [{ $tag }] { $guild } reached level { $level }!
guild-notice-disbanded = 💥 [{ $tag }] { $guild } was disbanded. Your share of its gold is in your purse.
guild-message = 💬 [{ $tag }] <b>{ $name }</b>
    { $text }

err-guild-kick-leader = 🚫 The leader cannot be kicked out.
err-guild-leader-leaves = 🚫 A leader hands over the lead (or disbands the guild) before leaving.
err-guild-bank-short = 🚫 The bank does not hold that much.
err-guild-bank-full = 🚫 The bank has no free slot (it holds { $slots } kinds of items).
err-guild-bank-has-items = 🚫 Take the items out of the bank first; its gold is shared among the members.
err-guild-full = 🚫 The guild is full ({ $max } members).
err-guild-leader-active = 🚫 The leader has not been away long enough to be replaced.
err-guild-not-successor = 🚫 Only the most senior officer may take over the lead.
err-guild-already-leader = 🚫 You lead this guild already.
err-guild-empty-message = 🚫 The message is empty.
err-guild-refused = 🚫 The guild's rules do not allow that.
err-guild-not-permitted = 🚫 Your rank in the guild does not allow that.
err-not-in-guild = 🚫 You are not in a guild.
err-already-in-guild = 🚫 Already in a guild: one guild per player.
err-guild-not-found = 🚫 There is no such guild, invitation or request (any more).
err-guild-name-taken = 🚫 That guild name or tag is taken.
err-guild-tag-invalid = 🚫 A tag is 2–4 letters.
err-guild-name-invalid = 🚫 A guild name is 3–24 letters, digits or spaces.

admin-guild-usage = /guild_lookup id, name or tag · /guild_dissolve id
admin-guild = 🛡 Guild { $id } [{ $tag }] { $name }, level { $level }
admin-guild-dissolved = 💥 Guild { $id } is dissolved; { $members ->
        [one] its { $members } member had a share of its gold.
       *[other] its { $members } members had their shares of its gold.
    }
guild-leader-away = 💤 The leader has been away for long: the most senior officer may take over the lead.
btn-guild-claim = 👑 Take over the lead
guild-notice-invited = ✉️ [{ $tag }] { $guild } invites you to join.
guild-notice-requested = 📨 [{ $tag }] { $name } asks to join the guild.
btn-guild-requests-open = 📥 To the requests
