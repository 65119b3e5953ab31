/**
 * The shipped scenarios (scenarios/*.yaml, through the real loader) played through by the core
 * with random legal actions, at the smallest and largest table: no dead end, no refused legal
 * action, an ending, and a record that replays to the same state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario';
import { legalActions } from './legal';
import { newRecord, replay } from './record';
import { createRandom } from './rng';
import { newGame } from './setup';
import { canStep, step } from './step';
import type { Action } from './types';
import { view } from './view';

const dir = join(process.cwd(), 'scenarios');
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const GAMES = 25;

describe.each(files)('scenarios/%s', (file) => {
  const loaded = loadScenario(readFileSync(join(dir, file), 'utf8'), file);

  it('loads', () => {
    expect(loaded.ok).toBe(true);
  });

  it.runIf(loaded.ok)('plays through at players.min and players.max with random legal actions', () => {
    if (!loaded.ok) return;
    const sc = loaded.scenario;
    const endings = new Set<string>();
    for (const n of new Set([sc.players.min, sc.players.max])) {
      for (let g = 0; g < GAMES; g++) {
        const r = createRandom(`${file}/${n}/${g}`);
        const players = Array.from({ length: n }, (_, i) => ({ name: `Speler ${i + 1}` }));
        let state = newGame(sc, { seed: `${file}-${g}`, players });
        const actions: Action[] = [];
        while (state.pending.kind !== 'ended') {
          const legal = legalActions(sc, state);
          expect(legal.length, `dead end in ${file} while ${state.pending.kind}`).toBeGreaterThan(0);
          view(sc, state);
          const action = legal[r.int(legal.length)];
          expect(canStep(sc, state, action)).toEqual({ ok: true });
          actions.push(action);
          state = step(sc, state, action);
          expect(actions.length).toBeLessThan(5000);
        }
        expect(state.ending).not.toBeNull();
        endings.add(state.ending?.id ?? '');
        if (g === 0) {
          const record = newRecord(
            sc,
            'hash',
            `${file}-${g}`,
            state.players.map((p) => ({ name: p.name, role: p.role ?? undefined })),
            actions,
          );
          expect(replay(sc, record)).toEqual(state);
        }
      }
    }
    for (const e of endings) expect(sc.endings.map((x) => x.id)).toContain(e);
  });
});
