import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { legalActions } from '../engine/legal';
import { newGame } from '../engine/setup';
import { step } from '../engine/step';
import type { GameState } from '../engine/types';
import { loadScenario } from '../scenario';
import type { Scenario } from '../scenario/schema';
import { changesOf, seriesFromLog } from './series';

function shipped(file: string): Scenario {
  const result = loadScenario(
    readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', file), 'utf8'),
    file,
  );
  if (!result.ok) throw new Error(`${file} does not load`);
  return result.scenario;
}

/** Plays a game by taking the n-th legal action (a different path per `pick`). */
function play(scenario: Scenario, pick: number, check: (s: GameState) => void): GameState {
  const players = Array.from({ length: scenario.players.min }, (_, i) => ({ name: `P${i}` }));
  let state = newGame(scenario, { seed: `series-${pick}`, players });
  for (let n = 0; n < 2000 && state.pending.kind !== 'ended'; n++) {
    const legal = legalActions(scenario, state);
    state = step(scenario, state, legal[(n * pick) % legal.length]);
    check(state);
  }
  return state;
}

describe('charts and sparklines read the log', () => {
  for (const file of ['demo.yaml', 'urk-2015.yaml']) {
    it(`land exactly on the engine's budgets and meters after every action (${file})`, () => {
      const scenario = shipped(file);
      for (const pick of [1, 3]) {
        const end = play(scenario, pick, (state) => {
          const series = seriesFromLog(scenario, state.log, true);
          for (const r of scenario.resources)
            expect(series.resources[r.id].at(-1)).toBe(state.resources[r.id]);
          for (const m of scenario.meters)
            expect(series.meters[m.id].at(-1)).toBeCloseTo(state.meters[m.id], 6);
        });
        // One point for the start and one for every round that ended.
        const ended = end.log.filter((e) => e.kind === 'roundEnd').length;
        expect(seriesFromLog(scenario, end.log).rounds).toHaveLength(ended + 1);
      }
    });
  }

  it('sum what one action changed, per budget and meter', () => {
    const scenario = shipped('demo.yaml');
    const players = [{ name: 'A' }, { name: 'B' }];
    let state = newGame(scenario, { seed: 'x', players });
    const before = state;
    state = step(scenario, state, legalActions(scenario, state)[0]);
    const changes = changesOf(state.log.slice(before.log.length));
    for (const r of scenario.resources) {
      expect((before.resources[r.id] ?? 0) + (changes.resources[r.id] ?? 0)).toBe(state.resources[r.id]);
    }
  });
});
