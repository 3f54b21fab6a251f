// Timekeeper remote pages: the one shared module (README "Remote", ARCHITECTURE.md "Remote
// pages"). Every page loads this file, then its own script, which calls TK.start(render).
//
// - Connects to /api/v1/ws, says hello with the token from the URL fragment (#token=...), which
//   a browser never sends in a request line, a Referer or a proxy log.
// - Renders only what the server pushes: the page never counts on its own, so a figure on
//   screen is always one the app computed (pings come every second; after 2.5 s without any
//   message the page says "connection lost" and dims what it shows, it never shows a stale
//   figure without saying so).
// - Reconnects by itself, with a growing delay (0.25 s doubling to 2 s, with jitter).
// - Session text is set with textContent only (TK.el, TK.text), never as HTML.
"use strict";

(function () {
  const SILENCE_MS = 2500; // contract: no message for 2.5 s -> "connection lost"
  const WATCH_MS = 100; // how often the silence is checked
  const CONNECT_TIMEOUT_MS = 3000; // a handshake that hangs (the app frozen) is given up
  const BACKOFF_MIN_MS = 250;
  const BACKOFF_MAX_MS = 2000;

  const STRINGS = {
    en: {
      connecting: "Connecting…",
      lost: "Connection lost — reconnecting",
      lost_since: "Connection lost at {t} — the figures shown may be out of date",
      refused: "This link was refused (token missing or no longer valid). Ask the moderator for the new link.",
      no_token: "This link has no token. Open the link the moderator's window shows.",
      next: "Next",
      now: "Now",
      later: "Later",
      message: "Message",
      blackout: "Screen blanked",
      status_ready: "Ready",
      status_running: "Running",
      status_paused: "Paused",
      status_ended: "Ended",
      phase_normal: "On time",
      phase_warning: "Warning",
      phase_final: "Final minute",
      phase_overtime: "Overtime",
      late: "late",
      early: "early",
      on_time: "on time",
      planned_end: "Planned end",
      projected_end: "Projected end",
      hard_end: "Hard end",
      running_order: "Running order",
      col_start: "Start",
      col_projected: "Expected",
      col_title: "Segment",
      col_planned: "Planned",
      col_actual: "Actual",
      col_diff: "Over / under",
      state_done: "done",
      state_current: "now",
      state_upcoming: "",
      state_skipped: "skipped",
      start_delay: "started {d}",
      over: "{d} vs planned",
      nothing_next: "Nothing after this",
      end_of_day: "End of the programme",
      wake_on: "Screen kept awake",
      wake_off: "Screen may sleep (wake lock not available on this connection)",
      start: "Start",
      pause: "Pause",
      resume: "Resume",
      previous: "Previous",
      next_btn: "Next",
      minus: "−1 min",
      plus: "+1 min",
      blackout_on: "Blackout",
      blackout_off: "Screen back",
      undo: "Undo",
      clear: "Clear message",
      send: "Show",
      blink: "Blink",
      custom: "Custom message",
      presets: "Messages",
      sent: "Done",
      failed: "Not applied: {e}",
      not_connected: "Not connected: the command was not sent",
      shown_message: "Shown now",
      no_message: "No message shown",
      until: "until {t}",
      from_to: "{a} – {b}",
      sound_enable: "Enable sound",
      sound_loading: "Loading sound…",
      sound_on: "Sound on",
      sound_failed: "No sound on this device",
    },
    fr: {
      connecting: "Connexion…",
      lost: "Connexion perdue — reconnexion en cours",
      lost_since: "Connexion perdue à {t} — les chiffres affichés peuvent être périmés",
      refused: "Ce lien a été refusé (jeton absent ou plus valable). Demandez le nouveau lien au modérateur.",
      no_token: "Ce lien n’a pas de jeton. Ouvrez le lien affiché par la fenêtre du modérateur.",
      next: "Ensuite",
      now: "En ce moment",
      later: "Plus tard",
      message: "Message",
      blackout: "Écran masqué",
      status_ready: "Prêt",
      status_running: "En cours",
      status_paused: "En pause",
      status_ended: "Terminé",
      phase_normal: "Dans les temps",
      phase_warning: "Attention",
      phase_final: "Dernière minute",
      phase_overtime: "Dépassement",
      late: "de retard",
      early: "d’avance",
      on_time: "à l’heure",
      planned_end: "Fin prévue",
      projected_end: "Fin estimée",
      hard_end: "Fin impérative",
      running_order: "Déroulé",
      col_start: "Début",
      col_projected: "Estimé",
      col_title: "Séquence",
      col_planned: "Prévu",
      col_actual: "Réel",
      col_diff: "Écart",
      state_done: "fait",
      state_current: "en cours",
      state_upcoming: "",
      state_skipped: "sautée",
      start_delay: "départ : {d}",
      over: "{d} sur le prévu",
      nothing_next: "Rien ensuite",
      end_of_day: "Fin du programme",
      wake_on: "Écran maintenu allumé",
      wake_off: "L’écran peut se mettre en veille (verrou d’écran indisponible sur cette connexion)",
      start: "Démarrer",
      pause: "Pause",
      resume: "Reprendre",
      previous: "Précédent",
      next_btn: "Suivant",
      minus: "−1 min",
      plus: "+1 min",
      blackout_on: "Masquer l’écran",
      blackout_off: "Rétablir l’écran",
      undo: "Annuler",
      clear: "Effacer le message",
      send: "Afficher",
      blink: "Clignoter",
      custom: "Message libre",
      presets: "Messages",
      sent: "Fait",
      failed: "Non appliqué : {e}",
      not_connected: "Pas de connexion : la commande n’a pas été envoyée",
      shown_message: "Affiché",
      no_message: "Aucun message affiché",
      until: "jusqu’à {t}",
      from_to: "{a} – {b}",
      sound_enable: "Activer le son",
      sound_loading: "Chargement du son…",
      sound_on: "Son activé",
      sound_failed: "Pas de son sur cet appareil",
    },
  };

  function fragment() {
    const params = new URLSearchParams(location.hash.replace(/^#/, ""));
    return { token: params.get("token") || "", lang: params.get("lang") || "" };
  }

  const frag = fragment();
  let language = frag.lang === "fr" || frag.lang === "en" ? frag.lang : "";

  function lang(state) {
    if (language) return language;
    if (state && (state.language === "fr" || state.language === "en")) return state.language;
    const nav = (navigator.language || "en").slice(0, 2);
    return nav === "fr" ? "fr" : "en";
  }

  let currentState = null;

  function t(key, vars) {
    const table = STRINGS[lang(currentState)];
    let s = key in table ? table[key] : STRINGS.en[key] || key;
    if (vars) {
      for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
    }
    return s;
  }

  // -- DOM helpers: textContent only ----------------------------------------------------------

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  // Sets a node's text only when it changed (so a MutationObserver sees real changes only).
  function text(node, value) {
    const s = value === undefined || value === null ? "" : String(value);
    if (node.textContent !== s) node.textContent = s;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  // -- formatting (rendering only: every figure comes from the state) -------------------------

  function span(seconds) {
    // whole seconds as M:SS or H:MM:SS (used for planned/actual columns)
    const s = Math.round(Math.abs(seconds));
    const h = Math.floor(s / 3600);
    const m = Math.floor((s % 3600) / 60);
    const r = s % 60;
    const pad = (n) => String(n).padStart(2, "0");
    return h > 0 ? h + ":" + pad(m) + ":" + pad(r) : m + ":" + pad(r);
  }

  function signed(seconds) {
    return (seconds < 0 ? "−" : "+") + span(seconds);
  }

  function minutes(seconds) {
    // lateness as the moderator reads it: nearest minute
    const m = Math.round(Math.abs(seconds) / 60);
    return m + " min";
  }

  function lateText(lateS) {
    if (lateS === null || lateS === undefined) return "";
    if (Math.round(Math.abs(lateS) / 60) === 0) return t("on_time");
    return minutes(lateS) + " " + (lateS > 0 ? t("late") : t("early"));
  }

  function speakersText(speakers) {
    if (!speakers || !speakers.length) return "";
    return speakers
      .map((p) => {
        const extra = [p.role, p.organisation].filter((x) => x).join(", ");
        return extra ? p.name + " (" + extra + ")" : p.name;
      })
      .join(" · ");
  }

  function speakerNames(speakers) {
    if (!speakers || !speakers.length) return "";
    return speakers.map((p) => p.name).join(", ");
  }

  const MARKS = { normal: "●", warning: "▲", final: "◆", overtime: "■" };

  // The phase as a word and a mark (never colour alone). The projector's own words
  // (phase_text, with their marks) when the page speaks the session's language; else ours.
  function phase(state) {
    if (state.status === "ready" || state.status === "ended") {
      return { mark: "", word: t("status_" + state.status) };
    }
    if (state.phase_text && lang(state) === state.language) {
      return { mark: "", word: state.phase_text };
    }
    const words = [];
    if (state.status === "paused") words.push(t("status_paused"));
    if (state.status !== "paused" || state.phase !== "normal") words.push(t("phase_" + state.phase));
    return { mark: MARKS[state.phase] || "", word: words.join(" · ") };
  }

  function clockNow() {
    const d = new Date();
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0") +
      ":" + String(d.getSeconds()).padStart(2, "0");
  }

  // -- the connection ---------------------------------------------------------------------------

  let ws = null;
  let render = null;
  let lastMessageAt = 0;
  let connectStartedAt = 0;
  let connected = false; // hello accepted and a state received on this socket
  let lost = false;
  let refused = false;
  let backoff = BACKOFF_MIN_MS;
  let retryTimer = null;
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  const stateListeners = [];

  function banner(kind, message) {
    const node = byId("tk-banner");
    if (!node) return;
    node.dataset.kind = kind;
    text(node, message);
    show(node, Boolean(message));
    document.body.classList.toggle("tk-stale", kind === "lost" || kind === "refused");
    document.body.dataset.connection = kind;
  }

  function setLost(reason) {
    if (lost && !reason) return;
    lost = true;
    connected = false;
    if (refused) {
      banner("refused", reason || t("refused"));
    } else {
      banner("lost", currentState ? t("lost_since", { t: clockNow() }) : t("lost"));
    }
    for (const fn of listeners) fn(false);
    for (const [, p] of pending) p.reject(t("not_connected"));
    pending.clear();
  }

  function scheduleRetry() {
    if (retryTimer !== null) return;
    const delay = refused ? 10000 : backoff * (0.75 + Math.random() * 0.5);
    backoff = Math.min(BACKOFF_MAX_MS, backoff * 2);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, delay);
  }

  function drop(socket) {
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    try {
      socket.close();
    } catch (e) {
      /* already closed */
    }
  }

  function connect() {
    if (!frag.token) {
      refused = true;
      banner("refused", t("no_token"));
      return;
    }
    const url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/api/v1/ws";
    let socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      setLost();
      scheduleRetry();
      return;
    }
    ws = socket;
    connectStartedAt = performance.now();
    socket.onopen = () => {
      lastMessageAt = performance.now();
      socket.send(JSON.stringify({ type: "hello", token: frag.token }));
    };
    socket.onmessage = (event) => {
      lastMessageAt = performance.now();
      let msg;
      try {
        msg = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (msg.type === "state") {
        receive(msg.state);
      } else if (msg.type === "result") {
        const p = pending.get(msg.id);
        if (p) {
          pending.delete(msg.id);
          if (msg.ok) p.resolve(msg.state);
          else p.reject(msg.error || "");
        }
        if (msg.ok && msg.state) receive(msg.state);
      }
      // "ping": lastMessageAt is enough.
    };
    socket.onclose = (event) => {
      if (ws !== socket) return;
      ws = null;
      if (event.code === 4401 || event.code === 4403) refused = true;
      setLost();
      scheduleRetry();
    };
    socket.onerror = () => {
      /* onclose follows */
    };
  }

  function receive(state) {
    if (!state) return;
    currentState = state;
    refused = false;
    backoff = BACKOFF_MIN_MS;
    if (!connected) {
      connected = true;
      lost = false;
      banner("ok", "");
      for (const fn of listeners) fn(true);
    }
    const l = lang(state);
    if (document.documentElement.lang !== l) {
      document.documentElement.lang = l;
      translateStatic();
    }
    if (render) render(state);
    for (const fn of stateListeners) fn(state);
  }

  function watch() {
    if (ws && ws.readyState === WebSocket.CONNECTING && performance.now() - connectStartedAt > CONNECT_TIMEOUT_MS) {
      const socket = ws;
      ws = null;
      drop(socket);
      setLost();
      scheduleRetry();
      return;
    }
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      if (!lost && performance.now() - lastMessageAt > SILENCE_MS) setLost();
      return;
    }
    if (performance.now() - lastMessageAt > SILENCE_MS) {
      // The app is gone (or the network): say so now, then try again.
      const socket = ws;
      ws = null;
      drop(socket);
      setLost();
      scheduleRetry();
    }
  }

  // Sends a command; resolves with the new state, rejects with the server's sentence.
  function command(name, args) {
    return new Promise((resolve, reject) => {
      if (!ws || ws.readyState !== WebSocket.OPEN || !connected) {
        reject(t("not_connected"));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ type: "command", id: id, command: name, args: args || {} }));
    });
  }

  // -- screen wake lock (secure contexts only: https or localhost) --------------------------------

  let wakeLock = null;
  async function keepAwake(onChange) {
    if (!("wakeLock" in navigator)) {
      onChange(false);
      return;
    }
    const request = async () => {
      if (document.visibilityState !== "visible" || wakeLock) return;
      try {
        wakeLock = await navigator.wakeLock.request("screen");
        onChange(true);
        wakeLock.addEventListener("release", () => {
          wakeLock = null;
          onChange(false);
        });
      } catch (e) {
        onChange(false);
      }
    };
    document.addEventListener("visibilitychange", request);
    await request();
  }

  // Static words of a page: every element with data-t="key" gets the string for key.
  function translateStatic() {
    for (const node of document.querySelectorAll("[data-t]")) text(node, t(node.dataset.t));
  }

  function start(renderFn) {
    render = renderFn;
    // A new link (another token, another language) opened over this one: start afresh.
    window.addEventListener("hashchange", () => location.reload());
    document.documentElement.lang = lang(null);
    translateStatic();
    banner("connecting", t("connecting"));
    lastMessageAt = performance.now();
    setInterval(watch, WATCH_MS);
    connect();
  }

  window.TK = {
    start: start,
    command: command,
    onConnection: (fn) => listeners.push(fn),
    onState: (fn) => stateListeners.push(fn), // after each render (tests measure with it)
    keepAwake: keepAwake,
    t: t,
    lang: () => lang(currentState),
    translateStatic: translateStatic,
    el: el,
    text: text,
    clear: clear,
    byId: byId,
    show: show,
    span: span,
    signed: signed,
    minutes: minutes,
    lateText: lateText,
    speakersText: speakersText,
    speakerNames: speakerNames,
    phase: phase,
    state: () => currentState,
  };
})();
