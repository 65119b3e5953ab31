/**
 * Inline SVG charts for the HTML report: no script, no external resource. Colour never carries
 * meaning alone: every bar segment has a legend entry, a tooltip (`<title>`) and, when wide
 * enough, its percentage written on it; every chart has a table beside it in the report.
 * All text goes through `html` (escaped).
 */
import { type Html, html, num } from './html';

/** Okabe–Ito, colour-blind safe (see LOOK-AND-FEEL.md), then greys for long lists. */
export const PALETTE = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#d55e00',
  '#56b4e9',
  '#cc79a7',
  '#f0e442',
  '#000000',
];

export function colour(i: number): string {
  if (i < PALETTE.length) return PALETTE[i];
  const grey = 90 + (((i - PALETTE.length) * 37) % 120);
  return `rgb(${grey},${grey},${grey})`;
}

/** Text on a fill: white on dark fills, black on light ones. */
function ink(i: number): string {
  return [1, 4, 6].includes(i) || i >= PALETTE.length ? '#000' : '#fff';
}

export interface StackRow {
  label: string;
  /** Counts per segment, in legend order. */
  counts: number[];
}

/** One 100% bar per row (a strategy), a segment per category (an ending), with a legend. */
export function stackedBars(rows: StackRow[], legend: string[], title: string): Html {
  const labelW = 170;
  const barW = 560;
  const rowH = 30;
  const legendH = 22 * Math.ceil(legend.length / 2);
  const height = rows.length * rowH + legendH + 16;
  const bars = rows.map((row, r) => {
    const total = row.counts.reduce((a, b) => a + b, 0) || 1;
    let x = labelW;
    const y = r * rowH + 4;
    const segments = row.counts.map((n, i) => {
      const w = (n / total) * barW;
      const seg = html`<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${rowH - 8}" fill="${colour(i)}"><title>${row.label}: ${legend[i]} ${((100 * n) / total).toFixed(1)}%</title></rect>${
        w > 34
          ? html`<text x="${num(x + w / 2)}" y="${num(y + rowH / 2)}" text-anchor="middle" fill="${ink(i)}" font-size="11">${Math.round((100 * n) / total)}%</text>`
          : null
      }`;
      x += w;
      return seg;
    });
    return html`<text x="${labelW - 8}" y="${num(y + rowH / 2)}" text-anchor="end" font-size="13">${row.label}</text>${segments}`;
  });
  const legendTop = rows.length * rowH + 12;
  const items = legend.map((name, i) => {
    const x = (i % 2) * 370;
    const y = legendTop + Math.floor(i / 2) * 22;
    return html`<rect x="${x}" y="${y}" width="14" height="14" fill="${colour(i)}" stroke="#000" stroke-width="0.5"/><text x="${x + 20}" y="${y + 12}" font-size="12">${name.length > 52 ? `${name.slice(0, 51)}…` : name}</text>`;
  });
  return html`<svg role="img" aria-label="${title}" viewBox="0 0 ${labelW + barW + 10} ${height}" width="100%" style="max-width:${labelW + barW + 10}px"><title>${title}</title>${bars}${items}</svg>`;
}

export interface RangePoint {
  label: string;
  p10: number;
  p50: number;
  p90: number;
}

/** A band from p10 to p90 with the median as a line, one point per round end. */
export function rangeChart(points: RangePoint[], title: string, format: (n: number) => string): Html {
  const w = 340;
  const h = 170;
  const left = 84;
  const bottom = 24;
  const top = 22;
  if (points.length === 0) return html``;
  const lo = Math.min(...points.map((p) => p.p10));
  const hi = Math.max(...points.map((p) => p.p90));
  const span = hi - lo || 1;
  const xs = (i: number) =>
    left + (points.length === 1 ? (w - left) / 2 : (i * (w - left - 12)) / (points.length - 1));
  const ys = (v: number) => top + (1 - (v - lo) / span) * (h - top - bottom);
  const upper = points.map((p, i) => `${num(xs(i))},${num(ys(p.p90))}`);
  const lower = points.map((p, i) => `${num(xs(i))},${num(ys(p.p10))}`).reverse();
  const median = points.map((p, i) => `${num(xs(i))},${num(ys(p.p50))}`).join(' ');
  return html`<svg role="img" aria-label="${title}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"><title>${title}</title>
<text x="4" y="14" font-size="13" font-weight="bold">${title}</text>
<line x1="${left}" y1="${top}" x2="${left}" y2="${h - bottom}" stroke="#b9b4a7"/>
<line x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#b9b4a7"/>
<text x="${left - 4}" y="${num(ys(hi) + 4)}" text-anchor="end" font-size="11">${format(hi)}</text>
<text x="${left - 4}" y="${num(ys(lo) + 4)}" text-anchor="end" font-size="11">${format(lo)}</text>
<polygon points="${[...upper, ...lower].join(' ')}" fill="#56b4e9" fill-opacity="0.35" stroke="none"/>
<polyline points="${median}" fill="none" stroke="#0072b2" stroke-width="2"/>
${points.map(
  (p, i) =>
    html`<circle cx="${num(xs(i))}" cy="${num(ys(p.p50))}" r="3" fill="#0072b2"><title>${p.label}: p10 ${format(p.p10)}, p50 ${format(p.p50)}, p90 ${format(p.p90)}</title></circle><text x="${num(xs(i))}" y="${h - 8}" text-anchor="middle" font-size="11">${p.label}</text>`,
)}</svg>`;
}
