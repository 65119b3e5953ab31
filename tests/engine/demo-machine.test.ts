/**
 * Model test: the session machine driven through every phase of the shipped demo scenarios,
 * agreeing with the pure core after every single action.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { legalActions } from '../../src/engine/legal';
import { sessionMachine } from '../../src/engine/machine';
import { createRandom } from '../../src/engine/rng';
import { newGame } from '../../src/engine/setup';
import { step } from '../../src/engine/step';
import type { GameState } from '../../src/engine/types';
import { loadScenario } from '../../src/scenario';

function load(file: string) {
  const result = loadScenario(readFileSync(file, 'utf8'), file);
  if (!result.ok) throw new Error(`${file} does not load`);
  return result;
}

function stateName(value: unknown): string {
  return typeof value === 'string' ? value : `playing.${(value as { playing: string }).playing}`;
}

for (const file of ['scenarios/demo.yaml', 'scenarios/demo-deck.yaml']) {
  describe(`the session machine on ${file}`, () => {
    const { scenario, hash } = load(file);

    it('visits every phase the scenario has and agrees with the core at every step', () => {
      const visited = new Set<string>();
      for (let game = 0; game < 12; game++) {
        const random = createRandom(`model-${game}`);
        const seed = `model-${game}`;
        const players = Array.from({ length: scenario.players.max }, (_, i) => ({ name: `Speler ${i + 1}` }));
        const actor = createActor(sessionMachine, { input: { scenario, scenarioHash: hash } }).start();
        visited.add(stateName(actor.getSnapshot().value));
        actor.send({ type: 'START', seed, players });
        let core: GameState = newGame(scenario, { seed, players });
        for (let n = 0; n < 2000 && !actor.getSnapshot().matches('ended'); n++) {
          const snap = actor.getSnapshot();
          visited.add(stateName(snap.value));
          if (snap.matches({ playing: 'outcome' })) {
            actor.send({ type: 'CONTINUE' });
            continue;
          }
          const legal = legalActions(scenario, core);
          expect(legal.length).toBeGreaterThan(0);
          const action = legal[Math.floor(random.next() * legal.length)];
          actor.send({ type: 'ACT', action });
          core = step(scenario, core, action);
          expect(actor.getSnapshot().context.state).toEqual(core);
        }
        visited.add(stateName(actor.getSnapshot().value));
        expect(actor.getSnapshot().value).toBe('ended');
      }
      const expected = ['setup', 'playing.card', 'playing.outcome', 'ended'];
      if (scenario.board) expected.push('playing.turn', 'playing.invest', 'playing.council');
      else expected.push('playing.turn');
      for (const name of expected) expect(visited).toContain(name);
    });
  });
}
