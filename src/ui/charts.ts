/**
 * Round-by-round line charts as SVG, built with DOM calls so the same code can render the
 * screen and an exported file. A chart says its numbers in text too (title and point labels).
 */
import { points, svg } from './spark';

export interface ChartInput {
  title: string;
  values: number[];
  labels: string[];
  format: (v: number) => string;
  money: boolean;
  /** Meters: which way is good, shown as a word under the title. */
  note?: string;
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
  const pts = points(input.values, plotW, plotH, 6, input.money).map(
    ([x, y]) => [x + left, y + top] as [number, number],
  );
  root.append(svg('rect', { x: left, y: top, width: plotW, height: plotH, fill: '#fff', stroke: '#b9b4a7' }));
  if (input.money) {
    const lo = Math.min(...input.values, 0);
    const hi = Math.max(...input.values, 0);
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
