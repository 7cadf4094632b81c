// The web chat of the local Telegram: one player's private chat with the bot, live over a WebSocket.
"use strict";

const $ = (id) => document.getElementById(id);
const query = new URLSearchParams(location.search);
const player = (query.get("player") || "").trim();
const lang = query.get("lang") || (navigator.language || "en").slice(0, 2);

// The client's own words, in the player's language (the bot's are the bot's business).
const WORDS = {
  en: {
    who: "Who is playing? Each name is its own Telegram account; open one tab per player.",
    "your-name": "Your name", open: "Open the chat", "playing-as": "Playing as", another: "Another player…",
    "you-blocked": "You blocked this bot.", restart: "Restart bot", start: "START", menu: "☰ Menu",
    message: "Message", block: "Block the bot", unblock: "Unblock the bot", connecting: "connecting…",
    bot: "bot", typing: "typing…", edited: "edited", "other-name": "The other player's name",
    refused: (method, why) => `The bot's ${method} was refused: ${why}`,
  },
  ru: {
    who: "Кто играет? У каждого имени свой аккаунт Telegram; у каждого игрока своя вкладка.",
    "your-name": "Ваше имя", open: "Открыть чат", "playing-as": "Игрок", another: "Другой игрок…",
    "you-blocked": "Вы заблокировали этого бота.", restart: "Перезапустить бота", start: "ЗАПУСТИТЬ",
    menu: "☰ Меню", message: "Сообщение", block: "Заблокировать бота", unblock: "Разблокировать бота",
    connecting: "соединение…", bot: "бот", typing: "печатает…", edited: "изменено",
    "other-name": "Имя другого игрока", refused: (method, why) => `Telegram отклонил ${method} от бота: ${why}`,
  },
};
const words = lang === "ru" ? WORDS.ru : WORDS.en;

function translatePage() {
  document.documentElement.lang = lang === "ru" ? "ru" : "en";
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = words[node.dataset.t];
  for (const node of document.querySelectorAll("[data-t-placeholder]")) node.placeholder = words[node.dataset.tPlaceholder];
}

let socket = null;
let retry = 500;
let commands = [];
let blocked = false;
let toastTimer = null;
let typingTimer = null;

function go(name, language) {
  const params = new URLSearchParams({ player: name });
  if (language) params.set("lang", language);
  location.search = params.toString();
}

async function knownPlayers() {
  try {
    const answer = await fetch("/ui/players");
    return await answer.json();
  } catch (error) {
    return { players: [], bot: null };
  }
}

// ---- welcome: pick a name ----------------------------------------------------------------------
async function welcome() {
  $("welcome").hidden = false;
  $("join-name").value = localStorage.getItem("player") || "";
  $("join-lang").value = lang === "ru" ? "ru" : "en";
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    const name = $("join-name").value.trim();
    if (!name) return;
    localStorage.setItem("player", name);
    go(name, $("join-lang").value);
  });
  const { players } = await knownPlayers();
  const known = $("known");
  for (const p of players.filter((p) => !/^Player \d+$/.test(p.name))) {
    const link = document.createElement("a");
    link.href = "?" + new URLSearchParams({ player: p.name, lang: p.language || "en" });
    link.textContent = p.name;
    known.append(link);
  }
}

// ---- the chat ----------------------------------------------------------------------------------
function connect() {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const params = new URLSearchParams({ player, lang });
  socket = new WebSocket(`${scheme}://${location.host}/ui/ws?${params}`);
  socket.addEventListener("open", () => { retry = 500; setStatus(words.bot); });
  socket.addEventListener("message", (event) => handle(JSON.parse(event.data)));
  socket.addEventListener("close", () => {
    setStatus(words.connecting);
    setTimeout(connect, retry);
    retry = Math.min(retry * 2, 5000);
  });
}

function send(action) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(action));
}

function setStatus(text) { $("status").textContent = text; }

function handle(event) {
  switch (event.type) {
    case "hello": return hello(event);
    case "message": return upsert(event.message, true);
    case "delete": { const row = rowOf(event.message_id); if (row) row.remove(); return; }
    case "answer": return answered(event);
    case "refused": return system(words.refused(event.method, event.description), "refused");
    case "error": return system(event.description, "refused");
    case "blocked": return setBlocked(event.blocked);
    case "commands": return setCommands(event.commands);
    case "action": return typing();
  }
}

function hello(event) {
  $("bot-name").textContent = event.bot.first_name;
  $("bot-avatar").textContent = event.bot.first_name.slice(0, 1);
  document.title = `${event.player.name} — ${event.bot.first_name}`;
  localStorage.setItem("player", event.player.name);
  $("messages").replaceChildren();
  for (const message of event.messages) upsert(message, false);
  setBlocked(event.blocked);
  setCommands(event.commands);
  $("start-bar").hidden = event.messages.length > 0 || event.blocked;
  fillPlayers(event.player.name);
  scrollDown(true);
}

async function fillPlayers(current) {
  const { players } = await knownPlayers();
  const select = $("players");
  select.replaceChildren();
  const names = new Set(players.filter((p) => !/^Player \d+$/.test(p.name)).map((p) => p.name));
  names.add(current);
  for (const name of [...names].sort()) {
    const option = new Option(name, name, false, name === current);
    select.append(option);
  }
}

function rowOf(id) { return document.querySelector(`.row[data-id="${id}"]`); }

function upsert(message, live) {
  $("start-bar").hidden = true;
  const atBottom = isAtBottom();
  let row = rowOf(message.id);
  const fresh = !row;
  if (fresh) {
    row = document.createElement("div");
    row.dataset.id = message.id;
    $("messages").append(row);
  }
  row.className = `row ${message.from}`;
  row.dataset.edited = message.edited ? "1" : "";
  const bubble = document.createElement("div");
  bubble.className = "bubble";
  if (message.photo) {
    const img = document.createElement("img");
    img.src = message.photo;
    img.alt = "photo";
    bubble.append(img);
  }
  const body = document.createElement("span");
  body.className = "text";
  body.innerHTML = message.html; // the server wrote it: escaped text, Telegram's tags only
  bubble.append(body);
  const meta = document.createElement("span");
  meta.className = "meta";
  const time = new Date(message.date * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  meta.textContent = (message.edited ? words.edited + " " : "") + time;
  bubble.append(meta);
  const parts = [bubble];
  if (message.buttons.length) parts.push(keyboard(message));
  row.replaceChildren(...parts);
  for (const spoiler of row.querySelectorAll(".spoiler")) {
    spoiler.addEventListener("click", () => spoiler.classList.add("shown"));
  }
  if (fresh || atBottom) scrollDown(!live);
}

function keyboard(message) {
  const board = document.createElement("div");
  board.className = "keyboard";
  for (const buttons of message.buttons) {
    const krow = document.createElement("div");
    krow.className = "krow";
    for (const b of buttons) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = b.text;
      if (b.callback_data !== undefined) {
        button.dataset.callback = b.callback_data;
        button.addEventListener("click", () => {
          button.classList.add("loading");
          send({ type: "press", message_id: message.id, data: b.callback_data });
        });
      } else if (b.url) {
        button.textContent = b.text + " ↗";
        button.addEventListener("click", () => window.open(b.url, "_blank", "noopener"));
      }
      krow.append(button);
    }
    board.append(krow);
  }
  return board;
}

function answered(event) {
  const row = rowOf(event.message_id);
  if (row) for (const b of row.querySelectorAll("button.loading")) b.classList.remove("loading");
  if (event.url) window.open(event.url, "_blank", "noopener");
  if (!event.text) return;
  if (event.alert) {
    $("alert-text").textContent = event.text;
    $("alert").hidden = false;
    $("alert-ok").focus();
  } else {
    const toast = $("toast");
    toast.textContent = event.text;
    toast.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toast.hidden = true; }, 2500);
  }
}

function system(text, kind) {
  const line = document.createElement("div");
  line.className = `system ${kind || ""}`;
  line.textContent = text;
  $("messages").append(line);
  scrollDown(false);
}

function setBlocked(value) {
  blocked = value;
  $("blocked-bar").hidden = !value;
  $("send").hidden = value;
  $("block").textContent = value ? words.unblock : words.block;
  if (value) $("start-bar").hidden = true;
}

function setCommands(list) {
  commands = list || [];
  $("menu").hidden = commands.length === 0;
  renderCommands("");
}

function renderCommands(prefix) {
  const box = $("commands");
  box.replaceChildren();
  for (const c of commands.filter((c) => ("/" + c.command).startsWith(prefix))) {
    const button = document.createElement("button");
    button.type = "button";
    button.innerHTML = `<span class="cmd"></span><span class="desc"></span>`;
    button.firstChild.textContent = "/" + c.command;
    button.lastChild.textContent = c.description;
    button.addEventListener("click", () => { box.hidden = true; say("/" + c.command); });
    box.append(button);
  }
  if (!box.childElementCount) box.hidden = true;
}

function typing() {
  setStatus(words.typing);
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => setStatus(words.bot), 3000);
}

function say(text) {
  if (!text.trim()) return;
  send({ type: "send", text });
}

function isAtBottom() {
  const box = $("messages");
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}

function scrollDown(instant) {
  const box = $("messages");
  box.scrollTo({ top: box.scrollHeight, behavior: instant ? "auto" : "smooth" });
}

function chat() {
  $("app").hidden = false;
  $("send").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("text");
    say(input.value);
    input.value = "";
    $("commands").hidden = true;
  });
  $("text").addEventListener("input", (event) => {
    const value = event.target.value;
    if (value.startsWith("/") && !value.includes(" ")) {
      renderCommands(value);
      $("commands").hidden = !$("commands").childElementCount;
    } else {
      $("commands").hidden = true;
    }
  });
  $("menu").addEventListener("click", () => {
    renderCommands("");
    $("commands").hidden = !$("commands").hidden;
  });
  $("start").addEventListener("click", () => say("/start"));
  $("restart").addEventListener("click", () => { send({ type: "block", blocked: false }); say("/start"); });
  $("menu-toggle").addEventListener("click", () => { $("more").hidden = !$("more").hidden; });
  $("block").addEventListener("click", () => { $("more").hidden = true; send({ type: "block", blocked: !blocked }); });
  $("new-player").addEventListener("click", () => {
    $("more").hidden = true;
    const name = prompt(words["other-name"]);
    if (name && name.trim()) window.open("?" + new URLSearchParams({ player: name.trim(), lang }), "_blank");
  });
  $("players").addEventListener("change", (event) => go(event.target.value, null));
  $("alert-ok").addEventListener("click", () => { $("alert").hidden = true; });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { $("alert").hidden = true; $("commands").hidden = true; $("more").hidden = true; }
  });
  connect();
}

translatePage();
if (player) chat(); else welcome();
