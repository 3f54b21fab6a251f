// Backstage view (/backstage): the running order with planned and actual, late or early,
// current and next, the message shown. Renders only what the state carries.
"use strict";

(function () {
  const $ = TK.byId;
  let rowsKey = "";

  function diffText(seg) {
    const parts = [];
    if (seg.start_delay_s !== null && seg.start_delay_s !== undefined && Math.abs(seg.start_delay_s) >= 30) {
      parts.push(TK.t("start_delay", { d: TK.lateText(seg.start_delay_s) }));
    }
    if (seg.over_countdown_s !== null && seg.over_countdown_s !== undefined && seg.state === "done") {
      const o = seg.over_countdown_s;
      if (Math.round(o) !== 0) parts.push(TK.t("over", { d: TK.signed(o) }));
    } else if (seg.state === "current" && seg.over_countdown_s !== null && seg.over_countdown_s > 0) {
      parts.push(TK.t("over", { d: TK.signed(seg.over_countdown_s) }));
    }
    return parts.join(" · ");
  }

  function buildRows(s) {
    const body = $("rows");
    TK.clear(body);
    let part = null;
    for (const seg of s.segments || []) {
      if (seg.part && seg.part !== part) {
        part = seg.part;
        const tr = TK.el("tr", "part-row");
        const td = TK.el("td", null, part);
        td.colSpan = 6;
        tr.appendChild(td);
        body.appendChild(tr);
      }
      const tr = TK.el("tr", "seg-row");
      tr.dataset.index = String(seg.index);
      tr.appendChild(TK.el("td", "c-start"));
      tr.appendChild(TK.el("td", "c-proj"));
      const title = TK.el("td", "c-title");
      const mark = TK.el("span", "state-word");
      title.appendChild(mark);
      title.appendChild(TK.el("span", "seg-title"));
      title.appendChild(TK.el("span", "seg-speakers"));
      title.appendChild(TK.el("span", "seg-diff"));
      tr.appendChild(title);
      tr.appendChild(TK.el("td", "c-num c-planned"));
      tr.appendChild(TK.el("td", "c-num c-actual"));
      tr.appendChild(TK.el("td", "c-diff"));
      body.appendChild(tr);
    }
  }

  function fillRows(s) {
    const rows = $("rows").querySelectorAll("tr.seg-row");
    const segs = s.segments || [];
    rows.forEach((tr, i) => {
      const seg = segs[i];
      if (!seg) return;
      tr.dataset.state = seg.state;
      const cells = tr.children;
      TK.text(cells[0], seg.planned_start || "");
      TK.text(cells[1], seg.state === "upcoming" && seg.projected_start && seg.projected_start !== seg.planned_start ? seg.projected_start : "");
      TK.text(cells[2].children[0], seg.state === "upcoming" ? "" : TK.t("state_" + seg.state));
      TK.text(cells[2].children[1], seg.title);
      TK.text(cells[2].children[2], TK.speakerNames(seg.speakers));
      TK.text(cells[3], TK.span(seg.planned_s));
      TK.text(cells[4], seg.state === "upcoming" || seg.state === "skipped" ? "" : TK.span(seg.actual_s || 0));
      TK.text(cells[2].children[3], diffText(seg));
      TK.text(cells[5], diffText(seg));
    });
  }

  function render(s) {
    const sess = s.session || {};
    TK.text($("session-title"), sess.title || "");
    TK.text($("session-sub"), [sess.event, sess.date].filter((x) => x).join(" · "));
    TK.text($("clock"), s.clock || "");
    TK.text($("title"), s.title || "");
    TK.text($("speakers"), TK.speakersText(s.speakers));
    TK.text($("next"), s.next ? s.next.title + (s.next.speakers && s.next.speakers.length ? " — " + TK.speakerNames(s.next.speakers) : "") : TK.t("nothing_next"));
    TK.text($("figure"), s.display || "");
    document.body.dataset.phase = s.phase || "normal";
    document.body.dataset.status = s.status || "ready";
    const ph = TK.phase(s);
    TK.text($("phase-mark"), ph.mark);
    TK.text($("phase-word"), ph.word);

    const late = $("late");
    TK.text(late, TK.lateText(s.late_s));
    late.dataset.sign = s.late_s > 30 ? "late" : s.late_s < -30 ? "early" : "on";
    TK.text($("planned-end"), s.planned_end || "");
    TK.text($("projected-end"), s.projected_end || "");
    TK.show($("hard-end-box"), Boolean(s.hard_end));
    TK.text($("hard-end"), s.hard_end || "");

    const msg = s.message;
    TK.text($("message"), msg && msg.text ? msg.text : TK.t("no_message"));
    $("message-box").dataset.shown = msg && msg.text ? "1" : "0";
    TK.show($("blackout"), Boolean(s.blackout));

    const key = (s.segments || []).map((g) => g.part + "\u0000" + g.title).join("\u0001") + TK.lang();
    if (key !== rowsKey) {
      rowsKey = key;
      buildRows(s);
    }
    fillRows(s);
  }

  document.addEventListener("DOMContentLoaded", () => TK.start(render));
})();
