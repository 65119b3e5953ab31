// @vitest-environment happy-dom
/**
 * The debrief's charts carry a scale (issue 21): a meter is drawn against its whole range with
 * min and max labelled, so Welzijn going from 59 to 63 does not fill the chart, and a percentage
 * keeps its % on every label.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalActions } from '../engine/legal';
import { newGame } from '../engine/setup';
import { step } from '../engine/step';
import { loadScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { localize } from '../scenario/text';
import { chartRange, lineChart } from './charts';
import { charts } from './debrief-charts';

function shipped(file: string): Scenario {
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', file), 'utf8');
  const result = loadScenario(text, file);
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.scenario;
}

const scale = (chart: Element) => ({
  max: chart.querySelector('[data-scale=max]')?.textContent,
  min: chart.querySelector('[data-scale=min]')?.textContent,
});

/** The line's height in the plot, as a share of it (0 at the bottom, 1 at the top). */
function heights(svg: SVGSVGElement): number[] {
  const rect = svg.querySelector('rect') as SVGRectElement;
  const top = Number(rect.getAttribute('y'));
  const height = Number(rect.getAttribute('height'));
  const line = svg.querySelector('polyline')?.getAttribute('points') ?? '';
  return line.split(' ').map((p) => 1 - (Number(p.split(',')[1]) - top) / height);
}

describe('debrief charts', () => {
  it('draw a meter against its whole range, min and max labelled', () => {
    const svg = lineChart({
      title: 'Welzijn',
      values: [59, 61, 63],
      labels: ['Start', '1', '2'],
      format: String,
      money: false,
      range: { lo: 0, hi: 100 },
    });
    expect(scale(svg)).toEqual({ max: '100', min: '0' });
    const [first, , last] = heights(svg);
    // 59 → 63 of 100 is a small rise in the upper half, not the chart's full height.
    expect(first).toBeGreaterThan(0.5);
    expect(last - first).toBeLessThan(0.1);
    expect(last).toBeGreaterThan(first);
  });

  it('widen a range that a value leaves, and show money from zero', () => {
    expect(chartRange({ values: [120], money: false, range: { lo: 0, hi: 100 } })).toEqual({
      lo: 0,
      hi: 120,
    });
    expect(chartRange({ values: [5000, 8000], money: true })).toEqual({ lo: 0, hi: 8000 });
  });

  it("label every chart of the flagship's debrief with its scale, in the meter's unit", () => {
    const scenario = shipped('urk-2015.yaml');
    const players = [{ name: 'A' }, { name: 'B' }, { name: 'C' }];
    let state = newGame(scenario, { seed: 'charts', players });
    for (let n = 0; n < 60 && state.pending.kind !== 'ended'; n++)
      state = step(scenario, state, legalActions(scenario, state)[0]);
    const el = charts(
      scenario,
      state.log,
      'nl',
      (v) => localize(v, 'nl', scenario.languages),
      (v) => `€ ${v}`,
      String,
    );
    const welzijn = el.querySelector('[data-testid=chart-welzijn]') as Element;
    expect(scale(welzijn)).toEqual({ max: '100', min: '0' });
    for (const r of scenario.resources) {
      const s = scale(el.querySelector(`[data-testid=chart-${r.id}]`) as Element);
      expect(s.max).toMatch(/^€ /);
      expect(s.min).toMatch(/^€ /);
    }
  });

  it('keep % on a percentage meter', () => {
    const scenario = shipped('urk-2015.yaml');
    const percent: Scenario = {
      ...scenario,
      meters: scenario.meters.map((m) =>
        m.id === 'draagvlak' ? { ...m, unit: 'percent', max: undefined } : m,
      ),
    };
    const el = charts(percent, [], 'nl', (v) => localize(v, 'nl', scenario.languages), String, String);
    const chart = el.querySelector('[data-testid=chart-draagvlak]') as Element;
    expect(scale(chart)).toEqual({ max: '100%', min: '0%' });
    expect(chart.querySelector('svg')?.getAttribute('aria-label')).toMatch(/\d%$/);
  });
});
