/** Small SVG drawings built with DOM APIs (no markup strings): sparklines and round charts. */
const NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

/** Map values to points in a w×h box (the y axis spans min..max of the values and zero when money). */
export function points(
  values: number[],
  w: number,
  h: number,
  pad = 2,
  includeZero = false,
): [number, number][] {
  if (values.length === 0) return [];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const n = Math.max(1, values.length - 1);
  return values.map((v, i) => [
    pad + ((w - 2 * pad) * i) / n,
    pad + (h - 2 * pad) * (1 - (v - lo) / (hi - lo)),
  ]);
}

export function sparkline(values: number[], label: string): SVGSVGElement {
  const w = 80;
  const h = 24;
  const el = svg('svg', { viewBox: `0 0 ${w} ${h}`, class: 'spark', role: 'img', 'aria-label': label });
  const pts = points(values.length === 1 ? [values[0], values[0]] : values, w, h, 3);
  el.append(
    svg('polyline', {
      points: pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' '),
      fill: 'none',
      stroke: '#0072B2',
      'stroke-width': 2.5,
      'stroke-linejoin': 'round',
    }),
  );
  const last = pts[pts.length - 1];
  if (last) el.append(svg('circle', { cx: last[0], cy: last[1], r: 3, fill: '#000' }));
  return el;
}
