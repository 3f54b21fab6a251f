// Agenda view (/agenda), for a foyer screen: what is on now and next, by clock time.
"use strict";

(function () {
  const $ = TK.byId;
  const LATER = 4;

  function startOf(seg) {
    // the clock time it is expected to start (projected when known, else planned)
    return seg.projected_start || seg.planned_start || "";
  }

  function render(s) {
    const sess = s.session || {};
    TK.text($("event"), [sess.event, sess.date].filter((x) => x).join(" · "));
    TK.text($("session-title"), sess.title || "");
    TK.text($("clock"), s.clock || "");
    const segs = s.segments || [];
    const ended = s.status === "ended";
    const current = segs.find((g) => g.state === "current");
    const upcoming = segs.filter((g) => g.state === "upcoming");
    const nowSeg = ended ? null : current || null;
    const nextSeg = upcoming[0] || null;

    TK.show($("now-card"), true);
    if (nowSeg) {
      const end = nextSeg ? startOf(nextSeg) : s.projected_end;
      TK.text($("now-time"), TK.t("until", { t: end || "" }));
      TK.text($("now-part"), nowSeg.part || "");
      TK.text($("now-title"), nowSeg.title);
      TK.text($("now-speakers"), TK.speakersText(nowSeg.speakers));
    } else {
      TK.text($("now-time"), "");
      TK.text($("now-part"), "");
      TK.text($("now-title"), ended ? TK.t("end_of_day") : "");
      TK.text($("now-speakers"), "");
    }
    TK.show($("next-card"), Boolean(nextSeg));
    if (nextSeg) {
      TK.text($("next-time"), startOf(nextSeg));
      TK.text($("next-title"), nextSeg.title);
      TK.text($("next-speakers"), TK.speakersText(nextSeg.speakers));
    }
    const list = $("later");
    const later = upcoming.slice(1, 1 + LATER);
    const key = later.map((g) => startOf(g) + "\u0000" + g.title + "\u0000" + TK.speakerNames(g.speakers)).join("\u0001");
    if (list.dataset.key !== key) {
      list.dataset.key = key;
      TK.clear(list);
      for (const g of later) {
        const li = TK.el("li", "ag-item");
        li.appendChild(TK.el("span", "ag-item-time", startOf(g)));
        const body = TK.el("span", "ag-item-body");
        body.appendChild(TK.el("span", "ag-item-title", g.title));
        const who = TK.speakerNames(g.speakers);
        if (who) body.appendChild(TK.el("span", "ag-item-speakers", who));
        li.appendChild(body);
        list.appendChild(li);
      }
    }
    TK.show(list.parentElement, later.length > 0);
  }

  document.addEventListener("DOMContentLoaded", () => TK.start(render));
})();
