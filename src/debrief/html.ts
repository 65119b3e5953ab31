/**
 * The debrief as one standalone HTML file: inline SVG charts, inline CSS, no script and no
 * external resource (a Content-Security-Policy that forbids both makes sure), so it opens on any
 * laptop years later. Every piece of scenario text and every note goes through `esc`, so a card
 * titled `<script>` shows those characters. Print CSS keeps sections and charts whole on A4.
 */
import { type ExportLabels, kindLabel } from './labels';
import { type Debrief, splitVotes, timelineOf } from './model';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function esc(s: string | number): string {
  return String(s).replace(/[&<>"']/g, (c) => ESC[c]);
}

const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#000000'];

/** A small line chart as an SVG string; every label escaped. */
export function lineSvg(title: string, values: number[], labels: string[], lastText: string, i = 0): string {
  const W = 320;
  const H = 170;
  const pad = { l: 12, r: 12, t: 28, b: 28 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (k: number) => pad.l + (values.length < 2 ? 0 : (k * (W - pad.l - pad.r)) / (values.length - 1));
  const y = (v: number) => pad.t + (1 - (v - min) / span) * (H - pad.t - pad.b);
  const points = values.map((v, k) => `${x(k).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const dots = values
    .map(
      (v, k) =>
        `<circle cx="${x(k).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3.5" fill="${COLOURS[i % COLOURS.length]}"><title>${esc(labels[k] ?? '')}: ${esc(String(v))}</title></circle>`,
    )
    .join('');
  const ticks = labels
    .map(
      (l, k) =>
        `<text x="${x(k).toFixed(1)}" y="${H - 8}" font-size="11" text-anchor="middle">${esc(l)}</text>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(title)}">` +
    `<text x="${pad.l}" y="16" font-size="13" font-weight="bold">${esc(title)} — ${esc(lastText)}</text>` +
    `<polyline fill="none" stroke="${COLOURS[i % COLOURS.length]}" stroke-width="2.5" points="${points}"/>${dots}${ticks}</svg>`
  );
}

const CSS = `
body{font-family:"Atkinson Hyperlegible",Verdana,Arial,sans-serif;color:#000;background:#fff;max-width:60rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;font-size:16px}
h1{font-size:1.7rem}h2{font-size:1.3rem;border-bottom:2px solid #0072B2;padding-bottom:.2rem;margin-top:1.6rem}
.charts{display:flex;flex-wrap:wrap;gap:.8rem}.charts figure{margin:0}svg{max-width:100%;height:auto}
ol.timeline>li{margin:.6rem 0;padding:.4rem .6rem;border-left:4px solid #0072B2}ol.timeline>li.council{border-left-color:#009E73}
.muted{color:#333}.note{background:#fff8dc;padding:.2rem .4rem}.split{border-left:4px solid #D55E00;padding-left:.4rem}
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:left;vertical-align:top}
@page{size:A4;margin:15mm}
@media print{body{max-width:none;margin:0;font-size:11pt}section,li,figure,tr,svg{break-inside:avoid;page-break-inside:avoid}
h2{break-after:avoid}.charts figure{width:48%}svg{width:100%}a{color:#000}}
`;

export function debriefHtml(d: Debrief, l: ExportLabels): string {
  const e = esc;
  const labels = d.rounds.map((r) => (r === 0 ? l.start : String(r)));
  const charts = [
    ...d.resources.map((r, i) => lineSvg(r.name, r.series, labels, r.text, i)),
    ...d.meters.map((m, i) => lineSvg(m.name, m.series, labels, m.text, i + d.resources.length)),
  ]
    .map((svg) => `<figure>${svg}</figure>`)
    .join('');
  const decisions = timelineOf(d)
    .map((item) => {
      if (item.kind === 'council') {
        const x = item.row;
        const parts = [
          `<div class="muted">${e(x.roundText)}</div>`,
          `<strong>${e(kindLabel(l, x.kind))}: ${e(x.what)}</strong>`,
        ];
        if (x.notChosen.length)
          parts.push(`<div class="muted">${e(l.notChosen)}: ${x.notChosen.map(e).join(' · ')}</div>`);
        if (x.tally) parts.push(`<div>${e(l.tally)}: ${e(x.tally)}</div>`);
        return `<li class="council" data-kind="${e(x.kind)}">${parts.join('')}</li>`;
      }
      const x = item.row;
      const parts = [
        `<div class="muted">${e(x.roundText)}${x.player ? ` · ${e(x.player)}` : ''}</div>`,
        `<strong>${e(x.card)}</strong>`,
        `<div>${e(l.chosen)}: ${e(x.chosen)}</div>`,
      ];
      if (x.notChosen.length)
        parts.push(`<div class="muted">${e(l.notChosen)}: ${x.notChosen.map(e).join(' · ')}</div>`);
      if (x.tally) parts.push(`<div>${e(l.tally)}: ${e(x.tally)}</div>`);
      if (x.asked.length)
        parts.push(
          `<div>${e(l.asked)}: <ul>${x.asked.map((q) => `<li>${e(q.ask)} — <span class="muted">${e(q.reveals)}</span></li>`).join('')}</ul></div>`,
        );
      for (const n of x.notes) parts.push(`<div class="note">${e(l.notes)}: ${e(n)}</div>`);
      if (x.reflect) parts.push(`<div><em>${e(l.reflect)}: ${e(x.reflect)}</em></div>`);
      return `<li data-card="${e(x.cardId)}">${parts.join('')}</li>`;
    })
    .join('');
  const splits = splitVotes(d)
    .map(
      (v) =>
        `<li class="split"><strong>${e(v.kind === 'card' ? v.title : `${kindLabel(l, v.kind)}: ${v.title}`)}</strong> <span class="muted">(${e(v.roundText)})</span>: ${e(v.tally)} — ${v.votes.map((x) => `${e(x.player)} → ${e(x.option)}`).join(' · ')}</li>`,
    )
    .join('');
  const finals = [...d.resources.map((r) => [r.name, r.text]), ...d.meters.map((m) => [m.name, m.text])]
    .map(([n, v]) => `<tr><th>${e(n)}</th><td>${e(v)}</td></tr>`)
    .join('');
  const roles = d.players
    .map((p) => {
      const goal = p.goal === null ? '' : ` (${e(p.goal ? l.goalMet : l.goalNotMet)})`;
      return `<li><strong>${e(p.name)}</strong>${p.role ? ` — ${e(p.role)}` : ''}${goal}${p.brief ? `: ${e(p.brief)}` : ''}</li>`;
    })
    .join('');
  return `<!doctype html>
<html lang="${e(d.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(l.debrief)}: ${e(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${e(l.debrief)}: ${e(d.title)}</h1>
<p class="muted">${e(l.seed)}: ${e(d.seed)}</p>
${d.ending ? `<section><h2>${e(l.ending)}: ${e(d.ending.title)}</h2>${d.ending.stopped ? `<p class="split"><strong>${e(d.ending.stopped)}</strong></p>` : ''}<p>${e(d.ending.text)}</p></section>` : ''}
<section><h2>${e(l.final)}</h2><table>${finals}</table></section>
<section><h2>${e(l.charts)}</h2><div class="charts">${charts}</div></section>
<section><h2>${e(l.timeline)}</h2><ol class="timeline">${decisions}</ol></section>
${splits ? `<section><h2>${e(l.splitVotes)}</h2><ul>${splits}</ul></section>` : ''}
${d.generalNotes.length ? `<section><h2>${e(l.generalNotes)}</h2><ul>${d.generalNotes.map((n) => `<li class="note">${e(n)}</li>`).join('')}</ul></section>` : ''}
<section><h2>${e(l.roles)}</h2><ul>${roles}</ul></section>
${d.questions.length ? `<section><h2>${e(l.questions)}</h2><ol>${d.questions.map((q) => `<li>${e(q)}</li>`).join('')}</ol></section>` : ''}
</body>
</html>
`;
}
