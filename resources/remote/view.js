// Speaker view (/view): what the projector shows, for a phone or tablet on the lectern.
"use strict";

(function () {
  const $ = TK.byId;

  // -- sound cues (Web Audio) ---------------------------------------------------------------
  // The app decides which cue is due (the engine's rule, app/engine/cues.py) and the STATE
  // carries the last one as {id, name, at}: this page only plays each new one, once, after a
  // tap on "Enable sound" (browsers start audio only from a user gesture). A cue heard late
  // (the page reconnected some seconds after it) is not played.
  const CUES = ["warning", "final", "zero"];
  const FRESH_S = 5;
  let audio = null; // {ctx, buffers} once the tap has started the context and decoded the cues
  let heard = null; // the last cue seen ("id@at"), played or not

  function soundButton(key, on) {
    const button = $("sound");
    button.dataset.t = key;
    button.dataset.on = on ? "1" : "0";
    TK.text(button, TK.t(key));
  }

  async function enableSound() {
    const button = $("sound");
    if (audio || button.disabled) return;
    const Ctx = window.AudioContext || window.webkitAudioContext;
    button.disabled = true;
    soundButton("sound_loading", false);
    try {
      const ctx = new Ctx();
      const resumed = ctx.resume(); // within the tap: the context may start
      const buffers = {};
      await Promise.all(
        CUES.map(async (name) => {
          const response = await fetch("/static/cue-" + name + ".wav");
          if (!response.ok) throw new Error(name + ": " + response.status);
          buffers[name] = await ctx.decodeAudioData(await response.arrayBuffer());
        }),
      );
      await resumed;
      audio = { ctx: ctx, buffers: buffers };
      soundButton("sound_on", true);
      document.body.dataset.sound = "on";
    } catch (e) {
      soundButton("sound_failed", false);
      document.body.dataset.sound = "failed";
      button.disabled = false; // another tap tries again
    }
  }

  function play(name) {
    const buffer = audio && audio.buffers[name];
    if (!buffer) return;
    if (audio.ctx.state === "suspended") audio.ctx.resume();
    const source = audio.ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(audio.ctx.destination);
    source.start();
  }

  function listen(s) {
    const cue = s.cue;
    if (!cue) return;
    const key = cue.id + "@" + cue.at;
    if (key === heard) return; // every STATE carries it until the next one: once only
    heard = key;
    if (!audio || Math.abs((s.server_time || 0) - cue.at) > FRESH_S) return;
    play(cue.name);
  }

  function render(s) {
    TK.text($("part"), s.part || "");
    TK.text($("clock"), s.clock || "");
    TK.text($("title"), s.status === "ended" ? TK.t("end_of_day") : s.title || "");
    TK.text($("speakers"), s.status === "ended" ? "" : TK.speakersText(s.speakers));
    TK.text($("figure"), s.display || "");
    $("figure").dataset.len = String((s.display || "").length);
    document.body.dataset.phase = s.phase || "normal";
    document.body.dataset.status = s.status || "ready";
    const ph = TK.phase(s);
    TK.text($("phase-mark"), ph.mark);
    TK.text($("phase-word"), ph.word);

    const msg = s.message;
    TK.show($("message"), Boolean(msg && msg.text));
    TK.text($("message-text"), msg ? msg.text : "");
    $("message").classList.toggle("blink", Boolean(msg && msg.blink));

    const next = s.next;
    TK.text($("next-title"), next ? next.title : TK.t("nothing_next"));
    TK.text($("next-speakers"), next ? TK.speakerNames(next.speakers) : "");

    TK.show($("blackout"), Boolean(s.blackout));
    listen(s);
  }

  document.addEventListener("DOMContentLoaded", () => {
    const sound = $("sound");
    if (window.AudioContext || window.webkitAudioContext) {
      sound.addEventListener("click", enableSound);
      TK.show(sound, true);
    }
    TK.start(render);
    TK.keepAwake((on) => {
      const node = $("wake");
      TK.text(node, on ? TK.t("wake_on") : TK.t("wake_off"));
      node.dataset.on = on ? "1" : "0";
      TK.show(node, !on);
    });
  });
})();
