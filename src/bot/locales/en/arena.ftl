## The arena: fights against other players' ghosts, the rating, the ladder, the defender's notice.

btn-arena = ⚔️ Arena
btn-arena-fight = ⚔️ Fight { $name }
btn-arena-revenge = 🔥 Revenge on { $name }
btn-arena-find = 🔎 Find an opponent
btn-arena-top = 🏆 Arena ladder
btn-notify-arena-on = 🔔 Arena results: on
btn-notify-arena-off = 🔕 Arena results: off
settings-arena = ⚔️ Arena results are { $state }

arena-title = ⚔️ <b>Arena</b>
    You fight the ghost of another player: their build at this moment, played by the fight AI.
arena-rating = 📈 Rating { $rating }
arena-rating-provisional = 📈 Rating { $rating } (provisional: your first fights move it faster)
arena-rank = 🏅 Place { $rank } on this season's ladder
arena-unranked = 🏅 Not on this season's ladder yet: one fight puts you there.
arena-season = 🗓 This season { $wins } { $wins ->
        [one] win
       *[other] wins
    } and { $losses } { $losses ->
        [one] loss
       *[other] losses
    }; it ends in { $left }
arena-fights-left = 🎟 { $left } of { $cap } fights left today
arena-rules = <i>📜 Arena rules: everyone fights with twice their health, healing (skills and lifesteal) is halved, who strikes first is a coin toss, and each class's attack and spell power are evened out level by level, so that equal builds of any two classes win about half their fights.</i>
arena-offer = 🎯 <b>Your opponent</b>
arena-opponent = { $name }, { $class_name } of level { $level }, rating { $rating }
arena-revenge = 🔥 <b>They beat your ghost</b>
arena-recent = 📜 <b>Latest fights</b>
arena-line-won = ✅ You beat { $name } ({ $change })
arena-line-lost = ❌ You lost to { $name } ({ $change })
arena-line-defended = 🛡 Your ghost held off { $name } ({ $change })
arena-line-fell = 💔 { $name } beat your ghost ({ $change })
arena-won = 🏆 You beat the ghost of { $name } in { $rounds ->
        [one] { $rounds } round
       *[other] { $rounds } rounds
    }! Rating { $change }.
arena-lost = 💔 The ghost of { $name } beat you in { $rounds ->
        [one] { $rounds } round
       *[other] { $rounds } rounds
    }. Rating { $change }.
arena-ladder-title = 🏆 <b>This season's arena ladder</b>
arena-ladder-empty = Nobody has fought this season yet.
arena-ladder-row = { $rank } { $name }, { $class_name }, { $rating } ({ $wins }–{ $losses })
arena-ladder-me = 🏅 You are in place { $rank }
arena-notice-defended = 🛡 { $name } challenged your ghost and lost. Rating { $change }, now { $rating }.
arena-notice-fell = ⚔️ { $name } challenged your ghost and won. Rating { $change }, now { $rating }.

err-arena-daily-cap = 🎟 No arena fights left today (the limit is { $cap }). Come back tomorrow!
err-arena-no-opponent = 🔎 Nobody to fight yet. Try again a little later.
err-arena-not-offered = 🚫 That is no opponent of yours: find one first.
err-arena-self = 🚫 You cannot fight your own ghost.
err-arena-refused = 🚫 The arena does not allow that.
