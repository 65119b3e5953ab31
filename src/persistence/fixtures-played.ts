/**
 * Test fixture: a real session of the shipped demo-deck scenario, played some legal actions deep.
 * Test-only (reads the scenario file with Node's fs).
 */
import { readFileSync } from 'node:fs';
import { legalActions } from '../engine/legal';
import { newRecord, replay } from '../engine/record';
import { step } from '../engine/step';
import type { Action } from '../engine/types';
import { loadScenario } from '../scenario';
import type { SavedSession } from './session-format';

export const FILE = 'demo-deck.yaml';
export const SOURCE = readFileSync(new URL(`../../scenarios/${FILE}`, import.meta.url), 'utf8');

/** A real session: the demo scenario played `n` legal actions deep (always the first legal action). */
export function playedSession(n: number): SavedSession {
  const loaded = loadScenario(SOURCE, FILE);
  if (!loaded.ok) throw new Error(`demo scenario does not load: ${loaded.errors[0]?.message}`);
  const { scenario, hash } = loaded;
  const players = [{ name: 'Anna' }, { name: 'Bram' }, { name: 'Cem' }];
  let record = newRecord(scenario, hash, 'werkplaats', players);
  let state = replay(scenario, record);
  const actions: Action[] = [];
  for (let i = 0; i < n && state.pending.kind !== 'ended'; i++) {
    const action = legalActions(scenario, state)[0]!;
    state = step(scenario, state, action);
    actions.push(action);
  }
  record = { ...record, actions };
  return {
    format: 'dd-session',
    version: 1,
    id: 'werkplaats-1',
    savedAt: '2026-11-29T14:32:05.000+01:00',
    record,
    scenario: { source: SOURCE, file: FILE, hash, title: 'Demo: de stapel van Zeewijk' },
    ui: {
      timerRemainingMs: 30_000,
      timerLengthMs: 90_000,
      language: 'nl',
      round: state.round,
      players: ['Anna', 'Bram', 'Cem'],
    },
  };
}
