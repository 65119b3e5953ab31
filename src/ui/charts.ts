/**
 * Round-by-round line charts as SVG, built with DOM calls so the same code can render the
 * screen and an exported file. A chart says its numbers in text too (title and point labels).
 */
import { svg } from './spark';

export interface ChartInput {
  title: string;
  values: number[];
  labels: string[];
  format: (v: number) => string;
  money: boolean;
  /** Meters: which way is good, shown as a word under the title. */
  note?: string;
  /**
   * The scale: a meter's whole range (0–100%), so a change from 59 to 63 looks as small as it
   * is. Without it the values' own range, with zero for money.
   */
  range?: { lo: number; hi: number };
}

/** The plotted range: the given one widened to hold every value, never empty. */
export function chartRange(input: Pick<ChartInput, 'values' | 'money' | 'range'>): {
  lo: number;
  hi: number;
} {
  const values = input.values.length > 0 ? input.values : [0];
  let lo = Math.min(...values, ...(input.range ? [input.range.lo] : []), ...(input.money ? [0] : []));
  let hi = Math.max(...values, ...(input.range ? [input.range.hi] : []), ...(input.money ? [0] : []));
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  return { lo, hi };
}

export function lineChart(input: ChartInput): SVGSVGElement {
  const w = 320;
  const h = 200;
  const left = 8;
  const top = 58;
  const plotW = w - 2 * left;
  const plotH = h - top - 30;
  const root = svg('svg', {
    viewBox: `0 0 ${w} ${h}`,
    role: 'img',
    'aria-label': `${input.title}: ${input.values.map(input.format).join(', ')}`,
  });
  const title = svg('text', { x: left, y: 22, 'font-size': 22, 'font-weight': 700, fill: '#000' });
  title.textContent = input.title;
  root.append(title);
  const { lo, hi } = chartRange(input);
  // The scale's labels take the plot's left edge; the line starts after them.
  const scaleW = 90;
  const n = Math.max(1, input.values.length - 1);
  const pts = input.values.map(
    (v, i) =>
      [
        left + scaleW + 6 + ((plotW - scaleW - 12) * i) / n,
        top + 6 + (plotH - 12) * (1 - (v - lo) / (hi - lo)),
      ] as [number, number],
  );
  root.append(svg('rect', { x: left, y: top, width: plotW, height: plotH, fill: '#fff', stroke: '#b9b4a7' }));
  for (const [value, y] of [
    [hi, top + 18],
    [lo, top + plotH - 6],
  ] as const) {
    const mark = svg('text', {
      x: left + 4,
      y,
      'font-size': 14,
      fill: '#3a3a3a',
      'data-scale': value === hi ? 'max' : 'min',
    });
    mark.textContent = input.format(value);
    root.append(mark);
  }
  if (input.money) {
    if (lo < 0 && hi > 0) {
      const zeroY = top + 6 + (plotH - 12) * (1 - (0 - lo) / (hi - lo));
      root.append(
        svg('line', {
          x1: left,
          x2: left + plotW,
          y1: zeroY,
          y2: zeroY,
          stroke: '#D55E00',
          'stroke-dasharray': '4 3',
        }),
      );
    }
  }
  root.append(
    svg('polyline', {
      points: pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: '#0072B2',
      'stroke-width': 3,
    }),
  );
  pts.forEach(([x, y], i) => {
    root.append(svg('circle', { cx: x, cy: y, r: 4, fill: '#000' }));
    const label = svg('text', {
      x,
      y: h - 8,
      'font-size': 16,
      'text-anchor': i === 0 ? 'start' : i === pts.length - 1 ? 'end' : 'middle',
      fill: '#000',
    });
    label.textContent = input.labels[i] ?? '';
    root.append(label);
  });
  const last = input.values[input.values.length - 1];
  const lastText = svg('text', {
    x: left,
    y: 48,
    'font-size': 20,
    'text-anchor': 'start',
    fill: '#0072B2',
    'font-weight': 700,
  });
  lastText.textContent = last !== undefined ? input.format(last) : '';
  root.append(lastText);
  return root;
}
