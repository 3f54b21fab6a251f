// Speaker view (/view): what the projector shows, for a phone or tablet on the lectern.
"use strict";

(function () {
  const $ = TK.byId;

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
  }

  document.addEventListener("DOMContentLoaded", () => {
    TK.start(render);
    TK.keepAwake((on) => {
      const node = $("wake");
      TK.text(node, on ? TK.t("wake_on") : TK.t("wake_off"));
      node.dataset.on = on ? "1" : "0";
      TK.show(node, !on);
    });
  });
})();
