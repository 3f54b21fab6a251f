// Remote control (/control, control token): the moderator's controls with the keys' semantics.
"use strict";

(function () {
  const $ = TK.byId;
  let presetsKey = "";
  let toastTimer = null;

  function toast(message, ok) {
    const node = $("toast");
    TK.text(node, message);
    node.dataset.ok = ok ? "1" : "0";
    TK.show(node, true);
    if (toastTimer !== null) clearTimeout(toastTimer);
    toastTimer = setTimeout(() => TK.show(node, false), ok ? 1200 : 4000);
  }

  function send(name, args) {
    TK.command(name, args).then(
      () => toast(TK.t("sent"), true),
      (error) => toast(TK.t("failed", { e: error || "?" }), false),
    );
  }

  function render(s) {
    TK.text($("figure"), s.display || "");
    document.body.dataset.phase = s.phase || "normal";
    document.body.dataset.status = s.status || "ready";
    const ph = TK.phase(s);
    TK.text($("phase-mark"), ph.mark);
    TK.text($("phase-word"), ph.word);
    TK.text($("title"), s.title || "");
    TK.text($("next"), s.next ? s.next.title : TK.t("nothing_next"));
    const toggle = s.status === "running" ? "pause" : s.status === "paused" ? "resume" : "start";
    TK.text($("b-toggle"), TK.t(toggle));
    $("b-toggle").dataset.action = toggle;
    TK.text($("b-blackout"), TK.t(s.blackout ? "blackout_off" : "blackout_on"));
    $("b-blackout").setAttribute("aria-pressed", s.blackout ? "true" : "false");
    TK.text($("shown"), s.message && s.message.text ? s.message.text : TK.t("no_message"));

    const presets = s.presets || [];
    const key = presets.join("\u0000");
    if (key !== presetsKey) {
      presetsKey = key;
      const box = $("presets");
      TK.clear(box);
      for (const text of presets) {
        const b = TK.el("button", "btn btn-preset", text);
        b.type = "button";
        b.addEventListener("click", () => send("message", { text: text, blink: $("blink").checked }));
        box.appendChild(b);
      }
    }
  }

  function enable(on) {
    for (const b of document.querySelectorAll("button, input")) b.disabled = !on;
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const b of document.querySelectorAll("button[data-cmd]")) {
      b.addEventListener("click", () => {
        const cmd = b.dataset.cmd;
        if (cmd === "add") send("add", { seconds: Number(b.dataset.seconds) });
        else send(cmd, {});
      });
    }
    $("custom-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const text = $("custom").value.trim();
      if (!text) return;
      send("message", { text: text, blink: $("blink").checked });
    });
    enable(false);
    TK.onConnection(enable);
    TK.start(render);
  });
})();
