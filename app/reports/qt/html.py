"""The report as one self-contained HTML file: CSS inline, the chart inline as SVG, no
script, no font or image fetched; it opens in any browser and prints cleanly. Session text
(titles, names, messages) is always escaped: a title such as ``<b>R&D</b>`` shows those
characters."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from app import version
from app.engine.display import signed_span
from app.i18n import Language
from app.reports.qt.chart_paint import (
    FONT_FAMILIES,
    chart_svg,
)
from app.reports.summary import (
    Row,
    Summary,
    Words,
    build_summary,
    clock,
    headline,
    part_headers,
    part_rows,
    segment_headers,
    segment_rows,
    span,
)
from app.timing_log.reader import TimingLog

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; padding: 32px 40px 48px; font: 15px/1.45 "DejaVu Sans", "Segoe UI", Roboto,
  "Helvetica Neue", Arial, sans-serif; color: #1d2430; background: #fff; }
header { border-bottom: 3px solid #2c6fb7; padding-bottom: 12px; margin-bottom: 20px; }
.kicker { margin: 0; color: #5b6472; text-transform: uppercase; letter-spacing: .08em;
  font-size: 12px; }
h1 { margin: 4px 0 6px; font-size: 26px; line-height: 1.2; }
h2 { margin: 28px 0 10px; font-size: 19px; }
.meta { margin: 0; color: #5b6472; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 0; padding: 0; }
.figure { flex: 1 1 150px; border: 1px solid #d6dae0; border-radius: 8px; padding: 10px 14px;
  background: #f7f9fb; }
.figure dt { font-size: 12px; color: #5b6472; text-transform: uppercase; letter-spacing: .05em; }
.figure dd { margin: 2px 0 0; }
.figure .value { display: block; font-size: 24px; font-weight: 700;
  font-variant-numeric: tabular-nums; }
.figure .note { display: block; font-size: 13px; color: #5b6472; }
.figure.alarm { border-color: #e4a29b; background: #fdf1ef; }
.figure.alarm .value { color: #b42318; }
.warnings { border: 1px solid #e8c16d; background: #fff8e6; border-radius: 8px;
  padding: 10px 14px; margin: 16px 0; }
.warnings ul { margin: 6px 0 0; padding-left: 20px; }
figure.chart { margin: 20px 0 0; }
figure.chart svg { display: block; width: 100%; height: auto; border: 1px solid #e3e6ea;
  border-radius: 6px; }
figcaption { font-size: 13px; color: #5b6472; margin-top: 6px; }
table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 6px 8px; border-bottom: 1px solid #e3e6ea; text-align: left;
  vertical-align: top; }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: #5b6472;
  border-bottom: 2px solid #c9ced6; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }  /* a long header wraps: the titles keep their room */
tr.strong td { font-weight: 700; border-top: 2px solid #c9ced6; }
td.over { color: #b42318; font-weight: 700; }
td.under { color: #1e7b45; }
td.who { color: #5b6472; font-size: 13px; }
ol.overruns li { margin: 2px 0; }
footer { margin-top: 32px; color: #5b6472; font-size: 12px; }
@media print {
  body { padding: 0; font-size: 11pt; }
  figure.chart, table, tr { break-inside: avoid; }
  .figure { background: none; }
}
"""

_SVG_HEAD = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_SVG_FONT = 'font-family="' + FONT_FAMILIES[0] + '"'


def inline_svg(svg: str, label: str) -> str:
    """Qt's SVG made fit to sit inside HTML: no XML prolog, fluid width, a font stack that
    every browser resolves, and an accessible name."""
    body = svg[svg.index("<svg") :]
    match = _SVG_HEAD.match(body)
    assert match is not None
    head = match.group(0)
    view_box = re.search(r'viewBox="([^"]*)"', head)
    new_head = (
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" role="img" '
        f'aria-label="{html.escape(label)}" '
        f'viewBox="{view_box.group(1) if view_box else "0 0 1200 600"}" '
        'preserveAspectRatio="xMinYMin meet">'
    )
    stack = ", ".join(FONT_FAMILIES)
    return (new_head + body[match.end() :]).replace(_SVG_FONT, f'font-family="{stack}"')


def render_html(log: TimingLog, language: str) -> str:
    """The whole report as one HTML document (see the module docstring)."""
    from app.reports.qt.export import ensure_gui

    ensure_gui()
    lang = Language(language)
    return html_document(build_summary(log), lang)


def html_document(summary: Summary, lang: Language) -> str:
    w = Words(lang)
    r = summary.report
    e = html.escape
    title = e(r.title)
    meta = " · ".join(
        e(x)
        for x in (
            r.event,
            lang.date(summary.zone(r.planned_start)),
            f"{clock(summary, r.planned_start, False)}–"
            f"{clock(summary, r.hard_end or r.planned_end, False)}",
            r.venue,
        )
        if x
    )
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang.code}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="Timekeeper">',
        f"<title>{title} — {e(w.report_kind)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<p class="kicker">{e(w.report_kind)}</p>',
        f"<h1>{title}</h1>",
        f'<p class="meta">{meta}</p>',
        "</header>",
        '<dl class="figures">',
    ]
    for fig in headline(summary, w):
        cls = "figure alarm" if fig.alarm else "figure"
        out.append(
            f'<div class="{cls}"><dt>{e(fig.label)}</dt><dd><span class="value">'
            f'{e(fig.value)}</span><span class="note">{e(fig.note)}</span></dd></div>'
        )
    out.append("</dl>")
    if r.warnings:
        out.append(f'<div class="warnings"><strong>{e(w.warnings)}</strong><ul>')
        out.extend(f"<li>{e(x)}</li>" for x in r.warnings)
        out.append("</ul></div>")
    svg = chart_svg(summary.data, 1200, language=lang, title=False)
    out.append('<figure class="chart">')
    out.append(f"<h2>{e(w.chart)}</h2>")
    out.append(inline_svg(svg, w.chart))
    out.append(f"<figcaption>{e(w.chart_caption)}</figcaption>")
    out.append("</figure>")

    out.append(f"<h2>{e(w.parts)}</h2>")
    out.append(_html_table(part_headers(w), part_rows(summary, w), numeric_from=1))
    out.append(f"<h2>{e(w.segments)}</h2>")
    out.append(
        _html_table(segment_headers(w), segment_rows(summary, w), numeric_from=3, who_column=2)
    )
    out.append(f"<h2>{e(w.largest)}</h2>")
    largest = summary.largest_overruns
    if largest:
        out.append('<ol class="overruns">')
        for s in largest:
            out.append(
                f"<li><strong>{e(signed_span(s.overrun_s))}</strong> — {e(s.title)} "
                f"({e(span(s.actual_s))} / {e(span(s.planned_s))})</li>"
            )
        out.append("</ol>")
    else:
        out.append(f"<p>{e(w.no_overrun)}</p>")
    out.append(
        "<footer>" + e(w.generated.format(version=version(), file=r.log_path.name)) + "</footer>"
    )
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


def _html_table(
    headers: Sequence[str], rows: Sequence[Row], *, numeric_from: int, who_column: int = -1
) -> str:
    e = html.escape
    out = ["<table>", "<thead><tr>"]
    for i, h in enumerate(headers):
        cls = ' class="num"' if i >= numeric_from or h == "#" else ""
        out.append(f"<th{cls}>{e(h)}</th>")
    out.append("</tr></thead>")
    out.append("<tbody>")
    for row in rows:
        out.append('<tr class="strong">' if row.strong else "<tr>")
        last = len(row.cells) - 1
        for i, cell in enumerate(row.cells):
            classes = []
            if i >= numeric_from or (i == 0 and headers[0] == "#"):
                classes.append("num")
            if i == who_column:
                classes.append("who")
            if i == last and row.over:
                classes.append("over" if row.over > 0 else "under")
            cls = f' class="{" ".join(classes)}"' if classes else ""
            out.append(f"<td{cls}>{e(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)
